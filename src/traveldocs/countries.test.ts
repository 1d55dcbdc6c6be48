import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mrzCountry } from './countries.js';

describe('MRZ country codes', () => {
  it('resolves ISO 3166-1 alpha-3 codes to English names', () => {
    assert.deepEqual(mrzCountry('DEU'), { code: 'DEU', name: 'Germany', source: 'ISO 3166-1' });
    assert.equal(mrzCountry('SYR')?.source, 'ISO 3166-1');
  });

  it("resolves ICAO's own codes (ICAO 9303-3 §5)", () => {
    assert.deepEqual(mrzCountry('D'), { code: 'D', name: 'Germany', source: 'ICAO 9303-3' });
    assert.equal(mrzCountry('GBN')?.name, 'British National (Overseas)');
    assert.match(mrzCountry('XXA')!.name, /^Stateless/);
    assert.match(mrzCountry('XXB')!.name, /1951 Convention/);
    assert.match(mrzCountry('UNO')!.name, /United Nations/);
    assert.equal(mrzCountry('RKS')?.name, 'Kosovo');
  });

  it('knows no alpha-2 codes, lower case or made-up codes', () => {
    assert.equal(mrzCountry('GB'), null);
    assert.equal(mrzCountry('deu'), null);
    assert.equal(mrzCountry('QQQ'), null);
    assert.equal(mrzCountry(''), null);
  });
});
