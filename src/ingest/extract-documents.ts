// Extraction and resolution of stored or new documents, shared by ingest and re-extraction: each leaf
// document's text is read against its own date (for "yesterday") and country (metadata `country`, for local phone
// numbers), and analysts' decisions are replayed.
import { extractMentions } from '../extract/index.js';
import { resolveMentions, type DecisionReplay, type DocumentMentions, type ResolvedMentions } from '../resolve/index.js';
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

/** What extraction found in a file's documents, before resolution: pure, so it may run in a worker thread. */
export interface ExtractedText {
  extracted: DocumentMentions[];
  skipped: ExtractedDocuments['skipped'];
}

/** Finds the mentions in each leaf document short enough to read; no store, no I/O. */
export function extractDocuments(
  documents: readonly Pick<DocumentRecord, 'id' | 'text' | 'date' | 'isLeaf' | 'metadata'>[],
  limits: ExtractionLimits = {},
): ExtractedText {
  const maxCharacters = limits.maxCharacters ?? maxExtractedCharacters;
  const leaves = documents.filter((d) => d.isLeaf);
  const skipped = leaves
    .filter((d) => d.text.length > maxCharacters)
    .map((d) => ({
      documentId: d.id,
      reason: `entities not extracted: its text of ${d.text.length.toLocaleString('en')} characters is over the limit of ` +
        `${maxCharacters.toLocaleString('en')} (the text is stored and searchable)`,
    }));
  const extracted = leaves
    .filter((d) => d.text.length <= maxCharacters)
    .map((d) => ({ documentId: d.id, mentions: extractMentions(d.text, { reference: d.date, country: d.metadata['country'] ?? null }) }));
  return { extracted, skipped };
}

/** Resolves what extraction found against the store, replaying analysts' decisions: on the thread holding the store. */
export async function resolveExtracted(found: ExtractedText, store: Store, decisions: DecisionReplay): Promise<ExtractedDocuments> {
  const resolved = await resolveMentions(found.extracted, store, { decisions });
  return { ...resolved, skipped: found.skipped };
}

export async function extractAndResolve(
  documents: readonly Pick<DocumentRecord, 'id' | 'text' | 'date' | 'isLeaf' | 'metadata'>[],
  store: Store,
  decisions: DecisionReplay,
  limits: ExtractionLimits = {},
): Promise<ExtractedDocuments> {
  return resolveExtracted(extractDocuments(documents, limits), store, decisions);
}
