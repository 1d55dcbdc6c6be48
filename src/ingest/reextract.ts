// Re-extraction: after a model or rule update, every stored document's mentions are found and resolved again,
// one document per transaction, with analysts' merges and splits replayed. Entities keep their ids wherever the
// new mentions resolve to them by name, so watchlist evidence stays linked; entities nothing refers to any more
// are pruned at the end of a complete run. An interrupted run leaves whole documents only, and can be re-run.
import type { Logger } from '../logger.js';
import { decisionReplay } from '../resolve/index.js';
import type { Store } from '../store/index.js';
import { extractAndResolve } from './extract-documents.js';

export interface ReextractOptions {
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; path: string }) => void;
}

export interface ReextractReport {
  documents: number;
  /** Documents left as they were: their text is over the extraction limit. */
  tooLong: number;
  mentions: number;
  newEntities: number;
  /** Left over by the new extraction and removed (nothing, not a watchlist entry nor a decision, refers to them). */
  pruned: { entities: number; names: number };
  interrupted: boolean;
}

const page = 200;

export async function reextractDocuments(deps: { store: Store; logger: Logger }, options: ReextractOptions = {}): Promise<ReextractReport> {
  const { store, logger } = deps;
  const decisions = decisionReplay(await store.entityDecisions());
  const report: ReextractReport = { documents: 0, tooLong: 0, mentions: 0, newEntities: 0, pruned: { entities: 0, names: 0 }, interrupted: false };
  let seen = 0;
  for (let offset = 0; ; offset += page) {
    const documents = await store.listDocuments({ offset, limit: page });
    for (const doc of documents) {
      if (options.signal?.aborted) {
        report.interrupted = true;
        break;
      }
      options.onProgress?.({ done: seen++, path: doc.path });
      if (!doc.isLeaf) continue;
      const { skipped, ...resolved } = await extractAndResolve([doc], store, decisions);
      if (skipped.length > 0) {
        report.tooLong++;
        continue;
      }
      await store.replaceDocumentMentions({ documentId: doc.id, ...resolved });
      report.documents++;
      report.mentions += resolved.mentions.length;
      report.newEntities += resolved.newEntities.length;
    }
    if (report.interrupted || documents.length < page) break;
  }
  if (!report.interrupted) {
    report.pruned = await store.pruneEntities();
    logger.info('re-extracted documents', { documents: report.documents, mentions: report.mentions, pruned: report.pruned.entities });
  }
  return report;
}
