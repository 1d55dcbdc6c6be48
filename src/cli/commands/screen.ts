import type { Command } from 'commander';
import { intOption, type CliContext } from '../context.js';
import { formatTable, writeJsonLine, writeLine } from '../output.js';

export function registerScreen(program: Command, ctx: CliContext): void {
  program
    .command('screen')
    .description('screen a traveller against the watchlists: ranked candidates with a score in [0,1] and the reason')
    .requiredOption('--name <name>', "traveller's name as on the document")
    .option('--dob <date>', 'birth date (YYYY-MM-DD)')
    .option('--nationality <code>', 'nationality, ISO 3166 alpha-3 (SYR)')
    .option('--limit <n>', 'at most this many candidates (default 10)', intOption)
    .option('--json', 'one JSON object per candidate')
    .action(async (opts: { name: string; dob?: string; nationality?: string; limit?: number; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const candidates = await vigil.screen({ name: opts.name, dob: opts.dob, nationality: opts.nationality }, { limit: opts.limit });
        if (opts.json) {
          for (const c of candidates) writeJsonLine(ctx.output, c);
          return;
        }
        if (candidates.length === 0) {
          writeLine(ctx.output, 'no watchlist candidates');
          return;
        }
        writeLine(ctx.output, formatTable(['score', 'entry', 'list', 'name'], candidates.map((c) => [c.score.toFixed(2), c.entryId, c.list + (c.ref ? ' ' + c.ref : ''), c.name])));
        for (const c of candidates) writeLine(ctx.output, `  ${c.entryId}: ${c.reason}`);
      });
    });
}
