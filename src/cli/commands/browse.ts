// Listing what the store holds: documents, problems, and the overall summary (entities: entities.ts).
import type { Command } from 'commander';
import type { Paged } from '../../search/index.js';
import { entityTypes, type StoreSummary } from '../../store/index.js';
import { intOption, type CliContext } from '../context.js';
import { formatTable, writeJsonLine, writeLine } from '../output.js';

/** Walks pages until `limit` items (or all of them) have been seen. */
export async function collect<T>(fetch: (cursor: string | undefined, limit: number) => Promise<Paged<T>>, limit: number | undefined): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const want = limit === undefined ? 500 : Math.min(500, limit - out.length);
    if (want <= 0) break;
    const page = await fetch(cursor, want);
    out.push(...page.results);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

export function describeSummary(summary: StoreSummary): string[] {
  const byType = entityTypes.map((t) => `${summary.entitiesByType[t] ?? 0} ${t}`).join(', ');
  return [
    `documents: ${summary.documents} (${summary.sources} files, ${summary.leafDocuments} searchable)`,
    `entities:  ${byType}`,
    `mentions:  ${summary.mentions}`,
    `watchlist: ${summary.watchlistEntries} entries`,
    `problems:  ${summary.problems.failed} failed, ${summary.problems.unsupported} unsupported, ${summary.problems['not-extracted']} not extracted, ${summary.problems['needs-ocr']} need OCR, ${summary.problems.warning} warnings (see \`vigil problems\`)`,
  ];
}


export function registerBrowse(program: Command, ctx: CliContext): void {
  program
    .command('documents')
    .description('list stored documents with their provenance (split articles and records show their parent)')
    .option('--json', 'one JSON object per line: id, title, author, date, path, sha256, parent …')
    .option('--limit <n>', 'at most this many', intOption)
    .action(async (opts: { json?: boolean; limit?: number }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const docs = await collect((cursor, limit) => vigil.documents({ cursor, limit }), opts.limit);
        if (opts.json) {
          for (const d of docs) {
            const { text, parentId, ...rest } = d;
            writeJsonLine(ctx.output, { ...rest, parent: parentId, characters: text.length });
          }
          return;
        }
        const rows = docs.map((d) => [d.id, d.parentId ? '  ↳ ' + (d.title ?? '') : d.title ?? '', d.date ?? '', d.author ?? '', d.parentId ?? d.path]);
        writeLine(ctx.output, formatTable(['id', 'title', 'date', 'author', 'parent / path'], rows));
        writeLine(ctx.output, `${docs.length} documents`);
      });
    });

  program
    .command('problems')
    .description('every recorded problem, with its reason: files that failed, are unsupported, need OCR, were too long to extract, or look suspect (warnings)')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const problems = await vigil.problems();
        if (opts.json) for (const p of problems) writeJsonLine(ctx.output, p);
        else {
          // Most reasons begin with the path already (a failure's message names its file).
          for (const p of problems) writeLine(ctx.output, `${p.kind}: ${p.reason.startsWith(p.path) ? p.reason : `${p.path}: ${p.reason}`}`);
          writeLine(ctx.output, `${problems.length} problems`);
        }
      });
    });

  program
    .command('status')
    .description('what the store holds: documents, entities by type, watchlist entries, problems')
    .option('--json', 'print the summary as one JSON object')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil, config) => {
        const [summary, queue] = [await vigil.summary(), await vigil.queueStatus()];
        const where = config.store === '' ? config.dataDir : config.store.replace(/\/\/[^@/]*@/, '//');
        if (opts.json) writeJsonLine(ctx.output, { ...(config.store === '' ? { dataDir: config.dataDir } : { store: where }), ...summary, ...(queue ? { queue } : {}) });
        else {
          for (const line of [`${config.store === '' ? 'data' : 'store'}:      ${where}`, ...describeSummary(summary)]) writeLine(ctx.output, line);
          if (queue) {
            writeLine(ctx.output, `ingest queue: ${queue.queued} queued, ${queue.running} being read by ${queue.workers} workers, ${queue.done} done, ${queue.failed} failed; last minute ${queue.lastMinute.files} files (${(queue.lastMinute.bytes / 1e6).toFixed(1)} MB)`);
            for (const f of queue.failures) writeLine(ctx.output, `  failed: ${f.jobs} × ${f.reason}`);
          }
        }
      });
    });
}
