// The features of each token of a sentence, as keys (see feature-hash.ts), in parts that training and tagging
// share: what the token's word says (`WordFeatures.own`) and what its neighbours within ±2 say
// (`WordFeatures.context`), both worked out once per distinct word; what each pair of adjacent words says
// (`pairFeatures`); and what only the sentence can say (`sentenceWideFeatures`, `spanFeatures`): length and case
// of the line, gazetteer places, capitalised runs and names seen in training.
// Tag-to-tag features are not here: the decoder scores transitions itself (see perceptron.ts).
import { extendSequence, hashString, KeyList, sequenceStart, template } from './feature-hash.js';
import type { KnownEntities } from './known-entities.js';
import { placeLexicon, placeSources, type PlaceMatch } from './place-lexicon.js';
import type { WordClusters } from './word-clusters.js';
import { boundaryFeatures, contextOffsets, wordFeatures, WordFeatureCache, type WordFeatures } from './word-features.js';

/** Bumped whenever a feature's definition changes: a weights file of another version is refused, not misread. */
export const featureVersion = 3;

export { wordShape, shortShape } from './word-features.js';

export interface CapitalisedRun {
  /** First token of the run and one past its last. */
  start: number;
  end: number;
}

/**
 * Runs of capitalised words (connectors such as "of" allowed between them): the head word that types a long
 * name ("St. Lawrence River", "Ministry of Oil") often lies beyond the ±2 window.
 */
export function capitalisedRuns(words: readonly Pick<WordFeatures, 'capitalised' | 'connector'>[]): CapitalisedRun[] {
  const runs: CapitalisedRun[] = [];
  let i = 0;
  while (i < words.length) {
    if (!words[i]!.capitalised) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      let k = j;
      while (k < words.length && words[k]!.connector && !words[k]!.capitalised) k++;
      if (k < words.length && words[k]!.capitalised && k - j <= 2) j = k + 1;
      else break;
    }
    runs.push({ start: i, end: j });
    i = j;
  }
  return runs;
}

const t = {
  first: template('first'),
  firstCase: template('first-case'),
  last: template('last'),
  length: template('length'),
  allCapitalised: template('all-capitalised'),
  shapePrevious: template('s-1|s'),
  shapeNext: template('s|s+1'),
  lowerPrevious: template('l-1|l'),
  lowerNext: template('l|l+1'),
  lowerPreviousShort: template('l-1|ss'),
  shortLowerNext: template('ss|l+1'),
  place: placeSources.map((source) => template(`gz=${source}`)),
  placeFit: placeSources.map((source) => template(`gz=${source}|fit`)),
  runLast: template('run-last'),
  runFirst: template('run-first'),
  runLength: template('run-length'),
  runAt: template('run-at'),
  run: template('run'),
  runIndex: template('run|at'),
  runLastAt: template('run-last|at'),
  runLastSuffix: template('run-last-x3'),
  runFirstLast: template('run-first|last'),
  runBefore: template('run-before'),
  runAfter: template('run-after'),
  known: template('known'),
  knownWhole: template('known-whole'),
};

const small = Array.from({ length: 9 }, (_, n) => ({ text: String(n), hash: hashString(String(n)) }));
const atNames = ['first', 'inside', 'last'] as const;
const at = atNames.map((name) => ({ text: name, hash: hashString(name) }));
const marks = { B: hashString('B'), I: hashString('I') };
const fits = ['B|whole', 'I|whole', 'B|part', 'I|part'].map((text) => ({ text, hash: hashString(text) }));

/** What the features of a sentence's tokens need to know about the whole sentence, worked out once. */
export interface SentenceFacts {
  words: readonly WordFeatures[];
  start: WordFeatures;
  end: WordFeatures;
  allCapitalised: boolean;
  /** Per token: the gazetteer place name it stands in; null when the sentence names none. */
  places: (PlaceMatch | null)[] | null;
  /** Per token: its capitalised run when that run has two or more tokens. */
  runs: (CapitalisedRun | null)[];
  /** Per token: hash of its run's lower-case text. */
  runHashes: Int32Array;
  known: ReturnType<KnownEntities['match']> | null;
}

const start = boundaryFeatures('<s>');
const end = boundaryFeatures('</s>');
const describedStart = boundaryFeatures('<s>', true);
const describedEnd = boundaryFeatures('</s>', true);

export function sentenceFacts(words: readonly WordFeatures[], known: KnownEntities | null, describe = false): SentenceFacts {
  const lexicon = placeLexicon();
  const runs: (CapitalisedRun | null)[] = new Array(words.length).fill(null);
  const runHashes = new Int32Array(words.length);
  for (const run of capitalisedRuns(words)) {
    if (run.end - run.start < 2) continue;
    let h = sequenceStart;
    for (let k = run.start; k < run.end; k++) h = extendSequence(h, words[k]!.lowerHash);
    for (let k = run.start; k < run.end; k++) {
      runs[k] = run;
      runHashes[k] = h;
    }
  }
  return {
    words,
    start: describe ? describedStart : start,
    end: describe ? describedEnd : end,
    allCapitalised: words.every((w) => !w.startsLower),
    places: words.some((w) => lexicon.startsName(w.folded)) ? lexicon.match(words) : null,
    runs,
    runHashes,
    known: known ? known.match(words) : null,
  };
}

/** The features every token of the sentence shares, appended to `out`. */
export function sentenceWideFeatures(facts: SentenceFacts, out: KeyList): void {
  // WikiANN has many "sentences" that are one name or a list of names: length and case of the whole line help.
  const length = small[Math.min(facts.words.length, 8)]!;
  out.add(t.length, length.hash, length.text);
  out.add(t.allCapitalised, facts.allCapitalised ? 1 : 0, String(facts.allCapitalised));
}

/**
 * The features of two adjacent tokens (either may be a sentence boundary), which depend on the two words only:
 * what the pair tells the left token (about its next word) and the right one (about its previous word).
 * A null list skips that side.
 */
export function pairFeatures(left: WordFeatures, right: WordFeatures, toLeft: KeyList | null, toRight: KeyList | null): void {
  if (toRight) {
    if (left.boundary === 'start') {
      toRight.flag(t.first);
      toRight.add(t.firstCase, hashString(right.caseClass), right.caseClass);
    }
    toRight.add2(t.shapePrevious, left.shapeHash, right.shapeHash, left.shape, right.shape);
    toRight.add2(t.lowerPrevious, left.lowerHash, right.lowerHash, left.lower, right.lower);
    toRight.add2(t.lowerPreviousShort, left.lowerHash, right.shortHash, left.lower, right.short);
  }
  if (toLeft) {
    if (right.boundary === 'end') toLeft.flag(t.last);
    toLeft.add2(t.shapeNext, left.shapeHash, right.shapeHash, left.shape, right.shape);
    toLeft.add2(t.lowerNext, left.lowerHash, right.lowerHash, left.lower, right.lower);
    toLeft.add2(t.shortLowerNext, left.shortHash, right.lowerHash, left.short, right.lower);
  }
}

/** The features of token `i` from the names around it: gazetteer places, capitalised runs, names seen in training. */
export function spanFeatures(facts: SentenceFacts, i: number, out: KeyList): void {
  const { words } = facts;
  const place = facts.places?.[i];
  const run = facts.runs[i];
  if (place) {
    // Whether the place is the whole capitalised run: "Sioux Falls" alone is a town, in "Sioux Falls Arena" a part.
    const whole = run ? run.start === place.start && run.end === place.end : place.end - place.start === 1;
    const fit = fits[(whole ? 0 : 2) + (place.mark === 'B' ? 0 : 1)]!;
    placeSources.forEach((_, s) => {
      if (!(place.sources & (1 << s))) return;
      out.add(t.place[s]!, marks[place.mark], place.mark);
      out.add(t.placeFit[s]!, fit.hash, fit.text);
    });
  }
  if (run) {
    const first = words[run.start]!;
    const last = words[run.end - 1]!;
    const length = small[Math.min(run.end - run.start, 5)]!;
    const index = small[Math.min(i - run.start, 8)]!;
    const where = at[i === run.start ? 0 : i === run.end - 1 ? 2 : 1]!;
    const runHash = facts.runHashes[i]!;
    const runText = out.names ? words.slice(run.start, run.end).map((w) => w.lower).join(' ') : '';
    out.add(t.runLast, last.lowerHash, last.lower);
    out.add(t.runFirst, first.lowerHash, first.lower);
    out.add(t.runLength, length.hash, length.text);
    out.add(t.runAt, where.hash, where.text);
    out.add(t.run, runHash, runText);
    out.add2(t.runIndex, runHash, index.hash, runText, index.text);
    out.add2(t.runLastAt, last.lowerHash, where.hash, last.lower, where.text);
    out.add(t.runLastSuffix, last.suffix3Hash, last.lower.slice(-3));
    out.add2(t.runFirstLast, first.lowerHash, last.lowerHash, first.lower, last.lower);
    // The words either side of the run type it ("side Newport County", "born in …") from wherever the token stands in it.
    const before = run.start === 0 ? facts.start : words[run.start - 1]!;
    const after = run.end === words.length ? facts.end : words[run.end]!;
    out.add(t.runBefore, before.lowerHash, before.lower);
    out.add(t.runAfter, after.lowerHash, after.lower);
  }
  const known = facts.known?.[i];
  if (known) {
    out.add(t.known, known.key, known.name);
    if (known.whole) out.add(t.knownWhole, known.key, known.name);
  }
}

/**
 * Every feature key of token `i`: its word's own, its neighbours' context ones, its two word pairs', the
 * sentence's and the names'. Tagging sums the same keys in a different order (see model.ts).
 */
export function tokenFeatures(facts: SentenceFacts, i: number, out: KeyList): void {
  const { words } = facts;
  const word = words[i]!;
  const at = (j: number) => (j < 0 ? facts.start : j >= words.length ? facts.end : words[j]!);
  out.append(word.own, word.names?.own);
  contextOffsets.forEach((offset, k) => {
    const neighbour = at(i + offset);
    out.append(neighbour.context[k]!, neighbour.names?.context[k]);
  });
  pairFeatures(at(i - 1), word, null, out);
  pairFeatures(word, at(i + 1), out, null);
  sentenceWideFeatures(facts, out);
  spanFeatures(facts, i, out);
}

/** Feature keys of every token of a sentence (what training reads). */
export function sentenceFeatureKeys(tokens: readonly string[], cache: WordFeatureCache, known: KnownEntities | null): Int32Array[] {
  const facts = sentenceFacts(tokens.map((token) => cache.get(token)), known);
  const out = new KeyList();
  return tokens.map((_, i) => {
    out.clear();
    tokenFeatures(facts, i, out);
    return out.toArray();
  });
}

/** Readable features of every token, in the order of their keys: for tests and for reading a model's choices. */
export function describeFeatures(
  tokens: readonly string[],
  known: KnownEntities | null = null,
  clusters: WordClusters | null = null,
): { keys: Int32Array; names: string[] }[] {
  const facts = sentenceFacts(tokens.map((token) => wordFeatures(token, true, clusters)), known, true);
  return tokens.map((_, i) => {
    const out = new KeyList(true);
    tokenFeatures(facts, i, out);
    return { keys: out.toArray(), names: out.names! };
  });
}
