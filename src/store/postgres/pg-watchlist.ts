// PostgreSQL store, watchlist entries and their versions, list thresholds, reviewers' screening decisions, the stolen/lost/blank document registry.
// UNFINISHED on this branch: every method below is still to be written (see src/store/sqlite/ for what each does).
import type { Store } from '../store.js';
import type { PgDb } from './pg-db.js';
import { unfinished } from './unfinished.js';

export type WatchlistPart = Pick<Store, 'putWatchlistEntry' | 'putWatchlistEntries' | 'watchlistHistory' | 'getWatchlistEntry' | 'findWatchlistEntryByRef' | 'findWatchlistEntriesByEntity' | 'listWatchlistEntries' | 'countWatchlistEntries' | 'putListThresholds' | 'listThresholds' | 'recordScreeningDecision' | 'screeningDecisions' | 'watchlistChangedSince' | 'watchlistVersion' | 'addDocumentRegistryEntries' | 'documentRegistrySince' | 'documentRegistryVersion'>;

/** The tables of this part (mirroring the SQLite store's names and meanings). */
export const watchlistSchema = `SELECT 1`;

export function postgresWatchlist(db: PgDb): WatchlistPart {
  void db;
  return unfinished<WatchlistPart>(['putWatchlistEntry', 'putWatchlistEntries', 'watchlistHistory', 'getWatchlistEntry', 'findWatchlistEntryByRef', 'findWatchlistEntriesByEntity', 'listWatchlistEntries', 'countWatchlistEntries', 'putListThresholds', 'listThresholds', 'recordScreeningDecision', 'screeningDecisions', 'watchlistChangedSince', 'watchlistVersion', 'addDocumentRegistryEntries', 'documentRegistrySince', 'documentRegistryVersion']);
}
