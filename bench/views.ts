// npm run bench:views [-- --documents 10000 --keep]
// The haul's views on a store of seeded synthetic documents written straight through the Store (no extraction):
// each document names 20–40 of 3,000 entities drawn with Zipf-like weights, in two cases, dated over five years.
// Prints the median of 5 runs of each view, as the Raqqa analyst (one case of two), and the ratio to the baseline:
// the first page of a plain full-text search in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVigil, type Reader } from '../src/app.js';
import { entityNetwork } from '../src/links/index.js';
import { silentLogger } from '../src/logger.js';
import { seededRandom } from '../src/seeded-random.js';
import { openBlobStore, openSqliteStore, type DocumentRecord, type EntityRecord, type EntityType, type MentionRecord } from '../src/store/index.js';

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const documents = argument('--documents', 10_000);
const entityCount = 3_000;
const at = '2024-05-01T10:00:00.000Z';
const words = 'courier convoy payment border crossing safe house weapons cache recruits meeting checkpoint phone transfer hawala emir cell network supply route training camp'.split(' ');
const typeShares: [EntityType, number][] = [['PERSON', 0.4], ['ORG', 0.1], ['LOCATION', 0.2], ['DATE', 0.15], ['PHONE', 0.05], ['MONEY', 0.05], ['COUNT', 0.05]];
const formats = ['text/plain', 'text/html', 'application/pdf', 'message/rfc822'];

const random = seededRandom(8);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const entities: EntityRecord[] = Array.from({ length: entityCount }, (_, i) => {
  let draw = random();
  const type = typeShares.find(([, share]) => (draw -= share) < 0)?.[0] ?? 'PERSON';
  const place = type === 'LOCATION' && i % 2 === 0 ? { id: `vigil:place-${i}`, name: `Place ${i}`, country: 'SYR', lat: 33 + random() * 4, lon: 36 + random() * 6 } : null;
  return { id: `e-${i}`, type, firstName: `${type.toLowerCase()} ${i} ${pick(['Khalid', 'Hamza', 'Yusuf', 'Omar', 'Amal'])}`, place };
});
/** Zipf-like: entity i drawn in proportion to 1 / (i + 10). */
const weights = entities.map((_, i) => 1 / (i + 10));
const total = weights.reduce((a, b) => a + b, 0);
const cumulative = weights.map(((sum) => (w: number) => (sum += w / total))(0));
const drawEntity = () => {
  const r = random();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return entities[lo]!;
};

const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-views-'));
const store = openSqliteStore(join(dir, 'vigil.sqlite'));
const started = performance.now();
for (let n = 0; n < documents; n += 100) {
  const sha256 = n.toString(16).padStart(64, '0');
  const collection = (n / 100) % 2 === 0 ? 'raqqa' : 'mosul';
  const docs: DocumentRecord[] = [];
  const mentions: MentionRecord[] = [];
  for (let i = n; i < Math.min(n + 100, documents); i++) {
    let text = '';
    const named = 20 + Math.floor(random() * 21);
    for (let k = 0; k < named; k++) {
      text += Array.from({ length: 5 + Math.floor(random() * 10) }, () => pick(words)).join(' ') + ' ';
      const e = drawEntity();
      mentions.push({ documentId: `doc-${i}`, entityId: e.id, type: e.type, text: e.firstName, start: text.length, end: text.length + e.firstName.length, confidence: 0.9, method: 'bench', value: null, sentence: { start: 0, end: 0 } });
      text += e.firstName + '. ';
    }
    const draw = random();
    const year = 2014 + Math.floor(random() * 5);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const date = draw < 0.1 ? null : draw < 0.2 ? String(year) : `${year}-${month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    docs.push({ id: `doc-${i}`, sha256, size: text.length, path: `/haul/${i}.txt`, mediaType: pick(formats), ingestedAt: at, parentId: null, position: i - n, title: `Report ${i}`, author: null, date, language: random() < 0.7 ? 'en' : 'ar', text, span: null, isLeaf: true, metadata: {} });
  }
  await store.saveIngestBatch({ source: { sha256, size: 1, path: `/haul/batch-${n}`, mediaType: 'application/json', ingestedAt: at, collection }, documents: docs, newEntities: n === 0 ? entities : [], entityKeys: [], mentions });
}
const summary = await store.summary();
console.log(`store: ${summary.leafDocuments} documents, ${summary.mentions} mentions, ${entityCount} entities, written in ${Math.round(performance.now() - started)} ms`);

const vigil = createVigil({ store, blobs: openBlobStore(join(dir, 'blobs')), clock: { now: () => new Date(at) }, logger: silentLogger });
const reader: Reader = { actor: 'user:bench', scope: ['raqqa'] };
const hub = 'e-0';
const person = entities.find((e, i) => i > 500 && e.type === 'PERSON')!.id;

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[2]!;
}

const cases: [string, () => Promise<unknown>][] = [
  ['search q=courier, first page (baseline)', () => vigil.search({ query: 'courier' }, reader)],
  ['search, no q, first page', () => vigil.search({}, reader)],
  ['search, no q, first page + facets', () => vigil.search({ facets: true }, reader)],
  ['search q=courier + facets', () => vigil.search({ query: 'courier', facets: true }, reader)],
  ['search q=hawala, entity=hub, from=2016 + facets', () => vigil.search({ query: 'hawala', filter: { entities: [hub], from: '2016' }, facets: true }, reader)],
  ['search type=PHONE, language=ar + facets', () => vigil.search({ filter: { types: ['PHONE'], languages: ['ar'] }, facets: true }, reader)],
  ['places, no filter', () => vigil.places({}, reader)],
  ['entities q=khal (picker)', () => vigil.findEntities('khal', {}, {}, reader)],
  ['related of the hub', () => vigil.relatedEntities(hub, {}, reader)],
  ['timeline of the hub', () => vigil.entityTimeline(hub, reader)],
  ['network around the hub (40)', () => entityNetwork(store, { entities: [hub] }, reader.scope)],
  ['network around a minor person (40)', () => vigil.network({ entities: [person] }, reader)],
  [`path minor person → e-2999`, () => vigil.networkPath({ from: person, to: 'e-2999' }, reader)],
];
const rows: [string, number][] = [];
for (const [name, run] of cases) rows.push([name, await median(run)]);
const baseline = rows[0]![1];
console.log(`\n| view (Raqqa analyst: ${documents / 2} of ${documents} documents) | median ms | × baseline |\n|---|---:|---:|`);
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(1)} | ${(ms / baseline).toFixed(1)} |`);
await vigil.close();
if (process.argv.includes('--keep')) console.log(`store kept at ${dir}`);
else rmSync(dir, { recursive: true, force: true });
