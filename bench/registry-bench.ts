// The document registry benchmark, run by `npm run bench:registry` and at the end of `npm run bench:screen`.
// Document registry lookups on a seeded synthetic registry: single documents and serial ranges of 10–50,000
// booklets over 40 issuing states, looked up (half inside a listed document or range, half anywhere) through the
// index, against a scan of every row (the brute-force baseline, its numbers split in advance) on a sample of the
// same lookups in the same run. The sample's answers are compared, so a fast wrong index shows here too.
import { seededRandom } from '../src/seeded-random.js';
import { splitDocumentNumber } from '../src/traveldocs/document-number.js';
import { DocumentRegistryIndex, type RegistryRow } from '../src/traveldocs/registry.js';

const baselineCount = 200;

interface Row extends RegistryRow {
  id: number;
}

const random = seededRandom(2026);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const countries = Array.from({ length: 40 }, (_, i) => String.fromCharCode(65 + (i % 26)) + String.fromCharCode(65 + Math.floor(i / 26)) + 'X');
// prefix and digits of the serial: numbers of 8 or 9 characters, as most passports have.
const layouts = [
  { prefix: 'P', digits: 7 },
  { prefix: 'AB', digits: 7 },
  { prefix: 'C', digits: 8 },
  { prefix: '', digits: 9 },
];
const numberOf = (prefix: string, digits: number, serial: number) => prefix + String(serial).padStart(digits, '0');

function generateRows(count: number): Row[] {
  const rows: Row[] = [];
  for (let id = 0; id < count; id++) {
    const { prefix, digits } = pick(layouts);
    const space = 10 ** digits;
    const country = pick(countries);
    if (random() < 0.7) {
      rows.push({ id, country, number: numberOf(prefix, digits, Math.floor(random() * space)), numberEnd: null, status: 'lost' });
      continue;
    }
    // Range sizes spread evenly on a log scale between 10 and 50,000 booklets.
    const size = Math.round(10 * 5000 ** random());
    const start = Math.floor(random() * (space - size));
    rows.push({ id, country, number: numberOf(prefix, digits, start), numberEnd: numberOf(prefix, digits, start + size - 1), status: 'stolen-blank' });
  }
  return rows;
}

function generateLookups(rows: Row[], count: number): { number: string; country: string | undefined }[] {
  return Array.from({ length: count }, (_, i) => {
    // One lookup in five without an issuing state, as when a number is read without its document.
    if (i % 2 === 1) {
      const { prefix, digits } = pick(layouts);
      return { number: numberOf(prefix, digits, Math.floor(random() * 10 ** digits)), country: random() < 0.2 ? undefined : pick(countries) };
    }
    const row = pick(rows);
    const first = splitDocumentNumber(row.number);
    const last = row.numberEnd === null ? first : splitDocumentNumber(row.numberEnd);
    const serial = first.serial! + Math.floor(random() * (last.serial! - first.serial! + 1));
    return { number: numberOf(first.prefix, first.length - first.prefix.length, serial), country: random() < 0.2 ? undefined : row.country };
  });
}

/** The baseline: every row compared, with each row's number split once beforehand. */
function scanner(rows: Row[]): (number: string, country: string | undefined) => number {
  const split = rows.map((r) => ({ row: r, first: splitDocumentNumber(r.number), last: r.numberEnd === null ? null : splitDocumentNumber(r.numberEnd) }));
  return (number, country) => {
    const query = splitDocumentNumber(number);
    let hits = 0;
    for (const { row, first, last } of split) {
      if (country !== undefined && row.country !== country) continue;
      if (last === null) {
        if (row.number === number) hits++;
      } else if (query.serial !== null && query.prefix === first.prefix && query.length === first.length && first.serial! <= query.serial && query.serial <= last.serial!) hits++;
    }
    return hits;
  };
}

const seconds = (start: number) => (performance.now() - start) / 1000;

/** Builds a seeded registry of `rowCount` rows, times `lookupCount` lookups against a scan, and prints the table. */
export function benchRegistry(rowCount: number, lookupCount: number): void {
  const rows = generateRows(rowCount);
  const ranges = rows.filter((r) => r.numberEnd !== null);
  const booklets = ranges.reduce((n, r) => n + splitDocumentNumber(r.numberEnd!).serial! - splitDocumentNumber(r.number).serial! + 1, 0);
  const lookups = generateLookups(rows, lookupCount);

  const buildStart = performance.now();
  const index = new DocumentRegistryIndex(rows);
  const buildSeconds = seconds(buildStart);

  const indexStart = performance.now();
  let indexHits = 0;
  let withHits = 0;
  for (const { number, country } of lookups) {
    const found = index.lookup(number, country).length;
    indexHits += found;
    if (found > 0) withHits++;
  }
  const indexSeconds = seconds(indexStart);

  const scan = scanner(rows);
  const sample = lookups.slice(0, baselineCount);
  const scanStart = performance.now();
  const scanCounts = sample.map(({ number, country }) => scan(number, country));
  const scanSeconds = seconds(scanStart);
  const disagreements = sample.filter(({ number, country }, i) => index.lookup(number, country).length !== scanCounts[i]).length;

  const indexRate = lookupCount / indexSeconds;
  const scanRate = baselineCount / scanSeconds;
  const table = [
    ['method', 'lookups', 'time', 'lookups/s', 'hits'],
    ['index', lookupCount.toLocaleString('en'), indexSeconds.toFixed(2) + ' s', Math.round(indexRate).toLocaleString('en'), `${indexHits.toLocaleString('en')} (${withHits.toLocaleString('en')} lookups with any)`],
    ['full scan', baselineCount.toLocaleString('en'), scanSeconds.toFixed(2) + ' s', Math.round(scanRate).toLocaleString('en'), scanCounts.reduce((a, b) => a + b, 0).toLocaleString('en')],
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  console.log(`document registry benchmark (node ${process.version}, single thread; baseline = scanning every row)`);
  console.log(`${rowCount.toLocaleString('en')} rows: ${(rowCount - ranges.length).toLocaleString('en')} single documents, ${ranges.length.toLocaleString('en')} ranges of ${booklets.toLocaleString('en')} booklets; index built in ${buildSeconds.toFixed(1)} s`);
  for (const row of table) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  console.log(`speed-up ×${Math.round(indexRate / scanRate).toLocaleString('en')}; index and scan agree on ${baselineCount - disagreements}/${baselineCount} sampled lookups`);
  if (disagreements > 0) process.exitCode = 1;
}
