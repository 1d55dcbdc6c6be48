// Candidate retrieval for screening: a query touches a small set of listed names instead of all of them.
// Listed names are tokenised once; their distinct folded tokens form a vocabulary indexed by bigram and by
// consonant skeleton, so a query token finds the vocabulary tokens it could match. Names are then read through
// - pair postings: every name under every pair of its tokens, for matches on two tokens or more (nearly all:
//   "Muhammad Ali al-Tikriti" is read under muhammad+tikriti, not under every Muhammad), and
// - single postings: a name under one token only when that token alone could carry it past the threshold
//   ("Tikriti" listed alone), and a query token alone only when it alone could carry the query ("Abu Bakr").
// A query initial ("M.") stands for every vocabulary token with its letter.
// An upper bound on each name's score then drops those that cannot reach the threshold. For thresholds of 0.7
// and above the result equals a full scan (the proof is in `candidates`; property-tested against a scan).
import { bigrams, bigramsNeeded, compareTokens, skeletonKey, tokeniseName, tokenThreshold, tokenWeight, type NameToken } from '../names/index.js';
import { flags, float64s, int32s } from './growable-array.js';

interface VocabularyToken {
  token: NameToken;
  /** Number of distinct bigrams of the folded token (with start and end marks). */
  grams: number;
  /** Every name holding this token (may include removed names; skipped when read). */
  postings: number[];
  /** The names that this token alone may carry past the threshold. */
  singles: number[];
}

interface SimilarVocabulary {
  ids: number[];
  similarities: number[];
}

/** Below this threshold the bounds are not proven tight enough, so the index answers with every entry. */
export const minimumIndexedThreshold = 0.7;

/** Scores are reported rounded to three decimals: a bound just under a threshold may still round up to it. */
const roundingSlack = 0.0005;
const indexedThreshold = minimumIndexedThreshold - roundingSlack;
const connectorWeight = tokenWeight({ text: 'abu', folded: 'abu', connector: true });

const isRetrievable = (t: NameToken) => !t.connector && t.folded.length > 1;
const isInitial = (t: NameToken) => !t.connector && t.folded.length === 1;

/** Vocabulary ids stay below this, so that a pair of them is one exact double. */
const maxVocabulary = 2 ** 26;
const pairKey = (a: number, b: number) => (a <= b ? a * maxVocabulary + b : b * maxVocabulary + a);

export class CandidateIndex {
  // Tokens, interned: a million names repeat a few tens of thousands of distinct tokens.
  private readonly tokens: NameToken[] = [];
  private readonly tokenIds = new Map<string, number>();
  private readonly tokenVocabulary = int32s();
  private readonly tokenWeights = float64s();
  // Names, one row each across these arrays; a name's tokens are nameTokens[tokenStart, tokenStart + tokenCount).
  private readonly nameEntry = int32s();
  private readonly nameTokenStart = int32s();
  private readonly nameTokenCount = int32s();
  private readonly nameTotalWeight = float64s();
  /** Connectors ("abu", "bin"), which only a query's connectors can match. */
  private readonly nameConnectors = int32s();
  /** Initials, each of which may take one query token with its letter. */
  private readonly nameInitials = int32s();
  private readonly nameInitialWeight = float64s();
  private readonly nameLive = flags();
  private readonly nameTokens = int32s();
  // Entries: their names are consecutive rows, from entryFirstName, entryNameCount of them (-1 once removed).
  private readonly entryIds: string[] = [];
  private readonly entrySlots = new Map<string, number>();
  private readonly entryFirstName = int32s();
  private readonly entryNameCount = int32s();
  private readonly vocabulary: VocabularyToken[] = [];
  private readonly vocabularyIds = new Map<string, number>();
  private readonly byBigram = new Map<string, number[]>();
  private readonly bySkeleton = new Map<string, number[]>();
  private readonly pairs = new Map<number, number[]>();
  /** Names with an initial, by its letter: a query token beginning with that letter may match it. */
  private readonly byInitial = new Map<string, number[]>();
  /** Vocabulary tokens by first letter: what a query initial may match. */
  private readonly byFirstLetter = new Map<string, number[]>();
  /** Similar vocabulary per folded query token; valid while the vocabulary does not grow. */
  private readonly similarCache = new Map<string, SimilarVocabulary>();
  private liveEntries = 0;
  // Scratch space reused by every query, so that a query allocates little.
  private bigramCounts = new Uint16Array(0);
  private nameMarks = new Uint32Array(0);
  private entryMarks = new Uint32Array(0);
  private entryBounds = new Float64Array(0);
  private vocabularyMarks = new Uint32Array(0);
  private vocabularySlots = new Int32Array(0);
  private stamp = 0;

  /** Adds an entry's names, replacing any the entry had. */
  put(entryId: string, names: string[]): void {
    this.remove(entryId);
    let slot = this.entrySlots.get(entryId);
    if (slot === undefined) {
      slot = this.entryIds.length;
      this.entryIds.push(entryId);
      this.entrySlots.set(entryId, slot);
      this.entryFirstName.push(0);
      this.entryNameCount.push(-1);
    }
    this.entryFirstName.set(slot, this.nameEntry.length);
    this.entryNameCount.set(slot, names.length);
    this.liveEntries++;
    for (const name of names) this.putName(slot, tokeniseName(name));
  }

  remove(entryId: string): void {
    const slot = this.entrySlots.get(entryId);
    if (slot === undefined || this.entryNameCount.get(slot) < 0) return;
    const first = this.entryFirstName.get(slot);
    for (let id = first; id < first + this.entryNameCount.get(slot); id++) this.nameLive.set(id, 0);
    this.entryNameCount.set(slot, -1);
    this.liveEntries--;
  }

  get size(): number {
    return this.liveEntries;
  }

  has(entryId: string): boolean {
    const slot = this.entrySlots.get(entryId);
    return slot !== undefined && this.entryNameCount.get(slot) >= 0;
  }

  /** The tokens of every name of an entry, in the order given to `put` (shared objects: do not modify). */
  tokensOf(entryId: string): NameToken[][] {
    const slot = this.entrySlots.get(entryId);
    if (slot === undefined || this.entryNameCount.get(slot) < 0) return [];
    const first = this.entryFirstName.get(slot);
    const names: NameToken[][] = [];
    for (let k = 0; k < this.entryNameCount.get(slot); k++) names.push(this.nameTokenList(first + k));
    return names;
  }

  /**
   * Entry ids with at least one name that may score `minScore` or more against the query name,
   * best bound first. Below `minimumIndexedThreshold` every entry is returned.
   *
   * Why nothing is missed, for a name N that a full scan scores at `minScore` or more (compareTokenisedNames).
   * Its score needs a non-connector query token (a "term": a retrievable token or an initial) matched to a
   * non-connector token of N; connectors match only connectors; the alignment is one-to-one. If a term matched an
   * initial of N, N is read under that letter. Else let M be the pairs (term, retrievable token of N) of the
   * alignment. With two pairs or more, N is in the pair postings of two of its tokens, similar to two different
   * terms: read (or the postings of one of those terms are read whole, which holds them). With one pair (t, v): if
   * the query is no heavier than N, the score is at most the query's cover, (w(t) + the query's connectors) / its
   * weight, so t alone carries the query and reads every name holding its similar tokens; if N is the lighter, the
   * score is at most N's own cover, (w(v) + N's connectors and initials) / its weight, so v alone carries N and N is
   * in v's singles, which t reads.
   */
  candidates(query: string, minScore: number): string[] {
    const q = tokeniseName(query);
    if (minScore < minimumIndexedThreshold || !q.some((t) => !t.connector)) return this.allEntries();
    const required = minScore - roundingSlack;
    const totalQ = q.reduce((sum, t) => sum + tokenWeight(t), 0);
    const connectorsQ = q.filter((t) => t.connector);
    const connectorWeightQ = connectorsQ.reduce((sum, t) => sum + tokenWeight(t), 0);
    this.prepareScratch();
    const terms = q
      .filter((t) => !t.connector)
      .map((token) => {
        const similar = isInitial(token) ? this.initialVocabulary(token) : this.similarVocabulary(token);
        let cost = 0;
        for (const id of similar.ids) cost += this.vocabulary[id]!.postings.length;
        return { letter: token.folded[0]!, weight: tokenWeight(token), similar, cost };
      });
    const maxQueryWeight = Math.max(...terms.map((t) => t.weight));

    const stamp = this.nextStamp();
    // Each term's similarity to a vocabulary token, by slot: vocabularySlots[id] * terms + term.
    const termCount = terms.length;
    const similarities = new Float64Array(terms.reduce((sum, t) => sum + t.similar.ids.length, 0) * termCount);
    let slots = 0;
    for (const [term, { similar }] of terms.entries()) {
      for (let k = 0; k < similar.ids.length; k++) {
        const id = similar.ids[k]!;
        if (this.vocabularyMarks[id] !== stamp) {
          this.vocabularyMarks[id] = stamp;
          this.vocabularySlots[id] = slots++;
        }
        similarities[this.vocabularySlots[id]! * termCount + term] = similar.similarities[k]!;
      }
    }

    const touched: number[] = [];
    const touch = (nameIds: readonly number[] | undefined) => {
      if (!nameIds) return;
      for (const nameId of nameIds) {
        if (this.nameMarks[nameId] === stamp) continue;
        this.nameMarks[nameId] = stamp;
        touched.push(nameId);
      }
    };
    const readWhole = new Set<number>();
    for (const [i, term] of terms.entries()) {
      if (term.weight + connectorWeightQ >= required * totalQ) readWhole.add(i);
      for (let j = i + 1; j < termCount; j++) {
        const other = terms[j]!;
        // Looking up every pair of similar tokens can cost more than reading one side whole (a query initial).
        const cheaper = term.cost <= other.cost ? i : j;
        if (term.similar.ids.length * other.similar.ids.length > terms[cheaper]!.cost) readWhole.add(cheaper);
      }
    }
    for (const [i, term] of terms.entries()) {
      for (const id of term.similar.ids) touch(readWhole.has(i) ? this.vocabulary[id]!.postings : this.vocabulary[id]!.singles);
      touch(this.byInitial.get(term.letter));
      if (readWhole.has(i)) continue;
      for (let j = i + 1; j < termCount; j++) {
        if (readWhole.has(j)) continue;
        for (const a of term.similar.ids) for (const b of terms[j]!.similar.ids) touch(this.pairs.get(pairKey(a, b)));
      }
    }

    const termWeights = Float64Array.from(terms, (t) => t.weight);
    const bestQ = new Float64Array(termCount);
    const nameTokens = this.nameTokens.view();
    const tokenVocabulary = this.tokenVocabulary.view();
    const tokenWeights = this.tokenWeights.view();
    const live = this.nameLive.view();
    const tokenStarts = this.nameTokenStart.view();
    const tokenCounts = this.nameTokenCount.view();
    const totalWeights = this.nameTotalWeight.view();
    const connectors = this.nameConnectors.view();
    const initials = this.nameInitials.view();
    const initialWeights = this.nameInitialWeight.view();
    const entries = this.nameEntry.view();
    // The best bound of each entry, by slot (entryMarks[slot] === stamp when set this query).
    const bounded: number[] = [];
    for (const nameId of touched) {
      if (!live[nameId]) continue;
      // Upper bounds of the matched weight on each side: each token at its best similarity on the other side
      // (the real alignment is one-to-one, so it can only be lower).
      let matchedQ = 0;
      let matchedC = 0;
      bestQ.fill(0);
      const start = tokenStarts[nameId]!;
      const end = start + tokenCounts[nameId]!;
      for (let j = start; j < end; j++) {
        const id = tokenVocabulary[nameTokens[j]!]!;
        if (id < 0 || this.vocabularyMarks[id] !== stamp) continue;
        const base = this.vocabularySlots[id]! * termCount;
        let bestC = 0;
        for (let t = 0; t < termCount; t++) {
          const similarity = similarities[base + t]!;
          if (similarity > bestC) bestC = similarity;
          if (similarity > bestQ[t]!) bestQ[t] = similarity;
        }
        matchedC += tokenWeights[nameTokens[j]!]! * bestC;
      }
      for (let t = 0; t < termCount; t++) matchedQ += termWeights[t]! * bestQ[t]!;
      const totalC = totalWeights[nameId]!;
      // Connectors pair with connectors, all of one weight; the name's initials may each take a term.
      const connectorMatches = Math.min(connectorsQ.length, connectors[nameId]!) * connectorWeight;
      const coverQ = Math.min(1, (matchedQ + connectorMatches + initials[nameId]! * maxQueryWeight) / totalQ);
      const coverC = Math.min(1, (matchedC + connectorMatches + initialWeights[nameId]!) / totalC);
      const upper = totalQ <= totalC ? coverQ * (0.7 + 0.3 * coverC) : coverC * (0.7 + 0.3 * coverQ);
      if (upper < required) continue;
      const slot = entries[nameId]!;
      if (this.entryMarks[slot] !== stamp) {
        this.entryMarks[slot] = stamp;
        this.entryBounds[slot] = upper;
        bounded.push(slot);
      } else if (this.entryBounds[slot]! < upper) this.entryBounds[slot] = upper;
    }
    bounded.sort((a, b) => this.entryBounds[b]! - this.entryBounds[a]! || a - b);
    return bounded.map((slot) => this.entryIds[slot]!);
  }

  private putName(slot: number, rawTokens: NameToken[]): void {
    const id = this.nameEntry.push(slot);
    this.nameTokenStart.push(this.nameTokens.length);
    this.nameTokenCount.push(rawTokens.length);
    const tokenIds = rawTokens.map((t) => this.intern(t));
    for (const tokenId of tokenIds) this.nameTokens.push(tokenId);
    const tokens = tokenIds.map((t) => this.tokens[t]!);
    const totalWeight = tokens.reduce((sum, t) => sum + tokenWeight(t), 0);
    const unretrievableWeight = tokens.reduce((sum, t) => sum + (isRetrievable(t) ? 0 : tokenWeight(t)), 0);
    const initials = tokens.filter(isInitial);
    this.nameTotalWeight.push(totalWeight);
    this.nameConnectors.push(tokens.filter((t) => t.connector).length);
    this.nameInitials.push(initials.length);
    this.nameInitialWeight.push(initials.reduce((sum, t) => sum + tokenWeight(t), 0));
    this.nameLive.push(1);
    // "Abu" alone can never score (compareNames needs a non-connector match): kept for alignment, never a candidate.
    if (!tokens.some((t) => !t.connector)) return;
    for (const letter of new Set(initials.map((t) => t.folded))) push(this.byInitial, letter, id);
    const retrievable = tokenIds.filter((t) => this.tokenVocabulary.get(t) >= 0);
    const vocabularyIds = retrievable.map((t) => this.tokenVocabulary.get(t));
    for (const v of new Set(vocabularyIds)) this.vocabulary[v]!.postings.push(id);
    // Singles: the tokens that alone (with the name's connectors and initials) may carry this name.
    const singles = new Set<number>();
    for (const t of retrievable) {
      if (this.tokenWeights.get(t) + unretrievableWeight >= indexedThreshold * totalWeight) singles.add(this.tokenVocabulary.get(t));
    }
    for (const v of singles) this.vocabulary[v]!.singles.push(id);
    const pairKeys = new Set<number>();
    for (let i = 0; i < vocabularyIds.length; i++) {
      for (let j = i + 1; j < vocabularyIds.length; j++) pairKeys.add(pairKey(vocabularyIds[i]!, vocabularyIds[j]!));
    }
    for (const key of pairKeys) push(this.pairs, key, id);
  }

  private nameTokenList(nameId: number): NameToken[] {
    const start = this.nameTokenStart.get(nameId);
    const tokens: NameToken[] = [];
    for (let k = 0; k < this.nameTokenCount.get(nameId); k++) tokens.push(this.tokens[this.nameTokens.get(start + k)]!);
    return tokens;
  }

  /** What a query initial matches: every vocabulary token with its letter, as an initial (names/compare). */
  private initialVocabulary(initial: NameToken): SimilarVocabulary {
    const ids = this.byFirstLetter.get(initial.folded) ?? [];
    return { ids, similarities: ids.map((id) => compareTokens(initial, this.vocabulary[id]!.token).similarity) };
  }

  /** Vocabulary tokens that compare with `token` at or above the token threshold, with that similarity. */
  private similarVocabulary(token: NameToken): SimilarVocabulary {
    const cached = this.similarCache.get(token.folded);
    if (cached) return cached;
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
    const result: SimilarVocabulary = { ids: [...found.keys()], similarities: [...found.values()] };
    if (this.similarCache.size >= 50_000) this.similarCache.clear();
    this.similarCache.set(token.folded, result);
    return result;
  }

  private vocabularyEntry(folded: string): number {
    const known = this.vocabularyIds.get(folded);
    if (known !== undefined) return known;
    const id = this.vocabulary.length;
    if (id >= maxVocabulary) throw new RangeError(`the screening index holds at most ${maxVocabulary} distinct name tokens`);
    const token: NameToken = { text: folded, folded, connector: false };
    const grams = bigrams(folded);
    this.vocabulary.push({ token, grams: grams.length, postings: [], singles: [] });
    this.vocabularyIds.set(folded, id);
    for (const gram of grams) push(this.byBigram, gram, id);
    push(this.bySkeleton, skeletonKey(folded), id);
    push(this.byFirstLetter, folded[0]!, id);
    // A new token may be similar to a query token seen before.
    this.similarCache.clear();
    return id;
  }

  private intern(token: NameToken): number {
    const key = (token.connector ? '1' : '0') + token.folded + ' ' + token.text;
    const known = this.tokenIds.get(key);
    if (known !== undefined) return known;
    const id = this.tokens.length;
    this.tokens.push(token);
    this.tokenIds.set(key, id);
    this.tokenVocabulary.push(isRetrievable(token) ? this.vocabularyEntry(token.folded) : -1);
    this.tokenWeights.push(tokenWeight(token));
    return id;
  }

  private allEntries(): string[] {
    return this.entryIds.filter((_, slot) => this.entryNameCount.get(slot) >= 0);
  }

  private prepareScratch(): void {
    if (this.bigramCounts.length < this.vocabulary.length) this.bigramCounts = new Uint16Array(this.vocabulary.length * 2);
    if (this.vocabularyMarks.length < this.vocabulary.length) {
      this.vocabularyMarks = new Uint32Array(this.vocabulary.length * 2);
      this.vocabularySlots = new Int32Array(this.vocabulary.length * 2);
    }
    if (this.nameMarks.length < this.nameEntry.length) this.nameMarks = new Uint32Array(this.nameEntry.length * 2);
    if (this.entryMarks.length < this.entryIds.length) {
      this.entryMarks = new Uint32Array(this.entryIds.length * 2);
      this.entryBounds = new Float64Array(this.entryIds.length * 2);
    }
  }

  private nextStamp(): number {
    // Marks compare equal to the current stamp only; on wrap-around they are cleared once.
    if (this.stamp === 0xffffffff) {
      this.stamp = 0;
      this.nameMarks.fill(0);
      this.entryMarks.fill(0);
      this.vocabularyMarks.fill(0);
    }
    return ++this.stamp;
  }
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
