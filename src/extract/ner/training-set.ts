// Gold-tagged sentences from several sources turned into what the perceptron reads: feature rows in one
// table, tag ids and a weight per source. Names seen in training (KnownEntities) are given to each sentence
// from the other folds only (jackknifing), so the model learns how far a remembered name can be trusted on
// text it has not seen rather than learning that every training name is always in the list.
import type { TaggedSentence } from './conll.js';
import { FeatureTable } from './feature-hash.js';
import { sentenceFeatureKeys } from './features.js';
import { KnownEntities } from './known-entities.js';
import type { TrainingSentence } from './perceptron.js';
import { tagId } from './tags.js';
import type { WordClusters } from './word-clusters.js';
import { WordFeatureCache, wordFeatures } from './word-features.js';

export interface TrainingSource {
  name: string;
  sentences: readonly TaggedSentence[];
  /** How much a mistake on this source moves the weights. */
  weight: number;
}

export interface TrainingSet {
  table: FeatureTable;
  sentences: TrainingSentence[];
  /** The names of every source, for tagging new text (null when `folds` is 0: no name features). */
  known: KnownEntities | null;
  tokenCount: number;
}

/**
 * `folds` ≥ 2 splits the sentences (by position) for the names each one may see; 0 leaves names out. `clusters`
 * are the word classes the features read (null: none).
 */
export function buildTrainingSet(sources: readonly TrainingSource[], folds: number, minCount = 1, clusters: WordClusters | null = null): TrainingSet {
  if (folds === 1 || folds < 0 || !Number.isInteger(folds)) throw new Error(`folds must be 0 or a whole number from 2, got ${folds}`);
  const all = sources.flatMap((source) => source.sentences.map((sentence) => ({ sentence, weight: source.weight })));
  const foldOf = (index: number) => index % folds;
  const heldOut = Array.from({ length: folds }, (_, fold) => KnownEntities.fromSentences(all.filter((_, i) => foldOf(i) !== fold).map((s) => s.sentence)));
  const cache = new WordFeatureCache((word) => wordFeatures(word, false, clusters), Infinity);
  const keys = all.map(({ sentence }, i) => sentenceFeatureKeys(sentence.tokens, cache, folds === 0 ? null : heldOut[foldOf(i)]!));
  // Features seen fewer than `minCount` times are left out: their weights would only remember one sentence.
  const counted = new FeatureTable(1 << 20);
  let counts = new Int32Array(1 << 20);
  for (const sentence of keys) {
    for (const token of sentence) {
      for (const key of token) {
        const row = counted.intern(key);
        if (row >= counts.length) {
          const bigger = new Int32Array(counts.length * 2);
          bigger.set(counts);
          counts = bigger;
        }
        counts[row]!++;
      }
    }
  }
  const table = new FeatureTable(1 << 20);
  const sentences = all.map(({ sentence, weight }, i) => ({
    rows: keys[i]!.map((token) => Int32Array.from(token.filter((key) => counts[counted.get(key)]! >= minCount), (key) => table.intern(key))),
    tags: Uint8Array.from(sentence.tags, tagId),
    weight,
  }));
  return {
    table,
    sentences,
    known: folds === 0 ? null : KnownEntities.fromSentences(all.map((s) => s.sentence)),
    tokenCount: all.reduce((n, s) => n + s.sentence.tokens.length, 0),
  };
}
