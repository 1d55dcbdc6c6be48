// The server store: the same Store boundary on PostgreSQL (15 or later), for agencies that outgrow one machine.
// Many processes (API nodes, ingest workers) open it at once; the schema is migrated once between them on open.
import { VigilError } from '../../errors.js';
import type { IngestQueue } from '../ingest-queue.js';
import type { Store } from '../store.js';
import { migrate } from './migrations.js';
import { postgresAccess } from './pg-access.js';
import { openPgDb } from './pg-db.js';
import { postgresHaul } from './pg-haul.js';
import { postgresIngestQueue } from './pg-jobs.js';
import { postgresViews } from './pg-views.js';
import { postgresWatchlist } from './pg-watchlist.js';

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** The store and the ingest work queue on one pool of connections. */
export async function openPostgresDeployment(url: string, options: { connections?: number } = {}): Promise<{ store: Store; queue: IngestQueue }> {
  const db = openPgDb(url, { max: options.connections });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    if (error instanceof VigilError) throw error;
    const where = url.replace(/\/\/[^@/]*@/, '//');
    throw new VigilError('input', 'store.unreachable', `cannot open the PostgreSQL store at ${where}: ${(error as Error).message}`, { cause: error });
  }
  const store: Store = {
    ...postgresHaul(db),
    ...postgresViews(db),
    ...postgresWatchlist(db),
    ...postgresAccess(db),
    close: () => db.close(),
  };
  return { store, queue: postgresIngestQueue(db) };
}

export async function openPostgresStore(url: string, options: { connections?: number } = {}): Promise<Store> {
  return (await openPostgresDeployment(url, options)).store;
}
