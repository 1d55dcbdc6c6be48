import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitSentences } from './sentences.js';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('ends sentences at . ! and ?', () => {
    assert.deepEqual(sentences('They left. Did they pay? Yes!'), ['They left.', 'Did they pay?', 'Yes!']);
  });

  it('does not end a sentence at an abbreviation ("Mr.", "Dr.", "U.S.")', () => {
    assert.deepEqual(sentences('Mr. Smith met Dr. Jones. They talked.'), ['Mr. Smith met Dr. Jones.', 'They talked.']);
    assert.deepEqual(sentences('He was born in the U.S. in 1990. Later he moved.'), ['He was born in the U.S. in 1990.', 'Later he moved.']);
  });

  it('does not end a sentence at an initial ("M. Emin Karaca")', () => {
    assert.deepEqual(sentences('Police arrested M. Emin Karaca. He denied it.'), ['Police arrested M. Emin Karaca.', 'He denied it.']);
  });

  it('does not end a sentence at a decimal point', () => {
    assert.deepEqual(sentences('They paid 3.5 million. Then they left.'), ['They paid 3.5 million.', 'Then they left.']);
  });

  it('ends a sentence at every line break', () => {
    assert.deepEqual(sentences('Subject: Courier\nDate: 2017-04-13\nHe crossed. He paid.'), [
      'Subject: Courier',
      'Date: 2017-04-13',
      'He crossed.',
      'He paid.',
    ]);
  });

  it('keeps a closing quote or bracket with its sentence', () => {
    assert.deepEqual(sentences('He said "Go." Then he left.'), ['He said "Go."', 'Then he left.']);
    assert.deepEqual(sentences('(It was late.) Nobody came.'), ['(It was late.)', 'Nobody came.']);
  });

  it('returns trimmed spans and skips blank lines', () => {
    const text = '  First one.  \n\n\n   Second one.';
    const spans = splitSentences(text);
    assert.deepEqual(sentences(text), ['First one.', 'Second one.']);
    assert.deepEqual(spans, [{ start: 2, end: 12 }, { start: 20, end: 31 }]);
  });

  it('returns no span for empty or blank text', () => {
    assert.deepEqual(splitSentences(''), []);
    assert.deepEqual(splitSentences(' \n \n'), []);
  });
});
