import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FeatureTable } from './feature-hash.js';
import { describeFeatures } from './features.js';
import { decodeModel, encodeModel } from './model-file.js';
import { tagCount } from './perceptron.js';
import { clusterForm, learnWordClusters, WordClusters } from './word-clusters.js';
import { wordFeatures } from './word-features.js';

// Two kinds of word in two kinds of company: towns after "to", people before "said".
const text = [
  ...['Mosul', 'Raqqa', 'Idlib', 'Hama'].flatMap((town) => [`they drove to ${town} today`, `we went to ${town} again`]),
  ...['Karim', 'Layla', 'Omar', 'Walid'].flatMap((person) => [`yesterday ${person} said nothing`, `then ${person} said more`]),
  'nobody knew why',
].map((line) => line.split(' '));

describe('learnWordClusters', () => {
  const clusters = learnWordClusters(text, { sizes: [2, 4], minCount: 2, iterations: 10, seed: 1 });
  const classOf = (word: string, k: number) => clusters.of(word)![k]!;

  it('puts words that share their neighbours in one class, apart from words that do not', () => {
    for (const k of [0, 1]) {
      assert.equal(classOf('Raqqa', k), classOf('Mosul', k));
      assert.equal(classOf('Hama', k), classOf('Idlib', k));
      assert.equal(classOf('Omar', k), classOf('Karim', k));
    }
    assert.notEqual(classOf('Mosul', 1), classOf('Karim', 1));
  });

  it('gives no class to a word seen fewer than minCount times, nor to an unseen one', () => {
    assert.equal(clusters.of('knew'), null);
    assert.equal(clusters.of('Baghdad'), null);
    assert.notEqual(clusters.of('said'), null);
  });

  it('looks words up in lower case with digits folded', () => {
    assert.equal(clusterForm('Mosul'), 'mosul');
    assert.equal(clusterForm('1990s'), '0000s');
    assert.deepEqual(clusters.of('MOSUL'), clusters.of('Mosul'));
  });

  it('round-trips through its text form and refuses a malformed one', () => {
    const back = WordClusters.decode(clusters.encode());
    assert.deepEqual(back.sizes, [2, 4]);
    assert.equal(back.size, clusters.size);
    for (const word of ['Mosul', 'Karim', 'to', 'said']) assert.deepEqual(back.of(word), clusters.of(word));
    assert.throws(() => WordClusters.decode('2 4\nmosul\t1'), /2 class numbers/);
    assert.throws(() => WordClusters.decode('2 4\nmosul\t2 1'), /2 class numbers/);
  });
});

describe('class features', () => {
  const clusters = new WordClusters([8, 64], new Map([['mosul', [3, 41]]]));

  it('appear on a word the table holds and on its neighbours, not on an unknown word', () => {
    const features = describeFeatures(['to', 'Mosul', 'and', 'Baghdad'], null, clusters).map((f) => f.names);
    assert.ok(features[1]!.includes('k8=3'));
    assert.ok(features[1]!.includes('k64=41'));
    assert.ok(features[0]!.includes('k64+1=41'));
    assert.ok(features[2]!.includes('k8-1=3'));
    assert.ok(!features[3]!.some((f) => f.startsWith('k8=') || f.startsWith('k64=')));
    assert.ok(!describeFeatures(['to', 'Mosul'])[1]!.names.some((f) => f.startsWith('k8')));
  });

  it('change the word keys only when the word has a class', () => {
    assert.notDeepEqual(wordFeatures('Mosul', false, clusters).own, wordFeatures('Mosul').own);
    assert.deepEqual(wordFeatures('Baghdad', false, clusters).own, wordFeatures('Baghdad').own);
  });

  it('travel inside the model file', () => {
    const table = new FeatureTable();
    table.intern(12345);
    const emissions = new Float32Array(tagCount).fill(0.5);
    const weights = { table, emissions, transitions: new Float64Array((tagCount + 1) * tagCount), temperature: 1, known: null };
    const restored = decodeModel(encodeModel({ ...weights, clusters }));
    assert.deepEqual(restored.clusters?.sizes, [8, 64]);
    assert.deepEqual(restored.clusters?.of('Mosul'), [3, 41]);
    assert.equal(decodeModel(encodeModel({ ...weights, clusters: null })).clusters, null);
  });
});
