import type { Command } from 'commander';
import { intOption, type CliContext } from '../context.js';
import { highlight, writeJsonLine, writeLine } from '../output.js';

export function registerSearch(program: Command, ctx: CliContext): void {
  program
    .command('search')
    .description('full-text search: words must all match, "quoted phrases" exactly, OR between alternatives, -word excludes, word* prefixes')
    .argument('<query...>', 'what to search for')
    .option('--json', 'one JSON object per line (id, title, snippet, highlights, score …); with no --limit, every result')
    .option('--limit <n>', 'results per page (default 20; 1–500)', intOption)
    .option('--cursor <cursor>', 'continue from the page a previous search pointed to')
    .option('--all', 'print every result, page after page')
    .action(async (words: string[], opts: { json?: boolean; limit?: number; cursor?: string; all?: boolean }, command: Command) => {
      const query = words.join(' ');
      await ctx.run(command, async (vigil) => {
        const everything = opts.all || (opts.json && opts.limit === undefined);
        let cursor = opts.cursor;
        let shown = 0;
        for (;;) {
          const page = await vigil.search({ query, cursor, limit: opts.limit ?? (everything ? 200 : 20) });
          for (const hit of page.results) {
            shown++;
            if (opts.json) {
              writeJsonLine(ctx.output, hit);
              continue;
            }
            const meta = [hit.id, hit.date, hit.author].filter(Boolean).join(' · ');
            writeLine(ctx.output, `${shown}. ${hit.title ?? '(untitled)'}  [${meta}]  score ${hit.score.toFixed(2)}`);
            writeLine(ctx.output, '   ' + highlight(hit.snippet, hit.highlights, ctx.output.out.isTTY === true));
          }
          if (everything && page.nextCursor) {
            cursor = page.nextCursor;
            continue;
          }
          const total = page.total ?? shown;
          if (!opts.json) writeLine(ctx.output, total === 0 ? `no documents match ${query}` : `${shown} of ${total} shown`);
          if (page.nextCursor) ctx.output.err.write(`more results: add --cursor ${page.nextCursor} (or --all)\n`);
          return;
        }
      });
    });
}
