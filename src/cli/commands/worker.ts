import type { Command } from 'commander';
import { intOption, onInterrupt, secondsOption, type CliContext } from '../context.js';
import { writeJsonLine, writeLine } from '../output.js';

export function registerWorker(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .description('with a PostgreSQL store: read files from the shared work queue (`vigil ingest --enqueue`) until stopped; run as many as you like on any machines that see the same paths')
    .option('--exit-when-idle', 'stop once nothing is queued or being read anywhere, instead of waiting for more')
    .option('--batch <n>', 'files taken from the queue at a time (default 16)', intOption)
    .option('--workers <n>', 'threads that parse files and extract their mentions (default: one per core)', intOption)
    .option('--lease <seconds>', 'how long a batch stays this worker\'s without renewal: if the worker dies, others take its files after this long (default 120)', secondsOption)
    .option('--json', 'print one JSON line per batch and the report at the end')
    .action(async (opts: { exitWhenIdle?: boolean; batch?: number; workers?: number; lease?: number; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const controller = new AbortController();
        // The first Ctrl-C (or SIGTERM from a supervisor) stops after the current file; the files not read yet go
        // back to the queue at once. A kill -9 leaves them to other workers when the lease runs out.
        const release = onInterrupt(() => {
          ctx.output.err.write('stopping after the current file… (Ctrl-C again to quit at once)\n');
          controller.abort();
        });
        try {
          const report = await vigil.work({
            signal: controller.signal,
            exitWhenIdle: opts.exitWhenIdle ?? false,
            ...(opts.batch === undefined ? {} : { batch: opts.batch }),
            ...(opts.lease === undefined ? {} : { leaseMs: opts.lease }),
            ...(opts.workers === undefined ? {} : { ingest: { workers: opts.workers } }),
            onBatch: (b) => (opts.json ? writeJsonLine(ctx.output, { batch: b }) : writeLine(ctx.output, `${b.files} files read (${b.stored} stored)`)),
          });
          if (opts.json) writeJsonLine(ctx.output, report);
          else writeLine(ctx.output, `worker ${report.worker}: ${report.files} files in ${report.batches} batches; ${report.ended === 'idle' ? 'no work left' : 'stopped'}`);
        } finally {
          release();
        }
      });
    });
}
