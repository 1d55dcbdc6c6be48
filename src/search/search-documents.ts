import type { DocumentFacets, DocumentFilter, Scope, SearchHit, Store, TextQuery } from '../store/index.js';
import { decodeCursor, encodeCursor, pageSize, type Paged } from './cursor.js';
import { parseQuery } from './parse-query.js';

export interface SearchRequest {
  /** The search box's query; absent or blank: every leaf document, newest first. */
  query?: string;
  filter?: DocumentFilter;
  /** Also count the matching documents by entity, type, place, month, collection, language and format. */
  facets?: boolean;
  cursor?: string;
  limit?: number;
}

/** Entities and places a facet lists. */
export const facetSize = 15;

/** The query a search box's text stands for: null (everything) when it is blank. */
export function queryOf(text: string | undefined): TextQuery | null {
  return text === undefined || text.trim() === '' ? null : parseQuery(text);
}

/**
 * Search over leaf documents, ranked (or newest first without a query), one page at a time; `total` counts every
 * match, and the facets (when asked) count all of them too, not the page.
 */
export async function searchDocuments(store: Store, request: SearchRequest, collections: Scope = null): Promise<Paged<SearchHit> & { facets?: DocumentFacets }> {
  const parsed = queryOf(request.query);
  const filter = request.filter ?? {};
  // The filter is part of what a cursor belongs to: the same offset of another filtered list is another page.
  const scope = 'search:' + JSON.stringify(parsed) + (Object.keys(filter).length > 0 ? JSON.stringify(filter) : '');
  const offset = decodeCursor(request.cursor, scope);
  const limit = pageSize(request.limit, 20);
  const { total, hits } = await store.searchDocuments(parsed, { offset, limit }, collections, filter);
  const next = offset + hits.length;
  const page = { results: hits, total, nextCursor: next < total ? encodeCursor(next, scope) : null };
  return request.facets ? { ...page, facets: await store.documentFacets(parsed, filter, collections, facetSize) } : page;
}
