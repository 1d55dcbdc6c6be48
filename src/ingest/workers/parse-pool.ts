// A pool of worker threads that prepare files (parse, build documents, extract mentions) while the main thread walks
// the haul and writes the store. A file's bytes are transferred to the worker and back, not copied. A worker that
// crashes, runs out of memory or takes longer than the time allowed for one file (a file made to hang a parser) is
// terminated and replaced; that file fails with the reason and the others go on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { VigilError } from '../../errors.js';
import type { OcrEngine, PortableOcrEngine } from '../ocr/index.js';
import { errorOf, prepareFile, type PrepareFailure, type PrepareJob, type PreparedFile } from './prepare-file.js';

export interface WorkerRequest {
  job: PrepareJob;
  bytes: Uint8Array;
}

export type WorkerReply =
  | { ok: true; prepared: PreparedFile; bytes: Uint8Array }
  | { ok: false; failure: PrepareFailure; bytes: Uint8Array };

/**
 * Sent by a worker when an OCR tool starts or stops working on its file: the file's clock stops meanwhile, since
 * each tool call has its own time limit (it is killed after it) and a long scan is work, not a hang. A worker is
 * thus never terminated while a tool is running, which would leave the tool running and its page images on disk.
 */
export interface WorkerClock {
  clock: 'pause' | 'resume';
}

/** A prepared file with its bytes back, or why it could not be prepared (with its bytes, unless a worker died with them). */
export type PrepareOutcome = { ok: true; prepared: PreparedFile; bytes: Uint8Array } | { ok: false; error: Error; bytes: Uint8Array | null };

export interface Preparer {
  /** Threads preparing files; 0 when files are prepared on the calling thread. */
  readonly workers: number;
  prepare(job: PrepareJob, bytes: Uint8Array): Promise<PrepareOutcome>;
  close(): Promise<void>;
}

export interface PoolOptions {
  workers: number;
  /**
   * Longest a worker may spend on one file before it is terminated and the file recorded as `ingest.timeout`; time
   * spent in OCR tools is not counted (each tool call has its own limit).
   */
  timeoutMs: number;
  /**
   * Heap one worker may use, in MiB: a file that needs more fails (`ingest.parser-crashed`) instead of taking the
   * machine's memory. Defaults to Node's own limit.
   */
  maxWorkerHeapMb?: number;
  /** The run's OCR engine as data, rebuilt by each worker when it starts; null: files are read without OCR. */
  ocr: PortableOcrEngine | null;
}

/** What a worker is started with (its workerData). */
export interface WorkerSetup {
  ocr: PortableOcrEngine | null;
}

export const defaultFileTimeoutMs = 120_000;

/** Prepares on the calling thread: the same results as the pool, one file at a time (`workers: 0`). */
export function inlinePreparer(ocr: OcrEngine | null): Preparer {
  return {
    workers: 0,
    async prepare(job, bytes) {
      try {
        return { ok: true, prepared: await prepareFile(job, bytes, ocr), bytes };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error : new Error(String(error)), bytes };
      }
    },
    async close() {},
  };
}

interface Task {
  job: PrepareJob;
  bytes: Uint8Array;
  resolve: (outcome: PrepareOutcome) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  /** Milliseconds of the file's time already used, while its clock was running. */
  spent: number;
  /** When the clock last started; null while it is stopped (an OCR tool is running). */
  since: number | null;
  /** OCR calls running on the file (the clock runs again when none is). */
  paused: number;
}

export function openParsePool(options: PoolOptions): Preparer {
  const waiting: Task[] = [];
  const slots = new Set<Slot>();
  const idle: Slot[] = [];
  let closed = false;
  // The OCR tools' temporary folders go in one private folder for the run, removed when the pool closes: whatever a
  // worker that crashed mid-page left there (seized page images) goes with it.
  const ocrFolder = options.ocr ? mkdtempSync(join(options.ocr.tempDir ?? tmpdir(), 'vigil-ocr-run-')) : null;
  const ocr = options.ocr && ocrFolder ? { ...options.ocr, tempDir: ocrFolder } : null;

  const stopClock = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.since !== null) slot.spent += Date.now() - slot.since;
    slot.since = null;
  };

  const startClock = (slot: Slot) => {
    const { task } = slot;
    if (!task || slot.since !== null) return;
    slot.since = Date.now();
    slot.timer = setTimeout(() => {
      lose(slot, new VigilError('input', 'ingest.timeout', `${task.job.source.path}: reading it took longer than ${options.timeoutMs / 1000} s; stopped (a file made to hang its parser, or raise the time allowed per file)`));
    }, Math.max(0, options.timeoutMs - slot.spent));
  };

  const finish = (slot: Slot, outcome: PrepareOutcome) => {
    const { task } = slot;
    stopClock(slot);
    slot.task = null;
    slot.spent = 0;
    slot.paused = 0;
    task?.resolve(outcome);
  };

  // The worker is gone with the file it held: the file fails with the reason, a new worker takes the next one.
  const lose = (slot: Slot, error: VigilError) => {
    if (!slots.delete(slot)) return;
    const index = idle.indexOf(slot);
    if (index >= 0) idle.splice(index, 1);
    finish(slot, { ok: false, error, bytes: null });
    void slot.worker.terminate();
    dispatch();
  };

  const start = (): Slot => {
    const worker = new Worker(new URL('./extract-worker.js', import.meta.url), {
      workerData: { ocr } satisfies WorkerSetup,
      ...(options.maxWorkerHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: options.maxWorkerHeapMb } } : {}),
    });
    const slot: Slot = { worker, task: null, timer: null, spent: 0, since: null, paused: 0 };
    worker.on('message', (reply: WorkerReply | WorkerClock) => {
      if ('clock' in reply) {
        slot.paused += reply.clock === 'pause' ? 1 : -1;
        if (slot.paused > 0) stopClock(slot);
        else startClock(slot);
        return;
      }
      finish(slot, reply.ok ? reply : { ok: false, error: errorOf(reply.failure), bytes: reply.bytes });
      idle.push(slot);
      dispatch();
    });
    worker.on('error', (error) => lose(slot, crashed(slot, error)));
    worker.on('exit', (code) => {
      if (!closed) lose(slot, crashed(slot, new Error(`the worker exited with code ${code}`)));
    });
    slots.add(slot);
    return slot;
  };

  const dispatch = () => {
    while (!closed && waiting.length > 0) {
      const slot = idle.pop() ?? (slots.size < options.workers ? start() : null);
      if (!slot) return;
      const task = waiting.shift()!;
      slot.task = task;
      startClock(slot);
      const { bytes } = task;
      // A view over part of a larger buffer is copied first: transferring would take the rest of that buffer away.
      const whole = bytes.byteOffset === 0 && bytes.buffer instanceof ArrayBuffer && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      slot.worker.postMessage({ job: task.job, bytes: whole } satisfies WorkerRequest, [whole.buffer as ArrayBuffer]);
    }
  };

  return {
    workers: options.workers,
    prepare(job, bytes) {
      if (closed) return Promise.reject(new Error('the ingest worker pool is closed'));
      return new Promise<PrepareOutcome>((resolve) => {
        waiting.push({ job, bytes, resolve });
        dispatch();
      });
    },
    async close() {
      closed = true;
      await Promise.all([...slots].map((slot) => slot.worker.terminate()));
      slots.clear();
      if (ocrFolder) rmSync(ocrFolder, { recursive: true, force: true });
    },
  };
}

function crashed(slot: Slot, error: Error): VigilError {
  const path = slot.task?.job.source.path ?? '(no file)';
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it needed more memory than a worker is allowed' : error.message;
  return new VigilError('input', 'ingest.parser-crashed', `${path}: the parser stopped while reading it (${why}); the file was not read`);
}
