// npm run bench:ingest [-- --mb 200 --workers N --seed 2026]
// Speed and memory of the whole ingest, extraction included, over a seeded mixed haul (bench/synthetic-haul.ts:
// text, HTML, PDF, DOCX, EML and ZIP files, written to a temporary folder first): ingested into a fresh SQLite store once
// with one worker thread and once with N (default: every core), each printed per stage — parse and extract in the
// workers, resolve and save on the main thread — as files/s and MB/s of that stage's own time, then overall MB/s of
// source files over the wall clock, the speed-up, and the peak RSS of the process (worker threads included). The
// baseline, in the same process: reading and hashing every file of the haul.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../src/clock.js';
import { ingestPaths, type FileStages, type IngestReport } from '../src/ingest/pipeline.js';
import { silentLogger } from '../src/logger.js';
import { openBlobStore, openSqliteStore } from '../src/store/index.js';
import { writeSyntheticHaul } from './synthetic-haul.js';

interface Options {
  mb: number;
  seed: number;
  workers: number;
}

function readOptions(argv: string[]): Options {
  const options: Options = { mb: 200, seed: 2026, workers: availableParallelism() };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i]!, argv[i + 1]];
    if (flag === '--mb' && value !== undefined && Number(value) > 0) options.mb = Number(value);
    else if (flag === '--seed' && value !== undefined && Number.isInteger(Number(value))) options.seed = Number(value);
    else if (flag === '--workers' && value !== undefined && Number.isInteger(Number(value)) && Number(value) > 0) options.workers = Number(value);
    else {
      console.error(`bench:ingest: "${flag} ${value ?? ''}" is not an option (--mb <megabytes > 0>, --seed <integer>, --workers <threads > 0>)`);
      process.exit(1);
    }
  }
  return options;
}

const options = readOptions(process.argv.slice(2));
const megabyte = 1_000_000;
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const rate = (n: number, ms: number) => (ms > 0 ? (n * 1000) / ms : 0);

const folder = mkdtempSync(join(tmpdir(), 'vigil-bench-ingest-'));
const haul = join(folder, 'haul');
const writeStart = performance.now();
const summary = await writeSyntheticHaul(haul, { seed: options.seed, bytes: options.mb * megabyte });
console.log(`ingest benchmark (node ${process.version}, ${availableParallelism()} cores; seed ${options.seed}): haul of ${summary.files.toLocaleString('en')} files, ` +
  `${(summary.bytes / megabyte).toFixed(1)} MB, written in ${((performance.now() - writeStart) / 1000).toFixed(0)} s`);
console.log('  ' + Object.entries(summary.byFormat).map(([format, { files, bytes }]) => `${format} ${files} files ${(bytes / megabyte).toFixed(1)} MB`).join(', '));

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
sampler.unref();

// Baseline: every file read and hashed, as ingest does before anything else.
const baselineStart = performance.now();
for (const file of readdirSync(haul, { recursive: true, withFileTypes: true })) {
  if (file.isFile()) createHash('sha256').update(readFileSync(join(file.parentPath, file.name))).digest('hex');
}
const baselineMs = performance.now() - baselineStart;

interface Run {
  workers: number;
  report: IngestReport;
  wallMs: number;
  stages: { files: number; bytes: number; parseMs: number; extractMs: number; resolveMs: number; saveMs: number };
  peakRss: number;
}

async function ingestRun(workers: number): Promise<Run> {
  const runFolder = mkdtempSync(join(folder, `run-${workers}-`));
  const store = openSqliteStore(join(runFolder, 'vigil.db'));
  const stages = { files: 0, bytes: 0, parseMs: 0, extractMs: 0, resolveMs: 0, saveMs: 0 };
  const add = (file: FileStages) => {
    stages.files++;
    stages.bytes += file.bytes;
    stages.parseMs += file.parseMs;
    stages.extractMs += file.extractMs;
    stages.resolveMs += file.resolveMs;
    stages.saveMs += file.saveMs;
  };
  peakRss = process.memoryUsage().rss;
  const start = performance.now();
  const deps = { store, blobs: openBlobStore(join(runFolder, 'blobs')), clock: fixedClock('2026-12-04T10:00:00Z'), logger: silentLogger };
  const report = await ingestPaths([haul], deps, { workers, onFileStored: add });
  const wallMs = performance.now() - start;
  await store.close();
  rmSync(runFolder, { recursive: true, force: true });
  return { workers, report, wallMs, stages, peakRss };
}

const runs = [await ingestRun(1)];
if (options.workers !== 1) runs.push(await ingestRun(options.workers));
clearInterval(sampler);
rmSync(folder, { recursive: true, force: true });

const mb = summary.bytes / megabyte;
const widths = [8, 10, 10, 10, 10, 10, 10, 10, 10];
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 10)).join('  ');
console.log('');
console.log('per stage: files/s and MB/s of each stage\'s own time, summed over the threads doing it (parse and extract: workers; resolve and save: main)');
console.log(line(['workers', 'stage', 'files/s', 'MB/s', 'share']));
for (const run of runs) {
  const { stages } = run;
  const total = stages.parseMs + stages.extractMs + stages.resolveMs + stages.saveMs;
  for (const stage of ['parse', 'extract', 'resolve', 'save'] as const) {
    const ms = stages[`${stage}Ms`];
    console.log(line([String(run.workers), stage, rate(stages.files, ms).toFixed(0), rate(stages.bytes / megabyte, ms).toFixed(2), `${Math.round((100 * ms) / total)}%`]));
  }
}
console.log('');
console.log(line(['workers', 'files/s', 'MB/s', 'wall s', 'documents', 'entities', 'failed', 'peak RSS']));
for (const run of runs) {
  const files = run.report.files + run.report.entries;
  console.log(line([String(run.workers), rate(files, run.wallMs).toFixed(0), rate(mb, run.wallMs).toFixed(2), (run.wallMs / 1000).toFixed(1),
    run.report.documents.toLocaleString('en'), run.report.newEntities.toLocaleString('en'), String(run.report.failed.length), mib(run.peakRss)]));
}
const [one, all] = [runs[0]!, runs[runs.length - 1]!];
const overall = rate(mb, all.wallMs);
const baseline = rate(mb, baselineMs);
console.log('');
if (runs.length > 1) console.log(`speed-up with ${all.workers} workers over 1: ×${(one.wallMs / all.wallMs).toFixed(2)}`);
console.log(`baseline (read + sha256 of every file): ${baseline.toFixed(1)} MB/s; ingest with ${all.workers} workers is ×${(baseline / overall).toFixed(0)} slower`);
console.log(`target ≥ 5 MB/s overall: ${overall >= 5 ? 'met' : 'not met'} (${overall.toFixed(2)} MB/s); peak RSS under 1.5 GB: ${Math.max(...runs.map((r) => r.peakRss)) < 1.5 * 2 ** 30 ? 'met' : 'not met'}`);
