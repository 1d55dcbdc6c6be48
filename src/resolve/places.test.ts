import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeContextOf, placeIdentity, placeIdentityKey } from './places.js';

const place = (text: string) => ({ type: 'LOCATION' as const, text });

describe('places: gazetteer identity first', () => {
  const samePlace: { place: string; key: string; spellings: string[] }[] = [
    { place: 'Deir ez-Zor', key: 'geonames:170794', spellings: ['Deir ez-Zor', 'Deir al-Zor', 'Dayr az-Zawr', 'Deir ez-Sor', 'دير الزور'] },
    { place: 'Raqqa', key: 'geonames:172955', spellings: ['Raqqa', 'Ar Raqqah', 'Rakka'] },
    { place: 'Mosul', key: 'geonames:99072', spellings: ['Mosul', 'الموصل'] },
    { place: 'Syria', key: 'country:SYR', spellings: ['Syria', 'Syrian Arab Republic', 'سوريا'] },
    { place: 'Turkey', key: 'country:TUR', spellings: ['Turkey', 'Türkiye', 'تركيا'] },
  ];
  for (const { place: name, key, spellings } of samePlace) {
    it(`gives every spelling of ${name} the key ${key}`, () => {
      assert.deepEqual(spellings.map((s) => placeIdentityKey(place(s))), spellings.map(() => key));
    });
  }

  it('keeps the record an entity stores: id, name, alpha-3 country and coordinates only', () => {
    const identity = placeIdentity(place('Dayr az-Zawr'))!;
    assert.deepEqual(Object.keys(identity.place).sort(), ['country', 'id', 'lat', 'lon', 'name']);
    assert.deepEqual([identity.place.id, identity.place.name, identity.place.country], ['geonames:170794', 'Deir ez-Zor', 'SYR']);
    assert.equal(identity.confidence, 'high');
  });

  it('gives no key to a mention that is not a place, or links to no record', () => {
    assert.equal(placeIdentityKey({ type: 'PERSON', text: 'Mosul' }), null);
    assert.equal(placeIdentityKey(place('Police')), null);
    assert.equal(placeIdentityKey(place('Of')), null);
    assert.equal(placeIdentityKey(place('Xqzzyvlle')), null);
  });

  it('reads the countries of a document from its clear places, and links the rest in their light', () => {
    const mentions = [place('Hit'), place('Ramadi'), place('Syria'), place('Tripoli'), { type: 'ORG' as const, text: 'Jordan' }];
    const context = placeContextOf(mentions);
    // Tripoli is no clear place (Libya or Lebanon), and an ORG mention is no place at all.
    assert.deepEqual(context, { countries: ['IRQ', 'SYR'] });
    assert.equal(placeIdentityKey(place('Hit')), null);
    assert.equal(placeIdentityKey(place('Hit'), context), 'geonames:95788');
  });
});
