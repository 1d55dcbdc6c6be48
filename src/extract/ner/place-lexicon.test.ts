import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeFeatures } from './features.js';
import { PlaceLexicon, placeLexicon, placeSources } from './place-lexicon.js';
import { wordFeatures } from './word-features.js';

const words = (text: string) => text.split(' ').map((t) => wordFeatures(t));
const bit = (source: (typeof placeSources)[number]) => 1 << placeSources.indexOf(source);

describe('PlaceLexicon', () => {
  const lexicon = new PlaceLexicon();
  lexicon.add('Sioux Falls', 'city-100k');
  lexicon.add('Sioux', 'city-1k');
  lexicon.add('Reading', 'city-100k');
  lexicon.add('Syria', 'place');
  lexicon.add('Syria', 'country');

  it('matches the longest name, with its extent', () => {
    const found = lexicon.match(words('near Sioux Falls Arena'));
    assert.equal(found[0], null);
    assert.deepEqual(found[1], { mark: 'B', sources: bit('city-100k'), start: 1, end: 3 });
    assert.deepEqual(found[2], { mark: 'I', sources: bit('city-100k'), start: 1, end: 3 });
    assert.equal(found[3], null);
    assert.equal(lexicon.match(words('Sioux tribe'))[0]?.sources, bit('city-1k'));
  });

  it('gives a name in several sources all of them', () => {
    assert.equal(lexicon.match(words('Syria'))[0]?.sources, bit('place') | bit('country'));
  });

  it('does not start a name on a lower-case word', () => {
    assert.equal(lexicon.match(words('reading books'))[0], null);
    assert.notEqual(lexicon.match(words('Reading won'))[0], null);
  });
});

describe('the shipped place lexicon', () => {
  it('knows countries by their aliases and cities by their size', () => {
    const found = placeLexicon().match(words('from United Kingdom to Mumbai and Mosul'));
    assert.ok(found[1]!.sources & bit('country'));
    assert.equal(found[2]!.mark, 'I');
    assert.ok(found[4]!.sources & bit('city-100k'));
    assert.ok(found[6]!.sources & bit('place'));
  });

  it('tells the tagger whether the place is the whole capitalised run or part of one', () => {
    const alone = describeFeatures(['in', 'Mumbai', '.'])[1]!.names;
    assert.ok(alone.includes('gz=city-100k=B'));
    assert.ok(alone.includes('gz=city-100k|fit=B|whole'));
    const part = describeFeatures(['the', 'Mumbai', 'Indians', 'won'])[1]!.names;
    assert.ok(part.includes('gz=city-100k|fit=B|part'));
  });
});
