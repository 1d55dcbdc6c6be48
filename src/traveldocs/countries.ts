// Three-letter codes of issuing states and nationalities in machine-readable zones (ICAO 9303-3 §5): ISO 3166-1
// alpha-3 codes, resolved with i18n-iso-countries, plus the codes ICAO itself assigns, in the table below.
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

// Registering a locale only adds its names to the library's table; doing it twice changes nothing.
countries.registerLocale(english);

/** Codes that ICAO 9303-3 §5 adds to or uses instead of ISO 3166-1, with what they stand for. */
export const icaoCodes: Readonly<Record<string, string>> = {
  // ICAO 9303-3 §5: Germany writes D (followed by fillers), not DEU.
  D: 'Germany',
  // British nationality categories (9303-3 §5, United Kingdom).
  GBD: 'British Overseas Territories citizen',
  GBN: 'British National (Overseas)',
  GBO: 'British Overseas citizen',
  GBP: 'British protected person',
  GBS: 'British subject',
  // Kosovo: the code ICAO assigned (RKS); ISO 3166-1 has none.
  RKS: 'Kosovo',
  // Organisations that issue travel documents.
  EUE: 'European Union',
  UNO: 'United Nations Organization or one of its officials',
  UNA: 'Specialized agency of the United Nations or one of its officials',
  UNK: 'Resident of Kosovo issued a travel document by the UN Interim Administration Mission in Kosovo',
  XBA: 'African Development Bank',
  XIM: 'African Export–Import Bank',
  XCC: 'Caribbean Community (CARICOM) or one of its emissaries',
  XCE: 'Council of Europe',
  XCO: 'Common Market for Eastern and Southern Africa (COMESA)',
  XEC: 'Economic Community of West African States (ECOWAS)',
  XES: 'Organisation of Eastern Caribbean States',
  XMP: 'Parliamentary Assembly of the Mediterranean',
  XOM: 'Sovereign Military Order of Malta or one of its emissaries',
  XPO: 'International Criminal Police Organization (INTERPOL)',
  XDC: 'Southern African Development Community',
  // Persons without a nationality or with one not stated.
  XXA: 'Stateless person (1954 Convention relating to the Status of Stateless Persons)',
  XXB: 'Refugee (1951 Convention relating to the Status of Refugees)',
  XXC: 'Refugee other than under the 1951 Convention',
  XXX: 'Person of unspecified nationality',
  // The fictitious state that issues the ICAO 9303 specimen documents.
  UTO: 'Utopia',
};

export interface MrzCountry {
  code: string;
  name: string;
  source: 'ISO 3166-1' | 'ICAO 9303-3';
}

const isoAlpha3 = new Set(Object.keys(countries.getAlpha3Codes()));

/** The state or organisation a code stands for (fillers already removed: "D", "UTO"); null when it is no known code. */
export function mrzCountry(code: string): MrzCountry | null {
  const icao = icaoCodes[code];
  if (icao !== undefined) return { code, name: icao, source: 'ICAO 9303-3' };
  // Only alpha-3: a two-letter field ("GB<") is not ISO's alpha-2 code, it is a wrong MRZ code.
  if (!isoAlpha3.has(code)) return null;
  const name = countries.getName(code, 'en');
  return name === undefined ? null : { code, name, source: 'ISO 3166-1' };
}
