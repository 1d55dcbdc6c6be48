import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capitalisedRuns, placeMatches, sentenceFeatures, shortShape, wordShape } from './features.js';

describe('word shapes', () => {
  it('maps letters and digits to classes with runs capped at four', () => {
    assert.equal(wordShape('Mosul'), 'Xxxxx');
    assert.equal(wordShape('Baghdadi'), 'Xxxxx');
    assert.equal(wordShape('UN'), 'XX');
    assert.equal(wordShape('42'), 'dd');
    assert.equal(wordShape('al-Qaeda'), 'xx-Xxxxx');
    assert.equal(wordShape('B2B'), 'XdX');
  });

  it('collapses runs in the short shape', () => {
    assert.equal(shortShape('Mosul'), 'Xx');
    assert.equal(shortShape('NATO'), 'X');
    assert.equal(shortShape('1990'), 'd');
  });
});

describe('sentenceFeatures', () => {
  const features = sentenceFeatures(['Colonel', 'Ahmad', 'left', 'Deir', 'ez-Zor', 'today']);

  it('gives word, lower-case, shape, affixes and case features', () => {
    const ahmad = features[1]!;
    for (const f of ['w=Ahmad', 'l=ahmad', 's=Xxxxx', 'ss=Xx', 'case=title', 'p1=A', 'p4=Ahma', 'x2=ad', 'x4=hmad']) assert.ok(ahmad.includes(f), f);
  });

  it('gives a ±2 window with sentence boundaries', () => {
    assert.ok(features[0]!.includes('l-1=<s>'));
    assert.ok(features[0]!.includes('l-2=<s>'));
    assert.ok(features[0]!.includes('first'));
    assert.ok(features[1]!.includes('l-1=colonel'));
    assert.ok(features[1]!.includes('l2=deir'));
    assert.ok(features[5]!.includes('l1=</s>'));
    assert.ok(features[5]!.includes('last'));
  });

  it('marks gazetteer hits on the token and its neighbours', () => {
    assert.ok(features[0]!.includes('gz=title'));
    assert.ok(features[1]!.includes('gz=given'));
    assert.ok(features[1]!.includes('gz-1=title'));
    assert.ok(features[3]!.includes('gz=place-B'));
    assert.ok(features[4]!.includes('gz=place-I'));
    assert.ok(!features[2]!.some((f) => f.startsWith('gz=place')));
  });

  it('is the same for the same sentence (training and tagging share it)', () => {
    assert.deepEqual(sentenceFeatures(['Colonel', 'Ahmad', 'left', 'Deir', 'ez-Zor', 'today']), features);
  });
});

describe('placeMatches', () => {
  it('prefers the longest gazetteer name', () => {
    assert.deepEqual(placeMatches(['to', 'saudi', 'arabia', 'and', 'iraq']), [null, 'B', 'I', null, 'B']);
  });
});

describe('capitalisedRuns', () => {
  it('spans connectors between capitalised words and reports the head word', () => {
    const runs = capitalisedRuns(['the', 'Ministry', 'of', 'Oil', 'said']);
    assert.equal(runs[0], null);
    assert.deepEqual(runs[1], { text: 'ministry of oil', first: 'ministry', last: 'oil', length: 3, index: 0 });
    assert.equal(runs[3]?.index, 2);
    assert.equal(runs[4], null);
  });
});
