// Word classes learnt from unlabeled text at training time and shipped inside the weights file: words that stand
// in the same company ("Creek" and "River"; "Jr." and "Sr.") share a class, so a word the labeled data shows once
// borrows the weights of its class. The classes maximise the likelihood of a class bigram model, found by the
// exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998): start from classes dealt out by frequency,
// then move each word in turn to the class that raises the likelihood most, for a few passes. Several numbers of
// classes are learnt, coarse to fine, and each is a feature of its own (as Brown clusters' bit prefixes are).
import { seededRandom } from '../../seeded-random.js';

/** The form a word is clustered under: lower case, every digit 0 ("1990" and "2004" are one word). */
export function clusterForm(word: string): string {
  return word.toLowerCase().replace(/\p{N}/gu, '0');
}

export class WordClusters {
  constructor(
    /** The number of classes of each clustering, in the order of each word's classes. */
    readonly sizes: readonly number[],
    /** Cluster form → its class in each clustering. */
    private readonly classes: ReadonlyMap<string, readonly number[]>,
  ) {}

  get size(): number {
    return this.classes.size;
  }

  /** The word's class in each clustering, or null for a word the text did not show often enough. */
  of(word: string): readonly number[] | null {
    return this.classes.get(clusterForm(word)) ?? null;
  }

  /** First line the sizes, then one line per word: "form<TAB>class class…", sorted. */
  encode(): string {
    const lines = [...this.classes].map(([form, classes]) => `${form}\t${classes.join(' ')}`).sort();
    return [this.sizes.join(' '), ...lines].join('\n');
  }

  static decode(text: string): WordClusters {
    const [first, ...lines] = text.split('\n');
    const sizes = (first ?? '').split(' ').map(Number);
    if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error(`word clusters: first line "${first}" is not the numbers of classes`);
    const classes = new Map<string, number[]>();
    for (const line of lines) {
      const cut = line.lastIndexOf('\t');
      const ids = line.slice(cut + 1).split(' ').map(Number);
      if (cut < 1 || ids.length !== sizes.length || ids.some((c, k) => !Number.isInteger(c) || c < 0 || c >= sizes[k]!)) {
        throw new Error(`word clusters: line "${line}" is not "form<TAB>${sizes.length} class numbers"`);
      }
      classes.set(line.slice(0, cut), ids);
    }
    return new WordClusters(sizes, classes);
  }
}

export interface ClusterOptions {
  /** Numbers of classes, one clustering each. */
  sizes: readonly number[];
  /** Words seen fewer times keep no class: their few neighbours say little, and unseen words have none either. */
  minCount: number;
  /** Passes of the exchange algorithm over the vocabulary. */
  iterations: number;
  seed: number;
}

/** The text as one stream of word ids: 0 stands between sentences, 1 for every word rarer than `minCount`. */
interface Corpus {
  forms: string[];
  counts: Float64Array;
  /** Per word: its neighbours to the left and right, other than itself, with bigram counts (CSR). */
  leftStart: Int32Array;
  leftWord: Int32Array;
  leftCount: Float64Array;
  rightStart: Int32Array;
  rightWord: Int32Array;
  rightCount: Float64Array;
  /** Times the word follows itself. */
  selfCount: Float64Array;
}

function buildCorpus(sentences: readonly (readonly string[])[], minCount: number): Corpus {
  const tally = new Map<string, number>();
  for (const s of sentences) for (const w of s) tally.set(clusterForm(w), (tally.get(clusterForm(w)) ?? 0) + 1);
  const forms = ['<boundary>', '<rare>', ...[...tally].filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([f]) => f)];
  const id = new Map(forms.map((f, i) => [f, i]));
  const size = forms.length;
  const counts = new Float64Array(size);
  const pairs = new Map<number, number>();
  let previous = 0;
  const step = (word: number) => {
    counts[word]!++;
    const key = previous * size + word;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    previous = word;
  };
  for (const s of sentences) {
    for (const w of s) step(id.get(clusterForm(w)) ?? 1);
    step(0);
  }
  const selfCount = new Float64Array(size);
  const leftDegree = new Int32Array(size + 1);
  const rightDegree = new Int32Array(size + 1);
  for (const key of pairs.keys()) {
    const [a, b] = [Math.floor(key / size), key % size];
    if (a === b) continue;
    rightDegree[a + 1]!++;
    leftDegree[b + 1]!++;
  }
  for (let w = 0; w < size; w++) {
    rightDegree[w + 1]! += rightDegree[w]!;
    leftDegree[w + 1]! += leftDegree[w]!;
  }
  const corpus: Corpus = {
    forms,
    counts,
    leftStart: leftDegree.slice(),
    leftWord: new Int32Array(leftDegree[size]!),
    leftCount: new Float64Array(leftDegree[size]!),
    rightStart: rightDegree.slice(),
    rightWord: new Int32Array(rightDegree[size]!),
    rightCount: new Float64Array(rightDegree[size]!),
    selfCount,
  };
  const leftFill = leftDegree.slice();
  const rightFill = rightDegree.slice();
  for (const [key, n] of pairs) {
    const [a, b] = [Math.floor(key / size), key % size];
    if (a === b) {
      selfCount[a] = n;
      continue;
    }
    corpus.rightWord[rightFill[a]!] = b;
    corpus.rightCount[rightFill[a]!++] = n;
    corpus.leftWord[leftFill[b]!] = a;
    corpus.leftCount[leftFill[b]!++] = n;
  }
  return corpus;
}

const xlogx = (x: number) => (x > 0 ? x * Math.log(x) : 0);

/**
 * One clustering into `size` classes. The likelihood, up to constants, is Σ N(c,d)·log N(c,d) − 2 Σ N(c)·log N(c)
 * over class bigram counts N(c,d) and class counts N(c); moving one word changes only the rows and columns of its
 * old and new class, so each candidate class costs as many steps as the word has distinct neighbouring classes.
 */
function exchange(corpus: Corpus, size: number, iterations: number, seed: number): Int32Array {
  const words = corpus.forms.length;
  const classOf = new Int32Array(words);
  // Frequent words dealt out one per class first, the rest in a seeded shuffle of classes.
  const random = seededRandom(seed);
  for (let w = 0; w < words; w++) classOf[w] = w < size ? w : Math.floor(random() * size);
  const bigrams = new Float64Array(size * size);
  const classCounts = new Float64Array(size);
  for (let w = 0; w < words; w++) {
    classCounts[classOf[w]!]! += corpus.counts[w]!;
    bigrams[classOf[w]! * size + classOf[w]!]! += corpus.selfCount[w]!;
    for (let k = corpus.rightStart[w]!; k < corpus.rightStart[w + 1]!; k++) bigrams[classOf[w]! * size + classOf[corpus.rightWord[k]!]!]! += corpus.rightCount[k]!;
  }
  const left = new Float64Array(size);
  const right = new Float64Array(size);
  const leftClasses: number[] = [];
  const rightClasses: number[] = [];
  for (let pass = 0; pass < iterations; pass++) {
    let moved = 0;
    for (let w = 0; w < words; w++) {
      const from = classOf[w]!;
      const count = corpus.counts[w]!;
      const self = corpus.selfCount[w]!;
      leftClasses.length = 0;
      rightClasses.length = 0;
      for (let k = corpus.leftStart[w]!; k < corpus.leftStart[w + 1]!; k++) {
        const c = classOf[corpus.leftWord[k]!]!;
        if (left[c] === 0) leftClasses.push(c);
        left[c]! += corpus.leftCount[k]!;
      }
      for (let k = corpus.rightStart[w]!; k < corpus.rightStart[w + 1]!; k++) {
        const d = classOf[corpus.rightWord[k]!]!;
        if (right[d] === 0) rightClasses.push(d);
        right[d]! += corpus.rightCount[k]!;
      }
      // Take the word out of its class.
      for (const c of leftClasses) bigrams[c * size + from]! -= left[c]!;
      for (const d of rightClasses) bigrams[from * size + d]! -= right[d]!;
      bigrams[from * size + from]! -= self;
      classCounts[from]! -= count;
      let best = from;
      let bestGain = -Infinity;
      for (let b = 0; b < size; b++) {
        let gain = -2 * (xlogx(classCounts[b]! + count) - xlogx(classCounts[b]!));
        for (const c of leftClasses) {
          if (c === b) continue;
          const n = bigrams[c * size + b]!;
          gain += xlogx(n + left[c]!) - xlogx(n);
        }
        for (const d of rightClasses) {
          if (d === b) continue;
          const n = bigrams[b * size + d]!;
          gain += xlogx(n + right[d]!) - xlogx(n);
        }
        const diagonal = bigrams[b * size + b]!;
        gain += xlogx(diagonal + left[b]! + right[b]! + self) - xlogx(diagonal);
        if (gain > bestGain + 1e-9 || (b === from && gain >= bestGain - 1e-9)) [best, bestGain] = [b, gain];
      }
      // Put it into the best one.
      for (const c of leftClasses) bigrams[c * size + best]! += left[c]!;
      for (const d of rightClasses) bigrams[best * size + d]! += right[d]!;
      bigrams[best * size + best]! += self;
      classCounts[best]! += count;
      classOf[w] = best;
      if (best !== from) moved++;
      for (const c of leftClasses) left[c] = 0;
      for (const d of rightClasses) right[d] = 0;
    }
    if (moved === 0) break;
  }
  return classOf;
}

/** Word classes of the words of `sentences` seen at least `minCount` times, one clustering per size. */
export function learnWordClusters(sentences: readonly (readonly string[])[], options: ClusterOptions): WordClusters {
  const corpus = buildCorpus(sentences, options.minCount);
  const clusterings = options.sizes.map((size, k) => exchange(corpus, size, options.iterations, options.seed + k));
  const classes = new Map<string, number[]>();
  // Ids 0 and 1 are the sentence boundary and the rare words: not words anyone will look up.
  for (let w = 2; w < corpus.forms.length; w++) classes.set(corpus.forms[w]!, clusterings.map((c) => c[w]!));
  return new WordClusters(options.sizes, classes);
}
