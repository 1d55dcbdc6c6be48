// npm run bench:screen [-- --sizes 10000,100000,1000000]
// Screening speed on synthetic watchlists: index build time, single-query p50/p99, batch throughput and memory,
// against screening every entry (the brute-force baseline) on the same data in the same run. Each size is first
// warmed up with 1,000 other travellers, as a server is once it has run for a minute. Then the document registry
// benchmark (registry-bench.ts): lookups a second against a million rows including serial ranges.
import { ScreeningIndex, screenTraveller } from '../src/screen/index.js';
import { generatePeople, seededRandom, variantOf } from '../src/screen/synthetic/generate.js';
import type { WatchlistEntry } from '../src/store/index.js';
import { benchRegistry } from './registry-bench.js';

const sizesArg = process.argv.indexOf('--sizes');
const sizes = sizesArg > 0 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [10_000, 100_000, 1_000_000];

let peakRss = 0;
const sampleMemory = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const sampler = setInterval(sampleMemory, 50);

function entriesOf(count: number): WatchlistEntry[] {
  return generatePeople(count, 2026).map((p) => ({
    id: p.id, list: 'synthetic', ref: p.id, name: p.name, aliases: p.aliases, birthDates: [p.dob], nationalities: [p.nationality],
    gender: null, documents: [], notes: null, evidence: [], createdAt: '', updatedAt: '',
  }));
}

/** Half travellers whose name is a variant of a listed one (with the listed birth date), half not listed at all. */
function travellersFor(entries: WatchlistEntry[], count: number, seed = 77): { name: string; dob: string }[] {
  const random = seededRandom(seed);
  const clear = generatePeople(count, seed * 13);
  return Array.from({ length: count }, (_, i) => {
    if (i % 2 === 1) return { name: clear[i]!.name, dob: clear[i]!.dob };
    const listed = entries[Math.floor(random() * entries.length)]!;
    return { name: variantOf(listed.name, random), dob: listed.birthDates[0]! };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const rows: string[][] = [];
for (const size of sizes) {
  const entries = entriesOf(size);
  const startBuild = performance.now();
  const index = new ScreeningIndex(entries);
  const buildSeconds = (performance.now() - startBuild) / 1000;
  sampleMemory();

  for (const traveller of travellersFor(entries, 1000, 5)) index.screen(traveller);
  const travellers = travellersFor(entries, 2000);
  const latencies: number[] = [];
  let hits = 0;
  for (const traveller of travellers) {
    const start = performance.now();
    hits += index.screen(traveller).length > 0 ? 1 : 0;
    latencies.push(performance.now() - start);
  }
  latencies.sort((a, b) => a - b);
  const batch = travellersFor(entries, 5000, 31);
  const startBatch = performance.now();
  for (const traveller of batch) index.screen(traveller);
  const perSecond = batch.length / ((performance.now() - startBatch) / 1000);

  // The baseline compares every entry: a handful of queries is enough to time it.
  const baselineQueries = Math.max(3, Math.min(200, Math.round(2_000_000 / size)));
  const baseline: number[] = [];
  for (const traveller of travellers.slice(0, baselineQueries)) {
    const start = performance.now();
    screenTraveller(entries, traveller);
    baseline.push(performance.now() - start);
  }
  baseline.sort((a, b) => a - b);
  sampleMemory();
  const p50 = percentile(latencies, 50);
  rows.push([
    size.toLocaleString('en'),
    buildSeconds.toFixed(1) + ' s',
    p50.toFixed(2) + ' ms',
    percentile(latencies, 99).toFixed(2) + ' ms',
    Math.round(perSecond).toLocaleString('en') + '/s',
    `${hits}/${travellers.length}`,
    percentile(baseline, 50).toFixed(1) + ' ms',
    '×' + Math.round(percentile(baseline, 50) / p50).toLocaleString('en'),
    Math.round(peakRss / 2 ** 20).toLocaleString('en') + ' MiB',
  ]);
  console.error(`done ${size}`);
}
clearInterval(sampler);

const header = ['entries', 'index build', 'p50', 'p99', 'batch', 'with hits', 'baseline p50', 'speed-up', 'peak RSS'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
console.log(`screening benchmark (node ${process.version}, single thread; baseline = screening every entry)`);
console.log(line(header));
for (const row of rows) console.log(line(row));

// Travellers' documents are checked against the stolen, lost and blank document registry too: a million rows.
console.log('');
benchRegistry(1_000_000, 200_000);
