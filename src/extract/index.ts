// extract: finds mentions (people, organisations, places, phones, e-mails, passport numbers) in text,
// with character offsets and the rule that found each. Pure: no store, no I/O.
export type { ExtractedMention } from './mention.js';
export { extractMentions } from './extract-mentions.js';
export { normaliseDate } from './patterns/dates.js';
export { splitSentences, type Span } from './sentences.js';
// Facts by pattern, with normalised values: not yet kept as mentions by extractMentions (see docs/architecture.md).
export type { Found, PatternType } from './patterns/found.js';
export { findMoney, type MoneyFound, type MoneyValue, type MoneyOptions } from './patterns/money.js';
export { findCounts, type CountFound, type CountValue } from './patterns/counts.js';
export { findDates, type DateFound, type DateOptions } from './patterns/date-mentions.js';
export { findCoordinates, type CoordinatesFound, type CoordinatesValue } from './patterns/coordinates.js';
export { findUrls, normaliseUrl, type UrlFound } from './patterns/urls.js';
