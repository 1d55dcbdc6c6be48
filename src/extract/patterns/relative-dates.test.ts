import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DateValue } from './calendar.js';
import { findDates } from './date-mentions.js';

// 2019-04-12 is a Friday.
const reference = '2019-04-12';

describe('findDates (relative to the document date)', () => {
  const cases: [string, string, DateValue][] = [
    ['he was arrested yesterday', 'yesterday', { precision: 'day', date: '2019-04-11', relative: true }],
    ['Today the ministry said', 'Today', { precision: 'day', date: '2019-04-12', relative: true }],
    ['the day before yesterday', 'the day before yesterday', { precision: 'day', date: '2019-04-10', relative: true }],
    ['last night', 'last night', { precision: 'day', date: '2019-04-11', relative: true }],
    ['last week', 'last week', { precision: 'range', start: '2019-04-01', end: '2019-04-07', relative: true }],
    ['this week', 'this week', { precision: 'range', start: '2019-04-08', end: '2019-04-14', relative: true }],
    ['last month', 'last month', { precision: 'month', date: '2019-03', relative: true }],
    ['next year', 'next year', { precision: 'year', date: '2020', relative: true }],
    ['two months ago', 'two months ago', { precision: 'month', date: '2019-02', relative: true }],
    ['5 days ago', '5 days ago', { precision: 'day', date: '2019-04-07', relative: true }],
    ['three weeks ago', 'three weeks ago', { precision: 'range', start: '2019-03-18', end: '2019-03-24', relative: true }],
    ['a year ago', 'a year ago', { precision: 'year', date: '2018', relative: true }],
    ['he spoke on Tuesday', 'on Tuesday', { precision: 'day', date: '2019-04-09', relative: true }],
    ['said on Friday', 'on Friday', { precision: 'day', date: '2019-04-12', relative: true }],
    ['last Friday', 'last Friday', { precision: 'day', date: '2019-04-05', relative: true }],
    ['next Monday', 'next Monday', { precision: 'day', date: '2019-04-15', relative: true }],
    ['earlier this year', 'earlier this year', { precision: 'range', start: '2019-01-01', end: '2019-04-12', relative: true }],
    ['later this month', 'later this month', { precision: 'range', start: '2019-04-12', end: '2019-04-30', relative: true }],
    ['over the past two weeks', 'the past two weeks', { precision: 'range', start: '2019-03-29', end: '2019-04-12', relative: true }],
    ['in the past year', 'the past year', { precision: 'range', start: '2018-04-12', end: '2019-04-12', relative: true }],
    ['on 12 March', '12 March', { precision: 'day', date: '2019-03-12', relative: true }],
  ];
  for (const [text, span, value] of cases) {
    it(`reads "${span}" in "${text}"`, () => {
      const found = findDates(text, { reference });
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0]!.text, span);
      assert.equal(text.slice(found[0]!.start, found[0]!.end), span);
      assert.deepEqual(found[0]!.value, value);
    });
  }

  const notDates: [string, string][] = [
    ['prayers are held on Fridays', 'a weekday as a habit'],
    ['the last one', 'a "last" without a period'],
    ['years ago', 'a period without a count'],
  ];
  for (const [text, what] of notDates) {
    it(`finds no date in ${what} ("${text}")`, () => assert.deepEqual(findDates(text, { reference }), []));
  }

  it('trusts a weekday without "on", "last" or "next" less', () => {
    const [bare] = findDates('Friday prayers', { reference });
    const [cued] = findDates('on Friday', { reference });
    assert.ok(bare!.confidence < cued!.confidence);
  });

  it('reads a weekday before a written date as part of that date, not as a second one', () => {
    assert.deepEqual(findDates('on Tuesday, March 3, 2018', { reference }).map((f) => f.text), ['March 3, 2018']);
  });

  it('crosses month and year boundaries', () => {
    assert.deepEqual(findDates('yesterday', { reference: '2019-01-01' })[0]!.value, { precision: 'day', date: '2018-12-31', relative: true });
    assert.deepEqual(findDates('last month', { reference: '2019-01-15' })[0]!.value, { precision: 'month', date: '2018-12', relative: true });
  });

  it('resolves only what a partial reference allows', () => {
    assert.deepEqual(findDates('yesterday and last week', { reference: '2019-04' }), []);
    assert.deepEqual(findDates('last month', { reference: '2019-04' }).map((f) => f.value), [{ precision: 'month', date: '2019-03', relative: true }]);
    assert.deepEqual(findDates('last year', { reference: '2019' }).map((f) => f.value), [{ precision: 'year', date: '2018', relative: true }]);
  });
});
