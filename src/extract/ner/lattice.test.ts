import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../../seeded-random.js';
import { Lattice, startRow, tagCount } from './lattice.js';
import { allowedTransition, nerTags, spansFromTags, tagId } from './tags.js';

/** Every BIO-valid tag sequence of length n, with its score: the brute-force reference. */
function allPaths(scores: Float64Array, transitions: Float64Array, n: number): { path: number[]; score: number }[] {
  const out: { path: number[]; score: number }[] = [];
  const extend = (path: number[], score: number) => {
    if (path.length === n) return void out.push({ path, score });
    const i = path.length;
    const previous = i === 0 ? startRow : path[i - 1]!;
    for (let t = 0; t < tagCount; t++) {
      if (!allowedTransition(i === 0 ? null : nerTags[previous]!, nerTags[t]!)) continue;
      extend([...path, t], score + transitions[previous * tagCount + t]! + scores[i * tagCount + t]!);
    }
  };
  extend([], 0);
  return out;
}

function randomCase(seed: number, n: number, spread: number) {
  const random = seededRandom(seed);
  const scores = Float64Array.from({ length: n * tagCount }, () => (random() - 0.5) * spread);
  const transitions = Float64Array.from({ length: (tagCount + 1) * tagCount }, () => (random() - 0.5) * spread);
  return { scores, transitions };
}

describe('Lattice', () => {
  it('finds the best BIO-valid path, as enumerating every path does', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const n = 1 + (seed % 4);
      const { scores, transitions } = randomCase(seed, n, 10);
      const best = allPaths(scores, transitions, n).reduce((a, b) => (b.score > a.score ? b : a));
      assert.deepEqual(Array.from(new Lattice(transitions).viterbi(scores)), best.path, `seed ${seed}`);
    }
  });

  it('never returns an I- that BIO forbids, whatever the scores favour', () => {
    const n = 6;
    const scores = Float64Array.from({ length: n * tagCount }, (_, k) => (nerTags[k % tagCount]!.startsWith('I-') ? 5 : 0) + ((k * 7919) % 13) / 13);
    const path = Array.from(new Lattice(new Float64Array((tagCount + 1) * tagCount)).viterbi(scores), (t) => nerTags[t]!);
    path.forEach((tag, i) => assert.ok(allowedTransition(i === 0 ? null : path[i - 1]!, tag), path.join(' ')));
    assert.ok(spansFromTags(path).length > 0);
  });

  it('gives the marginals that summing over every path gives', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const n = 1 + (seed % 4);
      const temperature = [1, 2, 8][seed % 3]!;
      const { scores, transitions } = randomCase(seed + 100, n, 6);
      const paths = allPaths(scores, transitions, n);
      const weights = paths.map((p) => Math.exp(p.score / temperature));
      const total = weights.reduce((a, b) => a + b, 0);
      const p = new Lattice(transitions, temperature).marginals(scores);
      for (let i = 0; i < n; i++) {
        for (let t = 0; t < tagCount; t++) {
          const expected = paths.reduce((sum, path, k) => sum + (path.path[i] === t ? weights[k]! : 0), 0) / total;
          assert.ok(Math.abs(p[i * tagCount + t]! - expected) < 1e-9, `seed ${seed} token ${i} tag ${t}: ${p[i * tagCount + t]} ≠ ${expected}`);
        }
      }
    }
  });

  it('stays a distribution when scores are far apart, with no mass on an I- at the start', () => {
    const { scores, transitions } = randomCase(7, 12, 4000);
    const p = new Lattice(transitions, 1).marginals(scores);
    for (let i = 0; i < 12; i++) {
      let sum = 0;
      for (let t = 0; t < tagCount; t++) sum += p[i * tagCount + t]!;
      assert.ok(Math.abs(sum - 1) < 1e-9, `token ${i}: ${sum}`);
    }
    assert.equal(p[tagId('I-PER')], 0);
  });

  it('reuses its working arrays across sentences of different lengths', () => {
    const lattice = new Lattice(randomCase(3, 1, 5).transitions, 2);
    const long = randomCase(4, 90, 5).scores;
    const short = randomCase(5, 3, 5).scores;
    const first = Array.from(lattice.marginals(short));
    lattice.viterbi(long);
    lattice.marginals(long);
    assert.deepEqual(Array.from(lattice.marginals(short)), first);
  });
});
