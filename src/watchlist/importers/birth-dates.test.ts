import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBirthDate } from './birth-dates.js';

describe('parseBirthDate', () => {
  const cases: [string, string[] | null][] = [
    ['1971-07-28', ['1971-07-28']],
    ['1971-07', ['1971-07']],
    ['1971', ['1971']],
    ['28 Jul 1971', ['1971-07-28']],
    ['Aug 1971', ['1971-08']],
    ['Nov. 1973', ['1973-11']],
    ['August 1961 ', ['1961-08']],
    ['circa 1962', ['1962']],
    ['circa 01 Jan 1961', ['1961-01-01']],
    ['1961 to 1964', ['1961/1964']],
    ['1961-1964', ['1961/1964']],
    ['1961/1964', ['1961/1964']],
    ['1961-05/1962-02-03', ['1961-05/1962-02-03']],
    ['Mar 1948 to Feb 1949', ['1948-03/1949-02']],
    ['01 Jan 1958 to 31 Dec 1959', ['1958/1959']],
    ['1960 to 1960', ['1960']],
    ['19xx', null],
    ['30-35 years old', null],
    ['1964 to 1961', null],
    ['1964/1961', null],
    ['31 Feb 1970', null],
    ['1971-13', null],
    ['0012', null],
    ['', null],
  ];
  for (const [written, expected] of cases) {
    it(`reads "${written}" as ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(parseBirthDate(written), expected);
    });
  }
});
