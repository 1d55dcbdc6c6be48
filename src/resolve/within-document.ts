// Within one document, a short form of a person's name refers to the full name written nearby:
// "Trump", "Mr. Trump", "President Trump" → "Donald Trump"; "Silo" → "Talal Silo"; "al-Baghdadi" and the
// kunya "Abu Hamza" → "Abu Hamza al-Raqqawi". Only when the document leaves no doubt: two different people whose
// names both end in "Hassan" leave a bare "Hassan" unresolved here (cross-document resolution then decides).
import type { ExtractedMention } from '../extract/index.js';
import { compareNames, memoiseString, type NameToken } from '../names/index.js';
import { tokeniseName } from './same-entity.js';

/**
 * Whether two full names of one document are one person's ("Abu Hamza al-Raqqawi", "Abou Hamza el-Raqqawi"), asked
 * as the JSON of the pair: a name may hold any character, a NUL byte included, so no separator would do.
 */
const onePersonPair = memoiseString((pair: string) => {
  const [a, b] = JSON.parse(pair) as [string, string];
  return compareNames(a, b).score >= 0.9;
}, 50_000, 170);

interface FullName {
  index: number;
  tokens: readonly NameToken[];
}

/** Tokens that carry identity (not abu/bin/abd), folded. */
function identityTokens(tokens: readonly NameToken[]): string[] {
  return tokens.filter((t) => !t.connector).map((t) => t.folded);
}

function isShortFormOf(short: readonly NameToken[], full: readonly NameToken[]): boolean {
  const s = identityTokens(short);
  const f = identityTokens(full);
  if (s.length === 0 || s.length >= f.length) return false;
  // One word: the family name or nisba, the last word of the full name ("Trump", "Silo", "Baghdadi"), or the given
  // name, its first ("Karim" after "Karim Mansour"); a document naming two Karims leaves it to no one (see below).
  if (s.length === 1 && short.length === 1) return s[0] === f[f.length - 1] || (full[0]!.connector === false && s[0] === f[0]);
  // Several words, or a kunya ("Abu Hamza"): the same words in a row, as the full name has them.
  const sFolded = short.map((t) => t.folded);
  const fFolded = full.map((t) => t.folded);
  for (let at = 0; at + sFolded.length <= fFolded.length; at++) {
    if (sFolded.every((token, k) => fFolded[at + k] === token)) return at === 0 || at + sFolded.length === fFolded.length;
  }
  return false;
}

/** A name run typed by weak evidence only (the model alone, a preposition) may be retyped as the person it names. */
function mayBePerson(m: ExtractedMention): boolean {
  if (m.type === 'PERSON') return true;
  if (m.type !== 'ORG' && m.type !== 'LOCATION') return false;
  return (m.method === 'model:perceptron' || m.method === 'rule:locative-cue') && m.confidence < 0.95;
}

/**
 * Sets `antecedent` on every short form of a person's name that one full name in the document explains, preferring
 * the nearest full name before it; retypes weakly typed short forms as PERSON. Mentions that already have an
 * antecedent (acronyms) are left as they are. Returns how many it linked, and the indexes of short forms that fit
 * several different people of the document ("Hassan" beside "Ahmed Hassan" and "Omar Hassan"): those are nobody
 * in particular, and must not be resolved to either person elsewhere.
 */
export function linkShortForms(mentions: ExtractedMention[]): { linked: number; ambiguous: Set<number> } {
  const ambiguous = new Set<number>();
  const fulls: FullName[] = [];
  const tokensOf = new Map<number, readonly NameToken[]>();
  mentions.forEach((m, index) => {
    if (m.type !== 'PERSON' && !mayBePerson(m)) return;
    const tokens = tokeniseName(m.text);
    tokensOf.set(index, tokens);
    if (m.type === 'PERSON' && identityTokens(tokens).length >= 2) fulls.push({ index, tokens });
  });
  if (fulls.length === 0) return { linked: 0, ambiguous };
  // Full names by their last identity token, their first identity token (given names alone) and their first token
  // (kunyas), and within each by how many identity words they have: a short form reads only longer names that may
  // shorten to it, so a payroll of 8,000 "Muhammad …" does not compare each of them with all the others.
  const index = new Map<string, Map<number, FullName[]>>();
  const put = (key: string, full: FullName, size: number) => {
    const bySize = index.get(key) ?? new Map<number, FullName[]>();
    index.set(key, bySize);
    const list = bySize.get(size) ?? [];
    bySize.set(size, list);
    if (list[list.length - 1] !== full) list.push(full);
  };
  for (const full of fulls) {
    const ids = identityTokens(full.tokens);
    put(`last\u0000${ids[ids.length - 1]!}`, full, ids.length);
    put(`last\u0000${ids[0]!}`, full, ids.length);
    put(`first\u0000${full.tokens[0]!.folded}`, full, ids.length);
  }
  const longerThan = (key: string, size: number): FullName[] => {
    const out: FullName[] = [];
    for (const [n, list] of index.get(key) ?? []) if (n > size) out.push(...list);
    return out;
  };
  // The full names a short form fits, and whether they are all one person: the same for every mention written so.
  const fits = new Map<string, { matches: FullName[]; onePerson: boolean }>();
  let linked = 0;
  for (const [at, tokens] of tokensOf) {
    const m = mentions[at]!;
    if (m.antecedent !== undefined || tokens.length === 0) continue;
    const ids = identityTokens(tokens);
    if (ids.length === 0) continue;
    const shape = tokens.map((t) => (t.connector ? '+' : '') + t.folded).join(' ');
    let fit = fits.get(shape);
    if (!fit) {
      const pool = new Set([...longerThan(`last\u0000${ids[ids.length - 1]!}`, ids.length), ...longerThan(`first\u0000${tokens[0]!.folded}`, ids.length)]);
      // In the order of the document, for the nearest before.
      const matches = [...pool].filter((full) => isShortFormOf(tokens, full.tokens)).sort((a, b) => a.index - b.index);
      // Every full name it could shorten must be one person, spelt however.
      const first = matches.length > 0 ? mentions[matches[0]!.index]!.text : '';
      fit = { matches, onePerson: matches.every((full) => onePersonPair(JSON.stringify([first, mentions[full.index]!.text]))) };
      fits.set(shape, fit);
    }
    const { matches } = fit;
    if (matches.length === 0) continue;
    if (!fit.onePerson) {
      ambiguous.add(at);
      continue;
    }
    const before = matches.filter((full) => full.index < at);
    const chosen = before.length > 0 ? before[before.length - 1]! : matches[0]!;
    m.antecedent = chosen.index;
    if (m.type !== 'PERSON') {
      m.type = 'PERSON';
      m.method = `${m.method}+short-form`;
    }
    linked++;
  }
  return { linked, ambiguous };
}
