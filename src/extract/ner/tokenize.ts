// Splits a sentence into the tokens the NER model was trained on (WikiANN / WNUT-17 style), keeping each
// token's character offsets: words with inner hyphens and apostrophes stay whole ("al-Baghdadi", "Ja'far"),
// numbers keep their separators ("1,200.50"), dotted abbreviations are one token ("U.S."), a possessive
// "'s" and every punctuation mark stand alone.
import type { Span } from '../sentences.js';

export interface TextToken {
  text: string;
  start: number;
  end: number;
}

const tokenPattern = /\p{L}\.(?:\p{L}\.)+|\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{M}])|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*|\S/gu;
const possessive = /^(.+)(['’][sS])$/u;

/** Tokens of `text` within `span` (the whole text by default), with offsets into `text`. */
export function tokenizeSpan(text: string, span: Span = { start: 0, end: text.length }): TextToken[] {
  const tokens: TextToken[] = [];
  for (const m of text.slice(span.start, span.end).matchAll(tokenPattern)) {
    const start = span.start + m.index;
    const owner = possessive.exec(m[0]);
    if (owner) {
      const stem = owner[1]!;
      tokens.push({ text: stem, start, end: start + stem.length });
      tokens.push({ text: owner[2]!, start: start + stem.length, end: start + m[0].length });
    } else {
      tokens.push({ text: m[0], start, end: start + m[0].length });
    }
  }
  return tokens;
}
