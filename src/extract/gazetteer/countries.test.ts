import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCities } from './cities.js';
import { countryAlpha3, countryPlaces } from './countries.js';

describe('countryAlpha3', () => {
  const cases: { input: string; expected: string | null }[] = [
    { input: 'SY', expected: 'SYR' },
    { input: 'sy', expected: 'SYR' },
    { input: 'IRQ', expected: 'IRQ' },
    { input: ' tur ', expected: 'TUR' },
    { input: 'XX', expected: null },
    { input: 'ZZZ', expected: null },
    { input: 'Syria', expected: null },
  ];
  for (const { input, expected } of cases) it(`reads "${input}" as ${expected}`, () => assert.equal(countryAlpha3(input), expected));
});

describe('countryPlaces', () => {
  const countries = countryPlaces(readCities());
  const byId = new Map(countries.map((c) => [c.id, c]));

  it('gives every ISO 3166-1 country one record with a point on the globe', () => {
    assert.equal(countries.length, 250);
    assert.equal(byId.size, 250);
    for (const c of countries) assert.ok(Math.abs(c.lat) <= 90 && Math.abs(c.lon) <= 180 && !(c.lat === 0 && c.lon === 0), `${c.id} ${c.lat},${c.lon}`);
  });

  it('shows the short name reporting uses, and keeps the official and Arabic names as aliases', () => {
    const syria = byId.get('country:SYR')!;
    assert.equal(syria.name, 'Syria');
    for (const alias of ['Syrian Arab Republic', 'سوريا', 'سورية']) assert.ok(syria.aliases.includes(alias), alias);
    assert.ok(byId.get('country:TUR')!.aliases.includes('Türkiye'));
  });

  it("puts a country without a capital in GeoNames' list at its largest place", () => {
    const israel = byId.get('country:ISR')!;
    assert.ok(Math.abs(israel.lat - 31.77) < 0.01 && Math.abs(israel.lon - 35.22) < 0.01, `${israel.lat},${israel.lon} (Jerusalem)`);
  });
});
