import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adversarialLines } from './adversarial-text.js';
import { findMoney, type MoneyValue } from './money.js';

describe('findMoney', () => {
  const cases: [string, string, MoneyValue][] = [
    ['They paid $4 million a month.', '$4 million a month', { amount: 4_000_000, currency: 'USD', period: 'month' }],
    ['a fine of €20,000 was set', '€20,000', { amount: 20_000, currency: 'EUR' }],
    ['some 20,000 euros changed hands', 'some 20,000 euros', { amount: 20_000, currency: 'EUR', qualifier: 'about' }],
    ['revenue of US$1.5bn', 'US$1.5bn', { amount: 1_500_000_000, currency: 'USD' }],
    ['he sent £300 home', '£300', { amount: 300, currency: 'GBP' }],
    ['a salary of SYP 50,000', 'SYP 50,000', { amount: 50_000, currency: 'SYP' }],
    ['a salary of 50,000 SYP', '50,000 SYP', { amount: 50_000, currency: 'SYP' }],
    ['500 dollars per fighter', '500 dollars per fighter', { amount: 500, currency: 'USD', per: 'fighter' }],
    ['between $2 and $3 million', 'between $2 and $3 million', { min: 2_000_000, max: 3_000_000, currency: 'USD' }],
    ['from $2 to $3 million', 'from $2 to $3 million', { min: 2_000_000, max: 3_000_000, currency: 'USD' }],
    ['€2-3m', '€2-3m', { min: 2_000_000, max: 3_000_000, currency: 'EUR' }],
    ['2 to 3 million dollars', '2 to 3 million dollars', { min: 2_000_000, max: 3_000_000, currency: 'USD' }],
    ['between $200,000 and $3 million', 'between $200,000 and $3 million', { min: 200_000, max: 3_000_000, currency: 'USD' }],
    ['4 million dinars', '4 million dinars', { amount: 4_000_000, currency: null, currencyName: 'dinar' }],
    ['10,000 Syrian pounds a month per fighter', '10,000 Syrian pounds a month per fighter',
      { amount: 10_000, currency: 'SYP', period: 'month', per: 'fighter' }],
    ['more than $1.2 million per year', 'more than $1.2 million per year', { amount: 1_200_000, currency: 'USD', period: 'year', qualifier: 'more-than' }],
    ['$5m', '$5m', { amount: 5_000_000, currency: 'USD' }],
    ['$250k', '$250k', { amount: 250_000, currency: 'USD' }],
    ['USD5.5 mn', 'USD5.5 mn', { amount: 5_500_000, currency: 'USD' }],
    ['1.25 billion Iraqi dinars', '1.25 billion Iraqi dinars', { amount: 1_250_000_000, currency: 'IQD' }],
    ['5,000 Turkish lira monthly', '5,000 Turkish lira monthly', { amount: 5_000, currency: 'TRY', period: 'month' }],
    ['AED 100,000.50', 'AED 100,000.50', { amount: 100_000.5, currency: 'AED' }],
    ['750,000 Lebanese pounds', '750,000 Lebanese pounds', { amount: 750_000, currency: 'LBP' }],
    ['200 JOD/month', '200 JOD/month', { amount: 200, currency: 'JOD', period: 'month' }],
    ['about 3 million rials', 'about 3 million rials', { amount: 3_000_000, currency: null, currencyName: 'riyal', qualifier: 'about' }],
  ];
  for (const [text, span, value] of cases) {
    it(`reads "${span}" in "${text}"`, () => {
      const found = findMoney(text);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0]!.text, span);
      assert.equal(text.slice(found[0]!.start, found[0]!.end), span);
      assert.deepEqual(found[0]!.value, value);
    });
  }

  const notMoney: [string, string][] = [
    ['in 2013 the group grew', 'a year'],
    ['call +963 11 234 5678 now', 'a phone number'],
    ['4,000 people and 300 vehicles', 'plain numbers'],
    ['a 5 m wall', 'a length'],
    ['500 pounds of explosives', 'a weight in pounds'],
    ['they try 500 times', 'the verb "try", not TRY'],
    ['version 1.5bn of', 'a scale without a currency'],
    ['$', 'a currency sign alone'],
  ];
  for (const [text, what] of notMoney) {
    it(`finds nothing in ${what} ("${text}")`, () => assert.deepEqual(findMoney(text), []));
  }

  it('keeps "$2 and $3 million" without "between" as two sums', () => {
    assert.deepEqual(
      findMoney('$2 and $3 million').map((f) => f.value.amount),
      [2, 3_000_000],
    );
  });

  it('resolves an ambiguous currency word from the caller\'s defaults', () => {
    const [found] = findMoney('4 million dinars', { ambiguous: { dinar: 'IQD' } });
    assert.deepEqual(found!.value, { amount: 4_000_000, currency: 'IQD', currencyName: 'dinar' });
  });

  it('gives every sum in a paragraph its own offsets, without overlaps', () => {
    const text = 'The group earned $4 million a month, paid fighters 500 dollars each and kept €20,000 and SYP 50,000 in cash.';
    const found = findMoney(text);
    assert.deepEqual(found.map((f) => f.text), ['$4 million a month', '500 dollars', '€20,000', 'SYP 50,000']);
    for (const f of found) assert.equal(text.slice(f.start, f.end), f.text);
    for (let i = 1; i < found.length; i++) assert.ok(found[i - 1]!.end <= found[i]!.start);
  });

  for (const { name, text } of adversarialLines) {
    it(`returns on a 1 MB line of ${name}`, () => assert.ok(Array.isArray(findMoney(text))));
  }
});
