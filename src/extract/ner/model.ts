// A trained tagger: scoring, Viterbi decoding and per-token confidence over fixed weights. A token's score is
// the sum of its features' weights; since most features depend on one word only, each distinct word's share
// (its own features, and what it adds to each neighbour within ±2) is summed once into five small vectors
// and cached, and only the features that need the sentence are looked up per token.
import { KeyList, WeightTable } from './feature-hash.js';
import { pairFeatures, sentenceFacts, sentenceWideFeatures, spanFeatures } from './features.js';
import type { KnownEntities } from './known-entities.js';
import { Lattice, tagCount } from './lattice.js';
import type { PerceptronWeights } from './perceptron.js';
import type { WordClusters } from './word-clusters.js';
import { nerTags, type NerTag, type TagSpan } from './tags.js';
import { boundaryFeatures, contextOffsets, wordFeatures, WordFeatureCache, type WordFeatures } from './word-features.js';

export interface TaggedToken {
  tag: NerTag;
  /** Marginal probability of this tag at this token (forward–backward over the model's scores). */
  confidence: number;
}

export interface ScoredSpan extends TagSpan {
  /** The lowest marginal probability of the span's tags. */
  confidence: number;
}

export interface NerModel {
  /** Features that carry weight. */
  readonly featureCount: number;
  tag(tokens: readonly string[]): TaggedToken[];
  /** Tags only, without the forward–backward pass: what training and evaluation need. */
  decode(tokens: readonly string[]): NerTag[];
  /** The entity spans of the best tagging, each with its confidence (forward–backward only when there is one). */
  spans(tokens: readonly string[]): ScoredSpan[];
  /** Emission scores, tokens × tags (row-major, tags in `nerTags` order), before transitions. */
  scores(tokens: readonly string[]): Float64Array;
}

/** The weights of a tagger, the names its training data taught it and the word classes its features read. */
export interface NerWeights extends PerceptronWeights {
  known: KnownEntities | null;
  clusters: WordClusters | null;
}

class CachedWord {
  constructor(
    /** Never reused, so a pair's cached vectors stay right however often the word cache starts afresh. */
    readonly id: number,
    readonly features: WordFeatures,
    /** (1 + contextOffsets.length) × tagCount: the word's own share, then its share at each context offset. */
    readonly vectors: Float64Array,
  ) {}
}

/**
 * What each pair of adjacent words adds through `pairFeatures`: tagCount weights for the left token, then
 * tagCount for the right one, keyed by the two words' ids. Open addressing; starts afresh when half full.
 */
class PairCache {
  private readonly lefts: Int32Array;
  private readonly rights: Int32Array;
  readonly values: Float64Array;
  private readonly mask: number;
  private count = 0;

  constructor(capacity = 1 << 17) {
    this.lefts = new Int32Array(capacity);
    this.rights = new Int32Array(capacity);
    this.values = new Float64Array(capacity * 2 * tagCount);
    this.mask = capacity - 1;
  }

  /** Where the pair's values start in `values`; `fill` is called to work them out the first time. */
  get(left: number, right: number, fill: (at: number) => void): number {
    const { lefts, rights, mask } = this;
    let slot = (Math.imul(left, 0x9e3779b1) ^ Math.imul(right, 0x85ebca6b)) >>> 15;
    for (; ; slot = (slot + 1) & mask) {
      slot &= mask;
      if (lefts[slot] === left && rights[slot] === right) return slot * 2 * tagCount;
      if (lefts[slot] === 0) break;
    }
    if (2 * ++this.count > lefts.length) {
      lefts.fill(0);
      rights.fill(0);
      this.count = 1;
      return this.get(left, right, fill);
    }
    lefts[slot] = left;
    rights[slot] = right;
    const at = slot * 2 * tagCount;
    this.values.fill(0, at, at + 2 * tagCount);
    fill(at);
    return at;
  }
}

/** Spans of a path of tag ids, read as `spansFromTags` reads tags. */
function spansOfPath(path: Uint8Array): TagSpan[] {
  const spans: TagSpan[] = [];
  let open: TagSpan | null = null;
  for (let i = 0; i < path.length; i++) {
    const tag = nerTags[path[i]!]!;
    const type = tag === 'O' ? null : (tag.slice(2) as TagSpan['type']);
    if (open !== null && type === open.type && tag.startsWith('I-')) {
      open.end = i + 1;
      continue;
    }
    if (open) spans.push(open);
    open = type ? { type, start: i, end: i + 1 } : null;
  }
  if (open) spans.push(open);
  return spans;
}

export function createNerModel(weights: NerWeights): NerModel {
  const { transitions, temperature, known, clusters } = weights;
  const table = new WeightTable(weights.table, weights.emissions, tagCount);
  const addKey = (into: Float64Array, at: number, key: number) => {
    const from = table.find(key);
    if (from < 0) return;
    const w = table.weights;
    for (let t = 0; t < tagCount; t++) into[at + t]! += w[from + t]!;
  };
  const vectorsOf = (word: WordFeatures) => {
    const vectors = new Float64Array((1 + contextOffsets.length) * tagCount);
    for (const key of word.own) addKey(vectors, 0, key);
    word.context.forEach((keys, k) => {
      for (const key of keys) addKey(vectors, (1 + k) * tagCount, key);
    });
    return vectors;
  };
  // Ids 1 and 2 are the sentence start and end; 0 marks an empty slot of the pair cache.
  let lastId = 2;
  const cache = new WordFeatureCache<CachedWord>((token) => {
    const word = wordFeatures(token, false, clusters);
    return new CachedWord(++lastId, word, vectorsOf(word));
  });
  const startWord = boundaryFeatures('<s>');
  const endWord = boundaryFeatures('</s>');
  const start = new CachedWord(1, startWord, vectorsOf(startWord));
  const end = new CachedWord(2, endWord, vectorsOf(endWord));
  const pairs = new PairCache();
  const lattice = new Lattice(transitions, temperature);
  const keys = new KeyList();
  const rightKeys = new KeyList();
  const shared = new Float64Array(tagCount);
  let left = start;
  let right = start;
  const fillPair = (at: number) => {
    keys.clear();
    rightKeys.clear();
    pairFeatures(left.features, right.features, keys, rightKeys);
    for (let k = 0; k < keys.length; k++) addKey(pairs.values, at, keys.keys[k]!);
    for (let k = 0; k < rightKeys.length; k++) addKey(pairs.values, at + tagCount, rightKeys.keys[k]!);
  };

  const scores = (tokens: readonly string[]): Float64Array => {
    const n = tokens.length;
    const cached: CachedWord[] = [];
    const words: WordFeatures[] = [];
    for (let i = 0; i < n; i++) {
      const word = cache.get(tokens[i]!);
      cached.push(word);
      words.push(word.features);
    }
    const facts = sentenceFacts(words, known);
    const out = new Float64Array(n * tagCount);
    keys.clear();
    sentenceWideFeatures(facts, keys);
    shared.fill(0);
    for (let k = 0; k < keys.length; k++) addKey(shared, 0, keys.keys[k]!);
    for (let i = 0; i < n; i++) {
      const at = i * tagCount;
      const own = cached[i]!.vectors;
      for (let t = 0; t < tagCount; t++) out[at + t] = own[t]! + shared[t]!;
      for (let k = 0; k < contextOffsets.length; k++) {
        const j = i + contextOffsets[k]!;
        const neighbour = (j < 0 ? start : j >= n ? end : cached[j]!).vectors;
        const from = (1 + k) * tagCount;
        for (let t = 0; t < tagCount; t++) out[at + t]! += neighbour[from + t]!;
      }
      keys.clear();
      spanFeatures(facts, i, keys);
      for (let k = 0; k < keys.length; k++) addKey(out, at, keys.keys[k]!);
    }
    // Pair j joins token j − 1 (or the start) and token j (or the end).
    const values = pairs.values;
    for (let j = 0; j <= n; j++) {
      left = j === 0 ? start : cached[j - 1]!;
      right = j === n ? end : cached[j]!;
      const at = pairs.get(left.id, right.id, fillPair);
      if (j > 0) for (let t = 0; t < tagCount; t++) out[(j - 1) * tagCount + t]! += values[at + t]!;
      if (j < n) for (let t = 0; t < tagCount; t++) out[j * tagCount + t]! += values[at + tagCount + t]!;
    }
    return out;
  };

  return {
    featureCount: weights.table.size,
    scores,
    decode(tokens) {
      return Array.from(lattice.viterbi(scores(tokens)), (t) => nerTags[t]!);
    },
    tag(tokens) {
      const s = scores(tokens);
      const path = lattice.viterbi(s);
      const probabilities = lattice.marginals(s);
      return Array.from(path, (t, i) => ({ tag: nerTags[t]!, confidence: probabilities[i * tagCount + t]! }));
    },
    spans(tokens) {
      const s = scores(tokens);
      const path = lattice.viterbi(s);
      const spans = spansOfPath(path);
      if (spans.length === 0) return [];
      const probabilities = lattice.marginals(s);
      return spans.map((span) => {
        let confidence = 1;
        for (let i = span.start; i < span.end; i++) confidence = Math.min(confidence, probabilities[i * tagCount + path[i]!]!);
        return { ...span, confidence };
      });
    },
  };
}
