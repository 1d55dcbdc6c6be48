import { rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { VigilError } from '../../errors.js';
import { defaultContainerLimits, formatSize, readableExtensions, type ContainerLimits, type IngestProgress, type IngestReport } from '../../ingest/index.js';
import { intOption, secondsOption, sizeOption, stoppableWork, type CliContext } from '../context.js';
import { writeJsonLine, writeLine, type Output } from '../output.js';

/** Failures counted by the code of their reason, most common first: { 'ingest.encrypted': 3, … }. */
export function failuresByReason(report: IngestReport): Record<string, number> {
  const counts = new Map<string, number>();
  for (const f of report.failed) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

export function describeIngest(report: IngestReport): string {
  const parts = [
    `${report.files} files`,
    ...(report.entries > 0 ? [`${report.entries} files inside ${report.containers} archives`] : []),
    `${report.stored} stored`,
    `${report.alreadyKnown} already known`,
    `${report.failed.length} failed`,
    `${report.unsupported.length} unsupported`,
    ...(report.notExtracted.length > 0 ? [`${report.notExtracted.length} too long to extract`] : []),
    ...(report.needsOcr.length > 0 ? [`${report.needsOcr.length} need OCR`] : []),
    ...(report.warnings.length > 0 ? [`${report.warnings.length} warnings`] : []),
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
  for (const n of report.needsOcr) output.err.write(`needs OCR: ${n.reason}\n`);
  for (const w of report.warnings) output.err.write(`warning: ${w.reason}\n`);
  writeLine(output, describeIngest(report));
  const byReason = Object.entries(failuresByReason(report));
  if (byReason.length > 1) writeLine(output, `failed by reason: ${byReason.map(([code, n]) => `${n} ${code.replace(/^ingest\./, '')}`).join(', ')}`);
  if (report.interrupted) writeLine(output, 'the store is consistent; run the same command again to resume');
  else if (report.failed.length + report.needsOcr.length > 0) writeLine(output, 'see `vigil failures`; `vigil ingest --retry-failed` reads only those again');
}

/** The progress line's label: bytes, rate and time left, then the file being read. */
export function progressLabel(p: IngestProgress, elapsedSeconds: number): string {
  const rate = elapsedSeconds > 0 ? p.bytesDone / elapsedSeconds : 0;
  const left = rate > 0 ? (p.bytesTotal - p.bytesDone) / rate : null;
  const eta = left === null || p.bytesDone === 0 ? '' : ` · ${formatDuration(left)} left`;
  const speed = rate > 0 ? ` · ${formatSize(rate)}/s` : '';
  return `${formatSize(p.bytesDone)} of ${formatSize(p.bytesTotal)}${speed}${eta}  ${p.path}`;
}

function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Writes the report as JSON, whole or not at all (a temporary file renamed over the target). */
async function writeReport(file: string, report: IngestReport): Promise<void> {
  const target = resolve(file);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temp, JSON.stringify({ ...report, failedByReason: failuresByReason(report) }, null, 2) + '\n');
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new VigilError('input', 'ingest.report-unwritable', `--report ${file}: cannot write the report (${(error as Error).message})`);
  }
}

interface IngestFlags {
  json?: boolean;
  enqueue?: boolean;
  collection?: string;
  country?: string;
  ocr: boolean;
  retryFailed?: boolean;
  report?: string;
  workers?: number;
  fileTimeout?: number;
  maxDepth?: number;
  maxEntrySize?: number;
  maxExpanded?: number;
  maxRatio?: number;
}

/** The archive limits the flags change; the others keep their defaults. */
function containerLimitsOf(opts: IngestFlags): Partial<ContainerLimits> {
  if (opts.maxDepth === 0) throw new VigilError('input', 'cli.usage', 'ingest: --max-depth must be 1 or more (1 opens the archives given, but none inside them)');
  if (opts.maxRatio === 0) throw new VigilError('input', 'cli.usage', 'ingest: --max-ratio must be 1 or more');
  return {
    ...(opts.maxDepth === undefined ? {} : { maxDepth: opts.maxDepth }),
    ...(opts.maxEntrySize === undefined ? {} : { maxEntryBytes: opts.maxEntrySize }),
    ...(opts.maxExpanded === undefined ? {} : { maxExpandedBytes: opts.maxExpanded }),
    ...(opts.maxRatio === undefined ? {} : { maxRatio: opts.maxRatio }),
  };
}

export function registerIngest(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description(`ingest files and folders (recursively), and the files inside archives: ${readableExtensions.join(' ')}; the same bytes are stored once`)
    .argument('[paths...]', 'files or folders to ingest')
    .option('--collection <name>', 'the collection (case) the files go into (default "default"); users read the collections they are given')
    .option('--country <code>', "the haul's country (ISO 3166-1 alpha-2, e.g. SY): local phone numbers such as 0944 123 456 are read in it (default: the country of each document's international numbers)")
    .option('--no-ocr', 'do not read images and scanned PDFs with OCR even when tesseract is installed; list them as needing OCR')
    .option('--retry-failed', 'read again only the files listed by `vigil failures` (after installing OCR, or fixing a file), leaving the rest alone')
    .option('--enqueue', 'with a PostgreSQL store: put the files on the shared work queue for `vigil worker` processes (on any machine that sees the same paths) instead of reading them here')
    .option('--report <file>', 'also write the report, with failures counted by reason, to this JSON file')
    .option('--json', 'print the report as one JSON object')
    .option('--workers <n>', 'threads that parse files and extract their mentions (default: one per core; 0 reads on the main thread)', intOption)
    .option('--file-timeout <seconds>', 'longest one file may take to parse and extract before it is stopped and recorded as a timeout, OCR not counted (default 120)', secondsOption)
    .option('--max-depth <n>', `levels of archives opened, an archive given counting as 1: 1 opens it but no archive inside it (default ${defaultContainerLimits.maxDepth})`, intOption)
    .option('--max-entry-size <size>', `largest file inside an archive read, e.g. 512MiB (default ${formatSize(defaultContainerLimits.maxEntryBytes)})`, sizeOption)
    .option('--max-expanded <size>', `bytes one archive may expand to over all its levels, e.g. 64GiB (default ${formatSize(defaultContainerLimits.maxExpandedBytes)})`, sizeOption)
    .option('--max-ratio <n>', `expanded over compressed size refused for entries past 1 MiB, against zip bombs (default ${defaultContainerLimits.maxRatio})`, intOption)
    .action(async (paths: string[], opts: IngestFlags, command: Command) => {
      await ctx.run(command, async (vigil) => {
        if (opts.retryFailed && paths.length > 0) throw new VigilError('input', 'cli.usage', 'ingest: give either files and folders or --retry-failed, not both');
        if (opts.retryFailed && opts.collection !== undefined) throw new VigilError('input', 'cli.usage', 'ingest: --retry-failed reads each file into the collection it failed in; give --collection with files and folders only');
        if (!opts.retryFailed && paths.length === 0) throw new VigilError('input', 'cli.usage', 'ingest: give the files or folders to ingest (or --retry-failed)');
        if (opts.enqueue) {
          if (opts.retryFailed) throw new VigilError('input', 'cli.usage', 'ingest: --enqueue puts new files on the queue; --retry-failed reads failed ones here');
          const queued = await vigil.enqueue(paths, { ...(opts.collection === undefined ? {} : { collection: opts.collection }), country: opts.country ?? null });
          if (opts.json) writeJsonLine(ctx.output, queued);
          else writeLine(ctx.output, `${queued.files} files listed: ${queued.added} queued, ${queued.alreadyQueued} already on the queue; start \`vigil worker\` on the machines that read them`);
          return;
        }
        const started = Date.now();
        const report = await stoppableWork(ctx, 'file', (signal, progress) => {
          const options = {
            signal,
            country: opts.country ?? null,
            ...(opts.collection === undefined ? {} : { collection: opts.collection }),
            ocr: opts.ocr ? ('auto' as const) : null,
            ...(opts.workers === undefined ? {} : { workers: opts.workers }),
            ...(opts.fileTimeout === undefined ? {} : { fileTimeoutMs: opts.fileTimeout }),
            containerLimits: containerLimitsOf(opts),
            onProgress: (p: IngestProgress) => progress.update(p.done, p.total, progressLabel(p, (Date.now() - started) / 1000)),
          };
          return opts.retryFailed ? vigil.retryFailed(options) : vigil.ingest(paths, options);
        });
        if (opts.report) await writeReport(opts.report, report);
        if (opts.json) writeJsonLine(ctx.output, { ...report, failedByReason: failuresByReason(report) });
        else printIngestReport(ctx.output, report);
        if (report.interrupted) ctx.exitCode = 130;
        else if (report.failed.length > 0) ctx.exitCode = 1;
      });
    });

  program
    .command('failures')
    .description('every file that failed or needs OCR, with its path inside archives and the reason (`vigil ingest --retry-failed` reads them again)')
    .option('--json', 'one JSON object per line: path, kind, code, reason, sha256, at')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const failures = (await vigil.problems()).filter((p) => p.kind === 'failed' || p.kind === 'needs-ocr');
        if (opts.json) for (const f of failures) writeJsonLine(ctx.output, f);
        else {
          for (const f of failures) writeLine(ctx.output, `${f.kind === 'failed' ? 'failed' : 'needs OCR'}${f.code ? ` (${f.code.replace(/^ingest\./, '')})` : ''}: ${f.reason}`);
          writeLine(ctx.output, `${failures.length} files failed or need OCR`);
        }
      });
    });
}
