// The ingest work queue on PostgreSQL: one row per file to read, claimed by workers on any machine with
// FOR UPDATE SKIP LOCKED (so no two workers take the same file and none waits for another), under a lease that a
// working worker renews. A worker that dies (kill -9, a lost machine) stops renewing; when its lease runs out the file
// is claimed again by another. Reading a file twice is harmless: the store keeps each file's bytes once (by sha256),
// so the effect is exactly once even though delivery is at least once.
import { defaultMaxAttempts, type IngestJob, type IngestQueue } from '../ingest-queue.js';
import type { PgDb } from './pg-db.js';

export const jobsSchema = `
  CREATE TABLE ingest_jobs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    path TEXT NOT NULL,
    size BIGINT NOT NULL,
    collection TEXT NOT NULL,
    -- The ingest options the run was enqueued with (country, limits), as JSON.
    options TEXT NOT NULL DEFAULT '{}',
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    worker TEXT,
    lease_until TIMESTAMPTZ,
    -- Why the last attempt failed (a worker's crash, not a bad file: bad files are ingest problems, and done).
    last_error TEXT,
    enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ,
    UNIQUE (path, collection)
  );
  CREATE INDEX ingest_jobs_claimable ON ingest_jobs (id) WHERE state IN ('queued', 'running');
  CREATE INDEX ingest_jobs_finished ON ingest_jobs (finished_at) WHERE state = 'done';
`;


type JobRow = { id: number; path: string; size: number; collection: string; options: string; attempts: number };
const toJob = (r: JobRow): IngestJob => ({ id: r.id, path: r.path, size: r.size, collection: r.collection, options: JSON.parse(r.options) as Record<string, unknown>, attempts: r.attempts });

export function postgresIngestQueue(db: PgDb): IngestQueue {
  return {
    async enqueue(files, collection, options = {}) {
      if (files.length === 0) return { added: 0, alreadyQueued: 0 };
      let added = 0;
      // In slices, so that a haul of millions of files is not one statement of millions of parameters.
      for (let at = 0; at < files.length; at += 5000) {
        const slice = files.slice(at, at + 5000);
        const rows = await db.query<{ id: number }>(
          `INSERT INTO ingest_jobs (path, size, collection, options)
           SELECT path, size, $3, $4 FROM unnest($1::text[], $2::bigint[]) AS f(path, size)
           ON CONFLICT (path, collection) DO NOTHING RETURNING id`,
          [slice.map((f) => f.path), slice.map((f) => f.size), collection, JSON.stringify(options)],
        );
        added += rows.length;
      }
      return { added, alreadyQueued: files.length - added };
    },

    async claim(worker, limit, leaseMs, maxAttempts = defaultMaxAttempts) {
      return db.transaction(async (tx) => {
        // Files whose workers died too often are failed, not handed out again.
        await tx.query(
          `UPDATE ingest_jobs SET state = 'failed', finished_at = now(), worker = NULL, lease_until = NULL,
                  last_error = coalesce(last_error, 'its worker stopped while reading it') || ' (' || attempts || ' attempts)'
           WHERE state = 'running' AND lease_until < now() AND attempts >= $1`,
          [maxAttempts],
        );
        // The first claimable job decides the batch's collection and options; the batch takes more of the same.
        const first = await tx.one<{ collection: string; options: string }>(
          `SELECT collection, options FROM ingest_jobs
           WHERE state = 'queued' OR (state = 'running' AND lease_until < now())
           ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        );
        if (!first) return [];
        const rows = await tx.query<JobRow>(
          `UPDATE ingest_jobs SET state = 'running', worker = $1, lease_until = now() + ($2 || ' milliseconds')::interval, attempts = attempts + 1
           WHERE id IN (
             SELECT id FROM ingest_jobs
             WHERE (state = 'queued' OR (state = 'running' AND lease_until < now())) AND collection = $3 AND options = $4
             ORDER BY id LIMIT $5 FOR UPDATE SKIP LOCKED)
           RETURNING id, path, size, collection, options, attempts`,
          [worker, String(leaseMs), first.collection, first.options, limit],
        );
        return rows.sort((a, b) => a.id - b.id).map(toJob);
      });
    },

    async renew(worker, ids, leaseMs) {
      if (ids.length === 0) return;
      await db.query(`UPDATE ingest_jobs SET lease_until = now() + ($3 || ' milliseconds')::interval WHERE worker = $1 AND state = 'running' AND id = ANY($2::bigint[])`, [worker, ids, String(leaseMs)]);
    },

    async complete(worker, ids) {
      if (ids.length === 0) return 0;
      const rows = await db.query(
        `UPDATE ingest_jobs SET state = 'done', finished_at = now(), worker = NULL, lease_until = NULL
         WHERE worker = $1 AND state = 'running' AND id = ANY($2::bigint[]) RETURNING id`,
        [worker, ids],
      );
      return rows.length;
    },

    async release(worker, ids, error) {
      if (ids.length === 0) return;
      await db.query(
        error === undefined
          ? `UPDATE ingest_jobs SET state = 'queued', worker = NULL, lease_until = NULL, attempts = greatest(attempts - 1, 0) WHERE worker = $1 AND state = 'running' AND id = ANY($2::bigint[])`
          : `UPDATE ingest_jobs SET state = 'failed', worker = NULL, lease_until = NULL, finished_at = now(), last_error = $3 WHERE worker = $1 AND state = 'running' AND id = ANY($2::bigint[])`,
        error === undefined ? [worker, ids] : [worker, ids, error],
      );
    },

    async status() {
      const counts = await db.query<{ state: string; n: number }>(`SELECT state, count(*) AS n FROM ingest_jobs GROUP BY state`);
      const by = Object.fromEntries(counts.map((r) => [r.state, r.n])) as Record<string, number>;
      const failures = await db.query<{ reason: string; jobs: number }>(
        `SELECT coalesce(last_error, 'unknown') AS reason, count(*) AS jobs FROM ingest_jobs WHERE state = 'failed' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`,
      );
      const recent = await db.one<{ files: number; bytes: number | null }>(
        `SELECT count(*) AS files, sum(size) AS bytes FROM ingest_jobs WHERE state = 'done' AND finished_at > now() - interval '1 minute'`,
      );
      const workers = await db.one<{ n: number }>(`SELECT count(DISTINCT worker) AS n FROM ingest_jobs WHERE state = 'running' AND lease_until >= now()`);
      return {
        queued: by.queued ?? 0,
        running: by.running ?? 0,
        done: by.done ?? 0,
        failed: by.failed ?? 0,
        failures,
        lastMinute: { files: recent?.files ?? 0, bytes: recent?.bytes ?? 0 },
        workers: workers?.n ?? 0,
      };
    },
  };
}
