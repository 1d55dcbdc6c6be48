import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../../seeded-random.js';
import { featureKey, featureKey2, FeatureTable, hashString, WeightTable } from './feature-hash.js';

describe('feature keys', () => {
  it('hash a substring as the string itself', () => {
    assert.equal(hashString('xx Mosul yy', 3, 8), hashString('Mosul'));
    assert.notEqual(hashString('Mosul'), hashString('mosul'));
  });

  it('depend on the template and on the order of values, and are never 0', () => {
    const a = hashString('raqqa');
    const b = hashString('city');
    assert.notEqual(featureKey(1, a), featureKey(2, a));
    assert.notEqual(featureKey2(1, a, b), featureKey2(1, b, a));
    for (let v = 0; v < 10_000; v++) assert.notEqual(featureKey(7, v), 0);
  });
});

describe('FeatureTable', () => {
  it('gives the rows a Map of first appearances gives, through growing', () => {
    const random = seededRandom(11);
    const table = new FeatureTable(4);
    const reference = new Map<number, number>();
    for (let k = 0; k < 50_000; k++) {
      const key = (random() * 2 ** 32) | 0;
      const expected = reference.get(key) ?? reference.size;
      if (!reference.has(key)) reference.set(key, expected);
      assert.equal(table.intern(key), expected);
    }
    assert.equal(table.size, reference.size);
    for (const [key, row] of reference) assert.equal(table.get(key), row);
    assert.equal(table.get(123456789), reference.get(123456789) ?? -1);
    assert.deepEqual(Array.from(table.keysByRow()), [...reference.keys()]);
  });
});

describe('WeightTable', () => {
  it('finds each key with its seven weights, and nothing for other keys', () => {
    const table = new FeatureTable();
    const keys = [5, -9, 2 ** 31 - 1, -(2 ** 31), 1024, 2048];
    for (const key of keys) table.intern(key);
    const emissions = Float32Array.from({ length: keys.length * 7 }, (_, k) => k / 4);
    const weights = new WeightTable(table, emissions, 7);
    keys.forEach((key, row) => {
      const at = weights.find(key);
      assert.ok(at >= 0);
      assert.deepEqual(Array.from(weights.weights.subarray(at, at + 7)), Array.from(emissions.subarray(row * 7, row * 7 + 7)));
    });
    assert.equal(weights.find(6), -1);
    assert.equal(weights.find(3072), -1);
  });
});
