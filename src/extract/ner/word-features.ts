// What one word contributes to the features of its own token and of its neighbours', worked out once per
// distinct word (callers keep a WordFeatureCache) so that tagging a sentence costs lookups, not string work:
// the word, its lower-case form, shapes, affixes, case class and hits in the project's gazetteers.
import { normaliseText } from '../../names/index.js';
import { givenNames, nameParticles, notNames, orgDesignators, orgLeaders, personRoles, personTitles } from '../gazetteer/names.js';
import { placeDesignators } from '../gazetteer/places.js';
import { hashString, KeyList, template, type Template } from './feature-hash.js';
import type { WordClusters } from './word-clusters.js';

const upperOrDigitStart = /^[\p{Lu}\p{N}]/u;
/** Arabic names whose article or particle is written in lower case before the capitalised part: "al-Baghdadi", "ez-Zor", "bin-Laden". */
const particleThenCapital = /^(?:a[lnrstdz]|e[lnrstdz]|ash|esh|adh|ath|abu|bin|ibn|umm)[-‐‑]\p{Lu}/u;
const lowerStart = /^\p{Ll}/u;
const upperChar = /^\p{Lu}/u;
const letterChar = /^\p{L}/u;
const digitChar = /^\p{N}/u;

/** Character class of one code point: X upper-case letter, x other letter, d digit, else the character itself. */
function charClass(code: number, char: string): string {
  if (code < 128) {
    if (code >= 65 && code <= 90) return 'X';
    if (code >= 97 && code <= 122) return 'x';
    if (code >= 48 && code <= 57) return 'd';
    return char;
  }
  return upperChar.test(char) ? 'X' : letterChar.test(char) ? 'x' : digitChar.test(char) ? 'd' : char;
}

/** Code points of `word` (a surrogate pair is one character). */
function codePoints(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < word.length) {
      out.push(word.slice(i, i + 2));
      i++;
    } else out.push(word[i]!);
  }
  return out;
}

/** Character classes, runs capped at four: "Mosul" → "Xxxxx", "UN" → "XX", "1990" → "dddd", "al-Nusra" → "xx-Xxxxx". */
export function wordShape(word: string): string {
  let shape = '';
  let last = '';
  let run = 0;
  for (const ch of codePoints(word)) {
    const c = charClass(ch.codePointAt(0)!, ch);
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 4) shape += c;
  }
  return shape;
}

/** The shape with every run collapsed to one class: "Mosul" → "Xx", "UN" → "X", "1990" → "d". */
export function shortShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of codePoints(wordShape(word))) {
    if (ch !== last) out += ch;
    last = ch;
  }
  return out;
}

export type CaseClass = 'number' | 'punct' | 'lower' | 'upper' | 'title' | 'mixed';

export function caseClass(word: string): CaseClass {
  const chars = codePoints(word);
  if (!chars.some((c) => letterChar.test(c))) return chars.some((c) => digitChar.test(c)) ? 'number' : 'punct';
  if (word === word.toLowerCase()) return 'lower';
  if (word === word.toUpperCase()) return 'upper';
  if (upperChar.test(chars[0]!) && !chars.slice(1).some((c) => upperChar.test(c))) return 'title';
  return 'mixed';
}

const hitNames = ['given', 'particle', 'title', 'role', 'org-designator', 'org-leader', 'place-designator', 'not-name'] as const;

function gazetteerHits(lower: string, folded: string): number {
  let hits = 0;
  if (givenNames.has(folded)) hits |= 1 << 0;
  if (nameParticles.has(lower) || /^(?:abu|ibn|bin|umm)-/.test(lower)) hits |= 1 << 1;
  if (personTitles.has(lower.endsWith('.') ? lower.slice(0, -1) : lower)) hits |= 1 << 2;
  if (personRoles.has(lower)) hits |= 1 << 3;
  if (orgDesignators.has(lower)) hits |= 1 << 4;
  if (orgLeaders.has(lower)) hits |= 1 << 5;
  if (placeDesignators.has(lower)) hits |= 1 << 6;
  if (notNames.has(lower)) hits |= 1 << 7;
  return hits;
}

const runConnectors = new Set(['of', 'the', 'de', 'del', 'la', 'le', 'du', 'da', 'von', 'van', 'and', '&', 'al', 'el', 'bin', 'ibn', 'for', 'on']);

const own = {
  bias: template('bias'),
  word: template('w'),
  lower: template('l'),
  shape: template('s'),
  short: template('ss'),
  case: template('case'),
  prefix: [1, 2, 3, 4].map((n) => template(`p${n}`)),
  suffix: [1, 2, 3, 4].map((n) => template(`x${n}`)),
  hyphen: template('hyphen'),
  digit: template('digit'),
  hit: hitNames.map((h) => template(`gz=${h}`)),
};

/** Offsets of the neighbours a word describes, in the order of `WordFeatures.context`. */
export const contextOffsets = [-2, -1, 1, 2] as const;
const context = contextOffsets.map((o) => ({
  lower: template(`l${o}`),
  short: template(`ss${o}`),
  suffix3: template(`x3${o > 0 ? '+' : ''}${o}`),
  hit: hitNames.map((h) => template(`gz${o > 0 ? '+' : ''}${o}=${h}`)),
}));

/** Templates of a clustering's class features, by its number of classes: the word's own, then at each context offset. */
const clusterTemplates = new Map<number, { own: Template; context: Template[] }>();

function clusterTemplate(size: number): { own: Template; context: Template[] } {
  let found = clusterTemplates.get(size);
  if (!found) {
    found = { own: template(`k${size}`), context: contextOffsets.map((o) => template(`k${size}${o > 0 ? '+' : ''}${o}`)) };
    clusterTemplates.set(size, found);
  }
  return found;
}

/** A word's classes (see word-clusters.ts) with their hashes, for its own features and its neighbours'. */
interface ClassValues {
  sizes: readonly number[];
  classes: readonly number[];
  hashes: readonly number[];
}

const classText = (n: number) => String(n);

export interface WordFeatures {
  readonly text: string;
  /** Set on the sentence start and end markers that stand in for neighbours beyond the sentence. */
  readonly boundary: 'start' | 'end' | null;
  readonly lower: string;
  /** `normaliseText` of the word: what the place gazetteer is matched on. */
  readonly folded: string;
  readonly shape: string;
  readonly short: string;
  readonly caseClass: CaseClass;
  readonly lowerHash: number;
  readonly shapeHash: number;
  readonly shortHash: number;
  readonly foldedHash: number;
  /** Hash of the last three characters of `lower`. */
  readonly suffix3Hash: number;
  /** Starts with an upper-case letter or a digit, or is a lower-case Arabic article or particle joined to a capitalised name ("al-Baghdadi"): may be part of a capitalised run. */
  readonly capitalised: boolean;
  readonly startsLower: boolean;
  /** "of", "the", "al"…: may join two capitalised words into one run. */
  readonly connector: boolean;
  /** Keys of the features this word gives its own token. */
  readonly own: Int32Array;
  /** Keys of the features it gives the token it stands `contextOffsets[k]` from (its neighbour at −offset). */
  readonly context: readonly Int32Array[];
  /** Readable names of `own` and `context`, only when asked for. */
  readonly names: { own: string[]; context: string[][] } | null;
}

type ContextSource = Pick<WordFeatures, 'lower' | 'lowerHash' | 'short' | 'shortHash' | 'suffix3Hash'>;

function contextKeys(k: number, word: ContextSource, hits: number, classes: ClassValues | null, describe: boolean): KeyList {
  const t = context[k]!;
  const out = new KeyList(describe);
  out.add(t.lower, word.lowerHash, word.lower);
  out.add(t.short, word.shortHash, word.short);
  if (Math.abs(contextOffsets[k]!) === 1) {
    out.add(t.suffix3, word.suffix3Hash, word.lower.slice(-3));
    hitNames.forEach((_, h) => {
      if (hits & (1 << h)) out.flag(t.hit[h]!);
    });
    if (classes) classes.sizes.forEach((size, c) => out.add(clusterTemplate(size).context[k]!, classes.hashes[c]!, classText(classes.classes[c]!)));
  }
  return out;
}

/** Everything one word contributes, with readable names when `describe` is set; `clusters` adds its word classes. */
export function wordFeatures(word: string, describe = false, clusters: WordClusters | null = null): WordFeatures {
  const lower = word.toLowerCase();
  const folded = normaliseText(word);
  const shape = wordShape(word);
  const short = shortShape(word);
  const wordCase = caseClass(word);
  const hits = gazetteerHits(lower, folded);
  const lowerHash = hashString(lower);
  const shortHash = hashString(short);
  const suffix3Hash = hashString(codePoints(lower).slice(-3).join(''));
  const keys = new KeyList(describe);
  const add = (t: Template, value: string) => keys.add(t, hashString(value), value);
  keys.flag(own.bias);
  add(own.word, word);
  keys.add(own.lower, lowerHash, lower);
  add(own.shape, shape);
  keys.add(own.short, shortHash, short);
  add(own.case, wordCase);
  const chars = codePoints(word);
  for (let n = 1; n <= 4 && n <= chars.length; n++) {
    add(own.prefix[n - 1]!, chars.slice(0, n).join(''));
    add(own.suffix[n - 1]!, chars.slice(-n).join(''));
  }
  if (word.includes('-')) keys.flag(own.hyphen);
  if (chars.some((c) => digitChar.test(c))) keys.flag(own.digit);
  hitNames.forEach((_, h) => {
    if (hits & (1 << h)) keys.flag(own.hit[h]!);
  });
  const found = clusters?.of(word);
  const classes = found ? { sizes: clusters!.sizes, classes: found, hashes: found.map((c) => hashString(classText(c))) } : null;
  if (classes) classes.sizes.forEach((size, c) => keys.add(clusterTemplate(size).own, classes.hashes[c]!, classText(classes.classes[c]!)));
  const contexts = contextOffsets.map((_, k) => contextKeys(k, { lower, lowerHash, short, shortHash, suffix3Hash }, hits, classes, describe));
  return {
    text: word,
    boundary: null,
    lower,
    folded,
    shape,
    short,
    caseClass: wordCase,
    lowerHash,
    shapeHash: hashString(shape),
    shortHash,
    foldedHash: hashString(folded),
    suffix3Hash,
    capitalised: upperOrDigitStart.test(word) || particleThenCapital.test(word),
    startsLower: lowerStart.test(word),
    connector: runConnectors.has(lower),
    own: keys.toArray(),
    context: contexts.map((c) => c.toArray()),
    names: describe ? { own: keys.names!, context: contexts.map((c) => c.names!) } : null,
  };
}

/** The sentence start ("<s>") or end ("</s>") as a neighbour: it gives the context features a word would. */
export function boundaryFeatures(marker: '<s>' | '</s>', describe = false): WordFeatures {
  const hash = hashString(marker);
  const source = { lower: marker, lowerHash: hash, short: marker, shortHash: hash, suffix3Hash: hash };
  const contexts = contextOffsets.map((_, k) => contextKeys(k, source, 0, null, describe));
  return {
    text: marker, boundary: marker === '<s>' ? 'start' : 'end', lower: marker, folded: marker, shape: marker, short: marker, caseClass: 'punct',
    lowerHash: hash, shapeHash: hash, shortHash: hash, foldedHash: hash, suffix3Hash: hash,
    capitalised: false, startsLower: false, connector: false,
    own: new Int32Array(0),
    context: contexts.map((c) => c.toArray()),
    names: describe ? { own: [], context: contexts.map((c) => c.names!) } : null,
  };
}

/**
 * Word features by word, computed once each. Bounded: past `limit` distinct words it starts afresh, so a
 * long-running tagger's memory stays flat whatever the vocabulary of the haul.
 */
export class WordFeatureCache<T = WordFeatures> {
  private readonly map = new Map<string, T>();

  constructor(
    private readonly make: (word: string) => T,
    private readonly limit = 200_000,
  ) {}

  get(word: string): T {
    let entry = this.map.get(word);
    if (entry === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      entry = this.make(word);
      this.map.set(word, entry);
    }
    return entry;
  }
}
