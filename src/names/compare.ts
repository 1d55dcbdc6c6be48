// Whole-name comparison: align the tokens of two names, score the alignment, and say how each token matched.
import { phoneticKeys, skeletonKey, syllablePattern, tokeniseName, type NameToken } from './normalise.js';
import { editDistanceWithin, jaroWinkler, shareEnoughBigrams } from './similarity.js';

export type TokenMatchKind = 'exact' | 'spelling-variant' | 'similar' | 'initial' | 'fused';

export interface TokenMatch {
  query: string;
  candidate: string;
  similarity: number;
  kind: TokenMatchKind;
}

export interface NameComparison {
  /** 0 = nothing in common, 1 = the same name after normalisation. */
  score: number;
  matches: TokenMatch[];
  unmatchedQuery: string[];
  unmatchedCandidate: string[];
}

/** Below this a token pair is not counted as matching at all. */
export const tokenThreshold = 0.8;

/** How much a token counts in a name: connectors little, longer tokens more, capped at 1. */
export function tokenWeight(token: NameToken): number {
  return token.connector ? 0.4 : Math.min(1, 0.4 + token.folded.length / 8);
}

/**
 * How two tokens compare. With `spelled: false` the spelled forms are ignored and only the folded ones count: the
 * result is then at least what any two tokens with these folded forms would give (a candidate index compares
 * folded vocabulary, not each listed spelling).
 */
export function compareTokens(a: NameToken, b: NameToken, spelled = true): TokenComparison {
  // A kunya or nasab word ("abu", "bin", "abd") is a marker, not a name: it can stand for another marker only.
  // Keeping the two kinds apart is also what lets the candidate index bound a score without trying every pair.
  if (a.connector !== b.connector) return { similarity: 0, kind: 'similar' };
  if (a.text === b.text) return { similarity: 1, kind: 'exact' };
  if (a.folded === b.folded) return { similarity: 0.97, kind: 'spelling-variant' };
  if ((a.folded.length === 1 || b.folded.length === 1) && a.folded[0] === b.folded[0] && !a.connector && !b.connector) {
    return { similarity: 0.85, kind: 'initial' };
  }
  // The article written fused ("Albaghdadi" for al-Baghdadi) is the same name.
  if (hasFusedArticle(a.folded, b.folded) || hasFusedArticle(b.folded, a.folded)) return { similarity: 0.95, kind: 'spelling-variant' };
  const jw = jaroWinkler(a.folded, b.folded);
  // Same consonants in the same order, with the vowels in the same places, is strong evidence for a
  // transliteration variant (Khaled/Khalid, Yusuf/Youssef, Thamer/Tamer). The vowel places keep apart names
  // that share consonants only: Muhammad (cvcvcvc) and Mahmoud (cvccvc) share the skeleton "mhmd".
  if (a.folded.length > 2) {
    const shapeA = tokenShape(a.folded);
    const shapeB = tokenShape(b.folded);
    // A skeleton of one or two consonants is shared by many names (Kaya, Kuwayti): the letters must agree too.
    // A long skeleton is rare enough that one vowel more or less is a spelling (Aleksander, Alyaksandr).
    if (shapeA.skeleton === shapeB.skeleton && patternsAgree(shapeA, shapeB) && jw >= tokenThreshold) {
      return { similarity: Math.max(jw, 0.9), kind: 'spelling-variant' };
    }
    // The general key, for names of every origin: the same Double Metaphone sound (Stephen/Steven, Philip/Filip,
    // Catherine/Kathryn, Ivan/Yvan). A sound of one or two consonants is shared by too many names to count.
    if (jw >= tokenThreshold && soundsAlike(shapeA.sounds, shapeB.sounds)) return { similarity: Math.max(jw, 0.88), kind: 'spelling-variant' };
  }
  const slip = isTypingVariant(a.folded, b.folded, jw) && (!spelled || editDistanceWithin(a.text, b.text, maxTypingEdits(a.folded, b.folded)));
  return { similarity: slip ? jw : 0, kind: 'similar' };
}

/** The folded article a name may be written fused with, and the shortest name it is taken off ("Alford" is not al-Ford). */
export const fusedArticle = 'al';
const minUnfusedLength = 5;

/** Whether `long` is `short` with the article fused in front ("albaghdadi", "baghdadi"). */
export const hasFusedArticle = (long: string, short: string) =>
  short.length >= minUnfusedLength && long.length === short.length + fusedArticle.length && long.startsWith(fusedArticle) && long.endsWith(short);

/** Edits a typing slip may make, by the length of the shorter token. */
function maxTypingEdits(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  return shorter <= 5 ? 1 : shorter <= 8 ? 2 : 3;
}

/**
 * Tokens that are neither the same folded nor spelling variants count as similar only when one is a typing slip
 * of the other: few edits for their length (folded, and as spelled: folding vowels makes Olavi and Levy one edit
 * apart, ulavi/lavi), a high Jaro–Winkler, and enough letter pairs in common. Short names are dense (Kaya, Kara;
 * Emre, Amir), so they need more.
 */
function isTypingVariant(a: string, b: string, jw: number): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter <= 3) return false;
  if (jw < (shorter <= 5 ? 0.9 : tokenThreshold)) return false;
  return editDistanceWithin(a, b, maxTypingEdits(a, b)) && shareEnoughBigrams(a, b);
}

/** Vowels in the same places; for a long skeleton, rare enough, one vowel more or less. */
const patternsAgree = (a: TokenShape, b: TokenShape) => a.pattern === b.pattern || (a.skeleton.length >= 6 && editDistanceWithin(a.pattern, b.pattern, 1));

interface TokenShape {
  skeleton: string;
  pattern: string;
  /** Double Metaphone codes, primary and alternate ('' when shorter than `minSoundLength`). */
  sounds: [string, string];
}

/** Shorter Double Metaphone codes ("MR": Mary, Mario, Meir, Omar) are not evidence of one name. */
const minSoundLength = 3;

/** The Double Metaphone codes that count as evidence for a folded token (an index's keys for the sound rule). */
export function soundKeys(folded: string): string[] {
  const [primary, alternate] = tokenShape(folded).sounds;
  return [...new Set([primary, alternate])].filter((code) => code !== '');
}

const soundsAlike = (a: [string, string], b: [string, string]) =>
  a[0] !== '' && (a[0] === b[0] || a[0] === b[1] || (a[1] !== '' && (a[1] === b[0] || a[1] === b[1])));

// Screening compares the same listed tokens again and again: their shapes are computed once.
// The cache is bounded; when full it starts over, which costs time, never correctness.
const shapes = new Map<string, TokenShape>();
const maxShapes = 200_000;

function tokenShape(folded: string): TokenShape {
  let shape = shapes.get(folded);
  if (!shape) {
    if (shapes.size >= maxShapes) shapes.clear();
    const [primary, alternate] = phoneticKeys(folded);
    const sounds: [string, string] = [primary.length >= minSoundLength ? primary : '', alternate.length >= minSoundLength ? alternate : ''];
    shape = { skeleton: skeletonKey(folded), pattern: syllablePattern(folded), sounds };
    shapes.set(folded, shape);
  }
  return shape;
}

/**
 * Compares two names regardless of token order, tolerating missing middle names, initials, and two tokens written
 * as one ("Mir Ahmad" / "Mirahmad": same skeleton, then compared as tokens). Greedy alignment on the best token
 * pairs, then fused ones; the score weighs how well the shorter name is covered (most of the score) and how much
 * of the longer name is accounted for.
 */
export function compareNames(query: string, candidate: string): NameComparison {
  return compareTokenisedNames(tokeniseName(query), tokeniseName(candidate));
}

export type TokenComparison = { similarity: number; kind: TokenMatchKind };

/**
 * compareNames for names already tokenised (indexes tokenise each listed name once). `compare` must give what
 * compareTokens gives; a caller that meets the same tokens again and again may pass a memoised one.
 */
export function compareTokenisedNames(
  q: readonly NameToken[],
  c: readonly NameToken[],
  compare: (a: NameToken, b: NameToken) => TokenComparison = compareTokens,
): NameComparison {
  if (q.length === 0 || c.length === 0) {
    return { score: 0, matches: [], unmatchedQuery: q.map((t) => t.text), unmatchedCandidate: c.map((t) => t.text) };
  }
  const pairs: { i: number; j: number; similarity: number; kind: TokenMatchKind }[] = [];
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < c.length; j++) {
      const { similarity, kind } = compare(q[i]!, c[j]!);
      if (similarity >= tokenThreshold) pairs.push({ i, j, similarity, kind });
    }
  }
  pairs.sort((x, y) => y.similarity - x.similarity || x.i - y.i || x.j - y.j);
  const usedQ = new Uint8Array(q.length);
  const usedC = new Uint8Array(c.length);
  const matches: TokenMatch[] = [];
  let matchedWeightQ = 0;
  let matchedWeightC = 0;
  // A name must match on more than connectors alone ("Abu" = "Abou" says nothing).
  let identityMatched = false;
  for (const pair of pairs) {
    if (usedQ[pair.i] || usedC[pair.j]) continue;
    usedQ[pair.i] = usedC[pair.j] = 1;
    const qt = q[pair.i]!;
    const ct = c[pair.j]!;
    if (!qt.connector) identityMatched = true;
    matches.push({ query: qt.text, candidate: ct.text, similarity: round(pair.similarity), kind: pair.kind });
    matchedWeightQ += tokenWeight(qt) * pair.similarity;
    matchedWeightC += tokenWeight(ct) * pair.similarity;
  }
  // Then tokens written as one on one side and as two on the other ("Mirahmad" / "Mir Ahmad").
  for (const [split, usedSplit, whole, usedWhole, splitIsQuery] of [
    [q, usedQ, c, usedC, true],
    [c, usedC, q, usedQ, false],
  ] as const) {
    for (let i = 0; i + 1 < split.length; i++) {
      const a = split[i]!;
      const b = split[i + 1]!;
      if (usedSplit[i] || usedSplit[i + 1] || !isFusable(a) || !isFusable(b)) continue;
      const length = a.folded.length + b.folded.length;
      let fused: NameToken | null = null;
      for (let j = 0; j < whole.length; j++) {
        const w = whole[j]!;
        if (usedWhole[j] || !isFusable(w) || !mayBeFused(a.folded[0]!, length, w.folded)) continue;
        fused ??= fuseTokens(a, b);
        // Only a spelling of the same consonants and vowels: "Salem Ani" sounds like "Salman" but is not it.
        if (fusionKey(fused.folded) !== fusionKey(w.folded) || !patternsAgree(tokenShape(fused.folded), tokenShape(w.folded))) continue;
        if (!editDistanceWithin(fused.folded, w.folded, 1)) continue;
        const { similarity } = compareTokens(fused, w);
        if (similarity < tokenThreshold) continue;
        usedSplit[i] = usedSplit[i + 1] = usedWhole[j] = 1;
        identityMatched = true;
        const splitText = `${a.text} ${b.text}`;
        matches.push({ query: splitIsQuery ? splitText : w.text, candidate: splitIsQuery ? w.text : splitText, similarity: round(similarity), kind: 'fused' });
        const splitWeight = (tokenWeight(a) + tokenWeight(b)) * similarity;
        matchedWeightQ += splitIsQuery ? splitWeight : tokenWeight(w) * similarity;
        matchedWeightC += splitIsQuery ? tokenWeight(w) * similarity : splitWeight;
        break;
      }
    }
  }
  let totalQ = 0;
  for (const t of q) totalQ += tokenWeight(t);
  let totalC = 0;
  for (const t of c) totalC += tokenWeight(t);
  const coverQ = matchedWeightQ / totalQ;
  const coverC = matchedWeightC / totalC;
  const shorter = totalQ <= totalC ? coverQ : coverC;
  const longer = totalQ <= totalC ? coverC : coverQ;
  const score = identityMatched ? shorter * (0.7 + 0.3 * longer) : 0;
  return {
    score: round(score),
    matches,
    unmatchedQuery: q.filter((_, i) => !usedQ[i]).map((t) => t.text),
    unmatchedCandidate: c.filter((_, j) => !usedC[j]).map((t) => t.text),
  };
}

/**
 * Whether two tokens starting with `first`, `length` letters together, may be `whole` written as one: the same
 * first letter and at most one letter more or less (then the same fusionKey and vowel places, at most one edit
 * apart, and a token match: "Kosarayan Fard" is "Kosarayanifard", "Ali Aksoy" is not "Aleksei").
 */
export const mayBeFused = (first: string, length: number, whole: string) => whole[0] === first && Math.abs(whole.length - length) <= 1;

/**
 * What two tokens written as one share with the single token (an index key): the skeleton, and for a short
 * skeleton the vowel places too (a long one may differ by a vowel; see patternsAgree).
 */
export function fusionKey(folded: string): string {
  const shape = tokenShape(folded);
  return shape.skeleton.length >= 6 ? shape.skeleton : `${shape.skeleton}|${shape.pattern}`;
}

/** Tokens that may be written fused with a neighbour: names, not connectors or initials. */
export const isFusable = (t: NameToken) => !t.connector && t.folded.length > 1;

/** Two adjacent tokens written as one ("mir" + "ahmad" → "mirahmad"). */
export function fuseTokens(a: NameToken, b: NameToken): NameToken {
  return { text: a.text + b.text, folded: a.folded + b.folded, connector: false };
}

/** A short human-readable account of a comparison: `khalid~khaled (spelling-variant 0.93); unmatched: hassan`. */
export function explainComparison(comparison: NameComparison): string {
  const matched = comparison.matches
    .map((m) => (m.kind === 'exact' ? m.query : `${m.query}~${m.candidate} (${m.kind} ${m.similarity.toFixed(2)})`))
    .join(', ');
  const missing = [...comparison.unmatchedQuery, ...comparison.unmatchedCandidate].join(', ');
  // Either part may be empty; a comparison with no match at all reads "unmatched: …", not "; unmatched: …".
  return [matched, missing && `unmatched: ${missing}`].filter(Boolean).join('; ');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
