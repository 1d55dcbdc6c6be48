import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KnownEntities } from './known-entities.js';
import { wordFeatures } from './word-features.js';

const words = (text: string) => text.split(' ').map((t) => wordFeatures(t));
const marks = (known: KnownEntities, text: string) => known.match(words(text)).map((m) => m?.name ?? '-');

describe('KnownEntities', () => {
  const known = KnownEntities.fromSentences([
    { tokens: ['Deir', 'ez-Zor', 'province'], tags: ['B-LOC', 'I-LOC', 'O'] },
    { tokens: ['Deir', 'ez-Zor', 'Military', 'Council'], tags: ['B-ORG', 'I-ORG', 'I-ORG', 'I-ORG'] },
    { tokens: ['Jordan', 'Peterson'], tags: ['B-PER', 'I-PER'] },
    { tokens: ['in', 'Jordan'], tags: ['O', 'B-LOC'] },
    { tokens: ['Jordan', 'said'], tags: ['B-PER', 'O'] },
    { tokens: ['to', 'Jordan'], tags: ['O', 'B-LOC'] },
  ]);

  it('matches the longest name, in any case', () => {
    assert.deepEqual(marks(known, 'the deir EZ-ZOR Military Council met'), ['-', 'ORG-B', 'ORG-I', 'ORG-I', 'ORG-I', '-']);
    assert.deepEqual(marks(known, 'Deir ez-Zor fell'), ['LOC-B', 'LOC-I', '-']);
    assert.deepEqual(marks(known, 'Deir fell'), ['-', '-']);
  });

  it('types a name by its most frequent type', () => {
    assert.deepEqual(marks(known, 'Jordan'), ['LOC-B']);
    assert.equal(known.match(words('Jordan'))[0]!.whole, true);
    assert.equal(known.match(words('to Jordan'))[1]!.whole, false);
  });

  it('survives encoding and decoding', () => {
    const again = KnownEntities.decode(known.encode());
    assert.equal(again.size, known.size);
    assert.equal(again.encode(), known.encode());
    assert.deepEqual(marks(again, 'the deir EZ-ZOR Military Council met'), marks(known, 'the deir EZ-ZOR Military Council met'));
  });

  it('names a line it cannot read', () => {
    assert.throws(() => KnownEntities.decode('1 x 0\tjordan'), /known-entity line "1 x 0\tjordan"/);
  });
});
