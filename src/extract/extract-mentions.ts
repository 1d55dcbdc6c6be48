// Runs every extractor over a document's text and merges their mentions: identifiers found by pattern
// win over overlapping name runs, and acronyms point at their definitions.
import type { EntityType } from '../store/index.js';
import type { ExtractedMention } from './mention.js';
import { findEmails, findMrzPassports, findPassportNumbers, findPhones } from './patterns/identifiers.js';
import { findAcronymDefinitions } from './rules/acronyms.js';
import { findCapitalisedNames } from './rules/capitalised-names.js';
import { splitSentences } from './sentences.js';

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function extractMentions(text: string): ExtractedMention[] {
  const identifiers = [...findPhones(text), ...findEmails(text), ...findPassportNumbers(text), ...findMrzPassports(text)];
  const definitions = findAcronymDefinitions(text);
  const sentences = splitSentences(text);

  // Acronym long forms are typed by the same rules as any name run (default ORG).
  const acronymTypes = new Map<string, EntityType>();
  const definitionMentions: ExtractedMention[] = [];
  for (const d of definitions) {
    const sentence = sentences.find((s) => s.start <= d.long.start && d.long.end <= s.end) ?? { start: d.long.start, end: d.long.end };
    const typed = findCapitalisedNames(text, sentence, new Map()).find((m) => m.end === d.long.end);
    const type: EntityType = typed?.type === 'LOCATION' || typed?.type === 'PERSON' ? typed.type : 'ORG';
    acronymTypes.set(d.acronym, type);
    const long: ExtractedMention = { type, text: d.long.text, start: d.long.start, end: d.long.end, confidence: 0.9, method: 'rule:acronym-definition' };
    definitionMentions.push(long, {
      type,
      text: d.acronym,
      start: d.short.start,
      end: d.short.end,
      confidence: 0.9,
      method: 'rule:acronym-definition',
    });
  }

  const names = sentences
    .flatMap((s) => findCapitalisedNames(text, s, acronymTypes))
    .filter((n) => !identifiers.some((id) => overlaps(id, n)) && !definitionMentions.some((d) => overlaps(d, n)));
  const all = [...identifiers, ...definitionMentions, ...names].sort((a, b) => a.start - b.start || b.end - a.end);

  // Each acronym use refers back to the long form it abbreviates.
  const longIndex = new Map<string, number>();
  all.forEach((m, index) => {
    if (m.method !== 'rule:acronym-definition') return;
    const def = definitions.find((d) => d.long.start === m.start);
    if (def) longIndex.set(def.acronym, index);
  });
  all.forEach((m, index) => {
    const target = longIndex.get(m.text);
    if (target !== undefined && target !== index && (m.type === 'ORG' || m.method.startsWith('rule:acronym'))) m.antecedent = target;
  });
  reclassifyPartialNames(all);
  return all;
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
    if (m.method !== 'rule:locative-cue') continue;
    const person = personTokens.get(m.text);
    if (person === undefined) continue;
    m.type = 'PERSON';
    m.method = 'rule:partial-name';
    m.antecedent = person;
  }
}
