import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeNameKey, variantKey } from './place-name-key.js';

const key = (name: string) => {
  const found = placeNameKey(name);
  assert.ok(found, `"${name}" has a key`);
  return found;
};

describe('placeNameKey', () => {
  const sameExact: { behaviour: string; names: string[] }[] = [
    { behaviour: 'sets aside case, diacritics and a hyphenated or standalone article', names: ['Al Bāb', 'al-Bab', 'Bab', 'AL-BAB'] },
    { behaviour: 'drops an article assimilated to the next letter, written apart', names: ['Ar Raqqah', 'ar-Raqqah', 'Raqqah'] },
    { behaviour: 'drops the sun-letter articles ez-, el-, al-', names: ['Deir ez-Zor', 'Deir el-Zor', 'Deir al-Zor', 'Deir Zor'] },
    { behaviour: 'folds Turkish letters', names: ['Şanlıurfa', 'Sanliurfa', 'SANLIURFA'] },
    { behaviour: 'treats hyphens as spaces', names: ['Tal-Afar', 'Tal Afar'] },
    { behaviour: 'drops a leading "the"', names: ['The Netherlands', 'Netherlands'] },
    { behaviour: 'reads a dotted abbreviation as one word', names: ['U.S.', 'US'] },
  ];
  for (const { behaviour, names } of sameExact) {
    it(behaviour, () => {
      const keys = names.map((n) => key(n).exact);
      assert.deepEqual(new Set(keys).size, 1, `${names.join(' / ')} → ${keys.join(' / ')}`);
    });
  }

  const sameSpelling: { behaviour: string; names: string[] }[] = [
    { behaviour: 'folds romanisation spellings', names: ['Raqqa', 'Rakka', 'Ar Raqqah', 'al-Raqqa'] },
    { behaviour: 'runs the words together', names: ['Tal Afar', 'Talafar', 'Tel Afar', 'Tall ‘Afar'] },
  ];
  for (const { behaviour, names } of sameSpelling) {
    it(behaviour, () => {
      const keys = names.map((n) => key(n).spelling);
      assert.equal(new Set(keys).size, 1, `${names.join(' / ')} → ${keys.join(' / ')}`);
    });
  }

  it('gives transliteration variants one variant key but not one spelling', () => {
    assert.equal(variantKey(key('Deir ez-Sor')), variantKey(key('Dayr az-Zawr')));
    assert.notEqual(key('Deir ez-Sor').spelling, key('Dayr az-Zawr').spelling);
  });

  it('keeps apart names that share consonants but not vowel places', () => {
    assert.notEqual(variantKey(key('Bank')), variantKey(key('Banqiao')));
  });

  it('keeps an article that is not assimilated ("An" before a consonant other than n)', () => {
    assert.equal(key('An Najaf').exact, 'najaf');
    assert.equal(key('Ar Ramadi').exact, 'ramadi');
    assert.equal(key('An Bien').exact, 'an bien');
  });

  const designators: { input: string; kind: string; bare: string }[] = [
    { input: 'Deir ez-Zor Governorate', kind: 'region', bare: 'Deir ez-Zor' },
    { input: 'Nineveh Province', kind: 'region', bare: 'Nineveh' },
    { input: 'al-Hol camp', kind: 'site', bare: 'al-Hol' },
    { input: 'Gaza City', kind: 'city', bare: 'Gaza' },
    { input: 'محافظة دير الزور', kind: 'region', bare: 'دير الزور' },
    { input: 'مخيم الهول', kind: 'site', bare: 'الهول' },
  ];
  for (const { input, kind, bare } of designators) {
    it(`reads "${input}" as a ${kind} designator and keys the rest as "${bare}"`, () => {
      const found = key(input);
      assert.equal(found.designator, kind);
      assert.equal(found.withoutDesignator?.exact, key(bare).exact);
      assert.notEqual(found.exact, key(bare).exact);
    });
  }

  it('takes a lone designator word for a name', () => {
    assert.equal(key('Camp').designator, null);
    assert.equal(key('Camp').exact, 'camp');
  });

  it('has no key for a name without letters or digits', () => {
    assert.equal(placeNameKey(' - , '), null);
  });
});
