// The worker thread's entry: prepares the files the pool sends it, one at a time, and sends each back with its
// bytes (transferred both ways, never copied), with OCR through the engine the main thread found. The NER model
// and the gazetteers load on its first file.
import { parentPort, workerData } from 'node:worker_threads';
import { rebuildOcrEngine, type OcrEngine } from '../ocr/index.js';
import { failureOf, prepareFile, type PrepareJob } from './prepare-file.js';
import type { WorkerClock, WorkerReply, WorkerRequest, WorkerSetup } from './parse-pool.js';

const port = parentPort;
if (!port) throw new Error('extract-worker.js runs as a worker thread of the ingest pool, not on its own');
// The engine the main thread found for this run, rebuilt here without probing the tools again.
const setup = workerData as WorkerSetup;
const ocr = setup.ocr ? timedOutside(rebuildOcrEngine(setup.ocr)) : null;

port.on('message', (request: WorkerRequest) => {
  void answer(request.job, request.bytes).then((reply) => port.postMessage(reply, transferable(reply.bytes)));
});

async function answer(job: PrepareJob, bytes: Uint8Array): Promise<WorkerReply> {
  try {
    return { ok: true, prepared: await prepareFile(job, bytes, ocr), bytes };
  } catch (error) {
    // The parser's error goes back as the file's failure; the worker carries on with the next file.
    return { ok: false, failure: failureOf(error), bytes };
  }
}

function transferable(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}

/** The engine, telling the pool when each OCR call starts and ends so that the file's clock stops meanwhile. */
function timedOutside(engine: OcrEngine): OcrEngine {
  const outside = async <T>(call: () => Promise<T>): Promise<T> => {
    port!.postMessage({ clock: 'pause' } satisfies WorkerClock);
    try {
      return await call();
    } finally {
      port!.postMessage({ clock: 'resume' } satisfies WorkerClock);
    }
  };
  const { readPdfPages } = engine;
  return {
    ...engine,
    readImage: (bytes, mediaType, path) => outside(() => engine.readImage(bytes, mediaType, path)),
    ...(readPdfPages ? { readPdfPages: (bytes, pages, path) => outside(() => readPdfPages(bytes, pages, path)) } : {}),
  };
}
