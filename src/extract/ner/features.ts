// Feature strings for each token of a sentence: the word, its lower-case form and shapes, affixes, case,
// sentence position, a ±2 window of words and shapes, and hits in the project's own gazetteers.
// Tag-to-tag features are not here: the decoder scores transitions itself (see perceptron.ts).
import { normaliseText } from '../../names/index.js';
import { givenNames, nameParticles, notNames, orgDesignators, orgLeaders, personRoles, personTitles } from '../gazetteer/names.js';
import { placeDesignators, placeNames } from '../gazetteer/places.js';
import { tokenizeSpan } from './tokenize.js';

/** Character classes, runs capped at four: "Mosul" → "Xxxxx", "UN" → "XX", "1990" → "dddd", "al-Nusra" → "xx-Xxxxx". */
export function wordShape(word: string): string {
  let shape = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 4) shape += c;
  }
  return shape;
}

/** The shape with every run collapsed to one class: "Mosul" → "Xx", "UN" → "X", "1990" → "d". */
export function shortShape(word: string): string {
  return wordShape(word).replace(/(.)\1+/gu, '$1');
}

function caseClass(word: string): string {
  if (!/\p{L}/u.test(word)) return /\p{N}/u.test(word) ? 'number' : 'punct';
  if (word === word.toLowerCase()) return 'lower';
  if (word === word.toUpperCase()) return 'upper';
  if (/^\p{Lu}[^\p{Lu}]*$/u.test(word)) return 'title';
  return 'mixed';
}

/** Place names as lower-case token sequences, keyed by their first token, for longest-match lookup. */
const placesByFirstToken = new Map<string, string[][]>();
for (const name of placeNames) {
  const tokens = tokenizeSpan(name).map((t) => normaliseText(t.text));
  if (tokens.length === 0) continue;
  const list = placesByFirstToken.get(tokens[0]!) ?? [];
  list.push(tokens);
  placesByFirstToken.set(tokens[0]!, list);
}

/** For each token: 'B' or 'I' where it starts or continues a gazetteer place name (longest match first), else null. */
export function placeMatches(folded: readonly string[]): ('B' | 'I' | null)[] {
  const marks: ('B' | 'I' | null)[] = folded.map(() => null);
  let i = 0;
  while (i < folded.length) {
    let best = 0;
    for (const place of placesByFirstToken.get(folded[i]!) ?? []) {
      if (place.length > best && place.every((t, k) => folded[i + k] === t)) best = place.length;
    }
    if (best === 0) {
      i++;
      continue;
    }
    marks[i] = 'B';
    for (let k = 1; k < best; k++) marks[i + k] = 'I';
    i += best;
  }
  return marks;
}

function gazetteerHits(lower: string, folded: string): string[] {
  const hits: string[] = [];
  if (givenNames.has(folded)) hits.push('given');
  if (nameParticles.has(lower) || /^(?:abu|ibn|bin|umm)-/.test(lower)) hits.push('particle');
  if (personTitles.has(lower.replace(/\.$/, ''))) hits.push('title');
  if (personRoles.has(lower)) hits.push('role');
  if (orgDesignators.has(lower)) hits.push('org-designator');
  if (orgLeaders.has(lower)) hits.push('org-leader');
  if (placeDesignators.has(lower)) hits.push('place-designator');
  if (notNames.has(lower)) hits.push('not-name');
  return hits;
}

const boundary = ['<s>', '<s>', '</s>', '</s>'] as const;
const runConnectors = new Set(['of', 'the', 'de', 'del', 'la', 'le', 'du', 'da', 'von', 'van', 'and', '&', 'al', 'el', 'bin', 'ibn', 'for', 'on']);

/**
 * For each token inside a run of capitalised words (connectors such as "of" allowed between them), the run's
 * first and last word, length and the token's place in it: the head word that types a long name ("St. Lawrence
 * River", "Ministry of Oil") often lies beyond the ±2 window.
 */
export function capitalisedRuns(tokens: readonly string[]): ({ text: string; first: string; last: string; length: number; index: number } | null)[] {
  const capitalised = tokens.map((t) => /^[\p{Lu}\p{N}]/u.test(t));
  const out: ({ text: string; first: string; last: string; length: number; index: number } | null)[] = tokens.map(() => null);
  let i = 0;
  while (i < tokens.length) {
    if (!capitalised[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      let k = j;
      while (k < tokens.length && runConnectors.has(tokens[k]!.toLowerCase()) && !capitalised[k]) k++;
      if (k < tokens.length && capitalised[k] && (k === j || k - j <= 2)) j = k + 1;
      else break;
    }
    const text = tokens.slice(i, j).join(' ').toLowerCase();
    const first = tokens[i]!.toLowerCase();
    const last = tokens[j - 1]!.toLowerCase();
    for (let k = i; k < j; k++) out[k] = { text, first, last, length: j - i, index: k - i };
    i = j;
  }
  return out;
}

/** One list of feature strings per token. Pure and deterministic: training and tagging share it. */
export function sentenceFeatures(tokens: readonly string[]): string[][] {
  const lower = tokens.map((t) => t.toLowerCase());
  const folded = tokens.map((t) => normaliseText(t));
  const shapes = tokens.map(wordShape);
  const short = shapes.map((s) => s.replace(/(.)\1+/gu, '$1'));
  const hits = lower.map((l, i) => gazetteerHits(l, folded[i]!));
  const places = placeMatches(folded);
  const runs = capitalisedRuns(tokens);
  const allCapitalised = tokens.every((t) => !/^\p{Ll}/u.test(t));
  const at = <T>(list: readonly T[], i: number): T | string => (i < 0 ? boundary[0] : i >= list.length ? boundary[2] : list[i]!);

  return tokens.map((word, i) => {
    const features = ['bias', `w=${word}`, `l=${lower[i]}`, `s=${shapes[i]}`, `ss=${short[i]}`, `case=${caseClass(word)}`];
    const chars = [...word];
    for (let n = 1; n <= 4 && n <= chars.length; n++) {
      features.push(`p${n}=${chars.slice(0, n).join('')}`, `x${n}=${chars.slice(-n).join('')}`);
    }
    if (word.includes('-')) features.push('hyphen');
    if (/\p{N}/u.test(word)) features.push('digit');
    if (i === 0) features.push('first', `first-case=${caseClass(word)}`);
    if (i === tokens.length - 1) features.push('last');
    // WikiANN has many "sentences" that are one name or a list of names: length and case of the whole line help.
    features.push(`length=${Math.min(tokens.length, 8)}`, `all-capitalised=${allCapitalised}`);
    for (const offset of [-2, -1, 1, 2]) {
      features.push(`l${offset}=${at(lower, i + offset)}`, `ss${offset}=${at(short, i + offset)}`);
    }
    features.push(`s-1|s=${at(shapes, i - 1)}|${shapes[i]}`, `s|s+1=${shapes[i]}|${at(shapes, i + 1)}`);
    features.push(`l-1|l=${at(lower, i - 1)}|${lower[i]}`, `l|l+1=${lower[i]}|${at(lower, i + 1)}`);
    features.push(`l-1|ss=${at(lower, i - 1)}|${short[i]}`, `ss|l+1=${short[i]}|${at(lower, i + 1)}`);
    features.push(`x3-1=${String(at(lower, i - 1)).slice(-3)}`, `x3+1=${String(at(lower, i + 1)).slice(-3)}`);
    for (const hit of hits[i]!) features.push(`gz=${hit}`);
    for (const hit of hits[i - 1] ?? []) features.push(`gz-1=${hit}`);
    for (const hit of hits[i + 1] ?? []) features.push(`gz+1=${hit}`);
    if (places[i]) features.push(`gz=place-${places[i]}`);
    const run = runs[i];
    if (run && run.length > 1) {
      const place = run.index === 0 ? 'first' : run.index === run.length - 1 ? 'last' : 'inside';
      features.push(`run-last=${run.last}`, `run-first=${run.first}`, `run-length=${Math.min(run.length, 5)}`, `run-at=${place}`);
      features.push(`run=${run.text}`, `run|at=${run.text}|${run.index}`);
      features.push(`run-last|at=${run.last}|${place}`, `run-last-x3=${run.last.slice(-3)}`, `run-first|last=${run.first}|${run.last}`);
    }
    return features;
  });
}
