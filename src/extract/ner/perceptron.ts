// The averaged structured perceptron (Collins 2002) over BIO tags, decoded with first-order Viterbi (lattice.ts).
// The previous tag enters as learned transition weights; forward–backward over the same scores gives each token
// a marginal probability, which is the confidence we report.
import type { FeatureTable } from './feature-hash.js';
import { Lattice, startRow, tagCount } from './lattice.js';
import { seededRandom } from '../../seeded-random.js';

export { tagCount } from './lattice.js';

export interface PerceptronWeights {
  /** Feature key → row in `emissions`. */
  table: FeatureTable;
  /** Row-major: rows × tagCount. */
  emissions: Float32Array;
  /** (tagCount + 1) × tagCount: previous tag (or start) → tag. */
  transitions: Float64Array;
  /** Divides scores before forward–backward; chosen on the dev split so confidences are calibrated. */
  temperature: number;
}

/** Rows of each token's feature keys, adding keys the table has not seen (training). */
export function internRows(table: FeatureTable, keys: readonly Int32Array[]): Int32Array[] {
  return keys.map((list) => list.map((key) => table.intern(key)));
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
  return new Lattice(transitions).viterbi(scores);
}

/** P(tag at token i) under a linear-chain model whose potentials are the scores / temperature. */
export function marginals(scores: Float64Array, transitions: ArrayLike<number>, temperature: number): Float64Array {
  return new Lattice(transitions, temperature).marginals(scores);
}

export interface TrainingSentence {
  /** Per token, the rows of its features in the table training fills (see `internRows`). */
  rows: Int32Array[];
  /** Tag ids (indices into `nerTags`). */
  tags: Uint8Array;
  /** How much a mistake on this sentence moves the weights (1 unless a source is trusted less). */
  weight?: number;
}

export interface TrainingOptions {
  epochs: number;
  seed: number;
  /** Called with the averaged weights after each epoch; returns the dev score that picks the epoch kept. */
  afterEpoch?: (epoch: number, averaged: PerceptronWeights) => number;
  /** Asked after each epoch (after `afterEpoch`): true ends training early. */
  stop?: (epoch: number) => boolean;
}

/**
 * Trains on `sentences`, whose feature rows index `table`, and returns the averaged weights of the best epoch
 * (by `afterEpoch`'s score, or the last epoch without one). Averaging uses the lazy trick: keep Σ c·Δ beside
 * the weights, average = w − u/c.
 */
export function trainPerceptron(table: FeatureTable, sentences: readonly TrainingSentence[], options: TrainingOptions): PerceptronWeights & { epoch: number } {
  const size = table.size * tagCount;
  const w = new Float64Array(size);
  const u = new Float64Array(size);
  const tw = new Float64Array((tagCount + 1) * tagCount);
  const tu = new Float64Array((tagCount + 1) * tagCount);
  const random = seededRandom(options.seed);
  const lattice = new Lattice(tw);
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
      const sentence = sentences[index]!;
      const gold = sentence.tags;
      const step = sentence.weight ?? 1;
      const tokenRows = sentence.rows;
      lattice.setTransitions(tw);
      const predicted = lattice.viterbi(emissionScores(w, tokenRows));
      for (let i = 0; i < gold.length; i++) {
        const g = gold[i]!;
        const p = predicted[i]!;
        if (g !== p) {
          for (const row of tokenRows[i]!) {
            bump(w, u, row * tagCount + g, step);
            bump(w, u, row * tagCount + p, -step);
          }
        }
        const gPrev = i === 0 ? startRow : gold[i - 1]!;
        const pPrev = i === 0 ? startRow : predicted[i - 1]!;
        if (g !== p || gPrev !== pPrev) {
          bump(tw, tu, gPrev * tagCount + g, step);
          bump(tw, tu, pPrev * tagCount + p, -step);
        }
      }
      c++;
    }
    const emissions = new Float32Array(size);
    for (let k = 0; k < size; k++) emissions[k] = w[k]! - u[k]! / c;
    const averaged: PerceptronWeights & { epoch: number } = {
      table,
      emissions,
      transitions: Float64Array.from(tw, (v, k) => v - tu[k]! / c),
      temperature: 1,
      epoch,
    };
    const score = options.afterEpoch ? options.afterEpoch(epoch, averaged) : epoch;
    if (score > bestScore) {
      bestScore = score;
      best = averaged;
    }
    if (options.stop?.(epoch)) break;
  }
  if (!best) throw new Error('trainPerceptron: epochs must be at least 1');
  return best;
}

/** The mean of several trainings' weights over one feature table (an ensemble that tags as one model). */
export function averageWeights(list: readonly PerceptronWeights[]): PerceptronWeights {
  const first = list[0];
  if (!first) throw new Error('averageWeights: no weights to average');
  const emissions = new Float32Array(first.emissions.length);
  const transitions = new Float64Array(first.transitions.length);
  for (const w of list) {
    if (w.table !== first.table) throw new Error('averageWeights: weights over different feature tables');
    for (let k = 0; k < emissions.length; k++) emissions[k]! += w.emissions[k]! / list.length;
    for (let k = 0; k < transitions.length; k++) transitions[k]! += w.transitions[k]! / list.length;
  }
  return { table: first.table, emissions, transitions, temperature: first.temperature };
}
