// Whole-name comparison: align the tokens of two names, score the alignment, and say how each token matched.
import { skeletonKey, syllablePattern, tokeniseName, type NameToken } from './normalise.js';
import { editDistanceWithin, jaroWinkler, shareEnoughBigrams } from './similarity.js';

export type TokenMatchKind = 'exact' | 'spelling-variant' | 'similar' | 'initial';

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

export function compareTokens(a: NameToken, b: NameToken): TokenComparison {
  // A kunya or nasab word ("abu", "bin", "abd") is a marker, not a name: it can stand for another marker only.
  // Keeping the two kinds apart is also what lets the candidate index bound a score without trying every pair.
  if (a.connector !== b.connector) return { similarity: 0, kind: 'similar' };
  if (a.text === b.text) return { similarity: 1, kind: 'exact' };
  if (a.folded === b.folded) return { similarity: 0.97, kind: 'spelling-variant' };
  if ((a.folded.length === 1 || b.folded.length === 1) && a.folded[0] === b.folded[0] && !a.connector && !b.connector) {
    return { similarity: 0.85, kind: 'initial' };
  }
  const jw = jaroWinkler(a.folded, b.folded);
  // Same consonants in the same order, with the vowels in the same places, is strong evidence for a
  // transliteration variant (Khaled/Khalid, Yusuf/Youssef, Thamer/Tamer). The vowel places keep apart names
  // that share consonants only: Muhammad (cvcvcvc) and Mahmoud (cvccvc) share the skeleton "mhmd".
  if (a.folded.length > 2) {
    const shapeA = tokenShape(a.folded);
    const shapeB = tokenShape(b.folded);
    // A skeleton of one or two consonants is shared by many names (Kaya, Kuwayti): the letters must agree too.
    // A long skeleton is rare enough that one vowel more or less is a spelling (Aleksander, Alyaksandr).
    const patternsAgree =
      shapeA.pattern === shapeB.pattern || (shapeA.skeleton.length >= 6 && editDistanceWithin(shapeA.pattern, shapeB.pattern, 1));
    if (shapeA.skeleton === shapeB.skeleton && patternsAgree && jw >= tokenThreshold) {
      return { similarity: Math.max(jw, 0.9), kind: 'spelling-variant' };
    }
  }
  return { similarity: isTypingVariant(a.folded, b.folded, jw) ? jw : 0, kind: 'similar' };
}

/**
 * Tokens that are neither the same folded nor spelling variants count as similar only when one is a typing slip
 * of the other: few edits for their length, a high Jaro–Winkler, and enough letter pairs in common. Short names are
 * dense (Kaya, Kara; Emre, Amir), so they need more.
 */
function isTypingVariant(a: string, b: string, jw: number): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter <= 3) return false;
  if (jw < (shorter <= 5 ? 0.9 : tokenThreshold)) return false;
  return editDistanceWithin(a, b, shorter <= 5 ? 1 : shorter <= 8 ? 2 : 3) && shareEnoughBigrams(a, b);
}

interface TokenShape {
  skeleton: string;
  pattern: string;
}

// Screening compares the same listed tokens again and again: their shapes are computed once.
// The cache is bounded; when full it starts over, which costs time, never correctness.
const shapes = new Map<string, TokenShape>();
const maxShapes = 200_000;

function tokenShape(folded: string): TokenShape {
  let shape = shapes.get(folded);
  if (!shape) {
    if (shapes.size >= maxShapes) shapes.clear();
    shape = { skeleton: skeletonKey(folded), pattern: syllablePattern(folded) };
    shapes.set(folded, shape);
  }
  return shape;
}

/**
 * Compares two names regardless of token order, tolerating missing middle names and initials.
 * Greedy alignment on the best token pairs; the score weighs how well the shorter name is covered
 * (most of the score) and how much of the longer name is accounted for.
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
  q: NameToken[],
  c: NameToken[],
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
