// The averaged structured perceptron (Collins 2002) over BIO tags, decoded with first-order Viterbi.
// Why Viterbi rather than greedy left-to-right: BIO constraints are enforced over the whole sentence (no
// I-ORG after B-PER, ever), an early mistake cannot force later ones, and with seven tags the 7×7 lattice costs
// next to nothing. The previous tag enters as learned transition weights; forward–backward over the same
// scores gives each token a marginal probability, which is the confidence we report.
import { allowedTransition, nerTags } from './tags.js';
import { seededRandom } from '../../seeded-random.js';

export const tagCount = nerTags.length;
/** Transition row for the sentence start; rows 0..tagCount-1 are the previous tag. */
const startRow = tagCount;

export interface PerceptronWeights {
  /** Feature string → row in `emissions`. */
  features: Map<string, number>;
  /** Row-major: features.size × tagCount. */
  emissions: Float32Array | Float64Array;
  /** (tagCount + 1) × tagCount: previous tag (or start) → tag. */
  transitions: Float64Array;
  /** Divides scores before forward–backward; chosen on the dev split so confidences are calibrated. */
  temperature: number;
}

const forbidden = new Float64Array((tagCount + 1) * tagCount);
for (let prev = 0; prev <= tagCount; prev++) {
  for (let tag = 0; tag < tagCount; tag++) {
    forbidden[prev * tagCount + tag] = allowedTransition(prev === startRow ? null : nerTags[prev]!, nerTags[tag]!) ? 0 : -Infinity;
  }
}

/** Feature rows of each token; features the model has never seen are dropped. */
export function featureRows(weights: PerceptronWeights, features: readonly string[][]): Int32Array[] {
  return features.map((list) => {
    const rows: number[] = [];
    for (const f of list) {
      const row = weights.features.get(f);
      if (row !== undefined) rows.push(row);
    }
    return Int32Array.from(rows);
  });
}

export function emissionScores(emissions: ArrayLike<number>, rows: readonly Int32Array[]): Float64Array {
  const scores = new Float64Array(rows.length * tagCount);
  rows.forEach((tokenRows, i) => {
    for (const row of tokenRows) {
      const base = row * tagCount;
      for (let t = 0; t < tagCount; t++) scores[i * tagCount + t]! += emissions[base + t]!;
    }
  });
  return scores;
}

/** The best-scoring BIO-valid tag sequence. */
export function viterbi(scores: Float64Array, transitions: ArrayLike<number>): Uint8Array {
  const n = scores.length / tagCount;
  const path = new Uint8Array(n);
  if (n === 0) return path;
  const best = new Float64Array(n * tagCount);
  const back = new Uint8Array(n * tagCount);
  for (let t = 0; t < tagCount; t++) {
    best[t] = scores[t]! + transitions[startRow * tagCount + t]! + forbidden[startRow * tagCount + t]!;
  }
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < tagCount; t++) {
      let top = -Infinity;
      let arg = 0;
      for (let p = 0; p < tagCount; p++) {
        const s = best[(i - 1) * tagCount + p]! + transitions[p * tagCount + t]! + forbidden[p * tagCount + t]!;
        if (s > top) {
          top = s;
          arg = p;
        }
      }
      best[i * tagCount + t] = top + scores[i * tagCount + t]!;
      back[i * tagCount + t] = arg;
    }
  }
  let last = 0;
  for (let t = 1; t < tagCount; t++) if (best[(n - 1) * tagCount + t]! > best[(n - 1) * tagCount + last]!) last = t;
  path[n - 1] = last;
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * tagCount + path[i]!]!;
  return path;
}

function logSumExp(values: Float64Array): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (max === -Infinity) return max;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

/** P(tag at token i) under a linear-chain model whose potentials are the perceptron scores / temperature. */
export function marginals(scores: Float64Array, transitions: ArrayLike<number>, temperature: number): Float64Array {
  const n = scores.length / tagCount;
  const alpha = new Float64Array(n * tagCount);
  const beta = new Float64Array(n * tagCount);
  const terms = new Float64Array(tagCount);
  const trans = (p: number, t: number) => (transitions[p * tagCount + t]! + forbidden[p * tagCount + t]!) / temperature;
  for (let t = 0; t < tagCount && n > 0; t++) alpha[t] = scores[t]! / temperature + trans(startRow, t);
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < tagCount; t++) {
      for (let p = 0; p < tagCount; p++) terms[p] = alpha[(i - 1) * tagCount + p]! + trans(p, t);
      alpha[i * tagCount + t] = logSumExp(terms) + scores[i * tagCount + t]! / temperature;
    }
  }
  for (let i = n - 2; i >= 0; i--) {
    for (let p = 0; p < tagCount; p++) {
      for (let t = 0; t < tagCount; t++) {
        terms[t] = trans(p, t) + scores[(i + 1) * tagCount + t]! / temperature + beta[(i + 1) * tagCount + t]!;
      }
      beta[i * tagCount + p] = logSumExp(terms);
    }
  }
  const total = n === 0 ? 0 : logSumExp(alpha.subarray((n - 1) * tagCount));
  const probabilities = new Float64Array(n * tagCount);
  for (let k = 0; k < probabilities.length; k++) probabilities[k] = Math.exp(alpha[k]! + beta[k]! - total);
  return probabilities;
}

export interface TrainingSentence {
  features: string[][];
  /** Tag ids (indices into `nerTags`). */
  tags: Uint8Array;
}

export interface TrainingOptions {
  epochs: number;
  seed: number;
  /** Called with the averaged weights after each epoch; returns the dev score that picks the epoch kept. */
  afterEpoch?: (epoch: number, averaged: PerceptronWeights) => number;
}

/**
 * Trains on `sentences` and returns the averaged weights of the best epoch (by `afterEpoch`'s score, or the
 * last epoch without one). Averaging uses the lazy trick: keep Σ c·Δ beside the weights, average = w − u/c.
 */
export function trainPerceptron(sentences: readonly TrainingSentence[], options: TrainingOptions): PerceptronWeights & { epoch: number } {
  const features = new Map<string, number>();
  const rows = sentences.map((s) =>
    s.features.map((list) => Int32Array.from(list, (f) => {
      let row = features.get(f);
      if (row === undefined) features.set(f, (row = features.size));
      return row;
    })),
  );
  const w = new Float64Array(features.size * tagCount);
  const u = new Float64Array(features.size * tagCount);
  const tw = new Float64Array((tagCount + 1) * tagCount);
  const tu = new Float64Array((tagCount + 1) * tagCount);
  const random = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  let c = 1;
  let best: (PerceptronWeights & { epoch: number }) | null = null;
  let bestScore = -Infinity;

  const bump = (weights: Float64Array, sums: Float64Array, k: number, delta: number) => {
    weights[k]! += delta;
    sums[k]! += c * delta;
  };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const gold = sentences[index]!.tags;
      const tokenRows = rows[index]!;
      const predicted = viterbi(emissionScores(w, tokenRows), tw);
      for (let i = 0; i < gold.length; i++) {
        const g = gold[i]!;
        const p = predicted[i]!;
        if (g !== p) {
          for (const row of tokenRows[i]!) {
            bump(w, u, row * tagCount + g, 1);
            bump(w, u, row * tagCount + p, -1);
          }
        }
        const gPrev = i === 0 ? startRow : gold[i - 1]!;
        const pPrev = i === 0 ? startRow : predicted[i - 1]!;
        if (g !== p || gPrev !== pPrev) {
          bump(tw, tu, gPrev * tagCount + g, 1);
          bump(tw, tu, pPrev * tagCount + p, -1);
        }
      }
      c++;
    }
    const averaged: PerceptronWeights & { epoch: number } = {
      features,
      emissions: Float32Array.from(w, (v, k) => v - u[k]! / c),
      transitions: Float64Array.from(tw, (v, k) => v - tu[k]! / c),
      temperature: 1,
      epoch,
    };
    const score = options.afterEpoch ? options.afterEpoch(epoch, averaged) : epoch;
    if (score > bestScore) {
      bestScore = score;
      best = averaged;
    }
  }
  if (!best) throw new Error('trainPerceptron: epochs must be at least 1');
  return best;
}
