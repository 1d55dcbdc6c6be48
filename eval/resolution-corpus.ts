// The resolution corpus (eval/fixtures/resolution: documents with gold mentions and identities) and the
// clustering scores used on it: pairwise precision/recall and B-cubed. Shared by `npm run eval:resolve`
// and the regression test in src/resolve; the gold file is checked against the documents on every load.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ExtractedMention } from '../src/extract/index.js';
import { normaliseText } from '../src/names/index.js';
import { packageRoot } from '../src/package-root.js';
import { resolveMentions } from '../src/resolve/index.js';
import { openSqliteStore, type DocumentRecord, type EntityType, type Store } from '../src/store/index.js';

export const corpusFolder = join(packageRoot, 'eval', 'fixtures', 'resolution');
export const documentsFolder = join(corpusFolder, 'documents');

const nameType = z.enum(['PERSON', 'ORG', 'LOCATION']);
const goldSchema = z.object({
  entities: z.array(z.object({ id: z.string(), type: nameType, name: z.string(), note: z.string() })).min(1),
  mentions: z
    .array(
      z.object({
        document: z.string().regex(/^[\w.-]+\.txt$/),
        start: z.number().int().nonnegative(),
        end: z.number().int().positive(),
        text: z.string().min(1),
        type: nameType,
        entity: z.string(),
      }),
    )
    .min(1),
});

export type GoldMention = z.infer<typeof goldSchema>['mentions'][number];
export type GoldEntity = z.infer<typeof goldSchema>['entities'][number];

export interface CorpusDocument {
  /** File name inside documents/, e.g. "004-news-barisha-raid.txt". */
  name: string;
  text: string;
  /** Gold mentions of this document in text order. */
  mentions: GoldMention[];
}

export interface Corpus {
  entities: GoldEntity[];
  /** In file-name order, the order in which ingest walks the folder. */
  documents: CorpusDocument[];
  mentions: GoldMention[];
}

/**
 * Reads gold.json and the documents, and fails naming the first mention whose recorded text is not what the
 * document holds at its offsets, or whose entity or type disagrees with the entity list.
 */
export function loadCorpus(folder: string = corpusFolder): Corpus {
  const goldPath = join(folder, 'gold.json');
  const parsed = goldSchema.safeParse(JSON.parse(readFileSync(goldPath, 'utf8')));
  if (!parsed.success) throw new Error(`${goldPath}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { entities, mentions } = parsed.data;
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const texts = new Map<string, string>();
  for (const [index, m] of mentions.entries()) {
    const where = `${goldPath} mention ${index} (${m.document} ${m.start}-${m.end})`;
    if (!texts.has(m.document)) texts.set(m.document, readFileSync(join(folder, 'documents', m.document), 'utf8'));
    const found = texts.get(m.document)!.slice(m.start, m.end);
    if (found !== m.text) throw new Error(`${where}: gold text "${m.text}" but the document holds "${found}" there; rebuild with build-gold.mjs`);
    const entity = entityById.get(m.entity);
    if (!entity) throw new Error(`${where}: entity "${m.entity}" is not in the entity list`);
    if (entity.type !== m.type) throw new Error(`${where}: type ${m.type} but entity ${m.entity} is ${entity.type}`);
  }
  const documents = [...texts.keys()].sort().map((name) => ({
    name,
    text: texts.get(name)!,
    mentions: mentions.filter((m) => m.document === name).sort((a, b) => a.start - b.start),
  }));
  return { entities, documents, mentions };
}

/** What a clustering says about one mention: its gold entity and the entity a system (or baseline) gave it. */
export interface Assignment {
  gold: string;
  predicted: string;
}

export interface ClusterScores {
  mentions: number;
  pairwise: { precision: number; recall: number; f1: number; goldPairs: number; predictedPairs: number; truePairs: number };
  bcubed: { precision: number; recall: number; f1: number };
}

const pairs = (n: number) => (n * (n - 1)) / 2;
const harmonic = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/**
 * Pairwise: a pair of mentions is a true pair when both clusterings put them together. B-cubed: per mention, the
 * share of its predicted cluster that is its gold entity (precision) and the share of its gold entity that is
 * in its predicted cluster (recall), averaged over mentions. With no pairs to judge a figure is 1.
 */
export function scoreClusters(assignments: Assignment[]): ClusterScores {
  const cell = countBy(assignments, (a) => `${a.gold}\u0000${a.predicted}`);
  const gold = countBy(assignments, (a) => a.gold);
  const predicted = countBy(assignments, (a) => a.predicted);
  const truePairs = [...cell.values()].reduce((s, n) => s + pairs(n), 0);
  const goldPairs = [...gold.values()].reduce((s, n) => s + pairs(n), 0);
  const predictedPairs = [...predicted.values()].reduce((s, n) => s + pairs(n), 0);
  const precision = predictedPairs === 0 ? 1 : truePairs / predictedPairs;
  const recall = goldPairs === 0 ? 1 : truePairs / goldPairs;
  let bp = 0;
  let br = 0;
  for (const a of assignments) {
    const together = cell.get(`${a.gold}\u0000${a.predicted}`)!;
    bp += together / predicted.get(a.predicted)!;
    br += together / gold.get(a.gold)!;
  }
  const n = assignments.length || 1;
  return {
    mentions: assignments.length,
    pairwise: { precision, recall, f1: harmonic(precision, recall), goldPairs, predictedPairs, truePairs },
    bcubed: { precision: bp / n, recall: br / n, f1: harmonic(bp / n, br / n) },
  };
}

/** The baseline: mentions are one entity exactly when their type and normalised text agree. */
export function exactStringBaseline(mentions: { gold: string; type: EntityType; text: string }[]): Assignment[] {
  return mentions.map((m) => ({ gold: m.gold, predicted: `${m.type}\u0000${normaliseText(m.text)}` }));
}

/** A gold mention as a resolved one: the entity id resolution gave it and the text it was resolved under. */
export interface ResolvedGoldMention {
  mention: GoldMention;
  entityId: string;
  /** The surface text and type that were resolved (the gold ones when resolving gold mentions, the extracted ones end to end). */
  text: string;
  type: EntityType;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Resolution alone: the gold spans and types go to `resolveMentions` document by document against an in-memory
 * SQLite store, each result saved before the next document as the ingest pipeline saves a file, so later
 * documents see the entities of earlier ones. No antecedents are given: linking "Silo" to "Talal Silo" is
 * resolution's job here.
 */
export async function resolveGoldMentions(corpus: Corpus, openStore: () => Store = () => openSqliteStore(':memory:')): Promise<ResolvedGoldMention[]> {
  const store = openStore();
  const at = '2024-01-01T00:00:00.000Z';
  const out: ResolvedGoldMention[] = [];
  try {
    for (const doc of corpus.documents) {
      const documentId = 'd_' + sha256(doc.name).slice(0, 16);
      const mentions: ExtractedMention[] = doc.mentions.map((m) => ({ type: m.type, text: m.text, start: m.start, end: m.end, confidence: 1, method: 'gold' }));
      const resolved = await resolveMentions([{ documentId, mentions }], store);
      const source = { sha256: sha256(doc.text), size: Buffer.byteLength(doc.text), path: `gold/${doc.name}`, mediaType: 'text/plain', ingestedAt: at };
      const document: DocumentRecord = {
        ...source, id: documentId, parentId: null, position: 0, title: null, author: null, date: null, language: null,
        text: doc.text, span: null, isLeaf: true, metadata: {},
      };
      await store.saveIngestBatch({ source, documents: [document], ...resolved });
      resolved.mentions.forEach((record, index) => {
        const mention = doc.mentions[index]!;
        if (record.start !== mention.start || record.end !== mention.end) throw new Error(`${doc.name}: resolveMentions returned mentions out of order`);
        out.push({ mention, entityId: record.entityId, text: record.text, type: record.type });
      });
    }
  } finally {
    await store.close();
  }
  return out;
}

/** Resolved gold mentions as assignments, and the baseline over the same mentions and texts. */
export function assignmentsOf(resolved: ResolvedGoldMention[]): { system: Assignment[]; baseline: Assignment[] } {
  return {
    system: resolved.map((r) => ({ gold: r.mention.entity, predicted: r.entityId })),
    baseline: exactStringBaseline(resolved.map((r) => ({ gold: r.mention.entity, type: r.type, text: r.text }))),
  };
}
