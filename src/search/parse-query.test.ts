import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../errors.js';
import type { TextClause, TextQuery } from '../store/index.js';
import { parseQuery } from './parse-query.js';

// Shorthand for expected clauses: w('khalid') a word, p('safe house') a phrase, x(...) an excluded clause.
const w = (word: string, prefix = false) => ({ words: [word], prefix });
const p = (phrase: string) => ({ words: phrase.split(' '), prefix: false });
const c = (...alternatives: TextClause['alternatives']): TextClause => ({ alternatives, negated: false });
const x = (...alternatives: TextClause['alternatives']): TextClause => ({ alternatives, negated: true });

const cases: { behaviour: string; input: string; expected: TextQuery['clauses'] }[] = [
  { behaviour: 'words are separate clauses that must all match', input: 'khalid mosul', expected: [c(w('khalid')), c(w('mosul'))] },
  { behaviour: 'extra spaces between words do not matter', input: '  khalid \t  mosul ', expected: [c(w('khalid')), c(w('mosul'))] },
  { behaviour: 'a quoted phrase is one term of several words', input: '"safe house" raqqa', expected: [c(p('safe house')), c(w('raqqa'))] },
  { behaviour: 'spaces inside a phrase are collapsed', input: '"  safe   house "', expected: [c(p('safe house'))] },
  { behaviour: 'curly quotes make a phrase too', input: '“safe house” raqqa', expected: [c(p('safe house')), c(w('raqqa'))] },
  { behaviour: 'an unclosed quote runs to the end of the query', input: 'raqqa "safe house', expected: [c(w('raqqa')), c(p('safe house'))] },
  { behaviour: 'OR joins its neighbours into one clause', input: 'raqqa OR mosul', expected: [c(w('raqqa'), w('mosul'))] },
  {
    behaviour: 'OR chains and mixes with phrases and other clauses',
    input: 'courier raqqa OR "deir ez-zor" OR mosul',
    expected: [c(w('courier')), c(w('raqqa'), p('deir ez-zor'), w('mosul'))],
  },
  { behaviour: 'a lower-case or is an ordinary word', input: 'raqqa or mosul', expected: [c(w('raqqa')), c(w('or')), c(w('mosul'))] },
  { behaviour: 'a leading or trailing OR is ignored', input: 'OR raqqa OR', expected: [c(w('raqqa'))] },
  { behaviour: 'a leading dash excludes a word', input: 'mosul -hamza', expected: [c(w('mosul')), x(w('hamza'))] },
  { behaviour: 'a leading dash excludes a phrase', input: 'courier -"safe house"', expected: [c(w('courier')), x(p('safe house'))] },
  { behaviour: 'excluded alternatives joined by OR exclude each', input: 'courier -raqqa OR -mosul', expected: [c(w('courier')), x(w('raqqa'), w('mosul'))] },
  { behaviour: 'a dash inside a word is part of the word', input: 'al-Tikriti', expected: [c(w('al-Tikriti'))] },
  { behaviour: 'a dash standing alone excludes nothing', input: 'mosul - hamza', expected: [c(w('mosul')), c(w('hamza'))] },
  { behaviour: 'a trailing star makes a prefix term', input: 'gazi* hawala', expected: [c(w('gazi', true)), c(w('hawala'))] },
  { behaviour: 'an excluded prefix', input: 'mosul -ham*', expected: [c(w('mosul')), x(w('ham', true))] },
  { behaviour: 'terms of punctuation only are ignored', input: 'khalid !!! , * -- mosul', expected: [c(w('khalid')), c(w('mosul'))] },
  { behaviour: 'a phrase of punctuation only is ignored', input: 'khalid "..."', expected: [c(w('khalid'))] },
  { behaviour: 'Arabic script is searched as written', input: 'أبو خالد', expected: [c(w('أبو')), c(w('خالد'))] },
];

describe('parseQuery', () => {
  for (const { behaviour, input, expected } of cases) {
    it(`${behaviour}: ${input}`, () => {
      assert.deepEqual(parseQuery(input).clauses, expected);
    });
  }

  const refused: { behaviour: string; input: string; code: string }[] = [
    { behaviour: 'an empty query', input: '', code: 'search.empty-query' },
    { behaviour: 'a blank query', input: '   ', code: 'search.empty-query' },
    { behaviour: 'a query of punctuation only', input: '!!! "" * -', code: 'search.empty-query' },
    { behaviour: 'a query of OR only', input: 'OR', code: 'search.empty-query' },
    { behaviour: 'a query that only excludes', input: '-hamza -"safe house"', code: 'search.only-exclusions' },
  ];
  for (const { behaviour, input, code } of refused) {
    it(`refuses ${behaviour} as an input error naming the query: ${JSON.stringify(input)}`, () => {
      assert.throws(
        () => parseQuery(input),
        (error: unknown) => error instanceof VigilError && error.kind === 'input' && error.code === code && error.message.includes(`"${input}"`),
      );
    });
  }
});
