import type { Command } from 'commander';
import type { DocumentCheck } from '../../app.js';
import { VigilError } from '../../errors.js';
import type { DocumentRegistryEntry } from '../../store/index.js';
import { normaliseDocumentNumber, registryDocumentTypes, registryStatuses, type FieldLabel } from '../../traveldocs/index.js';
import { cliActor, type CliContext } from '../context.js';
import { formatTable, writeJsonLine, writeLine, type Output } from '../output.js';
import { createProgress } from '../progress.js';

/** Problems name the flag the user typed: `--number-end "P09" comes before --number "P10"`. */
const flagLabel: FieldLabel = (field) => '--' + field.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

const numbersOf = (e: DocumentRegistryEntry) => (e.numberEnd === null ? e.number : `${e.number}–${e.numberEnd}`);

function describeEntry(e: DocumentRegistryEntry): string {
  return `${e.id}  ${e.status} ${e.type} ${numbersOf(e)} (${e.country})`;
}

function printCheck(output: Output, number: string, check: DocumentCheck): void {
  const { mrz, registry } = check;
  if (mrz) {
    const documentNumber = mrz.fields?.documentNumber.value || '(none)';
    const issuingState = mrz.fields?.issuingState.value || '(none)';
    writeLine(output, `MRZ: ${mrz.valid ? 'valid' : 'INVALID'} ${mrz.format ?? 'unrecognised'}, document ${documentNumber} issued by ${issuingState}${mrz.expired ? ' (expired)' : ''}`);
    for (const e of mrz.errors) writeLine(output, `  ${e.field}: ${e.message}`);
    for (const w of mrz.warnings) writeLine(output, `  warning, ${w.field}: ${w.message}`);
  }
  if (registry.length === 0) {
    writeLine(output, `${number}: not in the registry`);
    return;
  }
  const rows = registry.map((h) => [h.status, h.match, h.entry.country, h.entry.type, numbersOf(h.entry), h.entry.reported ?? '', h.entry.source ?? '', h.entry.notes ?? '']);
  writeLine(output, formatTable(['status', 'match', 'state', 'type', 'number', 'reported', 'source', 'notes'], rows));
  writeLine(output, `${number}: ${registry.length} registry report${registry.length === 1 ? '' : 's'}`);
}

export function registerDocs(program: Command, ctx: CliContext): void {
  const docs = program.command('docs').description('the stolen, lost and blank travel-document registry: add, import and check documents');

  docs
    .command('add')
    .description('report a stolen, lost or blank document, or a serial range of booklets')
    .requiredOption('--country <code>', 'issuing state as ICAO writes it: SYR, IRQ, D')
    .requiredOption('--type <type>', registryDocumentTypes.join(' | '))
    .requiredOption('--number <number>', 'the document number, or the first booklet of a range')
    .option('--number-end <number>', 'the last booklet of a serial range (same prefix and length as --number)')
    .requiredOption('--status <status>', registryStatuses.join(' | '))
    .option('--reported <date>', 'when it was reported, YYYY-MM-DD')
    .option('--source <source>', 'who reported it')
    .option('--notes <text>', 'free-text notes')
    .option('--json', 'print the entry as JSON')
    .action(async (opts: Record<string, string | boolean | undefined>, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const { country, type, number, numberEnd, status, reported, source, notes } = opts;
        const input = { country, type, number, numberEnd, status, reported, source, notes };
        const { entry, added } = await vigil.addRegistryEntry(input, { actor: cliActor(), label: flagLabel });
        if (opts.json) writeJsonLine(ctx.output, { ...entry, added });
        else writeLine(ctx.output, `${added ? 'added' : 'already in the registry'}: ${describeEntry(entry)}`);
      });
    });

  docs
    .command('import')
    .description('import reports from CSV (docs/formats.md); nothing is imported from a file with problems unless --partial')
    .argument('<file>', 'CSV with the header country,type,number,number_end,status,reported,source,notes')
    .option('--partial', 'import the readable rows of a file that has problems')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, opts: { partial?: boolean; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const progress = createProgress(ctx.output.err);
        const report = await vigil.importRegistryFile(file, {
          partial: opts.partial,
          actor: cliActor(),
          onProgress: (done, total) => progress.update(done, total, 'rows checked'),
        });
        progress.finish();
        if (report.refused) ctx.exitCode = 1;
        if (opts.json) {
          writeJsonLine(ctx.output, report);
          return;
        }
        const problems = report.rejected.length;
        for (const r of report.rejected) ctx.output.err.write(`${report.refused ? '' : 'skipped: '}${report.file} line ${r.line}: ${r.reason}\n`);
        if (report.refused) {
          ctx.output.err.write(`${report.file}: ${problems} problem${problems === 1 ? '' : 's'}, nothing imported; fix the file, or import the readable rows with --partial\n`);
        } else {
          writeLine(ctx.output, `${report.file}: ${report.added} added, ${report.alreadyKnown} already in the registry, ${problems} with problems`);
        }
      });
    });

  docs
    .command('check')
    .description('check a document against the registry, by its number or by its machine-readable zone')
    .option('--mrz <zone>', 'the MRZ, its lines separated by a line break or a space (quote it: it contains <)')
    .option('--number <number>', 'the document number')
    .option('--country <code>', 'the issuing state, with --number (default: search every state)')
    .option('--json', 'print one JSON object: {"mrz": …, "registry": [{"status", "match", "entry"}]}')
    .action(async (opts: { mrz?: string; number?: string; country?: string; json?: boolean }, command: Command) => {
      if ((opts.mrz === undefined) === (opts.number === undefined)) {
        throw new VigilError('input', 'cli.docs-check', 'give either --mrz "…" or --number N');
      }
      if (opts.mrz !== undefined && opts.country !== undefined) {
        throw new VigilError('input', 'cli.docs-check', 'the MRZ names its issuing state: leave out --country');
      }
      await ctx.run(command, async (vigil) => {
        const check = await vigil.checkDocument(opts.mrz !== undefined ? { mrz: opts.mrz } : { number: opts.number!, country: opts.country }, cliActor());
        if (opts.json) writeJsonLine(ctx.output, check);
        else printCheck(ctx.output, check.mrz ? check.mrz.fields?.documentNumber.value || '(no number)' : normaliseDocumentNumber(opts.number!), check);
        // As `vigil mrz`: a zone that fails its checks exits 1, after the registry was checked all the same.
        if (check.mrz && !check.mrz.valid) ctx.exitCode = 1;
      });
    });
}
