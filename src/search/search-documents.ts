import type { Scope, SearchHit, Store } from '../store/index.js';
import { decodeCursor, encodeCursor, pageSize, type Paged } from './cursor.js';
import { parseQuery } from './parse-query.js';

export interface SearchRequest {
  query: string;
  cursor?: string;
  limit?: number;
}

/** Full-text search over leaf documents, ranked, one page at a time; `total` counts every match. */
export async function searchDocuments(store: Store, request: SearchRequest, collections: Scope = null): Promise<Paged<SearchHit>> {
  const parsed = parseQuery(request.query);
  const scope = 'search:' + JSON.stringify(parsed);
  const offset = decodeCursor(request.cursor, scope);
  const limit = pageSize(request.limit, 20);
  const { total, hits } = await store.searchDocuments(parsed, { offset, limit }, collections);
  const next = offset + hits.length;
  return { results: hits, total, nextCursor: next < total ? encodeCursor(next, scope) : null };
}
