import { InvalidArgumentError, type Command } from 'commander';
import { rename, writeFile } from 'node:fs/promises';
import { VigilError } from '../../errors.js';
import type { WatchlistEntry } from '../../store/index.js';
import { defaultList, exportFormats, exportWatchlist, listFormats, type ExportFormat, type ListFormat } from '../../watchlist/index.js';
import { cliActor, type CliContext } from '../context.js';
import { formatTable, writeJsonLine, writeLine } from '../output.js';

const repeat = (value: string, previous: string[] = []) => [...previous, value];

/** --document accepts NUMBER, TYPE:NUMBER or TYPE:NUMBER:COUNTRY ("passport:N04318872:SYR"). */
function parseDocumentFlag(value: string): { type: string; number: string; country?: string } {
  const parts = value.split(':');
  if (parts.length === 1) return { type: 'passport', number: parts[0]! };
  if (parts.length === 2) return { type: parts[0]!, number: parts[1]! };
  if (parts.length === 3) return { type: parts[0]!, number: parts[1]!, country: parts[2]! };
  throw new VigilError('input', 'cli.bad-document', `--document "${value}": use NUMBER, TYPE:NUMBER or TYPE:NUMBER:COUNTRY`);
}

function describeEntry(e: WatchlistEntry): string {
  return `${e.id}  ${e.name}${e.ref ? `  (${e.list} ${e.ref})` : `  (${e.list})`}`;
}

export function registerWatchlist(program: Command, ctx: CliContext): void {
  const watchlist = program.command('watchlist').description('add, import, list, promote and approve watchlist entries');

  watchlist
    .command('add')
    .description('add an entry by hand')
    .requiredOption('--name <name>', 'primary name')
    .option('--alias <name>', 'another name or spelling (repeatable)', repeat)
    .option('--dob <date>', 'birth date, full or partial: 1979-04-11, 1979-04, 1979 (repeatable)', repeat)
    .option('--nationality <code>', 'ISO 3166 alpha-3 code such as SYR (repeatable)', repeat)
    .option('--gender <M|F>', 'M or F')
    .option('--document <doc>', 'identity document: NUMBER, TYPE:NUMBER or TYPE:NUMBER:COUNTRY (repeatable)', repeat)
    .option('--ref <ref>', "the list's own reference for this entry")
    .option('--notes <text>', 'free-text notes')
    .option('--list <list>', 'which watchlist', defaultList)
    .option('--json', 'print the new entry as JSON')
    .action(async (opts: Record<string, unknown>, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const entry = await vigil.addWatchlistEntry(
          {
            name: opts.name,
            aliases: opts.alias ?? [],
            dob: opts.dob ?? [],
            nationality: opts.nationality ?? [],
            gender: typeof opts.gender === 'string' ? opts.gender.toUpperCase() : undefined,
            documents: ((opts.document as string[] | undefined) ?? []).map(parseDocumentFlag),
            ref: opts.ref,
            notes: opts.notes,
          },
          opts.list as string,
          cliActor(),
        );
        if (opts.json) writeJsonLine(ctx.output, entry);
        else writeLine(ctx.output, `added ${describeEntry(entry)}`);
      });
    });

  watchlist
    .command('list')
    .description("list active entries (with --all, removed and proposed ones too; with --proposed, analysts' proposals only)")
    .option('--list <list>', 'only this watchlist')
    .option('--all', 'include entries removed from their list, and proposals')
    .option('--proposed', 'only proposals awaiting approval (`vigil watchlist approve`)')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { list?: string; all?: boolean; proposed?: boolean; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const entries = await vigil.watchlist({ list: opts.list, status: opts.proposed ? 'proposed' : opts.all ? undefined : 'active' });
        if (opts.json) {
          for (const e of entries) writeJsonLine(ctx.output, e);
          return;
        }
        const rows = entries.map((e) => [
          e.id + (e.status === 'removed' || e.status === 'proposed' ? ` (${e.status})` : ''),
          e.list,
          e.ref ?? '',
          e.name,
          e.birthDates.join(', '),
          e.nationalities.join(', '),
          e.documents.map((d) => d.number).join(', '),
          e.evidence.length > 0 ? `${e.evidence.reduce((n, ev) => n + ev.documentIds.length, 0)} docs` : '',
        ]);
        writeLine(ctx.output, formatTable(['id', 'list', 'ref', 'name', 'born', 'nationality', 'documents', 'evidence'], rows));
        writeLine(ctx.output, `${entries.length} entries`);
      });
    });

  watchlist
    .command('export')
    .description('write entries as FollowTheMoney JSON lines or as the plain CSV that `watchlist import` reads')
    .requiredOption('--format <format>', exportFormats.join(' | '), (value: string) => {
      if (!(exportFormats as readonly string[]).includes(value)) throw new InvalidArgumentError(`use one of ${exportFormats.join(', ')}.`);
      return value as ExportFormat;
    })
    .option('--list <list>', 'only this watchlist')
    .option('--all', 'include entries removed from their list')
    .option('--output <file>', 'write to this file (written whole or not at all) instead of standard output')
    .action(async (opts: { format: ExportFormat; list?: string; all?: boolean; output?: string }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const entries = await vigil.watchlist({ list: opts.list, status: opts.all ? undefined : 'active' });
        const { text, losses } = exportWatchlist(entries, opts.format);
        for (const loss of losses) ctx.output.err.write(`not exported: ${loss.entryId}: ${loss.reason}\n`);
        await vigil.access.audit({ actor: cliActor(), action: 'watchlist.export', target: opts.list ?? null, outcome: 'ok', details: { format: opts.format, entries: entries.length, removedIncluded: opts.all ?? false, output: opts.output ?? null } });
        if (!opts.output) {
          ctx.output.out.write(text);
          return;
        }
        // Written beside the target, then renamed over it: a crash never leaves half a list behind.
        const temporary = `${opts.output}.${process.pid}.tmp`;
        await writeFile(temporary, text);
        await rename(temporary, opts.output);
        ctx.output.err.write(`${entries.length} entries written to ${opts.output}\n`);
      });
    });

  watchlist
    .command('thresholds')
    .description("show screening thresholds, or set a list's own: at or above match a hit is a likely match, at or above review someone must look")
    .argument('[list]', 'the watchlist to show or set')
    .option('--match <score>', 'the match threshold, 0–1', parseFloat)
    .option('--review <score>', 'the review threshold, 0–1, at most the match threshold', parseFloat)
    .option('--json', 'print as JSON')
    .action(async (list: string | undefined, opts: { match?: number; review?: number; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        if (opts.match !== undefined || opts.review !== undefined) {
          if (!list) throw new VigilError('input', 'cli.thresholds-need-list', 'say which list to set thresholds for: vigil watchlist thresholds LIST --match … --review …');
          const known = await vigil.thresholds();
          const current = known.lists.find((t) => t.list === list) ?? known.defaults;
          const set = await vigil.setThresholds(list, { match: opts.match ?? current.match, review: opts.review ?? current.review }, cliActor());
          if (opts.json) writeJsonLine(ctx.output, set);
          else writeLine(ctx.output, `${set.list}: match at ${set.match}, review at ${set.review}`);
          return;
        }
        const { defaults, lists } = await vigil.thresholds();
        const shown = list ? lists.filter((t) => t.list === list) : lists;
        if (opts.json) {
          writeJsonLine(ctx.output, { defaults, lists: shown });
          return;
        }
        writeLine(ctx.output, `default: match at ${defaults.match}, review at ${defaults.review}`);
        for (const t of shown) writeLine(ctx.output, `${t.list}: match at ${t.match}, review at ${t.review} (set by ${t.actor} on ${t.at.slice(0, 10)})`);
        if (list && shown.length === 0) writeLine(ctx.output, `${list}: uses the defaults`);
      });
    });

  watchlist
    .command('history')
    .description("an entry's versions: who changed it, when, and what it was after each change")
    .argument('<entry-id>', 'an id from `vigil watchlist list`')
    .option('--json', 'one JSON object per version')
    .action(async (entryId: string, opts: { json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const history = await vigil.watchlistHistory(entryId);
        if (opts.json) for (const v of history) writeJsonLine(ctx.output, v);
        else {
          const rows = history.map((v) => [String(v.version), v.at, v.actor, v.change, v.entry.name, v.note ?? '']);
          writeLine(ctx.output, formatTable(['version', 'at', 'by', 'change', 'name', 'note'], rows));
        }
      });
    });

  watchlist
    .command('promote')
    .description('make an extracted person a watchlist entry linked to the documents that mention them')
    .argument('<entity-id>', 'a PERSON id from `vigil entities`')
    .option('--list <list>', 'which watchlist', defaultList)
    .option('--json', 'print the entry as JSON')
    .action(async (entityId: string, opts: { list: string; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const { entry, created } = await vigil.promote(entityId, opts.list, cliActor());
        if (opts.json) writeJsonLine(ctx.output, { ...entry, created });
        else writeLine(ctx.output, `${created ? 'promoted' : 'already listed'}: ${describeEntry(entry)}`);
      });
    });

  watchlist
    .command('approve')
    .description("make an analyst's proposed entry active: screened against from now on")
    .argument('<entry-id>', 'an id from `vigil watchlist list --proposed`')
    .option('--note <text>', 'why, for the entry\'s history')
    .option('--json', 'print the entry as JSON')
    .action(async (entryId: string, opts: { note?: string; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const entry = await vigil.approveWatchlistEntry(entryId, opts.note ?? null, { actor: cliActor(), scope: null });
        if (opts.json) writeJsonLine(ctx.output, entry);
        else writeLine(ctx.output, `approved: ${describeEntry(entry)}`);
      });
    });

  watchlist
    .command('reject')
    .description("turn down an analyst's proposed entry: removed, with the reason in its history")
    .argument('<entry-id>', 'an id from `vigil watchlist list --proposed`')
    .requiredOption('--reason <text>', 'why the proposal is rejected')
    .option('--json', 'print the entry as JSON')
    .action(async (entryId: string, opts: { reason: string; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const entry = await vigil.rejectWatchlistEntry(entryId, opts.reason, { actor: cliActor(), scope: null });
        if (opts.json) writeJsonLine(ctx.output, entry);
        else writeLine(ctx.output, `rejected: ${describeEntry(entry)}`);
      });
    });

  watchlist
    .command('import')
    .description('import a list file; re-importing updates entries by their reference (docs/formats.md)')
    .argument('<file>', 'Vigil JSON, OFAC sdn.csv (alt.csv and add.csv are read from beside it), UN XML, FollowTheMoney JSON lines or plain CSV')
    .option('--format <format>', `${listFormats.join(' | ')} (default: from the file name)`, (value: string) => {
      if (!(listFormats as readonly string[]).includes(value)) throw new InvalidArgumentError(`use one of ${listFormats.join(', ')}`);
      return value as ListFormat;
    })
    .option('--list <list>', 'the watchlist to import into (default: named by the file or the format)')
    .option('--partial', 'import the readable entries of a file that has problems (default: import nothing from it)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: { format?: ListFormat; list?: string; partial?: boolean; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const report = await vigil.importWatchlistFile(file, { format: opts.format, list: opts.list, partial: opts.partial, actor: cliActor() });
        if (opts.json) writeJsonLine(ctx.output, report);
        else {
          for (const r of report.rejected) ctx.output.err.write(`skipped: ${r.where}: ${r.reason}\n`);
          const skipped = report.skipped > 0 ? `, ${report.skipped} non-person subjects left out` : '';
          const retired = report.retired > 0 ? `, ${report.retired} no longer listed (marked removed)` : '';
          writeLine(ctx.output, `${report.list}: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected.length} with problems${retired}${skipped}`);
        }
      });
    });
}
