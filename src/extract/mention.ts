import type { MentionRecord } from '../store/index.js';

/** A mention as the extractor sees it: a stored mention before resolution gives it a document and an entity. */
export interface ExtractedMention extends Omit<MentionRecord, 'documentId' | 'entityId'> {
  /** For identifiers: the normalised value that identifies the entity (E.164 phone, upper-case passport). */
  value?: string;
  /** Index (in the same result list) of the mention this one abbreviates or repeats, e.g. "SDF" → the long form. */
  antecedent?: number;
}
