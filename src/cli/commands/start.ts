import type { Command } from 'commander';
import { cliActor, stoppableWork, type CliContext } from '../context.js';
import { writeLine } from '../output.js';
import { sampleCorpus, sampleRegistry, sampleWatchlist } from '../package-files.js';
import { describeSummary } from './browse.js';
import { describeIngest } from './ingest.js';
import { addServerOptions, serveUntilStopped, type ServeFlags } from './serve.js';

export function registerStart(program: Command, ctx: CliContext): void {
  addServerOptions(
    program
      .command('start')
      .description('first run: ingest the bundled sample corpus, watchlist and document registry (once), print a summary, then serve')
      .option('--no-serve', 'stop after the summary instead of serving'),
  ).action(async (opts: { serve: boolean } & ServeFlags, command: Command) => {
    await ctx.run(command, async (vigil, config, logger) => {
      writeLine(ctx.output, `data folder: ${config.dataDir}`);
      const report = await stoppableWork(ctx, 'file', (signal, progress) =>
        vigil.ingest([sampleCorpus], { signal, onProgress: (p) => progress.update(p.done, p.total, p.path) }));
      writeLine(ctx.output, 'sample corpus ' + describeIngest(report));
      if (report.interrupted) return;
      const imported = await vigil.importWatchlistFile(sampleWatchlist);
      writeLine(ctx.output, `sample watchlist "${imported.list}": ${imported.added} added, ${imported.updated} updated, ${imported.unchanged} unchanged`);
      const registry = await vigil.importRegistryFile(sampleRegistry, { actor: 'vigil start' });
      writeLine(ctx.output, `sample document registry: ${registry.added} added, ${registry.alreadyKnown} already known`);
      for (const line of describeSummary(await vigil.summary())) writeLine(ctx.output, line);
      // A fresh store gets its first administrator here, as `vigil init` would: a one-time password, shown once.
      if ((await vigil.access.listUsers()).length === 0) {
        const { user, password } = await vigil.access.init('admin', cliActor());
        writeLine(ctx.output, `created administrator ${user.name}; one-time password (shown only now): ${password}`);
        writeLine(ctx.output, 'add the people who will use Vigil with: vigil users add NAME --role analyst|watchlist-manager|screener|auditor');
      }
      if (opts.serve) await serveUntilStopped(ctx, vigil, config, logger, opts);
    });
  });
}
