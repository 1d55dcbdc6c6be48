// PostgreSQL store, the haul's views: filtered search with facets, places of documents, entity name search, co-mentions, activity and timelines.
// UNFINISHED on this branch: every method below is still to be written (see src/store/sqlite/ for what each does).
import type { Store } from '../store.js';
import type { PgDb } from './pg-db.js';
import { unfinished } from './unfinished.js';

export type ViewPart = Pick<Store, 'documentFacets' | 'placesInDocuments' | 'coMentions' | 'entityActivity' | 'entityTimeline' | 'findEntitiesByName'>;

/** The tables of this part (mirroring the SQLite store's names and meanings). */
export const viewSchema = `SELECT 1`;

export function postgresViews(db: PgDb): ViewPart {
  void db;
  return unfinished<ViewPart>(['documentFacets', 'placesInDocuments', 'coMentions', 'entityActivity', 'entityTimeline', 'findEntitiesByName']);
}
