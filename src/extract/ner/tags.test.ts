import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countSpans, emptyScores, f1, mapTag } from './conll.js';
import { allowedTransition, spansFromTags } from './tags.js';

describe('spansFromTags', () => {
  it('reads well-formed BIO', () => {
    assert.deepEqual(spansFromTags(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC']), [
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'LOC', start: 4, end: 6 },
    ]);
  });

  it('opens a span at an I- without a B- (after O, at the start, after another type), as conlleval does', () => {
    assert.deepEqual(spansFromTags(['I-ORG', 'I-ORG', 'O', 'I-LOC', 'B-PER', 'I-ORG']), [
      { type: 'ORG', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'PER', start: 4, end: 5 },
      { type: 'ORG', start: 5, end: 6 },
    ]);
  });

  it('finds nothing in an all-O sentence', () => {
    assert.deepEqual(spansFromTags(['O', 'O']), []);
  });
});

describe('allowedTransition', () => {
  it('lets I- follow only B- or I- of its own type', () => {
    assert.equal(allowedTransition(null, 'I-PER'), false);
    assert.equal(allowedTransition('O', 'I-PER'), false);
    assert.equal(allowedTransition('B-ORG', 'I-PER'), false);
    assert.equal(allowedTransition('B-PER', 'I-PER'), true);
    assert.equal(allowedTransition('I-LOC', 'I-LOC'), true);
    assert.equal(allowedTransition('I-LOC', 'B-PER'), true);
    assert.equal(allowedTransition(null, 'O'), true);
  });
});

describe('mapTag', () => {
  it("maps WNUT-17's types onto PER, ORG and LOC", () => {
    assert.equal(mapTag('B-person'), 'B-PER');
    assert.equal(mapTag('I-corporation'), 'I-ORG');
    assert.equal(mapTag('B-group'), 'B-ORG');
    assert.equal(mapTag('I-location'), 'I-LOC');
    assert.equal(mapTag('B-creative-work'), 'O');
    assert.equal(mapTag('I-product'), 'O');
    assert.equal(mapTag('B-LOC'), 'B-LOC');
  });

  it('names a tag it cannot read', () => {
    assert.throws(() => mapTag('PERSON'), /"PERSON" is not a BIO tag/);
    assert.throws(() => mapTag('B-MISC'), /maps to no model tag/);
  });
});

describe('exact-span scoring', () => {
  it('counts a span correct only when type and both ends match', () => {
    const scores = emptyScores();
    countSpans(scores, ['B-PER', 'I-PER', 'O', 'B-LOC'], ['B-PER', 'O', 'O', 'B-LOC']);
    countSpans(scores, ['B-ORG'], ['B-LOC']);
    assert.deepEqual(scores.ALL, { gold: 3, predicted: 3, correct: 1 });
    assert.deepEqual(scores.LOC, { gold: 1, predicted: 2, correct: 1 });
    const all = f1(scores.ALL);
    assert.ok(Math.abs(all.f1 - 1 / 3) < 1e-9);
  });
});
