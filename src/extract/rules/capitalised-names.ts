// Baseline PERSON / ORG / LOCATION extraction: runs of capitalised words (with Arabic particles and
// "of" inside), classified by designators, gazetteers, name particles, given names and the word before.
// Precision over recall: a run that no rule explains is left out. The trained model replaces this later.
import { memoiseString, normaliseText as normaliseTextUncached } from '../../names/index.js';
import type { EntityType } from '../../store/index.js';
import { givenNames, nameConnectors, nameParticles, notNames, orgDesignators, orgLeaders, personRoles, personTitles } from '../gazetteer/names.js';
import { placeDesignators, placeNames } from '../gazetteer/places.js';
import type { ExtractedMention } from '../mention.js';
import type { Span } from '../sentences.js';
import { findArabicProseNames, isArabicProse } from './arabic-prose.js';

// The rules ask about the same few thousand words and runs again and again: their normal forms are remembered.
const normaliseText = memoiseString(normaliseTextUncached, 50_000, 64);

interface Token {
  text: string;
  start: number;
  end: number;
}

const tokenPattern = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*|[^\s\p{L}\p{M}\p{N}]/gu;
const hyphenParticle = /^(?:al|el|ez|es|ed|ad|as|ash|at|ath|az|ar|an|ud|ul|ibn|bin|abu)-\p{Lu}/u;
const arabicScript = /\p{Script=Arabic}/u;
const speechVerbs = new Set(['said', 'says', 'told', 'added', 'denied', 'claimed', 'stated', 'confirmed', 'wrote', 'explained', 'reported']);
const locativeCues = new Set(['in', 'near', 'to', 'from', 'outside', 'towards', 'toward', 'around', 'across', 'into', 'via', 'through']);
const knownAcronyms = new Set(['SDF', 'ISF', 'YPG', 'YPJ', 'PKK', 'PYD', 'ISIS', 'ISIL', 'IS', 'UN', 'EU', 'NATO', 'FSA', 'HTS', 'PMF', 'PMU', 'KRG', 'CIA', 'FBI', 'SOHR']);
const articleWords = new Set(['the', 'a', 'an']);
const arabicKunya = new Set(['أبو', 'ابو', 'أم', 'ام', 'بن', 'ابن']);

const gazetteer = new Set(placeNames.map(placeKey));
function placeKey(name: string): string {
  return normaliseText(name.replace(/^(?:al|el|ar|ad|as|az|ash)[-\s]/i, ''));
}

function isNameToken(token: Token): boolean {
  const t = token.text;
  if (arabicScript.test(t)) return true;
  if (hyphenParticle.test(t)) return true;
  if (!/^\p{Lu}/u.test(t)) return false;
  // ALL-CAPS words longer than an acronym are headings ("CLASSIFICATION"), not names.
  return !(t.length > 6 && t === t.toUpperCase());
}

function classify(words: string[], previous: string | null, next: string | null, acronyms: Map<string, EntityType>):
  { type: EntityType; confidence: number; method: string; drop: number } | null {
  const lower = words.map((w) => w.toLowerCase().replace(/['’]s$/, ''));
  const joined = words.join(' ');
  if (words.length === 1 && /^\p{Lu}{2,6}$/u.test(words[0]!)) {
    const defined = acronyms.get(words[0]!);
    if (defined) return { type: defined, confidence: 0.85, method: 'rule:acronym', drop: 0 };
    if (knownAcronyms.has(words[0]!)) return { type: 'ORG', confidence: 0.7, method: 'rule:known-acronym', drop: 0 };
    return null;
  }
  if (words.every((w) => arabicScript.test(w))) {
    if (words.length < 2 || words.length > 6) return null;
    const kunya = words.some((w) => arabicKunya.has(w));
    return { type: 'PERSON', confidence: kunya ? 0.75 : 0.55, method: 'rule:arabic-script-name', drop: 0 };
  }
  let drop = 0;
  while (drop < lower.length - 1 && articleWords.has(lower[drop]!)) drop++;
  const rest = lower.slice(drop);
  const last = rest[rest.length - 1]!;
  if (orgDesignators.has(last) && rest.length >= 2) return { type: 'ORG', confidence: 0.8, method: 'rule:org-designator', drop };
  if (orgLeaders.has(rest[0]!) && rest.length >= 2) return { type: 'ORG', confidence: 0.75, method: 'rule:org-leader', drop };
  // After articles, drop capitalised sentence starters and adjectives ("According", "Syrian").
  while (drop < lower.length - 1 && notNames.has(lower[drop]!)) drop++;
  const core = lower.slice(drop);
  if (core.length === 1 && notNames.has(core[0]!)) return null;
  if (gazetteer.has(placeKey(words.slice(drop).join(' ')))) return { type: 'LOCATION', confidence: 0.9, method: 'rule:gazetteer', drop };
  if (placeDesignators.has(core[core.length - 1]!) && core.length >= 2) {
    return { type: 'LOCATION', confidence: 0.7, method: 'rule:place-designator', drop };
  }
  if (personTitles.has(core[0]!) && core.length >= 2) return { type: 'PERSON', confidence: 0.8, method: 'rule:title', drop: drop + 1 };
  if (core.some((w) => nameParticles.has(w) || /^(?:abu|ibn|bin)-/.test(w)) && core.length >= 2) {
    return { type: 'PERSON', confidence: 0.85, method: 'rule:name-particle', drop };
  }
  if (previous && personRoles.has(previous.toLowerCase()) && !notNames.has(core[0]!)) {
    return { type: 'PERSON', confidence: 0.75, method: 'rule:role-cue', drop };
  }
  if (givenNames.has(normaliseText(core[0]!)) && core.length >= 2) return { type: 'PERSON', confidence: 0.8, method: 'rule:given-name', drop };
  if (next && speechVerbs.has(next.toLowerCase()) && core.length >= 2) return { type: 'PERSON', confidence: 0.65, method: 'rule:speech-verb', drop };
  if (previous && locativeCues.has(previous.toLowerCase()) && core.length <= 3 && !joined.includes(' of ') && !/\d/.test(joined)) {
    // "paid to Abdulrahman": a lone given name after a preposition is a person, not a place.
    if (core.length === 1 && givenNames.has(normaliseText(core[0]!))) return { type: 'PERSON', confidence: 0.55, method: 'rule:given-name-alone', drop };
    return { type: 'LOCATION', confidence: 0.5, method: 'rule:locative-cue', drop };
  }
  return null;
}

/** Finds capitalised-name mentions in one sentence of `text`. */
export function findCapitalisedNames(text: string, sentence: Span, acronyms: Map<string, EntityType>): ExtractedMention[] {
  const tokens: Token[] = [];
  for (const m of text.slice(sentence.start, sentence.end).matchAll(tokenPattern)) {
    tokens.push({ text: m[0], start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
  }
  const out: ExtractedMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens[i]!)) {
      i++;
      continue;
    }
    const script = arabicScript.test(tokens[i]!.text);
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (isNameToken(t) && arabicScript.test(t.text) === script && text.slice(tokens[j - 1]!.end, t.start).trim() === '') {
        j++;
        continue;
      }
      // An initial ("M. Emin Karaca") continues the name.
      const initial = tokens[j - 1]!;
      if (t.text === '.' && /^\p{Lu}$/u.test(initial.text) && j + 1 < tokens.length && isNameToken(tokens[j + 1]!)) {
        j += 2;
        continue;
      }
      // A lower-case connector continues the name only if a name token follows it.
      let k = j;
      while (k < tokens.length && !script && (nameConnectors.has(tokens[k]!.text) || (tokens[k]!.text === 'the' && tokens[k - 1]?.text === 'of'))) k++;
      if (k > j && k < tokens.length && isNameToken(tokens[k]!) && !arabicScript.test(tokens[k]!.text)) {
        j = k + 1;
        continue;
      }
      break;
    }
    const run = tokens.slice(i, j);
    const previous = i > 0 ? tokens[i - 1]!.text : null;
    const next = j < tokens.length ? tokens[j]!.text : null;
    const words = run.filter((t) => t.text !== '.');
    const inProse = script ? findArabicProseNames(words) : [];
    const wholeRun = inProse.length === 1 && inProse[0]!.start === words[0]!.start && inProse[0]!.end === words[words.length - 1]!.end;
    if (script && (isArabicProse(words.map((t) => t.text)) || (inProse.length > 0 && !wholeRun))) {
      // A run of Arabic prose, not one name: the names in it are found from their anchors.
      for (const found of inProse) {
        out.push({ type: found.type, text: text.slice(found.start, found.end), start: found.start, end: found.end, confidence: found.confidence, method: found.method });
      }
      i = j;
      continue;
    }
    const verdict = classify(words.map((t) => t.text), previous, next, acronyms);
    if (verdict && verdict.drop < words.length) {
      const start = words[verdict.drop]!.start;
      let end = run[run.length - 1]!.end;
      const possessive = /['’]s$/.exec(text.slice(start, end));
      if (possessive) end -= 2;
      out.push({ type: verdict.type, text: text.slice(start, end), start, end, confidence: verdict.confidence, method: verdict.method });
    }
    i = j;
  }
  return out;
}
