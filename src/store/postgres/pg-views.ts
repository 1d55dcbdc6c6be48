// PostgreSQL store, the haul's views: full-text and filtered search with facets, places of documents, entity name
// search, co-mentions, activity and timelines. Migration 4 (pg-views-schema.ts) adds what they read.
import type { Store } from '../store.js';
import type { PgDb } from './pg-db.js';
import { PgEntityReads } from './pg-entities.js';
import { PgEntityNameSearch } from './pg-entity-name-search.js';
import { PgHaulViews } from './pg-haul-views.js';
import { PgLinkViews } from './pg-link-views.js';

export { viewSchema } from './pg-views-schema.js';

export type ViewPart = Pick<Store, 'searchDocuments' | 'documentFacets' | 'placesInDocuments' | 'coMentions' | 'entityActivity' | 'entityTimeline' | 'findEntitiesByName'>;

export function postgresViews(db: PgDb): ViewPart {
  const documents = new PgHaulViews(db);
  const links = new PgLinkViews(db);
  const entities = new PgEntityReads(db);
  const names = new PgEntityNameSearch(db, (rows, scope) => entities.summarise(rows, scope));
  return {
    searchDocuments: (query, page, scope = null, filter = {}) => documents.search(query, page, scope, filter),
    documentFacets: (query, filter, scope = null, top = 15) => documents.facets(query, filter, scope, top),
    placesInDocuments: (query, filter, scope = null) => documents.places(query, filter, scope),
    findEntitiesByName: (text, filter, page, scope = null) => names.byName(text, filter, page, scope),
    coMentions: (ids, filter, scope = null) => links.coMentions(ids, filter, scope),
    entityActivity: (ids, range, scope = null) => links.activity(ids, range, scope),
    entityTimeline: (id, scope = null) => links.timeline(id, scope),
  };
}
