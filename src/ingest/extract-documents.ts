// Extraction and resolution of stored or new documents, shared by ingest and re-extraction: each leaf
// document's text is read against its own date (for "yesterday"), and analysts' decisions are replayed.
import { extractMentions } from '../extract/index.js';
import { resolveMentions, type DecisionReplay, type ResolvedMentions } from '../resolve/index.js';
import type { DocumentRecord, Store } from '../store/index.js';

export async function extractAndResolve(
  documents: readonly Pick<DocumentRecord, 'id' | 'text' | 'date' | 'isLeaf'>[],
  store: Store,
  decisions: DecisionReplay,
): Promise<ResolvedMentions> {
  return resolveMentions(
    documents.filter((d) => d.isLeaf).map((d) => ({ documentId: d.id, mentions: extractMentions(d.text, { reference: d.date }) })),
    store,
    { decisions },
  );
}
