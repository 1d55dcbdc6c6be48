// The PostgreSQL schema, versioned like SQLite's: each migration runs once, in order, in its own transaction, and
// under an advisory lock, so API nodes and workers starting at the same moment migrate it once between them.
import { VigilError } from '../../errors.js';
import { accessSchema } from './pg-access.js';
import { haulSchema } from './pg-haul.js';
import { jobsSchema } from './pg-jobs.js';
import { viewSchema } from './pg-views.js';
import { watchlistSchema } from './pg-watchlist.js';
import type { PgDb } from './pg-db.js';

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/** The tables, column names and meanings follow the SQLite store's (after all its migrations), so both read alike. */
export const postgresMigrations: PgMigration[] = [
  { version: 1, name: 'haul, entities and mentions', sql: haulSchema },
  { version: 2, name: 'watchlists, screening decisions and the document registry', sql: watchlistSchema },
  { version: 3, name: 'users, tokens, sessions and the audit log', sql: accessSchema },
  { version: 4, name: 'indexes for the haul views', sql: viewSchema },
  { version: 5, name: 'the ingest work queue', sql: jobsSchema },
];

// Any fixed number: the key of the one advisory lock every Vigil process takes to migrate.
const migrationLock = 7_414_233_101;

export async function migrate(db: PgDb, migrations: PgMigration[] = postgresMigrations): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const applied = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const newest = Math.max(0, ...applied);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known) {
      throw new VigilError('input', 'store.newer-schema', `the PostgreSQL store is at schema version ${newest}, newer than this Vigil knows (${known}): upgrade Vigil before using it`);
    }
    let ran = 0;
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await tx.query(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      ran++;
    }
    return ran;
  });
}
