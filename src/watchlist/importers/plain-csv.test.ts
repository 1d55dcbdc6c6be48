import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixturePath, vigilInputError } from './fixture-paths.js';
import { parsePlainCsv } from './plain-csv.js';

const fixture = (name: string) => readFileSync(fixturePath('plain-csv', name), 'utf8');

const syntaxError = (...fragments: string[]) => vigilInputError('watchlist.import-syntax', ...fragments);

describe('parsePlainCsv', () => {
  it('reads the fixture into the expected entries and problems', () => {
    assert.deepEqual(parsePlainCsv(fixture('input.csv'), { source: 'people.csv' }), JSON.parse(fixture('expected.json')));
  });

  it('takes the columns in any order and any case, with only id and name required', () => {
    const { entries, problems } = parsePlainCsv('Name,ID,DOB\r\nAbu Hamza al-Raqqawi,c-9,1985\r\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(
      entries.map((e) => [e.sourceId, e.name, e.birthDates]),
      [['c-9', 'Abu Hamza al-Raqqawi', ['1985']]],
    );
  });

  it('refuses unknown columns, naming every one', () => {
    assert.throws(() => parsePlainCsv('id,name,nationalty,passport\n1,A B,SYR,X1\n', { source: 'people.csv' }), syntaxError('people.csv line 1', '"nationalty"', '"passport"'));
  });

  it('refuses a header without id or name', () => {
    assert.throws(() => parsePlainCsv('name,dob\nA B,1980\n'), syntaxError('missing required column id'));
    assert.throws(() => parsePlainCsv('id,name,name\n1,A,B\n'), syntaxError('"name" appears twice'));
  });

  it('refuses an empty file and broken quoting', () => {
    assert.throws(() => parsePlainCsv('', { source: 'people.csv' }), syntaxError('people.csv is empty'));
    assert.throws(() => parsePlainCsv('id,name\n1,"A B\n2,C D\n', { source: 'people.csv' }), syntaxError('people.csv line', 'not readable as CSV'));
  });
});
