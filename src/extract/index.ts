// extract: finds mentions (people, organisations, places, phones, e-mails, passport numbers) in text,
// with character offsets and the rule that found each. Pure: no store, no I/O.
export type { ExtractedMention } from './mention.js';
export { extractMentions } from './extract-mentions.js';
export { normaliseDate } from './patterns/dates.js';
export { splitSentences, type Span } from './sentences.js';
