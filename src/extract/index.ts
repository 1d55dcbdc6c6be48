// extract: finds mentions (people, organisations, places by a trained model and rules; phones, e-mails, passport
// numbers, money, counts, dates, coordinates, URLs by pattern) in text, with offsets, sentence, confidence and
// the method that found each. Pure: no store, no I/O beyond reading the shipped model once.
export type { ExtractedMention } from './mention.js';
export { extractMentions, type ExtractOptions } from './extract-mentions.js';
export { givenPhoneCountry as documentCountry } from './patterns/local-phones.js';
export { coordinatesValueText, countValueText, dateValueText, moneyValueText } from './pattern-mentions.js';
export { normaliseDate } from './patterns/dates.js';
export { splitSentences, type Span } from './sentences.js';
// Facts by pattern with their structured values (extractMentions keeps them as mentions with a value string).
export type { Found, PatternType } from './patterns/found.js';
export { findMoney, type MoneyFound, type MoneyValue, type MoneyOptions } from './patterns/money.js';
export { findCounts, type CountFound, type CountValue } from './patterns/counts.js';
export { findDates, type DateFound, type DateOptions } from './patterns/date-mentions.js';
export { findCoordinates, type CoordinatesFound, type CoordinatesValue } from './patterns/coordinates.js';
export { findUrls, normaliseUrl, type UrlFound } from './patterns/urls.js';
// Places by name with coordinates (GeoNames cities, ISO countries, the region's curated places).
export {
  countryAlpha3,
  linkPlace,
  lookupPlace,
  placeGazetteer,
  type LinkConfidence,
  type LinkedPlace,
  type PlaceContext,
  type PlaceGazetteer,
  type PlaceMatch,
} from './gazetteer/index.js';
