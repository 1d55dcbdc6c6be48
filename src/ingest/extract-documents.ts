// Extraction and resolution of stored or new documents, shared by ingest and re-extraction: each leaf
// document's text is read against its own date (for "yesterday") and country (metadata `country`, for local phone
// numbers), and analysts' decisions are replayed.
import { extractMentions } from '../extract/index.js';
import { resolveMentions, type DecisionReplay, type ResolvedMentions } from '../resolve/index.js';
import type { DocumentRecord, Store } from '../store/index.js';

/**
 * The longest text whose entities are extracted, in characters. Extraction is linear and its memory bounded per
 * sentence, but the mentions of one document are resolved and written in one transaction: a 30 MB text (a log or
 * database dump saved as text) holds half a million of them and takes minutes. Longer documents are stored and
 * searchable, their entities not extracted, and the reason is recorded. 10 MB documents are read whole.
 */
export const maxExtractedCharacters = 24_000_000;

export interface ExtractionLimits {
  /** Documents with more characters of text are stored without extraction (default maxExtractedCharacters). */
  maxCharacters?: number;
}

export interface ExtractedDocuments extends ResolvedMentions {
  /** Leaf documents whose entities were not extracted, and why. */
  skipped: { documentId: string; reason: string }[];
}

export async function extractAndResolve(
  documents: readonly Pick<DocumentRecord, 'id' | 'text' | 'date' | 'isLeaf' | 'metadata'>[],
  store: Store,
  decisions: DecisionReplay,
  limits: ExtractionLimits = {},
): Promise<ExtractedDocuments> {
  const maxCharacters = limits.maxCharacters ?? maxExtractedCharacters;
  const leaves = documents.filter((d) => d.isLeaf);
  const skipped = leaves
    .filter((d) => d.text.length > maxCharacters)
    .map((d) => ({
      documentId: d.id,
      reason: `entities not extracted: its text of ${d.text.length.toLocaleString('en')} characters is over the limit of ` +
        `${maxCharacters.toLocaleString('en')} (the text is stored and searchable)`,
    }));
  const resolved = await resolveMentions(
    leaves
      .filter((d) => d.text.length <= maxCharacters)
      .map((d) => ({ documentId: d.id, mentions: extractMentions(d.text, { reference: d.date, country: d.metadata['country'] ?? null }) })),
    store,
    { decisions },
  );
  return { ...resolved, skipped };
}
