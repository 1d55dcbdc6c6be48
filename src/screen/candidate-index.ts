// Candidate retrieval for screening: a query touches a small set of listed names instead of all of them.
// Listed names are tokenised once. Their distinct folded tokens form a vocabulary indexed by bigram and by
// consonant skeleton; a query token finds the vocabulary tokens it could match, their postings give the names,
// and an upper bound on each name's score drops those that cannot reach the threshold. For thresholds of 0.7
// and above the result equals a full scan (property-tested against one), so the index never costs a match.
import { bigrams, bigramsNeeded, compareTokens, skeletonKey, tokeniseName, tokenThreshold, tokenWeight, type NameToken } from '../names/index.js';

interface IndexedName {
  entryId: string;
  tokens: NameToken[];
  totalWeight: number;
  /** Weight of connectors and initials, counted as matched when bounding (they are never retrieved by). */
  unretrievableWeight: number;
  /** The heaviest token: what one query connector or initial could match at most. */
  maxTokenWeight: number;
  live: boolean;
}

interface VocabularyToken {
  token: NameToken;
  weight: number;
  /** Number of distinct bigrams of the folded token (with start and end marks). */
  grams: number;
  /** Ids of the names holding this token (may include removed names; skipped when read). */
  postings: number[];
}

/** Below this threshold the bound is not proven tight enough, so the index answers with every name. */
export const minimumIndexedThreshold = 0.7;


const isRetrievable = (t: NameToken) => !t.connector && t.folded.length > 1;

export class CandidateIndex {
  private readonly names: IndexedName[] = [];
  private readonly namesByEntry = new Map<string, number[]>();
  private readonly vocabulary: VocabularyToken[] = [];
  private readonly vocabularyIds = new Map<string, number>();
  private readonly byBigram = new Map<string, number[]>();
  private readonly bySkeleton = new Map<string, number[]>();
  /** Names made only of initials and connectors: no token to retrieve them by, so always scored. */
  private readonly alwaysScored = new Set<number>();
  private liveEntries = 0;
  private bigramCounts = new Uint16Array(0);

  /** Adds an entry's names, replacing any the entry had. */
  put(entryId: string, names: string[]): void {
    this.remove(entryId);
    const ids: number[] = [];
    for (const name of names) {
      const tokens = tokeniseName(name);
      if (!tokens.some((t) => !t.connector)) continue; // "Abu" alone can never score: nothing to identify
      const id = this.names.length;
      const unretrievable = tokens.filter((t) => !isRetrievable(t));
      this.names.push({
        entryId,
        tokens,
        totalWeight: tokens.reduce((sum, t) => sum + tokenWeight(t), 0),
        unretrievableWeight: unretrievable.reduce((sum, t) => sum + tokenWeight(t), 0),
        maxTokenWeight: Math.max(...tokens.map(tokenWeight)),
        live: true,
      });
      ids.push(id);
      const retrievable = tokens.filter(isRetrievable);
      if (retrievable.length === 0) this.alwaysScored.add(id);
      for (const folded of new Set(retrievable.map((t) => t.folded))) this.vocabularyEntry(folded).postings.push(id);
    }
    this.namesByEntry.set(entryId, ids);
    this.liveEntries++;
  }

  remove(entryId: string): void {
    const ids = this.namesByEntry.get(entryId);
    if (!ids) return;
    for (const id of ids) {
      this.names[id]!.live = false;
      this.alwaysScored.delete(id);
    }
    this.namesByEntry.delete(entryId);
    this.liveEntries--;
  }

  get size(): number {
    return this.liveEntries;
  }

  has(entryId: string): boolean {
    return this.namesByEntry.has(entryId);
  }

  /**
   * Entry ids with at least one name that may score `minScore` or more against the query name,
   * best bound first. Below `minimumIndexedThreshold` every entry is returned.
   */
  candidates(query: string, minScore: number): string[] {
    const q = tokeniseName(query);
    const retrievable = q.filter(isRetrievable);
    if (minScore < minimumIndexedThreshold || retrievable.length === 0) return [...this.namesByEntry.keys()];
    const totalQ = q.reduce((sum, t) => sum + tokenWeight(t), 0);
    // Connectors and initials of the query may match anything: count them as matched.
    const unretrievableQTokens = q.filter((t) => !isRetrievable(t));
    const unretrievableQ = unretrievableQTokens.reduce((sum, t) => sum + tokenWeight(t), 0);
    const accQ = new Map<number, number>();
    const accC = new Map<number, number>();
    for (const token of retrievable) {
      const bestForToken = new Map<number, number>();
      for (const [vocabularyId, similarity] of this.similarVocabulary(token)) {
        const v = this.vocabulary[vocabularyId]!;
        for (const nameId of v.postings) {
          if (!this.names[nameId]!.live) continue;
          if ((bestForToken.get(nameId) ?? 0) < similarity) bestForToken.set(nameId, similarity);
          // Summing over query tokens can only overcount the candidate side: still an upper bound.
          accC.set(nameId, (accC.get(nameId) ?? 0) + v.weight * similarity);
        }
      }
      const weight = tokenWeight(token);
      for (const [nameId, similarity] of bestForToken) accQ.set(nameId, (accQ.get(nameId) ?? 0) + weight * similarity);
    }
    const bound = new Map<string, number>();
    const consider = (nameId: number, matchedQ: number, matchedC: number) => {
      const name = this.names[nameId]!;
      if (!name.live) return;
      const coverQ = Math.min(1, (matchedQ + unretrievableQ) / totalQ);
      // Each query connector or initial may also take one of the name's tokens.
      const byUnretrievableQ = unretrievableQTokens.length * name.maxTokenWeight;
      const coverC = Math.min(1, (matchedC + name.unretrievableWeight + byUnretrievableQ) / name.totalWeight);
      const [shorter, longer] = totalQ <= name.totalWeight ? [coverQ, coverC] : [coverC, coverQ];
      const upper = shorter * (0.7 + 0.3 * longer);
      // Scores are reported rounded to three decimals: a bound just under the threshold may still round up to it.
      if (upper < minScore - 0.0005) return;
      if ((bound.get(name.entryId) ?? -1) < upper) bound.set(name.entryId, upper);
    };
    for (const [nameId, matchedQ] of accQ) consider(nameId, matchedQ, accC.get(nameId) ?? 0);
    for (const nameId of this.alwaysScored) if (!accQ.has(nameId)) consider(nameId, 0, 0);
    return [...bound.entries()].sort((a, b) => b[1] - a[1]).map(([entryId]) => entryId);
  }

  /** Vocabulary tokens that compare with `token` at or above the token threshold, with that similarity. */
  private similarVocabulary(token: NameToken): Map<number, number> {
    const found = new Map<number, number>();
    const exact = this.vocabularyIds.get(token.folded);
    if (exact !== undefined) found.set(exact, 1);
    const check = (id: number) => {
      if (found.has(id)) return;
      const similarity = compareTokens(token, this.vocabulary[id]!.token).similarity;
      if (similarity >= tokenThreshold) found.set(id, similarity);
    };
    for (const id of this.bySkeleton.get(skeletonKey(token.folded)) ?? []) check(id);
    const grams = bigrams(token.folded);
    if (this.bigramCounts.length < this.vocabulary.length) this.bigramCounts = new Uint16Array(this.vocabulary.length * 2);
    const touched: number[] = [];
    for (const gram of grams) {
      for (const id of this.byBigram.get(gram) ?? []) {
        if (this.bigramCounts[id] === 0) touched.push(id);
        this.bigramCounts[id]!++;
      }
    }
    for (const id of touched) {
      // The comparison itself requires this many shared bigrams of a merely similar token (names/similarity).
      if (this.bigramCounts[id]! >= bigramsNeeded(grams.length, this.vocabulary[id]!.grams)) check(id);
      this.bigramCounts[id] = 0;
    }
    return found;
  }

  private vocabularyEntry(folded: string): VocabularyToken {
    const known = this.vocabularyIds.get(folded);
    if (known !== undefined) return this.vocabulary[known]!;
    const id = this.vocabulary.length;
    const token: NameToken = { text: folded, folded, connector: false };
    const grams = bigrams(folded);
    const entry: VocabularyToken = { token, weight: tokenWeight(token), grams: grams.length, postings: [] };
    this.vocabulary.push(entry);
    this.vocabularyIds.set(folded, id);
    for (const gram of grams) push(this.byBigram, gram, id);
    push(this.bySkeleton, skeletonKey(folded), id);
    return entry;
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
