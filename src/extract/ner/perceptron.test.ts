import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sentenceFeatures } from './features.js';
import { decodeModel, encodeModel } from './model-file.js';
import { createNerModel } from './model.js';
import { marginals, tagCount, trainPerceptron, viterbi } from './perceptron.js';
import { allowedTransition, nerTags, spansFromTags, tagId } from './tags.js';

// A tiny corpus in three patterns: "<Given> <Family> met <Person>", "<X> moved to <Place>", "<Org> Brigade …".
const corpus: [string, string][] = [
  ['Karim Haddad met Omar Saleh', 'B-PER I-PER O B-PER I-PER'],
  ['Layla Nasser met Walid Aziz', 'B-PER I-PER O B-PER I-PER'],
  ['Samir Khoury met Faisal Amin', 'B-PER I-PER O B-PER I-PER'],
  ['He moved to Qamishli yesterday', 'O O O B-LOC O'],
  ['They moved to Tabqa yesterday', 'O O O B-LOC O'],
  ['She moved to Manbij yesterday', 'O O O B-LOC O'],
  ['The Tawhid Brigade attacked', 'O B-ORG I-ORG O'],
  ['The Furqan Brigade attacked', 'O B-ORG I-ORG O'],
  ['The Nasr Brigade attacked', 'O B-ORG I-ORG O'],
  ['Nothing happened here', 'O O O'],
];
const sentences = corpus.map(([text, tags]) => ({ tokens: text.split(' '), tags: tags.split(' ') }));
const trainingSet = sentences.map((s) => ({ features: sentenceFeatures(s.tokens), tags: Uint8Array.from(s.tags, tagId) }));

describe('trainPerceptron', () => {
  const weights = trainPerceptron(trainingSet, { epochs: 10, seed: 1 });
  const model = createNerModel(weights);

  it('learns its training corpus', () => {
    for (const s of sentences) assert.deepEqual(model.decode(s.tokens), s.tags, s.tokens.join(' '));
  });

  it('generalises the patterns to names it has not seen', () => {
    assert.deepEqual(model.decode('Rami Darwish met Hisham Bakri'.split(' ')), ['B-PER', 'I-PER', 'O', 'B-PER', 'I-PER']);
    assert.deepEqual(model.decode('We moved to Hajin yesterday'.split(' ')), ['O', 'O', 'O', 'B-LOC', 'O']);
    assert.deepEqual(model.decode('The Ansar Brigade attacked'.split(' ')), ['O', 'B-ORG', 'I-ORG', 'O']);
  });

  it('is deterministic for a seed', () => {
    const again = trainPerceptron(trainingSet, { epochs: 10, seed: 1 });
    assert.deepEqual(Array.from(again.emissions), Array.from(weights.emissions));
  });

  it('keeps the epoch the dev score prefers', () => {
    const kept = trainPerceptron(trainingSet, { epochs: 4, seed: 1, afterEpoch: (epoch) => (epoch === 2 ? 1 : 0) });
    assert.equal(kept.epoch, 2);
  });

  it('gives confidences that are probabilities of the chosen tags', () => {
    const tagged = model.tag('Rami Darwish met Hisham Bakri'.split(' '));
    for (const t of tagged) assert.ok(t.confidence > 0 && t.confidence <= 1);
    assert.ok(tagged[0]!.confidence > 0.5);
  });

  it('survives a save and load with the same tags and weights within the quantisation step', () => {
    const restored = decodeModel(encodeModel(weights, { note: 'test' }));
    assert.deepEqual(restored.trainedOn, { note: 'test' });
    const reloaded = createNerModel(restored);
    for (const s of sentences) assert.deepEqual(reloaded.decode(s.tokens), model.decode(s.tokens));
    let maxAbs = 0;
    for (const v of weights.emissions) maxAbs = Math.max(maxAbs, Math.abs(v));
    for (const [feature, row] of restored.features) {
      const original = weights.features.get(feature)!;
      for (let t = 0; t < tagCount; t++) {
        const diff = Math.abs(restored.emissions[row * tagCount + t]! - weights.emissions[original * tagCount + t]!);
        assert.ok(diff <= maxAbs / 127 / 2 + 1e-6, `${feature} tag ${t}: off by ${diff}`);
      }
    }
  });
});

describe('viterbi and marginals', () => {
  // Random scores that favour I- tags everywhere: the decoder must still return valid BIO.
  const n = 6;
  const scores = Float64Array.from({ length: n * tagCount }, (_, k) => (nerTags[k % tagCount]!.startsWith('I-') ? 5 : 0) + ((k * 7919) % 13) / 13);
  const transitions = new Float64Array((tagCount + 1) * tagCount);

  it('never returns an I- that BIO forbids', () => {
    const path = Array.from(viterbi(scores, transitions), (t) => nerTags[t]!);
    path.forEach((tag, i) => assert.ok(allowedTransition(i === 0 ? null : path[i - 1]!, tag), path.join(' ')));
    assert.ok(spansFromTags(path).length > 0);
  });

  it('gives each token marginals that sum to one and put no mass on an I- at the start', () => {
    const p = marginals(scores, transitions, 2);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let t = 0; t < tagCount; t++) sum += p[i * tagCount + t]!;
      assert.ok(Math.abs(sum - 1) < 1e-9, `token ${i}: ${sum}`);
    }
    assert.equal(p[tagId('I-PER')], 0);
  });
});
