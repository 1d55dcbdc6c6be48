// PostgreSQL store, documents, sources and their places, problems, full-text search, entities, their names, keys and mentions, analysts' decisions, re-extraction.
// UNFINISHED on this branch: every method below is still to be written (see src/store/sqlite/ for what each does).
import type { Store } from '../store.js';
import type { PgDb } from './pg-db.js';
import { unfinished } from './unfinished.js';

export type HaulPart = Pick<Store, 'hasSource' | 'addSourcePath' | 'sourcePlaces' | 'saveIngestBatch' | 'recordProblem' | 'listProblems' | 'listDocuments' | 'getDocument' | 'childDocuments' | 'searchDocuments' | 'documentsIn' | 'listCollections' | 'findEntityCandidates' | 'listEntities' | 'getEntity' | 'mentionsOfEntity' | 'sharedCompany' | 'mentionsInDocument' | 'entityKeyVersion' | 'replaceEntityKeys' | 'setEntityPlaces' | 'mergeEntities' | 'splitEntity' | 'entityDecisions' | 'replaceDocumentMentions' | 'pruneEntities' | 'summary'>;

/** The tables of this part (mirroring the SQLite store's names and meanings). */
// Branch pg-watch only, for its tests: the one table migration 2 refers to. The haul branch's schema replaces this.
export const haulSchema = `CREATE TABLE entities (id TEXT PRIMARY KEY)`;

export function postgresHaul(db: PgDb): HaulPart {
  void db;
  return unfinished<HaulPart>(['hasSource', 'addSourcePath', 'sourcePlaces', 'saveIngestBatch', 'recordProblem', 'listProblems', 'listDocuments', 'getDocument', 'childDocuments', 'searchDocuments', 'documentsIn', 'listCollections', 'findEntityCandidates', 'listEntities', 'getEntity', 'mentionsOfEntity', 'sharedCompany', 'mentionsInDocument', 'entityKeyVersion', 'replaceEntityKeys', 'setEntityPlaces', 'mergeEntities', 'splitEntity', 'entityDecisions', 'replaceDocumentMentions', 'pruneEntities', 'summary']);
}
