// Arabic→Latin transliteration accuracy on Google's ar→en name pairs and Wikidata's aligned name tokens,
// side by side with a one-letter-per-letter table run in the same process.
// Usage: npm run eval:translit (reads ../shared/data/names; skips with one line when it is absent).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedData } from '../src/package-root.js';
import { skeletonKey, tokeniseName } from '../src/names/normalise.js';
import { jaroWinkler } from '../src/names/similarity.js';
import { transliterate } from '../src/names/transliterate.js';

interface NamePair {
  arabic: string;
  english: string;
  /** How often Wikidata saw the pair (1 for the Google pairs). */
  count: number;
}

interface Figures {
  pairs: number;
  exact: number;
  folded: number;
  skeleton: number;
  meanJaroWinkler: number;
}

function readGooglePairs(path: string): NamePair[] {
  const pairs: NamePair[] = [];
  for (const [index, line] of readFileSync(path, 'utf8').split('\n').entries()) {
    if (line.trim() === '') continue;
    const [arabic, english] = line.split('\t');
    if (!arabic || !english) throw new Error(`${path} line ${index + 1}: expected "arabic<TAB>english", got "${line}"`);
    pairs.push({ arabic, english, count: 1 });
  }
  return pairs;
}

function readWikidataPairs(path: string): NamePair[] {
  const pairs: NamePair[] = [];
  for (const [index, line] of readFileSync(path, 'utf8').split('\n').entries()) {
    if (line.trim() === '') continue;
    const [english, letters, count] = line.split('\t');
    if (!english || !letters || !count || !/^\d+$/.test(count)) {
      throw new Error(`${path} line ${index + 1}: expected "english<TAB>arabic letters<TAB>count", got "${line}"`);
    }
    pairs.push({ arabic: letters.replaceAll(' ', ''), english, count: Number(count) });
  }
  return pairs;
}

/**
 * The naive baseline: one Latin value per Arabic letter, no context (و always w, ي always y, no article, no vowels
 * between consonants), the table a first attempt would write.
 */
const letterByLetter: Readonly<Record<string, string>> = {
  'ا': 'a', 'أ': 'a', 'إ': 'i', 'آ': 'a', 'ٱ': 'a', 'ء': '', 'ؤ': 'u', 'ئ': 'i', 'ب': 'b', 'ت': 't', 'ث': 'th', 'ج': 'j',
  'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'dh', 'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'sh', 'ص': 's', 'ض': 'd', 'ط': 't',
  'ظ': 'z', 'ع': '', 'غ': 'gh', 'ف': 'f', 'ق': 'q', 'ك': 'k', 'ک': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h',
  'ة': 'a', 'و': 'w', 'ي': 'y', 'ی': 'y', 'ى': 'a', 'پ': 'p', 'چ': 'ch', 'ژ': 'zh', 'گ': 'g', 'ڤ': 'v',
};
function transliterateLetterByLetter(arabic: string): string {
  let out = '';
  for (const char of arabic) out += letterByLetter[char] ?? (/[\u0600-\u06FF]/.test(char) ? '' : char);
  return out;
}

/** Case, accents and punctuation ignored: "Abdel-Rahman" and "abdelrahman" are the same spelling. */
function compact(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
/** The spelling the name engine compares: tokeniseName's folded tokens (articles dropped, foldToken applied), joined. */
function foldedKey(name: string): string {
  return tokeniseName(name).map((token) => token.folded).join('');
}
function skeleton(name: string): string {
  return tokeniseName(name).map((token) => skeletonKey(token.folded)).join('');
}

/** Folded and skeleton keys of the reference spellings, computed once per data set and shared by both methods. */
interface Reference {
  compact: string;
  folded: string;
  skeleton: string;
}

function references(pairs: NamePair[]): Reference[] {
  return pairs.map((pair) => ({ compact: compact(pair.english), folded: foldedKey(pair.english), skeleton: skeleton(pair.english) }));
}

function evaluate(pairs: NamePair[], reference: Reference[], romanise: (arabic: string) => string, weighted: boolean): Figures {
  let total = 0;
  let exact = 0;
  let folded = 0;
  let skeletons = 0;
  let similarity = 0;
  for (const [index, pair] of pairs.entries()) {
    const expected = reference[index]!;
    const weight = weighted ? pair.count : 1;
    const latin = romanise(pair.arabic);
    const foldedLatin = foldedKey(latin);
    total += weight;
    if (compact(latin) === expected.compact) exact += weight;
    if (foldedLatin === expected.folded) folded += weight;
    if (skeleton(latin) === expected.skeleton) skeletons += weight;
    similarity += weight * jaroWinkler(foldedLatin, expected.folded);
  }
  return { pairs: total, exact: exact / total, folded: folded / total, skeleton: skeletons / total, meanJaroWinkler: similarity / total };
}

/** Words that are Arabic rather than foreign names in Arabic script (the same signs transliterate() itself reads). */
function looksArabic(pair: NamePair): boolean {
  return pair.arabic.startsWith('ال') || /[حخعقصضطظة]/.test(pair.arabic);
}

function percent(value: number): string {
  return `${(100 * value).toFixed(1)}%`;
}

function main(): void {
  const dataFolder = sharedData('names');
  if (!dataFolder) {
    console.log('../shared/data/names not found: skipping the transliteration evaluation');
    return;
  }
  const train = readGooglePairs(join(dataFolder, 'google-ar2en-train.txt'));
  const test = readGooglePairs(join(dataFolder, 'google-ar2en-test.txt'));
  const wikidata = readWikidataPairs(join(dataFolder, 'wikidata-en-ar-name-tokens.txt'));
  const sets: { name: string; role: string; pairs: NamePair[]; weighted: boolean }[] = [
    { name: 'google train', role: 'tuned on', pairs: train, weighted: false },
    { name: 'google eval', role: 'held out', pairs: readGooglePairs(join(dataFolder, 'google-ar2en-eval.txt')), weighted: false },
    { name: 'google test', role: 'held out', pairs: test, weighted: false },
    { name: 'wikidata', role: 'held out', pairs: wikidata, weighted: false },
    { name: 'wikidata ×count', role: 'held out', pairs: wikidata, weighted: true },
    { name: 'google test, Arabic words', role: 'held out', pairs: test.filter(looksArabic), weighted: false },
    { name: 'wikidata, Arabic words', role: 'held out', pairs: wikidata.filter(looksArabic), weighted: false },
  ];

  console.log('Arabic→Latin transliteration: transliterate() vs a letter-by-letter table (baseline), same run.');
  console.log('Rules were tuned on google train only; eval, test and Wikidata are held out.');
  console.log('exact = same letters ignoring case, accents, punctuation; folded = same tokeniseName/foldToken key;');
  console.log('skeleton = same skeletonKey of the folded tokens; JW = mean Jaro–Winkler of the folded keys.');
  console.log('"wikidata ×count" weighs each token pair by how often Wikidata saw it. "Arabic words": only words with the');
  console.log('article or a letter foreign names avoid (ح خ ع ق ص ض ط ظ ة): most of the pairs are foreign names written in Arabic.\n');
  const header = ['data set', 'role', 'pairs', 'method', 'exact', 'folded', 'skeleton', 'JW', 'folded ×'];
  const rows: string[][] = [];
  for (const set of sets) {
    const reference = references(set.pairs);
    const ours = evaluate(set.pairs, reference, transliterate, set.weighted);
    const baseline = evaluate(set.pairs, reference, transliterateLetterByLetter, set.weighted);
    const pairs = set.weighted ? `${set.pairs.length} (${ours.pairs})` : String(set.pairs.length);
    for (const [method, figures] of [['transliterate', ours], ['baseline', baseline]] as const) {
      rows.push([
        set.name, set.role, pairs, method, percent(figures.exact), percent(figures.folded), percent(figures.skeleton),
        figures.meanJaroWinkler.toFixed(3), method === 'baseline' ? '' : `${(ours.folded / baseline.folded).toFixed(1)}×`,
      ]);
    }
  }
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('\n"folded ×" = folded match rate of transliterate() divided by the baseline\'s.');
}

main();
