// PostgreSQL store, users, API tokens, browser sessions and the append-only audit log.
// UNFINISHED on this branch: every method below is still to be written (see src/store/sqlite/ for what each does).
import type { Store } from '../store.js';
import type { PgDb } from './pg-db.js';
import { unfinished } from './unfinished.js';

export type AccessPart = Pick<Store, 'createUser' | 'updateUser' | 'userById' | 'userByName' | 'listUsers' | 'createToken' | 'tokenByHash' | 'touchToken' | 'revokeToken' | 'listTokens' | 'createSession' | 'sessionByHash' | 'touchSession' | 'endSession' | 'endSessionsOf' | 'appendAudit' | 'auditRecords'>;

/** The tables of this part (mirroring the SQLite store's names and meanings). */
export const accessSchema = `SELECT 1`;

export function postgresAccess(db: PgDb): AccessPart {
  void db;
  return unfinished<AccessPart>(['createUser', 'updateUser', 'userById', 'userByName', 'listUsers', 'createToken', 'tokenByHash', 'touchToken', 'revokeToken', 'listTokens', 'createSession', 'sessionByHash', 'touchSession', 'endSession', 'endSessionsOf', 'appendAudit', 'auditRecords']);
}
