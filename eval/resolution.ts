// Entity resolution on our own corpus (eval/fixtures/resolution: 53 documents, gold mentions and identities,
// transliteration variants and hard negatives), two ways, each beside an exact-normalised-string baseline:
//   end to end — the fixture folder ingested through createVigil into an in-memory store, mentions read back:
//                mention detection against the gold spans, then clustering over the gold mentions found;
//   resolution only — the gold spans and types resolved document by document (extraction errors do not count).
// Clustering is scored pairwise (pairs of mentions put together) and by B-cubed, with the worst splits and merges.
// Usage: npm run eval:resolve [-- --all]   (--all lists every split and merge, not the worst ten)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createVigil } from '../src/app.js';
import { fixedClock } from '../src/clock.js';
import { silentLogger } from '../src/logger.js';
import { openBlobStore, openSqliteStore, type DocumentRecord, type EntityType, type MentionRecord, type Store } from '../src/store/index.js';
import {
  assignmentsOf,
  documentsFolder,
  loadCorpus,
  resolveGoldMentions,
  scoreClusters,
  type Assignment,
  type Corpus,
  type GoldMention,
  type ResolvedGoldMention,
} from './resolution-corpus.js';

const nameTypes: EntityType[] = ['PERSON', 'ORG', 'LOCATION'];
const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const ratio = (a: number, b: number) => (b === 0 ? '    -' : (a / b).toFixed(2).padStart(5));
const page = 500;

/** Every stored mention of a name type with its document's file name, read back through the Store interface. */
async function storedMentions(store: Store, corpus: Corpus): Promise<Map<string, MentionRecord[]>> {
  const documents: DocumentRecord[] = [];
  for (let offset = 0; ; offset += page) {
    const got = await store.listDocuments({ offset, limit: page });
    documents.push(...got);
    if (got.length < page) break;
  }
  const fileOf = new Map<string, string>();
  for (const doc of documents.filter((d) => d.isLeaf)) {
    const name = basename(doc.path);
    const expected = corpus.documents.find((d) => d.name === name);
    // Offsets are compared with the gold ones: ingest must have kept each file whole and unchanged.
    if (!expected) throw new Error(`ingest stored a document for ${doc.path}, which the gold file does not list`);
    if (doc.text !== expected.text || fileOf.has(doc.id) || [...fileOf.values()].includes(name)) {
      throw new Error(`ingest did not keep ${name} as one document with the file's text (split or changed): gold offsets would not apply`);
    }
    fileOf.set(doc.id, name);
  }
  const missing = corpus.documents.filter((d) => ![...fileOf.values()].includes(d.name));
  if (missing.length > 0) throw new Error(`ingest stored no document for ${missing.map((d) => d.name).join(', ')}`);
  const byFile = new Map<string, MentionRecord[]>(corpus.documents.map((d) => [d.name, []]));
  for (const type of nameTypes) {
    for (let offset = 0; ; offset += page) {
      const entities = await store.listEntities({ type }, { offset, limit: page });
      for (const entity of entities) {
        for (const m of await store.mentionsOfEntity(entity.id)) byFile.get(fileOf.get(m.documentId)!)!.push(m);
      }
      if (entities.length < page) break;
    }
  }
  return byFile;
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

interface Detection {
  gold: number;
  predicted: number;
  exact: { gold: number; predicted: number };
  exactTyped: { gold: number; predicted: number };
  overlapping: { gold: number; predicted: number };
  found: ResolvedGoldMention[];
  missed: GoldMention[];
  spurious: MentionRecord[];
}

/** Gold against extracted spans; each gold mention found takes the extracted mention of its span, else the one overlapping it most. */
function matchDetections(corpus: Corpus, byFile: Map<string, MentionRecord[]>): Detection {
  const d: Detection = {
    gold: corpus.mentions.length, predicted: 0, exact: { gold: 0, predicted: 0 }, exactTyped: { gold: 0, predicted: 0 },
    overlapping: { gold: 0, predicted: 0 }, found: [], missed: [], spurious: [],
  };
  for (const doc of corpus.documents) {
    const predicted = byFile.get(doc.name)!;
    d.predicted += predicted.length;
    for (const p of predicted) {
      if (doc.mentions.some((g) => g.start === p.start && g.end === p.end)) d.exact.predicted++;
      if (doc.mentions.some((g) => g.start === p.start && g.end === p.end && g.type === p.type)) d.exactTyped.predicted++;
      if (doc.mentions.some((g) => overlap(g, p) > 0)) d.overlapping.predicted++;
      else d.spurious.push(p);
    }
    for (const g of doc.mentions) {
      const exact = predicted.find((p) => p.start === g.start && p.end === g.end);
      if (exact) d.exact.gold++;
      if (exact && exact.type === g.type) d.exactTyped.gold++;
      const best = exact ?? [...predicted].sort((a, b) => overlap(b, g) - overlap(a, g))[0];
      if (best && overlap(best, g) > 0) {
        d.overlapping.gold++;
        d.found.push({ mention: g, entityId: best.entityId, text: best.text, type: best.type });
      } else d.missed.push(g);
    }
  }
  return d;
}

async function endToEnd(corpus: Corpus): Promise<Detection> {
  const folder = await mkdtemp(join(tmpdir(), 'vigil-eval-resolve-'));
  const store = openSqliteStore(':memory:');
  const vigil = createVigil({ store, blobs: openBlobStore(join(folder, 'blobs')), clock: fixedClock('2024-01-01T00:00:00Z'), logger: silentLogger });
  try {
    const report = await vigil.ingest([documentsFolder]);
    const [first] = report.failed;
    if (first) throw new Error(`ingest failed on ${report.failed.length} of ${report.files} files, first ${first.reason}`);
    return matchDetections(corpus, await storedMentions(store, corpus));
  } finally {
    await vigil.close();
    await rm(folder, { recursive: true, force: true });
  }
}

/** Pair counts inside single documents; the rest of the pairs join mentions of different documents. */
function withinDocumentShare(resolved: ResolvedGoldMention[], pick: (r: ResolvedGoldMention[]) => Assignment[]) {
  const byDoc = new Map<string, ResolvedGoldMention[]>();
  for (const r of resolved) byDoc.set(r.mention.document, [...(byDoc.get(r.mention.document) ?? []), r]);
  let truePairs = 0, goldPairs = 0, predictedPairs = 0;
  for (const group of byDoc.values()) {
    const s = scoreClusters(pick(group)).pairwise;
    truePairs += s.truePairs;
    goldPairs += s.goldPairs;
    predictedPairs += s.predictedPairs;
  }
  return { truePairs, goldPairs, predictedPairs };
}

function printClustering(title: string, resolved: ResolvedGoldMention[]): void {
  const { system, baseline } = assignmentsOf(resolved);
  const s = scoreClusters(system);
  const b = scoreClusters(baseline);
  console.log(`\n${title}: ${resolved.length} mentions, ${new Set(system.map((a) => a.gold)).size} gold entities, ${new Set(system.map((a) => a.predicted)).size} predicted`);
  console.log('                         pairwise P     R    F1 |  B-cubed P     R    F1');
  const line = (name: string, x: typeof s) =>
    console.log(`  ${name.padEnd(22)}    ${pct(x.pairwise.precision)} ${pct(x.pairwise.recall)} ${pct(x.pairwise.f1)} |    ${pct(x.bcubed.precision)} ${pct(x.bcubed.recall)} ${pct(x.bcubed.f1)}`);
  line('resolveMentions', s);
  line('baseline: exact string', b);
  console.log(`  F1 ratio to baseline       pairwise ${ratio(s.pairwise.f1, b.pairwise.f1)}       B-cubed ${ratio(s.bcubed.f1, b.bcubed.f1)}`);
  console.log(`  pairs: ${s.pairwise.goldPairs} gold, ${s.pairwise.predictedPairs} predicted, ${s.pairwise.truePairs} both`);
  for (const type of nameTypes) {
    const ofType = resolved.filter((r) => r.mention.type === type);
    const t = scoreClusters(assignmentsOf(ofType).system);
    const tb = scoreClusters(assignmentsOf(ofType).baseline);
    console.log(`  ${type.padEnd(8)} ${String(ofType.length).padStart(4)} mentions   pairwise P ${pct(t.pairwise.precision)} R ${pct(t.pairwise.recall)} F1 ${pct(t.pairwise.f1)}   (baseline F1 ${pct(tb.pairwise.f1)})`);
  }
  const within = withinDocumentShare(resolved, (r) => assignmentsOf(r).system);
  const crossGold = s.pairwise.goldPairs - within.goldPairs;
  const crossTrue = s.pairwise.truePairs - within.truePairs;
  const crossPredicted = s.pairwise.predictedPairs - within.predictedPairs;
  console.log(
    `  within documents: pairwise P ${pct(within.predictedPairs ? within.truePairs / within.predictedPairs : 1)} R ${pct(within.goldPairs ? within.truePairs / within.goldPairs : 1)}` +
      `   across documents: P ${pct(crossPredicted ? crossTrue / crossPredicted : 1)} R ${pct(crossGold ? crossTrue / crossGold : 1)}`,
  );
  printErrors(resolved);
}

/** Distinct surface forms, marked with the type they were resolved as when extraction typed them otherwise than gold. */
const spellings = (rs: ResolvedGoldMention[]) =>
  [...new Set(rs.map((r) => `"${r.text}"${r.type === r.mention.type ? '' : ` as ${r.type}`}`))].join(', ');
const pairs = (n: number) => (n * (n - 1)) / 2;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

/** Gold entities cut into several predicted ones, and predicted entities joining several gold ones, worst (most pairs lost) first. */
function printErrors(resolved: ResolvedGoldMention[], shown = process.argv.includes('--all') ? Infinity : 10): void {
  const splits = [...groupBy(resolved, (r) => r.mention.entity)]
    .map(([gold, rs]) => {
      const pieces = [...groupBy(rs, (r) => r.entityId).values()].sort((a, b) => b.length - a.length);
      return { gold, pieces, lost: pairs(rs.length) - pieces.reduce((n, p) => n + pairs(p.length), 0) };
    })
    .filter((s) => s.pieces.length > 1)
    .sort((a, b) => b.lost - a.lost || a.gold.localeCompare(b.gold));
  console.log(`  splits: ${splits.length} gold entities in more than one predicted entity${splits.length > shown ? ` (worst ${shown})` : ''}`);
  for (const s of splits.slice(0, shown)) {
    console.log(`    ${s.gold} → ${s.pieces.length} entities, ${s.lost} pairs missed: ${s.pieces.map((p) => `[${spellings(p)}]`).join(' | ')}`);
  }
  const merges = [...groupBy(resolved, (r) => r.entityId).values()]
    .map((rs) => {
      const golds = [...groupBy(rs, (r) => r.mention.entity)].sort((a, b) => b[1].length - a[1].length);
      return { golds, wrong: pairs(rs.length) - golds.reduce((n, [, g]) => n + pairs(g.length), 0) };
    })
    .filter((m) => m.golds.length > 1)
    .sort((a, b) => b.wrong - a.wrong || a.golds[0]![0].localeCompare(b.golds[0]![0]));
  console.log(`  merges: ${merges.length} predicted entities joining different gold ones${merges.length > shown ? ` (worst ${shown})` : ''}`);
  for (const m of merges.slice(0, shown)) {
    console.log(`    ${m.wrong} wrong pairs: ${m.golds.map(([gold, rs]) => `${gold} [${spellings(rs)}]`).join(' + ')}`);
  }
}

function printDetection(d: Detection): void {
  console.log(`\nEnd to end: mention detection (PERSON, ORG, LOCATION) — ${d.gold} gold mentions, ${d.predicted} extracted`);
  console.log('                           P     R    F1');
  for (const [name, m] of [['exact span', d.exact], ['exact span and type', d.exactTyped], ['overlapping span', d.overlapping]] as const) {
    const p = d.predicted ? m.predicted / d.predicted : 0;
    const r = m.gold / d.gold;
    console.log(`  ${name.padEnd(21)} ${pct(p)} ${pct(r)} ${pct(p + r ? (2 * p * r) / (p + r) : 0)}`);
  }
  const missedByEntity = [...groupBy(d.missed, (m) => m.entity)].sort((a, b) => b[1].length - a[1].length);
  console.log(`  missed (${d.missed.length}): ${missedByEntity.slice(0, 12).map(([e, ms]) => `${e} ${[...new Set(ms.map((m) => `"${m.text}"`))].join('/')}`).join('; ')}`);
  console.log(`  not in gold (${d.spurious.length}): ${[...new Set(d.spurious.map((m) => `${m.type} "${m.text}"`))].slice(0, 20).join(', ')}`);
}

const corpus = loadCorpus();
console.log(`corpus: ${corpus.documents.length} documents, ${corpus.mentions.length} gold mentions of ${corpus.entities.length} entities (offsets checked)`);

let started = Date.now();
const detection = await endToEnd(corpus);
const endToEndMs = Date.now() - started;
printDetection(detection);
printClustering(`End to end: clustering of the gold mentions found (${endToEndMs} ms for ingest)`, detection.found);

started = Date.now();
const goldResolved = await resolveGoldMentions(corpus);
printClustering(`Resolution only: gold mentions (${Date.now() - started} ms)`, goldResolved);
