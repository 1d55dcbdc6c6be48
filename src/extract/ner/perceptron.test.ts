import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FeatureTable } from './feature-hash.js';
import { describeFeatures, sentenceFeatureKeys } from './features.js';
import { decodeModel, encodeModel } from './model-file.js';
import { createNerModel } from './model.js';
import { internRows, tagCount, trainPerceptron } from './perceptron.js';
import { tagId } from './tags.js';
import { WordFeatureCache, wordFeatures } from './word-features.js';

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

function train(epochs: number, seed: number, afterEpoch?: (epoch: number) => number) {
  const table = new FeatureTable();
  const cache = new WordFeatureCache((w) => wordFeatures(w));
  const set = sentences.map((s) => ({ rows: internRows(table, sentenceFeatureKeys(s.tokens, cache, null)), tags: Uint8Array.from(s.tags, tagId) }));
  return trainPerceptron(table, set, { epochs, seed, ...(afterEpoch ? { afterEpoch } : {}) });
}

describe('trainPerceptron', () => {
  const weights = train(10, 1);
  const model = createNerModel({ ...weights, known: null, clusters: null });

  it('learns its training corpus', () => {
    for (const s of sentences) assert.deepEqual(model.decode(s.tokens), s.tags, s.tokens.join(' '));
  });

  it('generalises the patterns to names it has not seen', () => {
    assert.deepEqual(model.decode('Rami Darwish met Hisham Bakri'.split(' ')), ['B-PER', 'I-PER', 'O', 'B-PER', 'I-PER']);
    assert.deepEqual(model.decode('We moved to Hajin yesterday'.split(' ')), ['O', 'O', 'O', 'B-LOC', 'O']);
    assert.deepEqual(model.decode('The Ansar Brigade attacked'.split(' ')), ['O', 'B-ORG', 'I-ORG', 'O']);
  });

  it('is deterministic for a seed', () => {
    assert.deepEqual(Array.from(train(10, 1).emissions), Array.from(weights.emissions));
  });

  it('keeps the epoch the dev score prefers', () => {
    assert.equal(train(4, 1, (epoch) => (epoch === 2 ? 1 : 0)).epoch, 2);
  });

  it('gives confidences that are probabilities of the chosen tags', () => {
    const tagged = model.tag('Rami Darwish met Hisham Bakri'.split(' '));
    for (const t of tagged) assert.ok(t.confidence > 0 && t.confidence <= 1);
    assert.ok(tagged[0]!.confidence > 0.5);
    const spans = model.spans('Rami Darwish met Hisham Bakri'.split(' '));
    assert.deepEqual(spans.map((s) => [s.type, s.start, s.end]), [['PER', 0, 2], ['PER', 3, 5]]);
    assert.equal(spans[0]!.confidence, Math.min(tagged[0]!.confidence, tagged[1]!.confidence));
    assert.deepEqual(model.spans('Nothing happened here'.split(' ')), []);
  });

  it('scores a token as the sum of the weights of its features, however tagging groups them', () => {
    for (const text of ['Rami Darwish met Hisham Bakri', 'The Ansar Brigade of Deir ez-Zor attacked', 'x', 'Raqqa , Raqqa , Raqqa']) {
      const tokens = text.split(' ');
      const scores = model.scores(tokens);
      describeFeatures(tokens).forEach(({ keys }, i) => {
        for (let t = 0; t < tagCount; t++) {
          let sum = 0;
          for (const key of keys) {
            const row = weights.table.get(key);
            if (row >= 0) sum += weights.emissions[row * tagCount + t]!;
          }
          assert.ok(Math.abs(scores[i * tagCount + t]! - sum) < 1e-6 * (1 + Math.abs(sum)), `${text} token ${i} tag ${t}: ${scores[i * tagCount + t]} ≠ ${sum}`);
        }
      });
    }
  });

  it('survives a save and load with the same tags and weights within the quantisation step', () => {
    const restored = decodeModel(encodeModel({ ...weights, known: null, clusters: null }, { note: 'test' }));
    assert.deepEqual(restored.trainedOn, { note: 'test' });
    const reloaded = createNerModel(restored);
    for (const s of sentences) assert.deepEqual(reloaded.decode(s.tokens), model.decode(s.tokens));
    let maxAbs = 0;
    for (const v of weights.emissions) maxAbs = Math.max(maxAbs, Math.abs(v));
    const keys = weights.table.keysByRow();
    let kept = 0;
    keys.forEach((key, row) => {
      const restoredRow = restored.table.get(key);
      for (let t = 0; t < tagCount; t++) {
        const original = weights.emissions[row * tagCount + t]!;
        const back = restoredRow < 0 ? 0 : restored.emissions[restoredRow * tagCount + t]!;
        assert.ok(Math.abs(back - original) <= maxAbs / 127 / 2 + 1e-6, `key ${key} tag ${t}: ${back} for ${original}`);
      }
      if (restoredRow >= 0) kept++;
    });
    assert.equal(kept, restored.table.size);
  });
});
