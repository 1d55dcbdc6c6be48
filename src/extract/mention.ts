import type { EntityType } from '../store/index.js';

/** A mention as the extractor sees it, before resolution gives it an entity. */
export interface ExtractedMention {
  type: EntityType;
  text: string;
  start: number;
  end: number;
  confidence: number;
  /** Which rule or pattern found it, for audit and evaluation: `rule:role-cue`, `pattern:phone` … */
  method: string;
  /** For identifiers: the normalised value that identifies the entity (E.164 phone, upper-case passport). */
  value?: string;
  /** Index (in the same result list) of the mention this one abbreviates or repeats, e.g. "SDF" → the long form. */
  antecedent?: number;
}
