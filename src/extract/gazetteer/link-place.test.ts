import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeNamedCommonWords } from './common-words.js';
import { lookupPlace } from './gazetteer.js';
import { linkPlace } from './link-place.js';

const link = (name: string, countries?: string[]) => linkPlace(name, countries ? { countries } : {});

describe('linkPlace', () => {
  const linked: { name: string; countries?: string[]; id: string; confidence: 'high' | 'low' }[] = [
    { name: 'Deir ez-Zor', id: 'geonames:170794', confidence: 'high' },
    { name: 'Dayr az-Zawr', id: 'geonames:170794', confidence: 'high' },
    { name: 'دير الزور', id: 'geonames:170794', confidence: 'high' },
    { name: 'Mosul', id: 'geonames:99072', confidence: 'high' },
    { name: 'Rakka', id: 'geonames:172955', confidence: 'high' },
    { name: 'Paris', id: 'geonames:2988507', confidence: 'high' },
    { name: 'Grozny', id: 'geonames:558418', confidence: 'high' },
    { name: 'Washington', id: 'geonames:4140963', confidence: 'high' },
    { name: 'Damascus', id: 'geonames:170654', confidence: 'high' },
    { name: 'Sinjar', id: 'geonames:448149', confidence: 'high' },
    { name: 'Syria', id: 'country:SYR', confidence: 'high' },
    { name: 'سوريا', id: 'country:SYR', confidence: 'high' },
    { name: 'Türkiye', id: 'country:TUR', confidence: 'high' },
    { name: 'US', id: 'country:USA', confidence: 'high' },
    { name: 'Lebanon', id: 'country:LBN', confidence: 'high' },
    { name: 'Baghuz', id: 'vigil:baghuz', confidence: 'high' },
    { name: 'Nineveh Province', id: 'vigil:iq-nineveh-governorate', confidence: 'high' },
    // Libya's Tripoli has five times the people of Lebanon's: picked, but not with confidence.
    { name: 'Tripoli', id: 'geonames:2210247', confidence: 'low' },
    { name: 'Tripoli', countries: ['LB'], id: 'geonames:266826', confidence: 'high' },
    { name: 'Tripoli', countries: ['LBY'], id: 'geonames:2210247', confidence: 'high' },
    // A town in a context country links even as a common word.
    { name: 'Hit', countries: ['IQ'], id: 'geonames:95788', confidence: 'high' },
    { name: 'Van', countries: ['TR'], id: 'geonames:298117', confidence: 'high' },
    { name: 'Mobile', countries: ['US'], id: 'geonames:4076598', confidence: 'high' },
    { name: 'Congo', countries: ['CD'], id: 'country:COD', confidence: 'high' },
    // A variant spelling of a large city links, with low confidence.
    { name: 'Mousil', id: 'geonames:99072', confidence: 'low' },
  ];
  for (const { name, countries, id, confidence } of linked) {
    it(`links "${name}"${countries ? ` in ${countries.join(', ')}` : ''} to ${id} (${confidence})`, () => {
      const found = link(name, countries);
      assert.deepEqual([found?.id, found?.confidence], [id, confidence], `${found?.name} ${found?.country}`);
    });
  }

  const unlinked: { behaviour: string; name: string; countries?: string[] }[] = [
    { behaviour: 'a common English word that names a Turkish town', name: 'Of' },
    { behaviour: 'a common English word that names a Polish town', name: 'Police' },
    { behaviour: 'a common English word that names a town of 190,000', name: 'Mobile' },
    { behaviour: 'a common English word that names small towns', name: 'Hope' },
    { behaviour: 'a common English word that only spelling variants match', name: 'Bank' },
    { behaviour: 'a common English word in capitals', name: 'POLICE' },
    { behaviour: 'a common word outside the context of its town', name: 'Hit', countries: ['SY'] },
    { behaviour: 'a one-word name of a village of 1,248 people', name: 'Us' },
    { behaviour: 'a place name written in lower case', name: 'mosul' },
    { behaviour: 'a name two countries share', name: 'Congo' },
    { behaviour: 'a name no place has', name: 'Xqzzyvlle' },
    { behaviour: 'a one-word name that only a small town spells alike (Sinnai, Sardinia)', name: 'Sinai' },
    { behaviour: 'a person’s name', name: 'Abu Bakr al-Baghdadi' },
    { behaviour: 'an empty name', name: '' },
  ];
  for (const { behaviour, name, countries } of unlinked) {
    it(`does not link ${behaviour} ("${name}")`, () => {
      const found = link(name, countries);
      assert.equal(found, null, `${found?.id} ${found?.name} ${found?.country}`);
    });
  }

  it('links a town of 29,000 under its own spelling but not under a variant of it', () => {
    assert.equal(link('Dayr Hafir')?.id, 'geonames:170785');
    assert.equal(lookupPlace('Deir Hafer')[0]?.matchedBy, 'variant');
    assert.equal(link('Deir Hafer'), null);
  });

  it('counts the other records the name matched', () => {
    const tripoli = link('Tripoli')!;
    assert.ok(tripoli.alternatives >= 2, `${tripoli.alternatives}`);
    assert.equal(link('Deir ez-Sor')!.alternatives, 0);
  });

  it('lists only words that name a place', () => {
    // Each listed word must be a name the gazetteer finds something under, or it does not belong in the list.
    const idle = [...placeNamedCommonWords].filter((word) => lookupPlace(word[0]!.toUpperCase() + word.slice(1)).length === 0);
    assert.deepEqual(idle, []);
  });
});
