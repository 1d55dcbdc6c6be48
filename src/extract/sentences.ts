// Sentence boundaries for extraction: line breaks always end a sentence (our parsers emit one block per line),
// and . ! ? end one unless they close a known abbreviation or an initial. A run longer than any sentence is cut.
export interface Span {
  start: number;
  end: number;
}

const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'maj', 'capt', 'sgt', 'st', 'no', 'vs', 'etc', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'inc', 'ltd', 'co', 'corp', 'u.s', 'u.n', 'e.g', 'i.e',
]);

/**
 * The longest span returned, in UTF-16 code units. Text without sentence punctuation (a table flattened to one line,
 * a list, binary junk decoded as text) is cut into pieces of at most this length, after the last clause mark (, ; :)
 * or white space in the second half of the piece, else exactly at the limit: every per-sentence step after this one
 * costs at least the length of its sentence, and some of them that length for each name inside it. The model reads
 * sentences in windows of the same length, so no real sentence is cut that it would have read whole.
 */
export const maxSentenceLength = 2_000;

const closers = new Set(['"', '”', '’', ')']);

/** White space as JavaScript's \s and String.prototype.trim see it (ECMA-262 WhiteSpace and LineTerminator). */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  // Where the current run may best be cut when it grows too long (0: nowhere yet).
  let lastClause = 0;
  let lastSpace = 0;
  const push = (end: number) => {
    let from = start;
    let to = end;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    if (to > from) spans.push({ start: from, end: to });
    start = end;
    lastClause = 0;
    lastSpace = 0;
  };
  for (let i = 0; i < text.length; i++) {
    if (i - start >= maxSentenceLength) {
      const half = start + maxSentenceLength / 2;
      let cut = lastClause > half ? lastClause : lastSpace > half ? lastSpace : i;
      // Never between the two halves of a surrogate pair.
      if (isLowSurrogate(text.charCodeAt(cut)) && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
      push(cut);
      i = cut - 1;
      continue;
    }
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      continue;
    }
    // A clause mark followed by white space ("Raqqa, then"), not one inside a number ("1,000").
    if ((ch === ',' || ch === ';' || ch === ':') && isSpace(text.charCodeAt(i + 1))) lastClause = i + 1;
    else if (isSpace(text.charCodeAt(i))) lastSpace = i + 1;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    const next = text[i + 1];
    if (next !== undefined && !isSpace(next.charCodeAt(0)) && !closers.has(next)) continue;
    if (ch === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, i - 12), i))?.[1]?.toLowerCase() ?? '';
      if (abbreviations.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    let end = i + 1;
    while (end < text.length && closers.has(text[end]!)) end++;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return spans;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
