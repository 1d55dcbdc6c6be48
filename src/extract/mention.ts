import type { MentionRecord } from '../store/index.js';

/** A mention as the extractor sees it: a stored mention before resolution gives it a document and an entity. */
export interface ExtractedMention extends Omit<MentionRecord, 'documentId' | 'entityId' | 'value' | 'sentence'> {
  /** For identifiers and other pattern types: the normalised value that identifies the entity (E.164 phone, ISO date). */
  value?: string;
  /**
   * The sentence it was found in. Finders that see no sentences leave it out; `extractMentions` always sets it,
   * and a mention given without one (a gold-standard span) stands for its own sentence.
   */
  sentence?: { start: number; end: number };
  /** Index (in the same result list) of the mention this one abbreviates or repeats, e.g. "SDF" → the long form. */
  antecedent?: number;
}
