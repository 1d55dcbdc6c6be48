import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capitalisedRuns, describeFeatures, sentenceFeatureKeys, shortShape, wordShape } from './features.js';
import { placeLexicon } from './place-lexicon.js';
import { KnownEntities } from './known-entities.js';
import { caseClass, WordFeatureCache, wordFeatures } from './word-features.js';

describe('word shapes', () => {
  it('maps letters and digits to classes with runs capped at four', () => {
    assert.equal(wordShape('Mosul'), 'Xxxxx');
    assert.equal(wordShape('Baghdadi'), 'Xxxxx');
    assert.equal(wordShape('UN'), 'XX');
    assert.equal(wordShape('42'), 'dd');
    assert.equal(wordShape('al-Qaeda'), 'xx-Xxxxx');
    assert.equal(wordShape('B2B'), 'XdX');
    assert.equal(wordShape('İdlib'), 'Xxxxx');
    assert.equal(wordShape('٢٠١٧'), 'dddd');
  });

  it('collapses runs in the short shape', () => {
    assert.equal(shortShape('Mosul'), 'Xx');
    assert.equal(shortShape('NATO'), 'X');
    assert.equal(shortShape('1990'), 'd');
  });

  it('classes the case of a word', () => {
    assert.equal(caseClass('Mosul'), 'title');
    assert.equal(caseClass('SDF'), 'upper');
    assert.equal(caseClass('al-Qaeda'), 'mixed');
    assert.equal(caseClass('1,200'), 'number');
    assert.equal(caseClass('('), 'punct');
    assert.equal(caseClass('العدناني'), 'lower');
  });
});

describe('the features of a sentence', () => {
  const tokens = ['Colonel', 'Ahmad', 'left', 'Deir', 'ez-Zor', 'today'];
  const features = describeFeatures(tokens).map((f) => f.names);

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
    assert.ok(features[1]!.includes('l-1|l=colonel|ahmad'));
    assert.ok(features[5]!.includes('l1=</s>'));
    assert.ok(features[5]!.includes('last'));
    assert.ok(!features[4]!.includes('last'));
  });

  it('marks gazetteer hits on the token and its neighbours', () => {
    assert.ok(features[0]!.includes('gz=title'));
    assert.ok(features[1]!.includes('gz=given'));
    assert.ok(features[1]!.includes('gz-1=title'));
    assert.ok(features[3]!.includes('gz=place=B'));
    assert.ok(features[4]!.includes('gz=place=I'));
    assert.ok(!features[2]!.some((f) => f.startsWith('gz=place')));
  });

  it('describes capitalised runs longer than one token', () => {
    assert.ok(features[3]!.includes('run=deir ez-zor'));
    assert.ok(features[4]!.includes('run-at=last'));
    assert.ok(!features[2]!.some((f) => f.startsWith('run')));
  });

  it('marks names seen in training, and a name that is the whole line', () => {
    const known = KnownEntities.fromSentences([{ tokens: ['Deir', 'ez-Zor'], tags: ['B-LOC', 'I-LOC'] }]);
    const withKnown = describeFeatures(tokens, known).map((f) => f.names);
    assert.ok(withKnown[3]!.includes('known=LOC-B'));
    assert.ok(withKnown[4]!.includes('known=LOC-I'));
    assert.ok(!withKnown[4]!.includes('known-whole=LOC-I'));
    assert.ok(describeFeatures(['deir', 'EZ-ZOR'], known)[1]!.names.includes('known-whole=LOC-I'));
  });

  it('gives training the keys it describes, one per name', () => {
    const described = describeFeatures(tokens);
    const keys = sentenceFeatureKeys(tokens, new WordFeatureCache((w) => wordFeatures(w)), null);
    described.forEach((d, i) => {
      assert.equal(d.names.length, d.keys.length);
      assert.deepEqual(Array.from(keys[i]!), Array.from(d.keys));
    });
  });

  it('gives different features different keys', () => {
    const all = describeFeatures(tokens).flatMap((d) => d.names.map((name, k) => [name, d.keys[k]!] as const));
    const byKey = new Map<number, string>();
    for (const [name, key] of all) {
      assert.ok(!byKey.has(key) || byKey.get(key) === name, `${name} and ${byKey.get(key)} share key ${key}`);
      byKey.set(key, name);
    }
  });
});

describe('place names in a sentence', () => {
  it('prefers the longest gazetteer name', () => {
    const words = ['to', 'Saudi', 'Arabia', 'and', 'Iraq'].map((t) => wordFeatures(t));
    assert.deepEqual(placeLexicon().match(words).map((m) => m?.mark ?? null), [null, 'B', 'I', null, 'B']);
  });
});

describe('capitalisedRuns', () => {
  const runs = (tokens: string[]) => capitalisedRuns(tokens.map((t) => wordFeatures(t)));

  it('spans connectors between capitalised words', () => {
    assert.deepEqual(runs(['the', 'Ministry', 'of', 'Oil', 'said']), [{ start: 1, end: 4 }]);
    assert.deepEqual(runs(['Abu', 'Bakr', 'al-Baghdadi', 'left', 'Mosul']), [{ start: 0, end: 3 }, { start: 4, end: 5 }]);
    assert.deepEqual(runs(['near', 'Deir', 'ez-Zor', 'to', 'al-Mayadin']), [{ start: 1, end: 3 }, { start: 4, end: 5 }]);
  });

  it('does not end a run on a connector', () => {
    assert.deepEqual(runs(['Bank', 'of', 'the', 'city']), [{ start: 0, end: 1 }]);
  });
});
