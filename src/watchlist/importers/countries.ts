// Country names and codes as the lists write them ("Korea, North", "Iran (Islamic Republic of)", "ir") → ISO 3166-1 alpha-3.
// i18n-iso-countries knows the ISO and common English names; the table below adds the lists' own spellings it lacks.
import countries from 'i18n-iso-countries/index.js';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

// Registering a locale only adds its names to the library's table; doing it twice changes nothing.
countries.registerLocale(english);

/**
 * Spellings used by OFAC, the UN and FollowTheMoney that the library does not resolve, lower-cased.
 * Kosovo has no ISO code: we use XKX, the user-assigned code the EU and the IMF use (ICAO 9303 travel documents say RKS).
 */
const listSpellings: Record<string, string> = {
  burma: 'MMR',
  'korea, north': 'PRK',
  "democratic people's republic of korea": 'PRK',
  'korea, south': 'KOR',
  'congo, democratic republic of the': 'COD',
  'congo, republic of the': 'COG',
  'iran (islamic republic of)': 'IRN',
  syria: 'SYR',
  'cabo verde': 'CPV',
  laos: 'LAO',
  moldova: 'MDA',
  'venezuela (bolivarian republic of)': 'VEN',
  'bolivia (plurinational state of)': 'BOL',
  'macedonia, the former yugoslav republic of': 'MKD',
  palestinian: 'PSE',
  'west bank': 'PSE',
  gaza: 'PSE',
  uae: 'ARE',
  // The UN's short form in document notes ("CAR diplomatic passport no. …"); ISO's code is CAF.
  car: 'CAF',
  macau: 'MAC',
  kosovo: 'XKX',
  xk: 'XKX',
  xkk: 'XKX',
  // FollowTheMoney's codes for states that no longer exist map to their ISO 3166-3 alpha-3 codes.
  suhh: 'SUN',
  yucs: 'YUG',
  csxx: 'SCG',
  ddde: 'DDR',
};

/** Words that mean "not known" where a country is expected; they are not an error, just nothing. */
const unknownMarkers = new Set(['', 'na', 'n/a', 'unknown', '-0-']);

export function isUnknownCountry(text: string): boolean {
  return unknownMarkers.has(text.trim().toLowerCase());
}

/** The alpha-3 code for a country name, alpha-2 or alpha-3 code (any case); null when it is not a country we know. */
export function countryCode(text: string): string | null {
  const cleaned = text.trim().replace(/\.$/, '').replace(/[‘’]/g, "'");
  const lower = cleaned.toLowerCase();
  const listed = listSpellings[lower];
  if (listed !== undefined) return listed;
  if (/^[a-z]{2}$/i.test(cleaned)) return countries.alpha2ToAlpha3(cleaned.toUpperCase()) ?? null;
  if (/^[a-z]{3}$/i.test(cleaned)) {
    const upper = cleaned.toUpperCase();
    if (countries.isValid(upper)) return upper;
  }
  const byName = countries.getAlpha3Code(cleaned, 'en') ?? countries.getSimpleAlpha3Code(cleaned, 'en');
  if (byName !== undefined) return byName;
  // "the Netherlands", "the Philippines"
  return /^the\s/i.test(cleaned) ? countryCode(cleaned.replace(/^the\s+/i, '')) : null;
}

/** FollowTheMoney's country code (ISO alpha-2, lower case) for an alpha-3 code; null where ISO has none (e.g. ICAO's "D"). */
export function ftmCountry(alpha3: string): string | null {
  return countries.alpha3ToAlpha2(alpha3)?.toLowerCase() ?? null;
}
