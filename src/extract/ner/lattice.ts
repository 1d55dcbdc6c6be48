// Decoding over the BIO lattice: Viterbi for the best tag sequence, forward–backward for each token's marginals.
// Why Viterbi rather than greedy left-to-right: BIO constraints are enforced over the whole sentence (no I-ORG
// after B-PER, ever), an early mistake cannot force later ones, and with seven tags the lattice costs next to
// nothing. A Lattice is built once per set of transition weights: the allowed predecessors of each tag and the
// exponentiated transitions are worked out then, and the working arrays are reused from sentence to sentence.
import { allowedTransition, nerTags } from './tags.js';

export const tagCount = nerTags.length;
/** Transition row for the sentence start; rows 0..tagCount-1 are the previous tag. */
export const startRow = tagCount;

/** For each tag, the tags BIO lets precede it (a start is handled apart). */
const predecessors: number[][] = nerTags.map((tag) => nerTags.flatMap((previous, p) => (allowedTransition(previous, tag) ? [p] : [])));
const allowedAtStart: boolean[] = nerTags.map((tag) => allowedTransition(null, tag));
/** Flattened `predecessors`: for tag t, `from[offsets[t]] … from[offsets[t + 1] - 1]`. */
const offsets = Int32Array.from({ length: tagCount + 1 }, (_, t) => predecessors.slice(0, t).reduce((n, list) => n + list.length, 0));
const from = Int32Array.from(predecessors.flat());
/** The tag each entry of `from` precedes. */
const tags = Int32Array.from(predecessors.flatMap((list, t) => list.map(() => t)));

export class Lattice {
  /** Transition weight of each allowed (previous, tag) pair, in the order of `from`. */
  private readonly weights: Float64Array;
  /** exp(weight / temperature), shifted so the largest is 1. */
  private readonly potentials: Float64Array;
  private readonly startWeights = new Float64Array(tagCount);
  private readonly startPotentials = new Float64Array(tagCount);
  private best = new Float64Array(0);
  private back = new Uint8Array(0);
  private emit = new Float64Array(0);
  private beta = new Float64Array(0);
  private scale = new Float64Array(0);

  /** `transitions`: (tagCount + 1) × tagCount, previous tag (or start, the last row) → tag. */
  constructor(transitions: ArrayLike<number>, readonly temperature = 1) {
    this.weights = new Float64Array(from.length);
    this.potentials = new Float64Array(from.length);
    this.setTransitions(transitions);
  }

  /** New transition weights (training changes them after every sentence); the working arrays stay. */
  setTransitions(transitions: ArrayLike<number>): void {
    const { weights, potentials, startWeights, startPotentials, temperature } = this;
    let top = -Infinity;
    for (let k = 0; k < from.length; k++) top = Math.max(top, (weights[k] = transitions[from[k]! * tagCount + tags[k]!]!));
    for (let t = 0; t < tagCount; t++) {
      startWeights[t] = allowedAtStart[t] ? transitions[startRow * tagCount + t]! : -Infinity;
      top = Math.max(top, startWeights[t]!);
    }
    for (let k = 0; k < from.length; k++) potentials[k] = potential((weights[k]! - top) / temperature);
    for (let t = 0; t < tagCount; t++) startPotentials[t] = allowedAtStart[t] ? potential((startWeights[t]! - top) / temperature) : 0;
  }

  private reserve(n: number): void {
    if (this.best.length >= n * tagCount) return;
    const size = Math.max(n * tagCount, 2 * this.best.length, 64 * tagCount);
    this.best = new Float64Array(size);
    this.back = new Uint8Array(size);
    this.emit = new Float64Array(size);
    this.beta = new Float64Array(size);
    this.scale = new Float64Array(size / tagCount);
  }

  /** The best-scoring BIO-valid tag sequence for emission `scores` (tokens × tags). */
  viterbi(scores: Float64Array): Uint8Array {
    const n = scores.length / tagCount;
    const path = new Uint8Array(n);
    if (n === 0) return path;
    this.reserve(n);
    const { best, back, weights, startWeights } = this;
    for (let t = 0; t < tagCount; t++) best[t] = scores[t]! + startWeights[t]!;
    for (let i = 1; i < n; i++) {
      const before = (i - 1) * tagCount;
      const here = i * tagCount;
      for (let t = 0; t < tagCount; t++) {
        let top = -Infinity;
        let arg = 0;
        for (let k = offsets[t]!; k < offsets[t + 1]!; k++) {
          const s = best[before + from[k]!]! + weights[k]!;
          if (s > top) {
            top = s;
            arg = from[k]!;
          }
        }
        best[here + t] = top + scores[here + t]!;
        back[here + t] = arg;
      }
    }
    const lastRow = (n - 1) * tagCount;
    let last = 0;
    for (let t = 1; t < tagCount; t++) if (best[lastRow + t]! > best[lastRow + last]!) last = t;
    path[n - 1] = last;
    for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * tagCount + path[i]!]!;
    return path;
  }

  /**
   * P(tag at token i) under a linear-chain model whose potentials are the scores / temperature. Forward–backward
   * in probability space, each step rescaled to sum to one (Rabiner 1989 §V.A): seven exponentials per token
   * instead of a log-sum-exp per lattice edge.
   */
  marginals(scores: Float64Array): Float64Array {
    const n = scores.length / tagCount;
    const alpha = new Float64Array(n * tagCount);
    if (n === 0) return alpha;
    this.reserve(n);
    const { emit, beta, scale, potentials, startPotentials, temperature } = this;
    // Emission potentials, each token's shifted by its best score so no exponential overflows.
    for (let i = 0; i < n; i++) {
      const row = i * tagCount;
      let best = -Infinity;
      for (let t = 0; t < tagCount; t++) if (scores[row + t]! > best) best = scores[row + t]!;
      for (let t = 0; t < tagCount; t++) emit[row + t] = potential((scores[row + t]! - best) / temperature);
    }
    let sum = 0;
    for (let t = 0; t < tagCount; t++) sum += alpha[t] = startPotentials[t]! * emit[t]!;
    scale[0] = sum;
    for (let t = 0; t < tagCount; t++) alpha[t]! /= sum;
    for (let i = 1; i < n; i++) {
      const before = (i - 1) * tagCount;
      const here = i * tagCount;
      sum = 0;
      for (let t = 0; t < tagCount; t++) {
        let a = 0;
        for (let k = offsets[t]!; k < offsets[t + 1]!; k++) a += alpha[before + from[k]!]! * potentials[k]!;
        sum += alpha[here + t] = a * emit[here + t]!;
      }
      scale[i] = sum;
      for (let t = 0; t < tagCount; t++) alpha[here + t]! /= sum;
    }
    for (let t = 0; t < tagCount; t++) beta[(n - 1) * tagCount + t] = 1;
    for (let i = n - 2; i >= 0; i--) {
      const here = i * tagCount;
      const after = (i + 1) * tagCount;
      for (let p = 0; p < tagCount; p++) beta[here + p] = 0;
      for (let t = 0; t < tagCount; t++) {
        const next = (emit[after + t]! * beta[after + t]!) / scale[i + 1]!;
        for (let k = offsets[t]!; k < offsets[t + 1]!; k++) beta[here + from[k]!]! += potentials[k]! * next;
      }
    }
    // alpha·beta is the marginal up to rounding; renormalising each token keeps it a distribution.
    for (let i = 0; i < n; i++) {
      const row = i * tagCount;
      let total = 0;
      for (let t = 0; t < tagCount; t++) total += alpha[row + t] = alpha[row + t]! * beta[row + t]!;
      for (let t = 0; t < tagCount; t++) alpha[row + t]! /= total;
    }
    return alpha;
  }
}

/**
 * exp(x) with the exponent floored at −300: a potential below e^−300 of the best changes no probability we
 * report, and the floor keeps every product of three of them inside the range of a double, so no step of the
 * forward pass sums to zero.
 */
function potential(x: number): number {
  return Math.exp(x < -300 ? -300 : x);
}
