// Screening quality on real lists: OFAC aliases found under primary names, false alerts on clear travellers
// (OFAC individuals not indexed, and 50,000 synthetic people), and precision/recall on labelled name pairs,
// side by side with a plain whole-string Jaro–Winkler baseline run in the same process.
// Usage: npm run eval:screen (reads ../shared/data; skips with one line when it is absent).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedData } from '../src/package-root.js';
import { compareNames, jaroWinkler } from '../src/names/index.js';
import { ScreeningIndex, reviewThreshold } from '../src/screen/index.js';
import type { WatchlistEntry } from '../src/store/index.js';
import { parseOfacCsv, readCsvRecords, type ImportedEntry } from '../src/watchlist/importers/index.js';
import { countryCode } from '../src/watchlist/importers/countries.js';

const ofacFolder = sharedData('watchlists', 'ofac');
const namesFolder = sharedData('names');
if (ofacFolder === null || namesFolder === null) {
  console.log('eval:screen skipped: ../shared/data (watchlists/ofac and names) is not beside this checkout.');
  process.exit(0);
}

/** The baseline's only normalisation: lower case, accents stripped, spaces collapsed. */
function plain(name: string): string {
  return name.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A whole-string Jaro–Winkler screen over every listed name: entry id → best score. */
class BaselineIndex {
  private readonly names: { entryId: string; text: string }[] = [];
  add(entryId: string, names: string[]): void {
    for (const n of names) this.names.push({ entryId, text: plain(n) });
  }
  /** Entries scoring at least `min`, best first (ties by id), each with its best score. */
  screen(query: string, min: number): { entryId: string; score: number }[] {
    const q = plain(query);
    const best = new Map<string, number>();
    for (const n of this.names) {
      const s = jaroWinkler(q, n.text);
      if (s >= min && (best.get(n.entryId) ?? 0) < s) best.set(n.entryId, s);
    }
    return [...best].map(([entryId, score]) => ({ entryId, score })).sort((a, b) => b.score - a.score || a.entryId.localeCompare(b.entryId));
  }
}

function toEntry(e: ImportedEntry, withFacts: boolean, withAliases: boolean): WatchlistEntry {
  return {
    id: e.sourceId, list: 'ofac', ref: e.sourceId, name: e.name,
    aliases: withAliases ? e.aliases.filter((a) => a.quality === 'strong').map((a) => a.name) : [],
    weakAliases: withAliases ? e.aliases.filter((a) => a.quality === 'weak').map((a) => a.name) : [],
    birthDates: withFacts ? e.birthDates : [], nationalities: withFacts ? e.nationalities : [],
    gender: null, documents: [], notes: null, evidence: [], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  };
}

const perMille = (alerts: number, total: number) => ((1000 * alerts) / Math.max(1, total)).toFixed(1);
const percent = (n: number, total: number) => ((100 * n) / Math.max(1, total)).toFixed(1) + '%';
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1) + ' s';
function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows) console.log('  ' + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   '));
}

const started = performance.now();
const read = (file: string) => readFileSync(join(ofacFolder, file), 'utf8');
const ofac = parseOfacCsv({ sdn: read('sdn.csv'), alt: read('alt.csv') });
const individuals = ofac.entries.filter((e) => e.schema === 'person');
console.log(`Vigil screening eval — review threshold ${reviewThreshold}; ${individuals.length} OFAC individuals (parsed in ${seconds(started)})`);
const unlimited = { limit: 1_000_000 };

// a) OFAC: even ent_num indexed by primary name only; their aliases are the listed travellers, odd ones the clear.
{
  const t0 = performance.now();
  const indexed = individuals.filter((e) => Number(e.sourceId) % 2 === 0);
  const clear = individuals.filter((e) => Number(e.sourceId) % 2 === 1);
  const engine = new ScreeningIndex(indexed.map((e) => toEntry(e, false, false)));
  const baseline = new BaselineIndex();
  for (const e of indexed) baseline.add(e.sourceId, [e.name]);
  const queries = indexed.flatMap((e) => e.aliases.map((a) => ({ id: e.sourceId, name: a.name })));
  const counts = { engineTop: 0, engineReview: 0, baseTop: 0, baseReview: 0, engineAlerts: 0, baseAlerts: 0 };
  let engineTime = 0;
  let baseTime = 0;
  for (const q of queries) {
    let t = performance.now();
    const found = engine.screen({ name: q.name }, unlimited);
    engineTime += performance.now() - t;
    if (found[0]?.entryId === q.id) counts.engineTop++;
    if (found.some((c) => c.entryId === q.id)) counts.engineReview++;
    t = performance.now();
    const all = baseline.screen(q.name, 0);
    baseTime += performance.now() - t;
    if (all[0]?.entryId === q.id) counts.baseTop++;
    if (all.some((c) => c.entryId === q.id && c.score >= reviewThreshold)) counts.baseReview++;
  }
  for (const e of clear) {
    let t = performance.now();
    if (engine.screen({ name: e.name }, unlimited).length > 0) counts.engineAlerts++;
    engineTime += performance.now() - t;
    t = performance.now();
    if (baseline.screen(e.name, reviewThreshold).length > 0) counts.baseAlerts++;
    baseTime += performance.now() - t;
  }
  console.log(`\na) OFAC: ${indexed.length} primary names indexed (even ent_num), ${queries.length} alias queries, ${clear.length} clear travellers (odd ent_num)`);
  table([
    ['', 'Vigil', 'JW baseline'],
    ['recall@1 (alias → own entry first)', percent(counts.engineTop, queries.length), percent(counts.baseTop, queries.length)],
    [`recall at review (≥ ${reviewThreshold})`, percent(counts.engineReview, queries.length), percent(counts.baseReview, queries.length)],
    ['false alerts per 1,000 clear', perMille(counts.engineAlerts, clear.length), perMille(counts.baseAlerts, clear.length)],
    ['screening time', (engineTime / 1000).toFixed(1) + ' s', (baseTime / 1000).toFixed(1) + ' s'],
  ]);
  console.log(`  (${seconds(t0)} in all)`);
}

// b) 50,000 synthetic clear people against every OFAC individual, names and aliases with birth dates and nationalities.
{
  const t0 = performance.now();
  const engine = new ScreeningIndex(individuals.map((e) => toEntry(e, true, true)));
  const baseline = new BaselineIndex();
  for (const e of individuals) baseline.add(e.sourceId, [e.name, ...e.aliases.map((a) => a.name)]);
  const people = [...readCsvRecords(readFileSync(join(namesFolder, 'yente-negatives-global.csv'), 'utf8'), 'yente-negatives-global.csv')].slice(1);
  const tally = { latin: { n: 0, alerts: 0, baseN: 0, baseAlerts: 0 }, arabic: { n: 0, alerts: 0, baseN: 0, baseAlerts: 0 } };
  const unknownNationalities = new Set<string>();
  const examples: string[] = [];
  let engineTime = 0;
  let baseTime = 0;
  for (const [i, { fields }] of people.entries()) {
    const [fullName, , , , , dob, , nationalityName] = fields;
    if (!fullName) continue;
    const nationality = nationalityName ? countryCode(nationalityName) : null;
    if (nationalityName && nationality === null) unknownNationalities.add(nationalityName);
    const script = /[\u0600-\u06FF]/.test(fullName) ? 'arabic' : 'latin';
    let t = performance.now();
    const found = engine.screen({ name: fullName, dob: dob || undefined, nationality: nationality ?? undefined }, unlimited);
    engineTime += performance.now() - t;
    tally[script].n++;
    if (found.length > 0) {
      tally[script].alerts++;
      if (examples.length < 12 && i % 7 === 0) examples.push(`${fullName} → ${found[0]!.matchedName} ${found[0]!.score} (${found[0]!.factors[0]!.detail})`);
    }
    // The baseline scans every name per traveller: a fixed tenth of the travellers keeps the run short.
    if (i % 10 === 0) {
      t = performance.now();
      tally[script].baseN++;
      if (baseline.screen(fullName, reviewThreshold).length > 0) tally[script].baseAlerts++;
      baseTime += performance.now() - t;
    }
  }
  console.log(`\nb) yente-negatives-global: ${people.length} clear people against ${individuals.length} OFAC individuals (all names, with birth dates and nationalities)`);
  table([
    ['false alerts per 1,000 clear', 'Vigil', 'JW baseline (every 10th)'],
    [`Latin script (${tally.latin.n})`, perMille(tally.latin.alerts, tally.latin.n), perMille(tally.latin.baseAlerts, tally.latin.baseN)],
    [`Arabic script (${tally.arabic.n})`, perMille(tally.arabic.alerts, tally.arabic.n), perMille(tally.arabic.baseAlerts, tally.arabic.baseN)],
    ['screening time', (engineTime / 1000).toFixed(1) + ' s', (baseTime / 1000).toFixed(1) + ' s'],
  ]);
  if (unknownNationalities.size > 0) console.log(`  nationalities not resolved to alpha-3 (screened without): ${[...unknownNationalities].slice(0, 10).join(', ')}`);
  for (const e of examples) console.log(`  e.g. ${e}`);
  console.log(`  (${seconds(t0)} in all)`);
}

// c) Labelled name pairs (nomenklatura), person pairs only: is the pair at or above the review threshold?
{
  const t0 = performance.now();
  const records = [...readCsvRecords(readFileSync(join(namesFolder, 'nomenklatura-name-pairs.csv'), 'utf8'), 'nomenklatura-name-pairs.csv')].slice(1);
  const pairs = records.map((r) => r.fields).filter((f) => f[1] === 'Person').map((f) => ({ a: f[2]!, b: f[3]!, match: f[4] === 'true' }));
  const figures = (predict: (a: string, b: string) => boolean) => {
    let tp = 0, fp = 0, fn = 0;
    for (const p of pairs) {
      const yes = predict(p.a, p.b);
      if (yes && p.match) tp++;
      else if (yes) fp++;
      else if (p.match) fn++;
    }
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    return [precision, recall, (2 * precision * recall) / Math.max(1e-9, precision + recall)].map((v) => v.toFixed(3));
  };
  const engine = figures((a, b) => compareNames(a, b).score >= reviewThreshold);
  const base = figures((a, b) => jaroWinkler(plain(a), plain(b)) >= reviewThreshold);
  console.log(`\nc) nomenklatura name pairs: ${pairs.length} Person pairs (${pairs.filter((p) => p.match).length} matches), name score ≥ ${reviewThreshold}`);
  table([
    ['', 'Vigil', 'JW baseline'],
    ['precision', engine[0]!, base[0]!],
    ['recall', engine[1]!, base[1]!],
    ['F1', engine[2]!, base[2]!],
  ]);
  console.log(`  (${seconds(t0)})`);
}
console.log(`\ntotal ${seconds(started)}`);
