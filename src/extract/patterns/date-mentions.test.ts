import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../../errors.js';
import { adversarialLines } from './adversarial-text.js';
import type { DateValue } from './calendar.js';
import { findDates } from './date-mentions.js';

describe('findDates (written dates)', () => {
  const cases: [string, string, DateValue][] = [
    ['It began in July of 2013.', 'July of 2013', { precision: 'month', date: '2013-07' }],
    ['in the summer of 2014 they moved', 'summer of 2014', { precision: 'range', start: '2014-06', end: '2014-08' }],
    ['Summer 2014', 'Summer 2014', { precision: 'range', start: '2014-06', end: '2014-08' }],
    ['the winter of 2014', 'winter of 2014', { precision: 'range', start: '2014-12', end: '2015-02' }],
    ['in the fall of 2016', 'fall of 2016', { precision: 'range', start: '2016-09', end: '2016-11' }],
    ['late summer 2014', 'late summer 2014', { precision: 'month', date: '2014-08' }],
    ['by mid-2015 the group', 'mid-2015', { precision: 'range', start: '2015-05', end: '2015-08' }],
    ['early 2016', 'early 2016', { precision: 'range', start: '2016-01', end: '2016-04' }],
    ['until the end of 2015', 'the end of 2015', { precision: 'range', start: '2015-09', end: '2015-12' }],
    ['early July 2013', 'early July 2013', { precision: 'range', start: '2013-07-01', end: '2013-07-10' }],
    ['late February 2016', 'late February 2016', { precision: 'range', start: '2016-02-21', end: '2016-02-29' }],
    ['on 3 March 2018 he', '3 March 2018', { precision: 'day', date: '2018-03-03' }],
    ['on March 3, 2018 he', 'March 3, 2018', { precision: 'day', date: '2018-03-03' }],
    ['the 3rd of July 2013', '3rd of July 2013', { precision: 'day', date: '2013-07-03' }],
    ['Sept. 3, 2014', 'Sept. 3, 2014', { precision: 'day', date: '2014-09-03' }],
    ['dated 2019-04-01.', '2019-04-01', { precision: 'day', date: '2019-04-01' }],
    ['in 2013 the group grew', '2013', { precision: 'year', date: '2013' }],
    ['since 2011,', '2011', { precision: 'year', date: '2011' }],
    ['between 2012 and 2014', 'between 2012 and 2014', { precision: 'range', start: '2012', end: '2014' }],
    ['the 2014-2016 campaign', '2014-2016', { precision: 'range', start: '2014', end: '2016' }],
  ];
  for (const [text, span, value] of cases) {
    it(`reads "${span}" in "${text}"`, () => {
      const found = findDates(text);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0]!.text, span);
      assert.equal(text.slice(found[0]!.start, found[0]!.end), span);
      assert.deepEqual(found[0]!.value, value);
    });
  }

  const notDates: [string, string][] = [
    ['2014 fighters crossed', 'a number that could be a year, without a cue'],
    ['May I ask', 'the verb "may"'],
    ['they march on', 'the verb "march"'],
    ['31 February 2019', 'a 31st of February'],
    ['call +963 11 234 5678', 'a phone number'],
    ['$2013 was paid', 'a sum'],
    ['yesterday and last week', 'relative dates without a reference'],
    ['on 12 March', 'a day and month without a reference for the year'],
    ['2012-13 budget', 'a two-digit year range'],
  ];
  for (const [text, what] of notDates) {
    it(`finds no date in ${what} ("${text}")`, () => assert.deepEqual(findDates(text), []));
  }

  it('finds every date of a paragraph at its offsets, without overlaps', () => {
    const text = 'He left in July of 2013, returned in the summer of 2014 and by mid-2015 was dead; on 3 March 2018 his brother followed.';
    const found = findDates(text);
    assert.deepEqual(found.map((f) => f.text), ['July of 2013', 'summer of 2014', 'mid-2015', '3 March 2018']);
    for (const f of found) assert.equal(text.slice(f.start, f.end), f.text);
    for (let i = 1; i < found.length; i++) assert.ok(found[i - 1]!.end <= found[i]!.start);
  });

  it('rejects a reference that is not an ISO date, naming it', () => {
    assert.throws(() => findDates('yesterday', { reference: '12/04/2019' }), (e: unknown) => e instanceof VigilError && /12\/04\/2019/.test(e.message));
    assert.throws(() => findDates('yesterday', { reference: '2019-02-30' }), VigilError);
  });

  for (const { name, text } of adversarialLines) {
    it(`returns on a 1 MB line of ${name}`, () => assert.ok(Array.isArray(findDates(text, { reference: '2019-04-12' }))));
  }
});
