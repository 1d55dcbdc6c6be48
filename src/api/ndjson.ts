// Answers streamed as NDJSON (one JSON value a line) for long requests such as a manifest, so that the client shows
// progress while the work goes on. Errors found before the first line are ordinary JSON errors; one part-way
// through can only be told in the stream, as its last line.
import { VigilError, httpStatusFor, userMessage } from '../errors.js';
import type { Logger } from '../logger.js';

export type SendLine = (value: unknown) => Promise<void>;

export function ndjsonResponse(logger: Logger, produce: (send: SendLine) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send: SendLine = async (value) => {
        controller.enqueue(encoder.encode(JSON.stringify(value) + '\n'));
        // Screening is CPU-bound between awaits: giving the event loop a turn lets the line reach the socket now.
        await new Promise((resolve) => setImmediate(resolve));
      };
      try {
        await produce(send);
      } catch (error) {
        const status = httpStatusFor(error);
        if (status >= 500) logger.error('api.stream-failed', { message: (error as Error).message });
        const code = error instanceof VigilError ? error.code : 'internal';
        await send({ type: 'error', error: { code, message: status >= 500 ? 'internal error' : userMessage(error) } });
      }
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/x-ndjson; charset=utf-8' } });
}

/**
 * A progress callback that sends {type: 'progress', done, total} at the start, at the end, and in between once
 * `every` more items are done or `ms` have passed since the last line, whichever comes first.
 */
export function progressLines(send: SendLine, every = 100, ms = 200): (done: number, total: number) => Promise<void> {
  let lastDone = -1;
  let lastAt = 0;
  return async (done, total) => {
    const now = performance.now();
    const due = lastDone < 0 || done === total || done - lastDone >= every || now - lastAt >= ms;
    if (!due || done === lastDone) return;
    lastDone = done;
    lastAt = now;
    await send({ type: 'progress', done, total });
  };
}
