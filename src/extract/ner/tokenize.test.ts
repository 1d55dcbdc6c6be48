import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenizeSpan } from './tokenize.js';

const texts = (text: string) => tokenizeSpan(text).map((t) => t.text);

describe('tokenizeSpan', () => {
  it('keeps hyphenated and apostrophe names whole and splits punctuation off', () => {
    assert.deepEqual(texts('Abu Bakr al-Baghdadi met Ja\'far in Mosul.'), ['Abu', 'Bakr', 'al-Baghdadi', 'met', "Ja'far", 'in', 'Mosul', '.']);
  });

  it('splits a possessive "\'s" into its own token', () => {
    assert.deepEqual(texts("Mosul's old city"), ['Mosul', "'s", 'old', 'city']);
    assert.deepEqual(texts('the SDF’s spokesman'), ['the', 'SDF', '’s', 'spokesman']);
  });

  it('keeps numbers with separators and dotted abbreviations as one token', () => {
    assert.deepEqual(texts('He paid 1,200.50 USD in the U.S. (twice)'), ['He', 'paid', '1,200.50', 'USD', 'in', 'the', 'U.S.', '(', 'twice', ')']);
  });

  it('keeps a number run straight into letters as one word', () => {
    assert.deepEqual(texts('the 1990s, the 16th Brigade, 20px, 9:45am and 12,000 men'), ['the', '1990s', ',', 'the', '16th', 'Brigade', ',', '20px', ',', '9', ':', '45am', 'and', '12,000', 'men']);
  });

  it("keeps a name's initial with its full stop, but not a sentence's last letter", () => {
    assert.deepEqual(texts('Analyst: R. Okonjo. Plan B. then J. k'), ['Analyst', ':', 'R.', 'Okonjo', '.', 'Plan', 'B', '.', 'then', 'J', '.', 'k']);
  });

  it('reads letters beyond the Basic Multilingual Plane as letters', () => {
    assert.deepEqual(texts('𝐀𝐁 x'), ['𝐀𝐁', 'x']);
  });

  it('gives offsets into the whole text when tokenising a span of it', () => {
    const text = 'First sentence. Then Raqqa, again.';
    const span = { start: 16, end: text.length };
    const tokens = tokenizeSpan(text, span);
    assert.deepEqual(tokens.map((t) => t.text), ['Then', 'Raqqa', ',', 'again', '.']);
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
    assert.deepEqual(tokens[1], { text: 'Raqqa', start: 21, end: 26 });
  });

  it('returns offsets that reproduce every token, whatever the script', () => {
    const text = 'قال أبو محمد العدناني — Şanlıurfa’s “border” İdlib';
    for (const t of tokenizeSpan(text)) assert.equal(text.slice(t.start, t.end), t.text);
    assert.ok(texts(text).includes('العدناني'));
    assert.ok(texts(text).includes('İdlib'));
  });
});
