import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readEdifactDate, resolveCentury } from './paxlst-dates.js';

describe('resolveCentury', () => {
  const cases: { yy: number; month: number; day: number; rule: 'past' | 'nearest'; today: string; year: number; why: string }[] = [
    { yy: 88, month: 4, day: 12, rule: 'past', today: '2025-06-15', year: 1988, why: 'a birth year above this year is last century' },
    { yy: 2, month: 11, day: 30, rule: 'past', today: '2025-06-15', year: 2002, why: 'a birth year below this year is this century' },
    { yy: 25, month: 6, day: 15, rule: 'past', today: '2025-06-15', year: 2025, why: 'born today is not in the future' },
    { yy: 25, month: 6, day: 16, rule: 'past', today: '2025-06-15', year: 1925, why: 'this year but after today is a century ago' },
    { yy: 99, month: 12, day: 31, rule: 'past', today: '2000-01-01', year: 1999, why: 'the day before a century turns' },
    { yy: 0, month: 1, day: 1, rule: 'past', today: '2000-01-01', year: 2000, why: 'the first day of a century' },
    { yy: 31, month: 9, day: 30, rule: 'nearest', today: '2025-06-15', year: 2031, why: 'an expiry a few years ahead' },
    { yy: 98, month: 1, day: 1, rule: 'nearest', today: '2025-06-15', year: 1998, why: 'a long-expired document' },
    { yy: 1, month: 3, day: 1, rule: 'nearest', today: '2099-06-15', year: 2101, why: 'the nearest date may be in the next century' },
    { yy: 74, month: 6, day: 15, rule: 'nearest', today: '2025-06-15', year: 2074, why: 'exactly 49 years ahead is nearer than 51 back' },
  ];
  for (const c of cases) {
    it(`reads ${String(c.yy).padStart(2, '0')} as ${c.year} on ${c.today} (${c.rule}): ${c.why}`, () => {
      assert.equal(resolveCentury(c.yy, c.month, c.day, c.rule, c.today), c.year);
    });
  }
});

describe('readEdifactDate', () => {
  const today = '2025-06-15';
  const cases: [value: string, format: string, rule: 'past' | 'nearest', expected: { iso: string } | RegExp][] = [
    ['720907', '', 'past', { iso: '1972-09-07' }],
    ['19500228', '102', 'past', { iso: '1950-02-28' }],
    ['0802141800', '201', 'nearest', { iso: '2008-02-14T18:00' }],
    ['202506102355', '203', 'nearest', { iso: '2025-06-10T23:55' }],
    ['2506102355', '', 'nearest', { iso: '2025-06-10T23:55' }],
    ['000229', '', 'past', { iso: '2000-02-29' }],
    ['19000229', '102', 'past', /not a real date \(1900-02-29\)/],
    ['881332', '', 'past', /not a real date/],
    ['0802142460', '201', 'nearest', /no such time of day \(24:60\)/],
    ['20300101', '102', 'past', /after today/],
    ['7209', '', 'past', /6, 8, 10 or 12 digits/],
    ['72O907', '', 'past', /not all digits/],
    ['720907', '102', 'past', /8 digits of format 102/],
    ['720907', '999', 'past', /format code "999"/],
  ];
  for (const [value, format, rule, expected] of cases) {
    it(`reads "${value}"${format ? ` in format ${format}` : ''} as ${expected instanceof RegExp ? 'an error' : expected.iso}`, () => {
      const reading = readEdifactDate(value, format, rule, today);
      if (expected instanceof RegExp) assert.match('error' in reading ? reading.error : `no error: ${reading.iso}`, expected);
      else assert.deepEqual(reading, expected);
    });
  }
});
