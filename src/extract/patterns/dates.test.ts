import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../../seeded-random.js';
import { normaliseDate, readDateWithChrono } from './dates.js';

describe('normaliseDate', () => {
  const cases: [string, string | null][] = [
    ['March 3, 2018', '2018-03-03'],
    ['3 March 2018', '2018-03-03'],
    ['28 July 2013', '2013-07-28'],
    ['2018-03-03', '2018-03-03'],
    ['  2018-03-03 ', '2018-03-03'],
    ['2013-07', '2013-07'],
    ['2013', '2013'],
    ['July of 2013', '2013-07'],
    ['July 2013', '2013-07'],
    ['July, 2013', '2013-07'],
    ['Sept 2014', '2014-09'],
    ['Feb 29, 2020', '2020-02-29'],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}" as ${expected}, no more precise than written`, () => assert.equal(normaliseDate(text), expected));
  }

  const notDates: [string, string][] = [
    ['31/02/1990', 'a 31st of February'],
    ['31 February 1990', 'a 31st of February'],
    ['2018-02-30', 'a 30th of February'],
    ['Feb 29, 2019', 'a 29th of February outside a leap year'],
    ['2018-13', 'a thirteenth month'],
    ['no date here', 'no date at all'],
    ['', 'an empty string'],
    ['May', 'a month without a year'],
    ['today', 'a relative day'],
    ['last week', 'a relative period'],
    ['Monday', 'a weekday'],
  ];
  for (const [text, what] of notDates) {
    it(`returns null for ${what} ("${text}")`, () => assert.equal(normaliseDate(text), null));
  }

  it('takes a missing year from the reference date when one is given', () => {
    const reference = new Date(Date.UTC(2018, 5, 1));
    assert.equal(normaliseDate('March 3'), null);
    assert.equal(normaliseDate('March 3', reference), '2018-03-03');
  });

  it('never turns a relative word into a date, even with a reference', () => {
    assert.equal(normaliseDate('today', new Date(Date.UTC(2018, 5, 1))), null);
  });

  it('reads the common written shapes exactly as chrono does (seeded sample of every shape)', () => {
    const random = seededRandom(2026);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const spellings = months.flatMap((m) => [m, m.slice(0, 3), m.toLowerCase(), m.toUpperCase(), `${m.slice(0, 3)}.`, `${m}.`]).concat(['Sept', 'Sept.', 'sept', 'Mars', 'Juli']);
    const days = ['0', '1', '01', '9', '10', '28', '29', '30', '31', '32', '99'];
    const suffixes = ['', 'st', 'nd', 'rd', 'th'];
    const years = ['1899', '1900', '1999', '2000', '2016', '2018', '2099'];
    for (let i = 0; i < 3000; i++) {
      const [month, day, year] = [pick(spellings), pick(days) + pick(suffixes), pick(years)];
      const text = pick([
        `${day} ${month} ${year}`, `${day} of ${month} ${year}`, `${day} ${month}, ${year}`, `${month} ${day}, ${year}`,
        `${month} ${day} ${year}`, `${month} ${year}`, `${month}, ${year}`, `${month} of ${year}`,
      ]);
      assert.equal(normaliseDate(text), readDateWithChrono(text), text);
    }
  });
});
