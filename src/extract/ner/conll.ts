// Reading the CoNLL training and evaluation files (token<TAB>tag, blank line between sentences) into the
// model's tag set, and conlleval-style exact-span scoring.
import { readFileSync } from 'node:fs';
import { nerTags, spansFromTags, type NerType } from './tags.js';

export interface TaggedSentence {
  tokens: string[];
  tags: string[];
}

/** WNUT-17's six types onto ours: groups are organisations; creative works and products are not entities here. */
const wnutTypes: Record<string, NerType | null> = {
  person: 'PER',
  corporation: 'ORG',
  group: 'ORG',
  location: 'LOC',
  'creative-work': null,
  product: null,
};

export function mapTag(tag: string): string {
  if (tag === 'O') return 'O';
  const match = /^([BI])-(.+)$/.exec(tag);
  if (!match) throw new Error(`"${tag}" is not a BIO tag`);
  const [, position, name] = match as unknown as [string, string, string];
  const type = name in wnutTypes ? wnutTypes[name] : name;
  if (type === null) return 'O';
  const mapped = `${position}-${type}`;
  if (!(nerTags as readonly string[]).includes(mapped)) throw new Error(`tag "${tag}" maps to no model tag`);
  return mapped;
}

/** Reads a CoNLL file; WikiANN's "en:" token prefix is stripped, WNUT-17 types are mapped (see `mapTag`). */
export function readConll(path: string): TaggedSentence[] {
  const sentences: TaggedSentence[] = [];
  let current: TaggedSentence = { tokens: [], tags: [] };
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (current.tokens.length > 0) sentences.push(current);
      current = { tokens: [], tags: [] };
      return;
    }
    const cut = line.lastIndexOf('\t');
    if (cut <= 0) throw new Error(`${path} line ${index + 1}: expected "token<TAB>tag", got "${line}"`);
    try {
      current.tags.push(mapTag(line.slice(cut + 1).trim()));
    } catch (error) {
      throw new Error(`${path} line ${index + 1}: ${(error as Error).message}`);
    }
    current.tokens.push(line.slice(0, cut).replace(/^en:/, ''));
  });
  if (current.tokens.length > 0) sentences.push(current);
  return sentences;
}

export interface SpanCounts {
  gold: number;
  predicted: number;
  correct: number;
}

export type SpanScores = Record<NerType | 'ALL', SpanCounts>;

export function emptyScores(): SpanScores {
  const zero = () => ({ gold: 0, predicted: 0, correct: 0 });
  return { PER: zero(), ORG: zero(), LOC: zero(), ALL: zero() };
}

/** Adds one sentence to exact-span counts: a predicted span is correct when its type, start and end all match. */
export function countSpans(scores: SpanScores, gold: readonly string[], predicted: readonly string[]): void {
  const goldSpans = spansFromTags(gold);
  const predictedSpans = spansFromTags(predicted);
  const goldKeys = new Set(goldSpans.map((s) => `${s.type}:${s.start}:${s.end}`));
  for (const s of goldSpans) {
    scores[s.type].gold++;
    scores.ALL.gold++;
  }
  for (const s of predictedSpans) {
    scores[s.type].predicted++;
    scores.ALL.predicted++;
    if (goldKeys.has(`${s.type}:${s.start}:${s.end}`)) {
      scores[s.type].correct++;
      scores.ALL.correct++;
    }
  }
}

export function f1(counts: SpanCounts): { precision: number; recall: number; f1: number } {
  const precision = counts.predicted === 0 ? 0 : counts.correct / counts.predicted;
  const recall = counts.gold === 0 ? 0 : counts.correct / counts.gold;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Exact-span counts of `decode` over gold-tagged sentences. */
export function scoreTagger(sentences: readonly TaggedSentence[], decode: (tokens: readonly string[]) => readonly string[]): SpanScores {
  const scores = emptyScores();
  for (const s of sentences) countSpans(scores, s.tags, decode(s.tokens));
  return scores;
}
