// search: the query language, ranked full-text search with filters and facets, and cursor paging over the store.
// Never caps results silently: every page says how many matched in all and how to get the next.
export { parseQuery } from './parse-query.js';
export { facetSize, queryOf, searchDocuments, type SearchRequest } from './search-documents.js';
export { encodeCursor, decodeCursor, pageSize, type Paged } from './cursor.js';
