// Whole-name comparison: align the tokens of two names, score the alignment, and say how each token matched.
import { skeletonKey, tokeniseName, type NameToken } from './normalise.js';
import { jaroWinkler, shareEnoughBigrams } from './similarity.js';

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

export function compareTokens(a: NameToken, b: NameToken): { similarity: number; kind: TokenMatchKind } {
  if (a.text === b.text) return { similarity: 1, kind: 'exact' };
  if (a.folded === b.folded) return { similarity: 0.97, kind: 'spelling-variant' };
  if ((a.folded.length === 1 || b.folded.length === 1) && a.folded[0] === b.folded[0] && !a.connector && !b.connector) {
    return { similarity: 0.85, kind: 'initial' };
  }
  const jw = jaroWinkler(a.folded, b.folded);
  // Same consonants in the same order, and as many syllables, is strong evidence for a transliteration variant
  // (Khaled/Khalid, Yusuf/Youssef). The syllable count keeps apart names that differ only in their vowels:
  // Muhammad (mu-ham-mad) and Mahmoud (mah-mud) share the skeleton "mhmd".
  if (a.folded.length > 2) {
    const shapeA = tokenShape(a.folded);
    const shapeB = tokenShape(b.folded);
    if (shapeA.skeleton === shapeB.skeleton && shapeA.vowelGroups === shapeB.vowelGroups) {
      return { similarity: Math.max(jw, 0.9), kind: 'spelling-variant' };
    }
  }
  // Below the threshold the pair does not count either way; above it, the bigram guard must hold too.
  if (jw < tokenThreshold) return { similarity: jw, kind: 'similar' };
  return { similarity: shareEnoughBigrams(a.folded, b.folded) ? jw : 0, kind: 'similar' };
}

interface TokenShape {
  skeleton: string;
  vowelGroups: number;
}

// Screening compares the same listed tokens again and again: their shapes are computed once.
// The cache is bounded; when full it starts over, which costs time, never correctness.
const shapes = new Map<string, TokenShape>();
const maxShapes = 200_000;

function tokenShape(folded: string): TokenShape {
  let shape = shapes.get(folded);
  if (!shape) {
    if (shapes.size >= maxShapes) shapes.clear();
    shape = { skeleton: skeletonKey(folded), vowelGroups: folded.match(/[aeiou]+/g)?.length ?? 0 };
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

/** compareNames for names already tokenised (indexes tokenise each listed name once). */
export function compareTokenisedNames(q: NameToken[], c: NameToken[]): NameComparison {
  if (q.length === 0 || c.length === 0) {
    return { score: 0, matches: [], unmatchedQuery: q.map((t) => t.text), unmatchedCandidate: c.map((t) => t.text) };
  }
  const pairs: { i: number; j: number; similarity: number; kind: TokenMatchKind }[] = [];
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < c.length; j++) {
      const { similarity, kind } = compareTokens(q[i]!, c[j]!);
      if (similarity >= tokenThreshold) pairs.push({ i, j, similarity, kind });
    }
  }
  pairs.sort((x, y) => y.similarity - x.similarity || x.i - y.i || x.j - y.j);
  const usedQ = new Set<number>();
  const usedC = new Set<number>();
  const matches: TokenMatch[] = [];
  let matchedWeightQ = 0;
  let matchedWeightC = 0;
  for (const pair of pairs) {
    if (usedQ.has(pair.i) || usedC.has(pair.j)) continue;
    usedQ.add(pair.i);
    usedC.add(pair.j);
    const qt = q[pair.i]!;
    const ct = c[pair.j]!;
    matches.push({ query: qt.text, candidate: ct.text, similarity: round(pair.similarity), kind: pair.kind });
    matchedWeightQ += tokenWeight(qt) * pair.similarity;
    matchedWeightC += tokenWeight(ct) * pair.similarity;
  }
  const totalQ = sum(q.map(tokenWeight));
  const totalC = sum(c.map(tokenWeight));
  const coverQ = matchedWeightQ / totalQ;
  const coverC = matchedWeightC / totalC;
  const shorter = totalQ <= totalC ? coverQ : coverC;
  const longer = totalQ <= totalC ? coverC : coverQ;
  // A name must match on more than connectors alone ("Abu" = "Abou" says nothing).
  const identityMatched = matches.some((m) => {
    const token = q.find((t) => t.text === m.query);
    return token !== undefined && !token.connector;
  });
  const score = identityMatched ? shorter * (0.7 + 0.3 * longer) : 0;
  return {
    score: round(score),
    matches,
    unmatchedQuery: q.filter((_, i) => !usedQ.has(i)).map((t) => t.text),
    unmatchedCandidate: c.filter((_, j) => !usedC.has(j)).map((t) => t.text),
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

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
