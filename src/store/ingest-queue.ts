// The ingest work queue: files to read, shared by worker processes on any number of machines. Only the PostgreSQL
// store has one (postgres/pg-jobs.ts); the embedded store is one machine's, read by `vigil ingest` directly.

export const defaultMaxAttempts = 3;

export interface IngestJob {
  id: number;
  path: string;
  size: number;
  collection: string;
  options: Record<string, unknown>;
  attempts: number;
}

export interface QueueStatus {
  queued: number;
  running: number;
  done: number;
  failed: number;
  /** Failed jobs by their last error. */
  failures: { reason: string; jobs: number }[];
  /** Files finished in the last minute, and their bytes. */
  lastMinute: { files: number; bytes: number };
  workers: number;
}

export interface IngestQueue {
  /** Adds files (already listed) to the queue; a file already queued for the collection is left as it is. */
  enqueue(files: { path: string; size: number }[], collection: string, options?: Record<string, unknown>): Promise<{ added: number; alreadyQueued: number }>;
  /**
   * Takes up to `limit` files for `worker`, all of one collection and options, oldest first: queued ones, and
   * running ones whose lease ran out (their worker is gone). Each attempt is counted; after `maxAttempts` a file is
   * failed instead of handed out again (a file that kills every worker that reads it must not kill them all).
   */
  claim(worker: string, limit: number, leaseMs: number, maxAttempts?: number): Promise<IngestJob[]>;
  /** Extends the leases of the worker's running jobs. */
  renew(worker: string, ids: number[], leaseMs: number): Promise<void>;
  /** Marks jobs done (their files read: stored, known, or recorded as problems). Only the lease holder can. */
  complete(worker: string, ids: number[]): Promise<number>;
  /** Gives jobs back to the queue at once (a worker stopping cleanly), or fails them with the reason. */
  release(worker: string, ids: number[], error?: string): Promise<void>;
  status(): Promise<QueueStatus>;
}
