// Candidate retrieval for screening: a query touches a small set of listed names instead of all of them.
// Listed names are tokenised once; their distinct folded tokens form a vocabulary indexed by bigram, consonant
// skeleton and sound (Double Metaphone), so a query token finds the vocabulary tokens it could match. Names are then
// read through
// - pair postings: every name under every pair of its tokens, for matches on two tokens or more (nearly all:
//   "Muhammad Ali al-Tikriti" is read under muhammad+tikriti, not under every Muhammad), and
// - single postings: a name under one token only when that token alone could carry it past the threshold
//   ("Tikriti" listed alone), and a query token alone only when it alone could carry the query ("Abu Bakr").
// A query initial ("M.") stands for every vocabulary token with its letter. Names where a token of one side may be
// two fused tokens of the other ("Mirahmad" / "Mir Ahmad") are read by their fusion key and kept.
// An upper bound on each name's score then drops those that cannot reach the threshold. For thresholds of 0.7
// and above the result equals a full scan (the proof is in `candidates`; property-tested against a scan).
import {
  bigrams,
  bigramsNeeded,
  compareTokens,
  editDistanceWithin,
  fusedArticle,
  fuseTokens,
  fusionKey,
  isFusable,
  mayBeFused,
  skeletonKey,
  soundKeys,
  tokeniseName,
  tokenThreshold,
  tokenWeight,
  type NameToken,
} from '../names/index.js';
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

/** Words in a name row before its token ids: query mark, entry slot, token count. */
const rowHeader = 3;
/** What a token is, for the bound: connectors match only connectors; an initial may take any token of its letter. */
const wordKind = 0;
const connectorKind = 1;
const initialKind = 2;
const kindOf = (t: NameToken) => (t.connector ? connectorKind : isInitial(t) ? initialKind : wordKind);
/** Query marks are stored in the (signed) name rows: they wrap around below this. */
const maxStamp = 2 ** 31 - 1;

export class CandidateIndex {
  // Tokens, interned: a million names repeat a few tens of thousands of distinct tokens.
  private readonly tokens: NameToken[] = [];
  private readonly tokenIds = new Map<string, number>();
  private readonly tokenVocabulary = int32s();
  private readonly tokenWeights = float64s();
  private readonly tokenKinds = flags();
  /**
   * Names, one row each, packed in one array so that reading a name touches one or two cache lines:
   * [query mark, entry slot (-1 - slot once removed), token count, token ids…]. Postings hold row offsets.
   */
  private readonly rows = int32s();
  private nameCount = 0;
  // Entries: their names are consecutive rows, from entryFirstRow, entryNameCount of them (-1 once removed).
  private readonly entryIds: string[] = [];
  private readonly entrySlots = new Map<string, number>();
  private readonly entryFirstRow = int32s();
  private readonly entryNameCount = int32s();
  private readonly vocabulary: VocabularyToken[] = [];
  private readonly vocabularyIds = new Map<string, number>();
  private readonly byBigram = new Map<string, number[]>();
  private readonly bySkeleton = new Map<string, number[]>();
  /** Vocabulary by Double Metaphone code (primary and alternate): sound-alike spelling variants. */
  private readonly bySound = new Map<string, number[]>();
  /** Pair postings: pairs[a].get(b), for vocabulary ids a < b, holds the rows of names with both tokens. */
  private readonly pairs: (Map<number, number[]> | undefined)[] = [];
  /** Names by the hashed fusion key (names/compare) of each two adjacent tokens written as one: what a fused query token may match. */
  private readonly byFused = new Map<number, number[]>();
  /** Names with an initial, by its letter: a query token beginning with that letter may match it. */
  private readonly byInitial = new Map<string, number[]>();
  /** Vocabulary tokens by first letter: what a query initial may match. */
  private readonly byFirstLetter = new Map<string, number[]>();
  /** Similar vocabulary per folded query token; valid while the vocabulary does not grow. */
  private readonly similarCache = new Map<string, SimilarVocabulary>();
  private liveEntries = 0;
  // Scratch space reused by every query, so that a query allocates little.
  private bigramCounts = new Uint16Array(0);
  /** Per entry slot, side by side (one cache line): [2 * slot] the stamp of the query that set [2 * slot + 1], its best bound. */
  private entryBounds = new Float64Array(0);
  private vocabularyMarks = new Uint32Array(0);
  private vocabularySlots = new Int32Array(0);
  private stamp = 0;
  /** What the last query left for queryTokenMayMatch: its stamp, each query token's term (-1: connector), similarities. */
  private lastQuery: { stamp: number; termOf: Int32Array; termCount: number; similarities: Float64Array } | null = null;

  /** Adds an entry's names, replacing any the entry had. */
  put(entryId: string, names: string[]): void {
    this.remove(entryId);
    let slot = this.entrySlots.get(entryId);
    if (slot === undefined) {
      slot = this.entryIds.length;
      this.entryIds.push(entryId);
      this.entrySlots.set(entryId, slot);
      this.entryFirstRow.push(0);
      this.entryNameCount.push(-1);
    }
    this.entryFirstRow.set(slot, this.rows.length);
    this.entryNameCount.set(slot, names.length);
    this.liveEntries++;
    for (const name of names) this.putName(slot, tokeniseName(name));
  }

  remove(entryId: string): void {
    const slot = this.entrySlots.get(entryId);
    if (slot === undefined || this.entryNameCount.get(slot) < 0) return;
    let row = this.entryFirstRow.get(slot);
    for (let k = 0; k < this.entryNameCount.get(slot); k++, row += rowHeader + this.rows.get(row + 2)) this.rows.set(row + 1, -1 - slot);
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
  tokensOf(entryId: string): (readonly NameToken[])[] {
    const slot = this.entrySlots.get(entryId);
    return slot === undefined ? [] : this.tokensAt(slot);
  }

  /** `tokensOf` by slot. */
  tokensAt(slot: number): (readonly NameToken[])[] {
    if (this.entryNameCount.get(slot) < 0) return [];
    let row = this.entryFirstRow.get(slot);
    const names: (readonly NameToken[])[] = [];
    for (let k = 0; k < this.entryNameCount.get(slot); k++, row += rowHeader + this.rows.get(row + 2)) {
      const tokens: NameToken[] = [];
      for (let j = row + rowHeader; j < row + rowHeader + this.rows.get(row + 2); j++) tokens.push(this.tokens[this.rows.get(j)]!);
      names.push(tokens);
    }
    return names;
  }

  /** The slot of an entry: a small integer, fixed for the life of the index, that `candidateSlots` returns. */
  slotOf(entryId: string): number | undefined {
    return this.entrySlots.get(entryId);
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
    return this.candidateSlots(query, minScore).map((slot) => this.entryIds[slot]!);
  }

  /** `candidates`, as entry slots (see `slotOf`). */
  candidateSlots(query: string, minScore: number): number[] {
    const q = tokeniseName(query);
    this.lastQuery = null;
    if (minScore < minimumIndexedThreshold || !q.some((t) => !t.connector)) return this.liveSlots();
    const required = minScore - roundingSlack;
    const totalQ = q.reduce((sum, t) => sum + tokenWeight(t), 0);
    const connectorCountQ = q.filter((t) => t.connector).length;
    const connectorWeightQ = connectorCountQ * connectorWeight;
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
    const vocabularyMarks = this.vocabularyMarks;
    const vocabularySlots = this.vocabularySlots;
    const similarities = new Float64Array(terms.reduce((sum, t) => sum + t.similar.ids.length, 0) * termCount);
    let slots = 0;
    for (const [term, { similar }] of terms.entries()) {
      for (let k = 0; k < similar.ids.length; k++) {
        const id = similar.ids[k]!;
        if (vocabularyMarks[id] !== stamp) {
          vocabularyMarks[id] = stamp;
          vocabularySlots[id] = slots++;
        }
        similarities[vocabularySlots[id]! * termCount + term] = similar.similarities[k]!;
      }
    }

    const termOf = new Int32Array(q.length).fill(-1);
    for (let position = 0, term = 0; position < q.length; position++) if (!q[position]!.connector) termOf[position] = term++;
    this.lastQuery = { stamp, termOf, termCount, similarities };

    const termWeights = Float64Array.from(terms, (t) => t.weight);
    const bestQ = new Float64Array(termCount);
    const rows = this.rows.view();
    const tokenVocabulary = this.tokenVocabulary.view();
    const tokenWeights = this.tokenWeights.view();
    const tokenKinds = this.tokenKinds.view();
    const entryBounds = this.entryBounds;
    // Entries with a name whose bound reaches the threshold, with their best bound in entryBounds.
    const bounded: number[] = [];
    // Each name is bounded the first time a posting leads to it this query (its row's mark then holds the stamp).
    const read = (postings: readonly number[] | undefined) => {
      if (!postings) return;
      for (let p = 0; p < postings.length; p++) {
        const row = postings[p]!;
        if (rows[row] === stamp) continue;
        rows[row] = stamp;
        const slot = rows[row + 1]!;
        if (slot < 0) continue;
        // Upper bounds of the matched weight on each side: each token at its best similarity on the other side
        // (the real alignment is one-to-one, so it can only be lower).
        let totalC = 0;
        let matchedC = 0;
        let connectorsC = 0;
        let initialsC = 0;
        let initialWeightC = 0;
        for (let t = 0; t < termCount; t++) bestQ[t] = 0;
        const end = row + rowHeader + rows[row + 2]!;
        for (let j = row + rowHeader; j < end; j++) {
          const token = rows[j]!;
          const weight = tokenWeights[token]!;
          totalC += weight;
          const kind = tokenKinds[token]!;
          if (kind === connectorKind) {
            connectorsC++;
            continue;
          }
          if (kind === initialKind) {
            initialsC++;
            initialWeightC += weight;
            continue;
          }
          const id = tokenVocabulary[token]!;
          if (id < 0 || vocabularyMarks[id] !== stamp) continue;
          const base = vocabularySlots[id]! * termCount;
          let bestC = 0;
          for (let t = 0; t < termCount; t++) {
            const similarity = similarities[base + t]!;
            if (similarity > bestC) bestC = similarity;
            if (similarity > bestQ[t]!) bestQ[t] = similarity;
          }
          matchedC += weight * bestC;
        }
        let matchedQ = 0;
        for (let t = 0; t < termCount; t++) matchedQ += termWeights[t]! * bestQ[t]!;
        // Connectors pair with connectors, all of one weight; the name's initials may each take a term.
        const connectorMatches = Math.min(connectorCountQ, connectorsC) * connectorWeight;
        const coverQ = Math.min(1, (matchedQ + connectorMatches + initialsC * maxQueryWeight) / totalQ);
        const coverC = Math.min(1, (matchedC + connectorMatches + initialWeightC) / totalC);
        const upper = totalQ <= totalC ? coverQ * (0.7 + 0.3 * coverC) : coverC * (0.7 + 0.3 * coverQ);
        if (upper < required) continue;
        if (entryBounds[2 * slot] !== stamp) {
          entryBounds[2 * slot] = stamp;
          entryBounds[2 * slot + 1] = upper;
          bounded.push(slot);
        } else if (entryBounds[2 * slot + 1]! < upper) entryBounds[2 * slot + 1] = upper;
      }
    };

    // Names that may match with two tokens fused on one side are kept whatever their bound (1 bounds every score).
    const keep = (postings: readonly number[] | undefined) => {
      if (!postings) return;
      for (const row of postings) {
        rows[row] = stamp;
        const slot = rows[row + 1]!;
        if (slot < 0) continue;
        if (entryBounds[2 * slot] !== stamp) bounded.push(slot);
        entryBounds[2 * slot] = stamp;
        entryBounds[2 * slot + 1] = 1;
      }
    };
    for (const [i, token] of q.entries()) {
      if (!isFusable(token)) continue;
      keep(this.byFused.get(keyHash(fusionKey(token.folded))));
      const next = q[i + 1];
      if (!next || !isFusable(next)) continue;
      // The query's two tokens may be one listed token: the listed tokens the scorer would take for them.
      const fused = fuseTokens(token, next);
      const key = fusionKey(fused.folded);
      for (const id of this.bySkeleton.get(skeletonKey(fused.folded)) ?? []) {
        const listed = this.vocabulary[id]!.token;
        if (!mayBeFused(token.folded[0]!, fused.folded.length, listed.folded) || fusionKey(listed.folded) !== key) continue;
        if (!editDistanceWithin(fused.folded, listed.folded, 1)) continue;
        if (compareTokens(fused, listed, false).similarity >= tokenThreshold) keep(this.vocabulary[id]!.postings);
      }
    }

    // The pair postings of (a, b) for a in `from` and b in `to` (term `toTerm`), where they are stored under the
    // smaller id: a ≤ b when `withSame`, else a < b (a second call with the sides swapped reads the rest). Each a
    // looks up its partners in `to`, or walks its own partners when it has fewer.
    const inTerm = (id: number, term: number) => vocabularyMarks[id] === stamp && similarities[vocabularySlots[id]! * termCount + term]! > 0;
    const readPairs = (from: readonly number[], to: readonly number[], toTerm: number, withSame: boolean) => {
      for (const a of from) {
        const partners = this.pairs[a];
        if (!partners) continue;
        if (partners.size < to.length) {
          for (const [b, pairRows] of partners) if ((withSame || b !== a) && inTerm(b, toTerm)) read(pairRows);
        } else {
          for (const b of to) if (b > a || (withSame && b === a)) read(partners.get(b));
        }
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
      for (const id of term.similar.ids) read(readWhole.has(i) ? this.vocabulary[id]!.postings : this.vocabulary[id]!.singles);
      read(this.byInitial.get(term.letter));
      if (readWhole.has(i)) continue;
      for (let j = i + 1; j < termCount; j++) {
        if (readWhole.has(j)) continue;
        readPairs(term.similar.ids, terms[j]!.similar.ids, j, true);
        readPairs(terms[j]!.similar.ids, term.similar.ids, i, false);
      }
    }
    bounded.sort((a, b) => entryBounds[2 * b + 1]! - entryBounds[2 * a + 1]! || a - b);
    return bounded;
  }

  /** After `candidateSlots`, and before the next query: the upper bound of the name score of an entry it returned (1 when not bounded). */
  boundOf(slot: number): number {
    const last = this.lastQuery;
    if (!last || last.stamp !== this.stamp || this.entryBounds[2 * slot] !== last.stamp) return 1;
    return this.entryBounds[2 * slot + 1]!;
  }

  /**
   * After `candidateSlots`, and before the next query: whether that query's token at `position` may match the listed
   * token at all. False only when their comparison is below the token threshold (the token is not in the term's
   * similar vocabulary, which holds every token at or above it); true when not known.
   */
  queryTokenMayMatch(position: number, listed: NameToken): boolean {
    const last = this.lastQuery;
    if (!last || last.stamp !== this.stamp || listed.connector) return true;
    const term = last.termOf[position] ?? -1;
    if (term < 0) return true;
    const id = this.vocabularyIds.get(listed.folded);
    if (id === undefined) return true;
    if (this.vocabularyMarks[id] !== last.stamp) return false;
    return last.similarities[this.vocabularySlots[id]! * last.termCount + term]! > 0;
  }

  private putName(slot: number, rawTokens: readonly NameToken[]): void {
    const row = this.rows.push(0);
    this.rows.push(slot);
    this.rows.push(rawTokens.length);
    this.nameCount++;
    const tokenIds = rawTokens.map((t) => this.intern(t));
    for (const tokenId of tokenIds) this.rows.push(tokenId);
    const tokens = tokenIds.map((t) => this.tokens[t]!);
    const totalWeight = tokens.reduce((sum, t) => sum + tokenWeight(t), 0);
    const unretrievableWeight = tokens.reduce((sum, t) => sum + (isRetrievable(t) ? 0 : tokenWeight(t)), 0);
    // "Abu" alone can never score (compareNames needs a non-connector match): kept for alignment, never a candidate.
    if (!tokens.some((t) => !t.connector)) return;
    for (const letter of new Set(tokens.filter(isInitial).map((t) => t.folded))) push(this.byInitial, letter, row);
    const retrievable = tokenIds.filter((t) => this.tokenVocabulary.get(t) >= 0);
    const vocabularyIds = retrievable.map((t) => this.tokenVocabulary.get(t));
    for (const v of new Set(vocabularyIds)) this.vocabulary[v]!.postings.push(row);
    // Singles: the tokens that alone (with the name's connectors and initials) may carry this name.
    const singles = new Set<number>();
    for (const t of retrievable) {
      if (this.tokenWeights.get(t) + unretrievableWeight >= indexedThreshold * totalWeight) singles.add(this.tokenVocabulary.get(t));
    }
    for (const v of singles) this.vocabulary[v]!.singles.push(row);
    const seen = new Set<string>();
    for (let i = 0; i < vocabularyIds.length; i++) {
      for (let j = i + 1; j < vocabularyIds.length; j++) {
        const a = Math.min(vocabularyIds[i]!, vocabularyIds[j]!);
        const b = Math.max(vocabularyIds[i]!, vocabularyIds[j]!);
        if (seen.has(`${a} ${b}`)) continue;
        seen.add(`${a} ${b}`);
        push((this.pairs[a] ??= new Map()), b, row);
      }
    }
    const fused = new Set<number>();
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (isFusable(tokens[i]!) && isFusable(tokens[i + 1]!)) fused.add(keyHash(fusionKey(tokens[i]!.folded + tokens[i + 1]!.folded)));
    }
    for (const key of fused) push(this.byFused, key, row);
  }

  /** What a query initial matches: every vocabulary token with its letter, as an initial (names/compare). */
  private initialVocabulary(initial: NameToken): SimilarVocabulary {
    const ids = this.byFirstLetter.get(initial.folded) ?? [];
    return { ids, similarities: ids.map((id) => compareTokens(initial, this.vocabulary[id]!.token, false).similarity) };
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
      const similarity = compareTokens(token, this.vocabulary[id]!.token, false).similarity;
      if (similarity >= tokenThreshold) found.set(id, similarity);
    };
    for (const id of this.bySkeleton.get(skeletonKey(token.folded)) ?? []) check(id);
    // The same name with the article fused on one side ("albaghdadi" / "baghdadi").
    const unfused = token.folded.startsWith(fusedArticle) ? this.vocabularyIds.get(token.folded.slice(fusedArticle.length)) : undefined;
    if (unfused !== undefined) check(unfused);
    const fused = this.vocabularyIds.get(fusedArticle + token.folded);
    if (fused !== undefined) check(fused);
    for (const code of soundKeys(token.folded)) for (const id of this.bySound.get(code) ?? []) check(id);
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
    const token: NameToken = { text: folded, folded, connector: false };
    const grams = bigrams(folded);
    this.vocabulary.push({ token, grams: grams.length, postings: [], singles: [] });
    this.vocabularyIds.set(folded, id);
    for (const gram of grams) push(this.byBigram, gram, id);
    push(this.bySkeleton, skeletonKey(folded), id);
    for (const code of soundKeys(folded)) push(this.bySound, code, id);
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
    this.tokenKinds.push(kindOf(token));
    return id;
  }

  private liveSlots(): number[] {
    const slots: number[] = [];
    for (let slot = 0; slot < this.entryIds.length; slot++) if (this.entryNameCount.get(slot) >= 0) slots.push(slot);
    return slots;
  }

  private prepareScratch(): void {
    if (this.bigramCounts.length < this.vocabulary.length) this.bigramCounts = new Uint16Array(this.vocabulary.length * 2);
    if (this.vocabularyMarks.length < this.vocabulary.length) {
      this.vocabularyMarks = new Uint32Array(this.vocabulary.length * 2);
      this.vocabularySlots = new Int32Array(this.vocabulary.length * 2);
    }
    if (this.entryBounds.length < 2 * this.entryIds.length) this.entryBounds = new Float64Array(this.entryIds.length * 4);
  }

  private nextStamp(): number {
    // Marks compare equal to the current stamp only; on wrap-around they are cleared once.
    if (this.stamp === maxStamp) {
      this.stamp = 0;
      for (let row = 0, k = 0; k < this.nameCount; k++, row += rowHeader + this.rows.get(row + 2)) this.rows.set(row, 0);
      this.entryBounds.fill(0);
      this.vocabularyMarks.fill(0);
    }
    return ++this.stamp;
  }
}

/** A key as a small integer (FNV-1a, 30 bits): a collision only makes a few more names candidates. */
function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
