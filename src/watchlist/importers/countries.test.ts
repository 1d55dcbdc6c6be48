import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countryCode, isUnknownCountry } from './countries.js';

describe('countryCode', () => {
  const cases: [string, string | null][] = [
    ['Iraq', 'IRQ'],
    ['IRQ', 'IRQ'],
    ['irq', 'IRQ'],
    ['iq', 'IRQ'],
    ['Syria', 'SYR'],
    ['Syrian Arab Republic', 'SYR'],
    ['Iran (Islamic Republic of)', 'IRN'],
    ['Korea, North', 'PRK'],
    ["Democratic People's Republic of Korea", 'PRK'],
    ['Congo, Democratic Republic of the', 'COD'],
    ['Congo', 'COG'],
    ['Burma', 'MMR'],
    ['Palestinian', 'PSE'],
    ['Russia', 'RUS'],
    ['United Kingdom', 'GBR'],
    ['the Netherlands', 'NLD'],
    ['Kosovo', 'XKX'],
    ['xk', 'XKX'],
    ['Cote d’Ivoire', 'CIV'],
    ['Narnia', null],
    ['ZZ', null],
  ];
  for (const [written, expected] of cases) {
    it(`reads "${written}" as ${expected}`, () => {
      assert.equal(countryCode(written), expected);
    });
  }

  it('treats "na" and empty as not given', () => {
    assert.equal(isUnknownCountry('na'), true);
    assert.equal(isUnknownCountry(' '), true);
    assert.equal(isUnknownCountry('Namibia'), false);
  });
});
