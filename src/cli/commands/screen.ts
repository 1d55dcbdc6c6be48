import { InvalidArgumentError, type Command } from 'commander';
import { VigilError } from '../../errors.js';
import type { BatchResult, DocumentVerdict } from '../../screen/index.js';
import { cliActor, intOption, type CliContext } from '../context.js';
import { formatTable, writeJsonLine, writeLine } from '../output.js';
import { createProgress } from '../progress.js';

interface ScreenFlags {
  name?: string;
  dob?: string;
  nationality?: string;
  gender?: string;
  document?: { number: string; country?: string };
  documentCountry?: string;
  mrz?: string;
  manifest?: string;
  limit?: number;
  json?: boolean;
}

/** --document NUMBER or COUNTRY:NUMBER ("SYR:N04318872"). */
function documentOption(value: string): { number: string; country?: string } {
  const parts = value.split(':');
  if (parts.length === 1 && parts[0]) return { number: parts[0] };
  if (parts.length === 2 && parts[0] && parts[1]) return { country: parts[0], number: parts[1] };
  throw new InvalidArgumentError('use NUMBER or COUNTRY:NUMBER, e.g. SYR:N04318872.');
}

function printDocument(output: CliContext['output'], document: DocumentVerdict): void {
  const mrz = document.mrz ? `, MRZ ${document.mrz.format ?? 'unrecognised'} ${document.mrz.valid ? 'valid' : 'INVALID'}` : '';
  writeLine(output, `document ${document.number}${document.country ? ` (${document.country})` : ''}${mrz}: ${document.status === 'ok' ? 'no alert' : 'ALERT'}`);
  for (const alert of document.alerts) writeLine(output, `  ${alert}`);
  for (const hit of document.registry) {
    const entry = hit.entry as unknown as { number: string; numberEnd: string | null; source: string | null; reported: string | null };
    writeLine(output, `  registry ${hit.match}: ${entry.number}${entry.numberEnd ? `–${entry.numberEnd}` : ''}${entry.source ? `, reported by ${entry.source}` : ''}${entry.reported ? ` on ${entry.reported}` : ''}`);
  }
}

function summarise(results: BatchResult[]): string {
  const count = (v: string) => results.filter((r) => r.matches[0]?.verdict === v).length;
  const errors = results.filter((r) => r.error).length;
  const clear = results.filter((r) => !r.error && r.matches.length === 0).length;
  const documentAlerts = results.filter((r) => r.document?.status === 'alert').length;
  const clearNames = `${clear} clear${documentAlerts > 0 ? ` by name` : ''}`;
  return `${results.length} travellers: ${count('match')} match, ${count('review')} review, ${clearNames}${documentAlerts ? `; ${documentAlerts} document alert${documentAlerts === 1 ? '' : 's'}` : ''}${errors ? `, ${errors} not screened` : ''}`;
}

export function registerScreen(program: Command, ctx: CliContext): void {
  program
    .command('screen')
    .description('screen a traveller, or a passenger manifest, against the watchlists: ranked candidates with a score in [0,1], a verdict and the reason')
    .option('--name <name>', "traveller's name as on the document")
    .option('--dob <date>', 'birth date (YYYY-MM-DD)')
    .option('--nationality <code>', 'nationality, ISO 3166 alpha-3 (SYR)')
    .option('--gender <M|F|X>', 'gender as on the document')
    .option('--document <doc>', 'travel document number, or COUNTRY:NUMBER', documentOption)
    .option('--document-country <code>', 'issuing state of --document (ICAO code: SYR, D)')
    .option('--mrz <lines>', 'the machine-readable zone, lines separated by a newline (or "\\n"): the name, birth date, nationality and document are read from it when not given')
    .option('--manifest <file>', 'screen every traveller of a manifest: CSV (columns id,name[,dob,nationality,gender,document_number,document_country]) or UN/EDIFACT PAXLST (.edi), told apart by content')
    .option('--limit <n>', 'at most this many candidates per traveller (default 10)', intOption)
    .option('--json', 'one JSON object per candidate; with --manifest one per traveller: {id, matches: [{entry, list, sourceId, name, score, verdict, explanation}]}')
    .action(async (opts: ScreenFlags, command: Command) => {
      if (!opts.manifest && !opts.name && !opts.mrz) throw new VigilError('input', 'cli.screen-needs-name', 'screen needs --name or --mrz (or --manifest FILE); see vigil screen --help');
      if (opts.manifest && (opts.name || opts.mrz)) throw new VigilError('input', 'cli.screen-both', 'give either a traveller (--name, --mrz) or --manifest, not both');
      if (opts.documentCountry && !opts.document) throw new VigilError('input', 'cli.screen-document-country', '--document-country needs --document');
      await ctx.run(command, async (vigil) => {
        if (opts.manifest) {
          const progress = createProgress(ctx.output.err);
          const { results, problems } = await vigil.screenManifest(opts.manifest, { limit: opts.limit }, (done, total) => progress.update(done, total, ''), cliActor());
          progress.finish();
          for (const p of problems) ctx.output.err.write(`not screened: ${opts.manifest} line ${p.line}${p.id ? ` (id ${p.id})` : ''}: ${p.reason}\n`);
          for (const r of results.filter((r) => r.error)) ctx.output.err.write(`not screened: id ${r.id}: ${r.error}\n`);
          if (opts.json) for (const r of results) writeJsonLine(ctx.output, r);
          else {
            const rows = results
              .filter((r) => r.matches.length > 0)
              .map((r) => [r.id, r.matches[0]!.verdict, r.matches[0]!.score.toFixed(2), r.matches[0]!.name, `${r.matches[0]!.list}${r.matches[0]!.sourceId ? ' ' + r.matches[0]!.sourceId : ''}`]);
            if (rows.length > 0) writeLine(ctx.output, formatTable(['traveller', 'verdict', 'score', 'best candidate', 'list'], rows));
            for (const r of results.filter((r) => r.document?.status === 'alert')) writeLine(ctx.output, `document alert: ${r.id}: ${r.document!.alerts.join('; ')}`);
            writeLine(ctx.output, summarise(results));
          }
          if (problems.length > 0 || results.some((r) => r.error)) ctx.exitCode = 1;
          return;
        }
        const document = opts.document && opts.documentCountry ? { ...opts.document, country: opts.documentCountry } : opts.document;
        const traveller = { name: opts.name, dob: opts.dob, nationality: opts.nationality, gender: opts.gender, document, mrz: opts.mrz };
        const { travellerKey, candidates, suppressed, document: verdict } = await vigil.screen(traveller, { limit: opts.limit }, cliActor());
        if (opts.json) {
          for (const c of candidates) writeJsonLine(ctx.output, { travellerKey, ...c });
          if (verdict) writeJsonLine(ctx.output, { travellerKey, document: verdict });
          return;
        }
        if (verdict) printDocument(ctx.output, verdict);
        if (candidates.length === 0) writeLine(ctx.output, 'no watchlist candidates');
        else {
          writeLine(
            ctx.output,
            formatTable(['score', 'verdict', 'entry', 'list', 'name'], candidates.map((c) => [c.score.toFixed(2), c.verdict, c.entryId, c.list + (c.ref ? ' ' + c.ref : ''), c.name])),
          );
          for (const c of candidates) {
            const earlier = c.decision ? ` [earlier decision: ${c.decision.decision} by ${c.decision.actor} on ${c.decision.at.slice(0, 10)}${c.decision.decision === 'false-match' ? ', entry changed since' : ''}]` : '';
            writeLine(ctx.output, `  ${c.entryId}: ${c.reason}${earlier}`);
          }
        }
        for (const s of suppressed) writeLine(ctx.output, `  not raised: ${s.entryId} (${s.name}, ${s.score.toFixed(2)}): marked a false match by ${s.decision.actor} on ${s.decision.at.slice(0, 10)}`);
        writeLine(ctx.output, `traveller key: ${travellerKey} (for \`vigil decide\`)`);
      });
    });
}
