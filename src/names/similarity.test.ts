import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistanceWithin, jaroWinkler } from './similarity.js';

describe('jaroWinkler', () => {
  // Published values (Winkler 1990; Cohen, Ravikumar & Fienberg 2003), to three decimals.
  const published: [string, string, number][] = [
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.813],
  ];
  for (const [a, b, expected] of published) {
    it(`scores ${a}/${b} ≈ ${expected}`, () => {
      assert.ok(Math.abs(jaroWinkler(a, b) - expected) < 0.0005, `got ${jaroWinkler(a, b)}`);
    });
    it(`scores ${b}/${a} the same as ${a}/${b}`, () => {
      assert.ok(Math.abs(jaroWinkler(b, a) - jaroWinkler(a, b)) < 1e-12);
    });
  }

  it('scores identical strings 1', () => {
    assert.equal(jaroWinkler('khalid', 'khalid'), 1);
  });

  it('scores an empty string against a non-empty one 0', () => {
    assert.equal(jaroWinkler('', 'khalid'), 0);
    assert.equal(jaroWinkler('khalid', ''), 0);
  });

  it('scores strings with no letter in common 0', () => {
    assert.equal(jaroWinkler('abc', 'xyz'), 0);
  });

  it('rewards a shared prefix: same Jaro distance, higher score with the common start', () => {
    // Both pairs differ by one transposition; only the first shares a four-letter prefix.
    assert.ok(jaroWinkler('khalid', 'khaldi') > jaroWinkler('khalid', 'hkalid'));
  });

  it('stays within [0, 1]', () => {
    const words = ['muhamad', 'mahmud', 'yusaf', 'y', 'ab', 'ba', 'aaaa', 'a'];
    for (const a of words) for (const b of words) {
      const score = jaroWinkler(a, b);
      assert.ok(score >= 0 && score <= 1, `${a}/${b}: ${score}`);
    }
  });
});

describe('editDistanceWithin', () => {
  const cases: [string, string, number, boolean][] = [
    ['kitten', 'sitting', 3, true],
    ['kitten', 'sitting', 2, false],
    ['bagheri', 'bageri', 1, true],
    ['karaca', 'karcaa', 1, true], // a swap of neighbours is one edit
    ['abc', 'ca', 2, false], // optimal string alignment: a swapped pair is not edited again
    ['', 'abc', 3, true],
    ['same', 'same', 0, true],
  ];
  for (const [a, b, max, expected] of cases) {
    it(`${a} / ${b} within ${max}: ${expected}`, () => {
      assert.equal(editDistanceWithin(a, b, max), expected);
      assert.equal(editDistanceWithin(b, a, max), expected);
    });
  }
});
