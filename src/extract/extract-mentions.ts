// Runs every extractor over a document's text and merges their mentions:
// - values found by pattern (phones, e-mails, passports, money, counts, dates, coordinates, URLs) win over any
//   name run that overlaps them;
// - acronym definitions give a long form and its acronym, and later uses point back at the long form;
// - PERSON / ORG / LOCATION come from the trained model and from the rules together: where they agree the
//   mention is kept with both methods, where they overlap the more confident reading wins, and a rule reading
//   (Arabic script, designators, gazetteer) fills what the model misses.
import { VigilError } from '../errors.js';
import type { EntityType } from '../store/index.js';
import { findModelEntities, loadNerModel, type NerModel } from './ner/index.js';
import type { ExtractedMention } from './mention.js';
import { coordinatesValueText, countValueText, dateValueText, moneyValueText, patternMention } from './pattern-mentions.js';
import { readReferenceDate } from './patterns/calendar.js';
import { findCoordinates } from './patterns/coordinates.js';
import { findCounts } from './patterns/counts.js';
import { findDates } from './patterns/date-mentions.js';
import { withoutOverlaps } from './patterns/found.js';
import { findEmails, findMrzPassports, findPassportNumbers, findPhoneNumbers } from './patterns/identifiers.js';
import { findMoney } from './patterns/money.js';
import { findUrls } from './patterns/urls.js';
import { linkPlace } from './gazetteer/index.js';
import { genericWords, nameConnectors, notNames } from './gazetteer/names.js';
import { findAcronymDefinitions } from './rules/acronyms.js';
import { arabicOrgWords } from './rules/arabic-prose.js';
import { findCapitalisedNames } from './rules/capitalised-names.js';
import { splitSentences, type Span } from './sentences.js';

export interface ExtractOptions {
  /**
   * The document's own date (ISO 8601, possibly partial: "2019-04-12", "2019-04"). Relative dates ("yesterday",
   * "two months ago") are read against it and are left out without it.
   */
  reference?: string | null;
  /**
   * The document's country (ISO 3166-1 alpha-2, "SY"): local phone numbers ("0944 123 456") are read in it. Absent
   * or null: the country most of the document's international numbers belong to, and no local numbers without one.
   * A code libphonenumber does not know is a VigilError.
   */
  country?: string | null;
  /** The PERSON/ORG/LOCATION model; `null` for the rules alone. Default: the shipped model, loaded on first use. */
  model?: NerModel | null;
  /** Model mentions less sure than this (the lowest per-token marginal) are dropped. */
  minModelConfidence?: number;
}

/** Below this the model's guesses were mostly wrong on the in-domain sentences (eval:ner in-domain split). */
const defaultMinModelConfidence = 0.6;
/** The model reads long sentences in windows of about this many characters, cut at white space. */
const modelWindow = 2_000;

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

const lowerCaseWord = /^\p{Ll}+$/u;

/**
 * A name that names no one: a word that is not a name standing alone ("Payer", "CALLER", "French"), or a
 * description that only its first word capitalises ("Iraqi forces", "Turkish news agency", "Biographical note").
 * Particles and connectors keep a name whole ("Jabhat al-Nusra", "Abu bakr" is no description).
 */
function isGenericName(text: string): boolean {
  const words = text.split(/\s+/);
  const first = words[0]!.toLowerCase();
  if (words.length === 1) return notNames.has(first) || genericWords.has(first);
  return words.slice(1).every((w) => lowerCaseWord.test(w) && !nameConnectors.has(w));
}

/** Sorted, non-overlapping spans: does any of them overlap `span`? Binary search, so a 100k-mention text stays linear. */
function overlapsAny(sorted: readonly Span[], span: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]!.start < span.end;
}

/** A document date relative dates can be read against; a date the document got wrong ("2019-02-30") is none. */
function isValidReference(reference: string): boolean {
  try {
    readReferenceDate(reference);
    return true;
  } catch (error) {
    if (error instanceof VigilError) return false;
    throw error;
  }
}

/** Sorted spans: does any of them, overlapping one another or not, overlap `span`? (`reach[i]`: the furthest end up to i.) */
function overlapsAnyOf(sorted: readonly Span[], reach: readonly number[], span: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < span.end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && reach[lo - 1]! > span.start;
}

/**
 * Every value found by pattern, as mentions without overlaps: the earliest, then longest, reading wins, and on the
 * same span the one listed first (identifiers). Local phone numbers come last: read against a country and not
 * marked by a plus sign, they are the least sure, so any other reading of their characters (an international
 * number, a date, a sum, a passport number), kept or not, wins.
 */
function findValues(text: string, reference: string | null, country: string | null): ExtractedMention[] {
  const phones = findPhoneNumbers(text, { country });
  const found: ExtractedMention[] = [
    ...phones.international,
    ...findEmails(text),
    ...findPassportNumbers(text),
    ...findMrzPassports(text),
    ...findUrls(text).map((f) => patternMention(f, (url) => url)),
    ...findMoney(text).map((f) => patternMention(f, moneyValueText)),
    ...findCounts(text).map((f) => patternMention(f, countValueText)),
    ...findDates(text, reference ? { reference } : {}).map((f) => patternMention(f, dateValueText)),
    ...findCoordinates(text).map((f) => patternMention(f, coordinatesValueText)),
  ];
  const values = withoutOverlaps(found);
  if (phones.local.length === 0) return values;
  const sorted = [...found].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const m of sorted) reach.push(Math.max(m.end, reach[reach.length - 1] ?? -1));
  const local = phones.local.filter((m) => !overlapsAnyOf(sorted, reach, m));
  return [...values, ...local].sort((a, b) => a.start - b.start);
}

/** Pieces of a sentence the model reads at once: the sentence, or windows of it cut at white space. */
function modelPieces(text: string, sentence: Span): Span[] {
  if (sentence.end - sentence.start <= modelWindow) return [sentence];
  const pieces: Span[] = [];
  let start = sentence.start;
  while (start < sentence.end) {
    let end = Math.min(sentence.end, start + modelWindow);
    if (end < sentence.end) {
      const space = text.lastIndexOf(' ', end);
      if (space > start + modelWindow / 2) end = space;
    }
    pieces.push({ start, end });
    start = end;
  }
  return pieces;
}

interface NameCandidate extends ExtractedMention {
  source: 'model' | 'rule';
}

/**
 * One reading per stretch of text: the model's and the rules' mentions of a sentence, agreeing ones joined,
 * then the most confident of any overlapping readings kept (longer first on a tie).
 */
function reconcileNames(model: ExtractedMention[], rules: ExtractedMention[]): ExtractedMention[] {
  const candidates: NameCandidate[] = [];
  const ruleBySpan = new Map(rules.map((r) => [`${r.start}:${r.end}`, r]));
  const joined = new Set<ExtractedMention>();
  for (const m of model) {
    const rule = ruleBySpan.get(`${m.start}:${m.end}`);
    if (rule && rule.type === m.type) {
      joined.add(rule);
      const confidence = Math.min(0.99, Math.max(m.confidence, rule.confidence) + 0.05);
      candidates.push({ ...m, confidence: Math.round(confidence * 1000) / 1000, method: `${m.method}+${rule.method}`, source: 'model' });
    } else {
      candidates.push({ ...m, source: 'model' });
    }
  }
  for (const r of rules) if (!joined.has(r)) candidates.push({ ...r, source: 'rule' });
  candidates.sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: ExtractedMention[] = [];
  for (const c of candidates) {
    if (kept.some((k) => overlaps(k, c))) continue;
    const { source: _source, ...mention } = c;
    kept.push(mention);
  }
  return kept;
}

export function extractMentions(text: string, options: ExtractOptions = {}): ExtractedMention[] {
  const reference = options.reference && isValidReference(options.reference) ? options.reference : null;
  const country = options.country ?? null;
  const model = options.model === undefined ? loadNerModel() : options.model;
  const minModelConfidence = options.minModelConfidence ?? defaultMinModelConfidence;
  const values = findValues(text, reference, country);
  const definitions = findAcronymDefinitions(text);
  const sentences = splitSentences(text);
  const sentenceOf = sentenceLocator(sentences);

  // Acronym long forms are typed by the same rules as any name run (default ORG).
  const acronymTypes = new Map<string, EntityType>();
  const definitionMentions: ExtractedMention[] = [];
  const definitionByLongStart = new Map<number, string>();
  const namesBySentence = new Map<number, ExtractedMention[]>();
  for (const d of definitions) {
    const sentence = sentenceOf(d.long.start) ?? { start: d.long.start, end: d.long.end };
    // One rule pass per sentence however many definitions it holds (a table of them would be quadratic).
    let inSentence = namesBySentence.get(sentence.start);
    if (!inSentence) namesBySentence.set(sentence.start, (inSentence = findCapitalisedNames(text, sentence, new Map())));
    const typed = inSentence.find((m) => m.end === d.long.end);
    const type: EntityType = typed?.type === 'LOCATION' || typed?.type === 'PERSON' ? typed.type : 'ORG';
    acronymTypes.set(d.acronym, type);
    definitionByLongStart.set(d.long.start, d.acronym);
    const long: ExtractedMention = { type, text: d.long.text, start: d.long.start, end: d.long.end, confidence: 0.9, method: 'rule:acronym-definition' };
    definitionMentions.push(long, { type, text: d.acronym, start: d.short.start, end: d.short.end, confidence: 0.9, method: 'rule:acronym-definition' });
  }
  const taken = [...values, ...definitionMentions].sort((a, b) => a.start - b.start);
  const free = (m: Span) => !overlapsAny(taken, m);

  const names: ExtractedMention[] = [];
  for (const sentence of sentences) {
    const rules = findCapitalisedNames(text, sentence, acronymTypes).filter(free);
    const found = model
      ? modelPieces(text, sentence)
          .flatMap((piece) => findModelEntities(text, piece, model))
          .filter((m) => m.confidence >= minModelConfidence && free(m) && !acronymTypes.has(m.text))
      : [];
    for (const m of found.length > 0 ? reconcileNames(found, rules) : rules) names.push(m);
  }
  const all = [...values, ...definitionMentions, ...names.filter((m) => !isGenericName(m.text))].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const m of all) m.sentence = sentenceOf(m.start) ?? { start: m.start, end: m.end };

  // Each acronym use refers back to the long form it abbreviates.
  const longIndex = new Map<string, number>();
  all.forEach((m, index) => {
    if (m.method !== 'rule:acronym-definition') return;
    const acronym = definitionByLongStart.get(m.start);
    if (acronym !== undefined && m.text !== acronym) longIndex.set(acronym, index);
  });
  all.forEach((m, index) => {
    const target = longIndex.get(m.text);
    if (target !== undefined && target !== index && (m.type === 'ORG' || m.method.startsWith('rule:acronym'))) m.antecedent = target;
  });
  reclassifyPartialNames(all);
  retypeArabicScriptNames(all);
  linkStatedAliases(text, all);
  return all;
}

// What a text puts between a name and another name it says is the same: "Abu Layth, whose real name is Faisal
// al-Dulaimi", "Mazloum Abdi (also known as Mazloum Kobani)", "Jabhat al-Nusra, later renamed Jabhat Fatah al-Sham".
const aliasConnector = String.raw`\s*(?:,|\(|-|–|—)?\s*(?:(?:also|better|formerly|previously|otherwise)\s+known\s+as|a\.?k\.?a\.?|alias|whose\s+real\s+name\s+(?:is|was)|real\s+name|born(?:\s+as)?|née|nee|nom\s+de\s+guerre|(?:later\s+)?renamed|now\s+called)\s*:?\s*["“'‘]?`;
const statedAlias = new RegExp(`^${aliasConnector}$`, 'iu');
const aliasConnectorPrefix = new RegExp(`^${aliasConnector}`, 'iu');
// The name after the connector when no extractor found it: capitalised words, Arabic articles and particles inside.
const aliasName = /^\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:al|el|ad|ash|as|az|ibn|bin|abu|abou|bint|umm|of|de)[-\s])?\p{Lu}[\p{L}\p{M}'’-]*){0,4}/u;

/**
 * The second of two names the text says are one (see `statedAlias`) points back at the first; when no extractor
 * found the second, the name after the connector becomes a mention of the first one's type.
 */
function linkStatedAliases(text: string, mentions: ExtractedMention[]): void {
  for (let i = 0; i < mentions.length; i++) {
    const earlier = mentions[i]!;
    if (earlier.type !== 'PERSON' && earlier.type !== 'ORG') continue;
    const later = mentions[i + 1];
    if (later && later.antecedent === undefined && later.type === earlier.type && later.start - earlier.end <= 40 && statedAlias.test(text.slice(earlier.end, later.start))) {
      later.antecedent = earlier.antecedent ?? i;
      later.method = `${later.method}+stated-alias`;
      continue;
    }
    const after = text.slice(earlier.end, earlier.end + 200);
    const connector = aliasConnectorPrefix.exec(after);
    const found = connector && connector[0].trim() !== '' ? aliasName.exec(after.slice(connector[0].length)) : null;
    if (!connector || !found || !/\p{L}/u.test(connector[0])) continue;
    const name = found[0].replace(/['’]s$/, '');
    const start = earlier.end + connector[0].length;
    const end = start + name.length;
    if (later && later.start < end) continue;
    mentions.splice(i + 1, 0, {
      type: earlier.type, text: name, start, end, confidence: Math.min(earlier.confidence, 0.8), method: 'rule:stated-alias',
      antecedent: earlier.antecedent ?? i, sentence: earlier.sentence,
    });
    // Antecedents after the insertion point moved one place on.
    for (let k = i + 2; k < mentions.length; k++) {
      const m = mentions[k]!;
      if (m.antecedent !== undefined && m.antecedent > i) m.antecedent++;
    }
  }
}
/**
 * Arabic script has no capitals, so the rules take any run of it for a person's name; a run that is a known place
 * ("دير الزور") is a LOCATION, and one that starts with an organisation word ("مؤسسة نور الخير") an ORG.
 */
function retypeArabicScriptNames(mentions: ExtractedMention[]): void {
  for (const m of mentions) {
    if (m.method !== 'rule:arabic-script-name') continue;
    const first = m.text.split(/\s+/)[0]!;
    if (arabicOrgWords.has(first)) {
      m.type = 'ORG';
      m.method = 'rule:arabic-script-org';
    } else if (linkPlace(m.text)) {
      m.type = 'LOCATION';
      m.method = 'rule:arabic-script-place';
    }
  }
}

/** The sentence holding a character offset, by binary search over the sorted sentence spans. */
function sentenceLocator(sentences: readonly Span[]): (offset: number) => Span | undefined {
  return (offset) => {
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    const s = sentences[lo];
    return s && s.start <= offset ? s : undefined;
  };
}

/**
 * A weakly typed single word that is part of a person's name found in the same document
 * ("according to Mirhan" after "Azad Mirhan") is that person, not a place.
 */
function reclassifyPartialNames(mentions: ExtractedMention[]): void {
  const personTokens = new Map<string, number>();
  mentions.forEach((m, index) => {
    if (m.type !== 'PERSON' || m.confidence < 0.75) return;
    for (const word of m.text.split(/[\s-]+/)) if (/^\p{Lu}\p{L}{2,}$/u.test(word)) personTokens.set(word, index);
  });
  for (const m of mentions) {
    if (m.method !== 'rule:locative-cue' && !(m.method === 'model:perceptron' && m.type === 'LOCATION' && m.confidence < 0.9)) continue;
    const person = personTokens.get(m.text);
    if (person === undefined) continue;
    m.type = 'PERSON';
    m.method = 'rule:partial-name';
    m.antecedent = person;
  }
}
