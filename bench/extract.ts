// npm run bench:extract [-- --mb 50 --seed 2026 --model shipped|none --stages all|extract --profile step.cpuprofile]
// Speed and memory of the extract + resolve step as ingest runs it: each generated report (bench/synthetic-corpus.ts,
// streamed, never all in memory) is extracted, resolved against a real SQLite store in a temporary folder and saved
// as one batch, so resolution meets every entity saved before it. Prints, at checkpoints, the rates over the last
// stretch of the corpus with the totals and memory so far (a growing store must not slow it down or grow the heap),
// then the time per stage, and a baseline in the same run over the same text (sentence splitting and one regex
// token pass) with the ratio. One thread: the rates are per core; MB/CPU-s counts the CPU the process used.
// --stages extract leaves resolution and the store out, to follow extraction alone over a large corpus.
// --profile writes a V8 CPU profile of the step alone (loading the model and gazetteers left out), for Chrome DevTools.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractMentions, splitSentences, type ExtractOptions } from '../src/extract/index.js';
import { resolveMentions } from '../src/resolve/index.js';
import { openSqliteStore, type DocumentRecord, type IngestBatch } from '../src/store/index.js';
import { syntheticReports } from './synthetic-corpus.js';

interface Options {
  mb: number;
  seed: number;
  model: 'shipped' | 'none';
  stages: 'all' | 'extract';
  profile: string | null;
}

function readOptions(argv: string[]): Options {
  const options: Options = { mb: 50, seed: 2026, model: 'shipped', stages: 'all', profile: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i]!, argv[i + 1]];
    if (flag === '--mb' && value !== undefined && Number(value) > 0) options.mb = Number(value);
    else if (flag === '--seed' && value !== undefined && Number.isInteger(Number(value))) options.seed = Number(value);
    else if (flag === '--model' && (value === 'shipped' || value === 'none')) options.model = value;
    else if (flag === '--stages' && (value === 'all' || value === 'extract')) options.stages = value;
    else if (flag === '--profile' && value) options.profile = value;
    else {
      console.error(`bench:extract: "${flag} ${value ?? ''}" is not an option (--mb <megabytes > 0>, --seed <integer>, --model shipped|none, --stages all|extract, --profile <file>)`);
      process.exit(1);
    }
  }
  return options;
}

const options = readOptions(process.argv.slice(2));
const extractOptions: ExtractOptions = options.model === 'none' ? { model: null } : {};
const megabyte = 1_000_000;
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const rate = (n: number, seconds: number) => (seconds > 0 ? n / seconds : 0);
const thousands = (n: number) => Math.round(n).toLocaleString('en');

// Words, numbers and single punctuation marks: what "tokens" counts in tokens/s.
const tokenPattern = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
function baselinePass(text: string): number {
  splitSentences(text);
  let tokens = 0;
  for (tokenPattern.lastIndex = 0; tokenPattern.exec(text) !== null; ) tokens++;
  return tokens;
}

// The model and the place gazetteer are read on first use: load them before the clock starts, and say so plainly
// when they cannot be.
const loadStart = performance.now();
try {
  extractMentions('Abu Omar met Khalid al-Tikriti in Raqqa (الرقة) with أبو محمد العدناني.', extractOptions);
} catch (error) {
  console.error(`bench:extract: extraction cannot start: ${(error as Error).message}`);
  console.error('(pass --model none to measure the rules and patterns without the NER model)');
  process.exit(2);
}
const loadSeconds = (performance.now() - loadStart) / 1000;

const folder = mkdtempSync(join(tmpdir(), 'vigil-bench-extract-'));
const databaseFile = join(folder, 'vigil.db');
const store = openSqliteStore(databaseFile);

const totals = { bytes: 0, tokens: 0, docs: 0, mentions: 0, entities: 0, extract: 0, resolve: 0, save: 0, baseline: 0, cpu: 0 };
let peakRss = 0;
const sampleMemory = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const sampler = setInterval(sampleMemory, 100);
sampler.unref();

const checkpoints = (options.mb === 50 ? [5, 10, 25, 50] : [0.1, 0.2, 0.5, 1].map((f) => f * options.mb)).map((mb) => mb * megabyte);
const header = ['MB', 'docs', 'MB/s', 'MB/CPU-s', 'tokens/s', 'docs/s', 'extract MB/s', 'mentions', 'entities', 'store', 'RSS', 'heap'];
const rows: string[][] = [];
const widths = header.map((h) => Math.max(h.length, 10));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');

console.log(
  `${options.stages === 'all' ? 'extract + resolve + save' : 'extract only'} benchmark (node ${process.version}, one thread; seed ${options.seed}; ` +
    `model: ${options.model === 'none' ? 'none (rules and patterns only)' : 'shipped'}; model and gazetteers loaded in ${loadSeconds.toFixed(1)} s)`,
);
console.log('rates are over the stretch since the previous checkpoint; counts and memory are totals so far');
console.log(line(header));

const profiler = options.profile ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}

let last = { ...totals };
let next = 0;
const ingestedAt = new Date(Date.UTC(2026, 0, 1)).toISOString();
for (const report of syntheticReports({ seed: options.seed, bytes: options.mb * megabyte })) {
  const bytes = Buffer.byteLength(report.text, 'utf8');
  const t0 = performance.now();
  totals.tokens += baselinePass(report.text);
  const t1 = performance.now();
  const cpuBefore = process.cpuUsage();
  const mentions = extractMentions(report.text, { ...extractOptions, reference: report.date });
  const t2 = performance.now();
  const documentId = `d_${report.id}`;
  const resolved = options.stages === 'all' ? await resolveMentions([{ documentId, mentions }], store) : null;
  const t3 = performance.now();
  // Saved as ingest saves a file: its source, its document and what resolution made of it, in one transaction.
  const sha256 = report.id.padEnd(64, '0');
  const document: DocumentRecord = {
    id: documentId, sha256, size: bytes, path: `${report.id}.txt`, mediaType: 'text/plain', ingestedAt, parentId: null, position: 0,
    title: report.title, author: null, date: report.date, language: 'en', text: report.text, span: null, isLeaf: true, metadata: {},
  };
  if (resolved) {
    const batch: IngestBatch = {
      source: { sha256, size: bytes, path: document.path, mediaType: document.mediaType, ingestedAt },
      documents: [document],
      ...resolved,
    };
    await store.saveIngestBatch(batch);
  }
  const t4 = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  totals.cpu += (cpu.user + cpu.system) / 1000;

  totals.bytes += bytes;
  totals.docs++;
  totals.mentions += mentions.length;
  totals.entities += resolved?.newEntities.length ?? 0;
  totals.baseline += t1 - t0;
  totals.extract += t2 - t1;
  totals.resolve += t3 - t2;
  totals.save += t4 - t3;

  while (next < checkpoints.length && totals.bytes >= checkpoints[next]!) {
    next++;
    sampleMemory();
    // The step's own time: generating the corpus and the baseline pass are left out.
    const stepSeconds = (totals.extract + totals.resolve + totals.save - (last.extract + last.resolve + last.save)) / 1000;
    const cpuSeconds = (totals.cpu - last.cpu) / 1000;
    const stretch = totals.bytes - last.bytes;
    const memory = process.memoryUsage();
    const row = [
      (totals.bytes / megabyte).toFixed(1),
      thousands(totals.docs),
      rate(stretch / megabyte, stepSeconds).toFixed(2),
      rate(stretch / megabyte, cpuSeconds).toFixed(2),
      thousands(rate(totals.tokens - last.tokens, stepSeconds)),
      thousands(rate(totals.docs - last.docs, stepSeconds)),
      rate(stretch / megabyte, (totals.extract - last.extract) / 1000).toFixed(2),
      thousands(totals.mentions),
      options.stages === 'all' ? thousands(totals.entities) : '–',
      options.stages === 'all' ? mib(statSync(databaseFile).size + walSize(databaseFile)) : '–',
      mib(memory.rss),
      mib(memory.heapUsed),
    ];
    rows.push(row);
    console.log(line(row));
    last = { ...totals };
  }
}
clearInterval(sampler);
if (profiler && options.profile) {
  const { profile } = await profiler.post('Profiler.stop');
  writeFileSync(options.profile, JSON.stringify(profile));
  profiler.disconnect();
}
await store.close();
rmSync(folder, { recursive: true, force: true });

const seconds = (ms: number) => ms / 1000;
const stepMs = totals.extract + totals.resolve + totals.save;
const mb = totals.bytes / megabyte;
const stepRate = rate(mb, seconds(stepMs));
const baselineRate = rate(mb, seconds(totals.baseline));
const share = (ms: number) => `${Math.round((100 * ms) / stepMs)}%`;
console.log('');
console.log(`whole step over ${mb.toFixed(1)} MB (${thousands(totals.docs)} documents, ${thousands(totals.tokens)} tokens): ` +
  `${stepRate.toFixed(2)} MB/s (${rate(mb, seconds(totals.cpu)).toFixed(2)} MB per CPU-second), ${thousands(rate(totals.tokens, seconds(stepMs)))} tokens/s, ${thousands(rate(totals.docs, seconds(stepMs)))} docs/s; peak RSS ${mib(peakRss)}`);
console.log(`  extract  ${rate(mb, seconds(totals.extract)).toFixed(2).padStart(7)} MB/s  (${share(totals.extract)} of the step)`);
if (options.stages === 'all') {
  console.log(`  resolve  ${rate(mb, seconds(totals.resolve)).toFixed(2).padStart(7)} MB/s  (${share(totals.resolve)})`);
  console.log(`  save     ${rate(mb, seconds(totals.save)).toFixed(2).padStart(7)} MB/s  (${share(totals.save)})`);
}
console.log(`baseline (splitSentences + one token regex over the same text): ${baselineRate.toFixed(1)} MB/s; ` +
  `the whole step is ×${(baselineRate / stepRate).toFixed(0)} slower, extraction alone ×${(baselineRate / rate(mb, seconds(totals.extract))).toFixed(0)}`);
console.log(`target ≥ 1 MB/s per core: ${stepRate >= 1 ? 'met' : 'not met'}`);

function walSize(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch (error) {
    // No write-ahead log at this moment (checkpointed): nothing to add.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}
