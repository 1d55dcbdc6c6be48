import type { Command } from 'commander';
import { readableExtensions, type IngestReport } from '../../ingest/index.js';
import { stoppableWork, type CliContext } from '../context.js';
import { writeJsonLine, writeLine, type Output } from '../output.js';

export function describeIngest(report: IngestReport): string {
  const parts = [
    `${report.files} files`,
    ...(report.entries > 0 ? [`${report.entries} files inside ${report.containers} archives`] : []),
    `${report.stored} stored`,
    `${report.alreadyKnown} already known`,
    `${report.failed.length} failed`,
    `${report.unsupported.length} unsupported`,
    ...(report.notExtracted.length > 0 ? [`${report.notExtracted.length} too long to extract`] : []),
    ...(report.warnings.length > 0 ? [`${report.warnings.length} warnings`] : []),
    ...(report.needsOcr.length > 0 ? [`${report.needsOcr.length} need OCR`] : []),
    `${report.documents} documents`,
    `${report.mentions} mentions`,
    `${report.newEntities} new entities`,
  ];
  return (report.interrupted ? 'interrupted: ' : 'ingested: ') + parts.join(', ');
}

export function printIngestReport(output: Output, report: IngestReport): void {
  for (const f of report.failed) output.err.write(`failed: ${f.reason}\n`);
  for (const u of report.unsupported) output.err.write(`unsupported: ${u.path}: ${u.reason}\n`);
  for (const n of report.notExtracted) output.err.write(`not extracted: ${n.reason}\n`);
  for (const w of report.warnings) output.err.write(`warning: ${w.reason}\n`);
  for (const n of report.needsOcr) output.err.write(`needs OCR: ${n.reason}\n`);
  writeLine(output, describeIngest(report));
  if (report.interrupted) writeLine(output, 'the store is consistent; run the same command again to resume');
}

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description(`ingest files and folders (recursively), and the files inside archives: ${readableExtensions.join(' ')}; the same bytes are stored once`)
    .argument('<paths...>', 'files or folders to ingest')
    .option('--country <code>', "the haul's country (ISO 3166-1 alpha-2, e.g. SY): local phone numbers such as 0944 123 456 are read in it (default: the country of each document's international numbers)")
    .option('--no-ocr', 'do not read images and scanned PDFs with OCR even when tesseract is installed; list them as needing OCR')
    .option('--json', 'print the report as one JSON object')
    .action(async (paths: string[], opts: { json?: boolean; country?: string; ocr: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const report = await stoppableWork(ctx, 'file', (signal, progress) =>
          vigil.ingest(paths, { signal, country: opts.country ?? null, ocr: opts.ocr ? 'auto' : null, onProgress: (p) => progress.update(p.done, p.total, p.path) }));
        if (opts.json) writeJsonLine(ctx.output, report);
        else printIngestReport(ctx.output, report);
        if (report.interrupted) ctx.exitCode = 130;
        else if (report.failed.length > 0) ctx.exitCode = 1;
      });
    });
}
