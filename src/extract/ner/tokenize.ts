// Splits a sentence into the tokens the NER model was trained on (WikiANN / WNUT-17 style), keeping each
// token's character offsets: words with inner hyphens and apostrophes stay whole ("al-Baghdadi", "Ja'far"),
// numbers keep their separators ("1,200.50"), dotted abbreviations are one token ("U.S."), a possessive
// "'s" and every punctuation mark stand alone. A number run straight into letters is a word ("1990s", "20px"),
// and a capital's full stop stays with it when a capitalised word follows, as in a name's initial ("R. Okonjo").
// A scanner over character classes rather than a regular expression: tokenizing is the floor under tagging
// speed, and each code unit's class is looked up once in a table instead of tested per match.
import type { Span } from '../sentences.js';

export interface TextToken {
  text: string;
  start: number;
  end: number;
}

const letter = 1;
const mark = 2;
const digit = 4;
const space = 8;
const upper = 16;
const wordChar = letter | mark | digit;
const unknown = 128;

/** Class bits of each BMP code unit, worked out the first time it is met. */
const classes = new Uint8Array(0x10000).fill(unknown);

function classify(char: string): number {
  if (/\s/u.test(char)) return space;
  return (/\p{L}/u.test(char) ? letter : 0) | (/\p{Lu}/u.test(char) ? upper : 0) | (/\p{M}/u.test(char) ? mark : 0) | (/\p{N}/u.test(char) ? digit : 0);
}

/** Width in code units of the character at `i` (2 for a surrogate pair). */
function widthAt(text: string, i: number, end: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff || i + 1 >= end) return 1;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/** Class bits of the character at `i`. */
function classAt(text: string, i: number, end: number): number {
  const code = text.charCodeAt(i);
  if (widthAt(text, i, end) === 2) return classify(text.slice(i, i + 2));
  let bits = classes[code]!;
  if (bits === unknown) bits = classes[code] = classify(text[i]!);
  return bits;
}

/** End of the run of characters with any of `bits` that starts at `i`. */
function runEnd(text: string, i: number, end: number, bits: number): number {
  while (i < end && classAt(text, i, end) & bits) i += widthAt(text, i, end);
  return i;
}

const isDot = (code: number) => code === 0x2e;
const isNumberSeparator = (code: number) => code === 0x2e || code === 0x2c;
const isJoiner = (code: number) => code === 0x2d || code === 0x27 || code === 0x2019; // - ' ’
const isApostrophe = (code: number) => code === 0x27 || code === 0x2019;

/** Where the token starting at `i` (a non-space character) ends. */
function tokenEnd(text: string, i: number, end: number): number {
  const bits = classAt(text, i, end);
  // Dotted abbreviation: two or more "letter." pairs ("U.S.", "e.g.").
  if (bits & letter) {
    let j = i;
    let pairs = 0;
    for (;;) {
      if (j >= end || !(classAt(text, j, end) & letter)) break;
      const w = widthAt(text, j, end);
      if (j + w >= end || !isDot(text.charCodeAt(j + w))) break;
      j += w + 1;
      pairs++;
    }
    if (pairs >= 2) return j;
    // An initial: "R." before "Okonjo".
    if (pairs === 1 && bits & upper && j + 1 < end && classAt(text, j, end) & space && classAt(text, j + 1, end) & upper) return j;
  }
  // Number with separators, unless letters follow it straight away.
  if (bits & digit) {
    let j = runEnd(text, i, end, digit);
    while (j + 1 < end && isNumberSeparator(text.charCodeAt(j)) && classAt(text, j + 1, end) & digit) j = runEnd(text, j + 1, end, digit);
    if (j >= end || !(classAt(text, j, end) & (letter | mark | digit))) return j;
  }
  // Word, with inner hyphens and apostrophes.
  if (bits & wordChar) {
    let j = runEnd(text, i, end, wordChar);
    while (j + 1 < end && isJoiner(text.charCodeAt(j)) && classAt(text, j + 1, end) & wordChar) j = runEnd(text, j + 1, end, wordChar);
    return j;
  }
  return i + widthAt(text, i, end);
}

/** Tokens of `text` within `span` (the whole text by default), with offsets into `text`. */
export function tokenizeSpan(text: string, span: Span = { start: 0, end: text.length }): TextToken[] {
  const tokens: TextToken[] = [];
  const end = Math.min(span.end, text.length);
  let i = Math.max(0, span.start);
  while (i < end) {
    if (classAt(text, i, end) & space) {
      i += widthAt(text, i, end);
      continue;
    }
    const j = tokenEnd(text, i, end);
    // A possessive "'s" stands alone: "Mosul's" → "Mosul", "'s".
    const last = text.charCodeAt(j - 1);
    if (j - i > 2 && (last === 0x73 || last === 0x53) && isApostrophe(text.charCodeAt(j - 2))) {
      tokens.push({ text: text.slice(i, j - 2), start: i, end: j - 2 });
      tokens.push({ text: text.slice(j - 2, j), start: j - 2, end: j });
    } else {
      tokens.push({ text: text.slice(i, j), start: i, end: j });
    }
    i = j;
  }
  return tokens;
}
