import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMrz } from './mrz.js';
import { readMrzDate } from './mrz-dates.js';
import { reading, specimens } from './mrz.fixtures.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('two-digit years of birth dates: the latest not after today', () => {
  const cases: [string, string, string | null][] = [
    ['740812', '2025-06-01', '1974-08-12'],
    ['250531', '2025-06-01', '2025-05-31'],
    ['250601', '2025-06-01', '2025-06-01'],
    ['250602', '2025-06-01', '1925-06-02'],
    ['991231', '2025-06-01', '1999-12-31'],
    ['000229', '2025-06-01', '2000-02-29'],
    ['740812', '2070-01-01', '1974-08-12'],
    ['740812', '1970-01-01', '1874-08-12'],
  ];
  for (const [yymmdd, today, iso] of cases) {
    it(`${yymmdd} on ${today} is ${iso}`, () => assert.deepEqual(readMrzDate(yymmdd, 'birth', day(today)), { iso, unknown: false, error: null }));
  }

  it('29 February of a year that was not leap is an error once the century is known', () => {
    assert.equal(readMrzDate('000229', 'birth', day('1999-12-31')).error?.found, 'day 29');
  });
});

describe('two-digit years of expiry dates: within 50 years of today', () => {
  const cases: [string, string, string][] = [
    ['120415', '2025-06-01', '2012-04-15'],
    ['350101', '2025-06-01', '2035-01-01'],
    ['741231', '2025-06-01', '2074-12-31'],
    ['750101', '2025-06-01', '1975-01-01'],
    ['120415', '2070-01-01', '2112-04-15'],
  ];
  for (const [yymmdd, today, iso] of cases) {
    it(`${yymmdd} on ${today} is ${iso}`, () => assert.equal(readMrzDate(yymmdd, 'expiry', day(today)).iso, iso));
  }
});

describe('dates without a today', () => {
  it('are checked as calendar dates but not placed in a century', () => {
    assert.deepEqual(readMrzDate('740812', 'birth'), { iso: null, unknown: false, error: null });
    assert.equal(readMrzDate('741312', 'birth').error?.expected, 'a month 01–12');
    assert.equal(readMrzDate('040229', 'expiry').error, null);
    assert.equal(readMrzDate('010229', 'expiry').error?.found, 'day 29');
  });
});

describe('unknown parts', () => {
  it('a birth date may be fillers in whole or in part, an expiry date may not', () => {
    assert.deepEqual(readMrzDate('<<<<<<', 'birth', day('2025-06-01')), { iso: null, unknown: true, error: null });
    assert.equal(readMrzDate('7408<<', 'birth').unknown, true);
    assert.ok(readMrzDate('<<<<<<', 'expiry').error);
    assert.ok(readMrzDate('<<0812', 'birth').error);
  });

  it('a passport with a birth date not known in full is valid, with a warning', () => {
    const mrz = reading(parseMrz([specimens.TD3[0], 'L898902C36UTO7408<<7F1204159ZE184226B<<<<<10'], { today: day('2025-06-01') }));
    assert.deepEqual(mrz.errors, []);
    assert.equal(mrz.fields.birthDate.value, null);
    assert.deepEqual(mrz.warnings.map((w) => w.field), ['birthDate']);
  });
});

describe('expiry is reported apart from validity', () => {
  it('an expired document is still valid', () => {
    const mrz = parseMrz([...specimens.TD3], { today: day('2025-06-01') });
    assert.equal(mrz.valid, true);
    assert.equal(mrz.expired, true);
  });

  it('a document is good through its expiry date', () => {
    assert.equal(parseMrz([...specimens.TD3], { today: day('2012-04-15') }).expired, false);
    assert.equal(parseMrz([...specimens.TD3], { today: day('2012-04-16') }).expired, true);
  });

  it('reads the same expiry in the next century when today is far ahead', () => {
    const mrz = reading(parseMrz([...specimens.TD1], { today: day('2070-01-01') }));
    assert.equal(mrz.fields.expiryDate.value, '2112-04-15');
    assert.equal(mrz.fields.birthDate.value, '1974-08-12');
    assert.equal(mrz.expired, false);
  });

  it('without a today, neither centuries nor expiry are guessed', () => {
    const mrz = reading(parseMrz([...specimens['MRV-B']]));
    assert.equal(mrz.valid, true);
    assert.equal(mrz.expired, null);
    assert.equal(mrz.fields.birthDate.value, null);
    assert.equal(mrz.fields.birthDate.raw, '400907');
  });
});
