// One worker of a distributed ingest: takes a batch of files from the shared queue, reads them with the ordinary
// pipeline (parsers, extraction, resolution, one transaction per file), renews its lease while it works, and marks
// the batch done. Killed at any point, it leaves its files to be claimed again once the lease runs out; a file it had
// already stored is then known by its hash and not stored twice.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { IngestQueue, QueueStatus } from '../store/index.js';
import type { IngestOptions, IngestReport } from './pipeline.js';

export interface QueueWorkerOptions {
  /** Files taken at a time (default 16). */
  batch?: number;
  /** How long a claim holds without renewal (default 2 minutes); renewed every third of it. */
  leaseMs?: number;
  /** Stop when nothing is queued or running anywhere, instead of waiting for more work. */
  exitWhenIdle?: boolean;
  /** How long to wait before asking again when the queue is empty (default 1 s). */
  idleMs?: number;
  /** Ingest options of this worker (threads, OCR); the collection and country come from each job. */
  ingest?: Omit<IngestOptions, 'collection' | 'signal' | 'onProgress'>;
  signal?: AbortSignal;
  onBatch?: (report: { files: number; stored: number; worker: string }) => void;
}

export interface QueueWorkerReport {
  worker: string;
  batches: number;
  files: number;
  /** Why the loop ended. */
  ended: 'idle' | 'stopped';
}

export const workerName = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export async function runQueueWorker(
  queue: IngestQueue,
  ingest: (paths: string[], options: IngestOptions) => Promise<IngestReport>,
  options: QueueWorkerOptions = {},
): Promise<QueueWorkerReport> {
  const worker = workerName();
  const [batch, leaseMs, idleMs] = [options.batch ?? 16, options.leaseMs ?? 120_000, options.idleMs ?? 1000];
  const report: QueueWorkerReport = { worker, batches: 0, files: 0, ended: 'stopped' };
  const idle = (status: QueueStatus) => status.queued === 0 && status.running === 0;
  while (!options.signal?.aborted) {
    const jobs = await queue.claim(worker, batch, leaseMs);
    if (jobs.length === 0) {
      if (options.exitWhenIdle && idle(await queue.status())) return { ...report, ended: 'idle' };
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idleMs);
        options.signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
      continue;
    }
    const ids = jobs.map((j) => j.id);
    const renewal = setInterval(() => void queue.renew(worker, ids, leaseMs).catch(() => undefined), Math.max(1000, leaseMs / 3));
    try {
      const { collection, options: enqueued } = jobs[0]!;
      const result = await ingest(jobs.map((j) => j.path), { ...options.ingest, ...(enqueued as IngestOptions), collection, signal: options.signal });
      if (result.interrupted) {
        // Stopped between files: what was read is stored; the rest goes back to the queue at once.
        await queue.release(worker, ids);
        return { ...report, ended: 'stopped' };
      }
      await queue.complete(worker, ids);
      report.batches++;
      report.files += jobs.length;
      options.onBatch?.({ files: jobs.length, stored: result.stored, worker });
    } catch (error) {
      // The batch could not be read at all (the store went away): give it back for another worker, then stop.
      await queue.release(worker, ids).catch(() => undefined);
      throw error;
    } finally {
      clearInterval(renewal);
    }
  }
  return report;
}
