// Links: http(s) URLs, bare "www." hosts and the defanged forms analysts paste ("hxxps://example[.]com").
// The value is the URL as the WHATWG URL parser normalises it (lower-case scheme and host, punycode, a
// path of at least "/"), so one link written two ways is one value.
import { type Found, withoutOverlaps } from './found.js';

export type UrlFound = Found<'URL', string>;

// Quantifiers are bounded (2,048 characters, the practical limit browsers and servers keep) so that a
// long line of punctuation costs one pass.
const urlPattern = /(?<![\p{L}\d@./:-])(?:(?:https?|hxxps?):\/\/|www\.)[^\s<>"'`{}|\\^\u00a0\u3000]{1,2048}/giu;

// Characters that end a sentence or close a bracket more often than they end a link.
const trailing = new Set([...'.,;:!?\'"*…،。', '\u2019', '\u201d']);

const hostWithSuffix = /\.(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$|^\d{1,3}(?:\.\d{1,3}){3}$|^\[[0-9a-f:.]+\]$/i;

export function findUrls(text: string): UrlFound[] {
  const found: UrlFound[] = [];
  for (const m of text.matchAll(urlPattern)) {
    const start = m.index;
    const written = trimTrailing(m[0]);
    const defanged = /^hxxp|\[\.\]|\(\.\)|\[dot\]/i.test(written);
    const value = normaliseUrl(written);
    if (value === undefined) continue;
    found.push({
      type: 'URL',
      text: written,
      start,
      end: start + written.length,
      value,
      confidence: defanged ? 0.9 : 0.95,
      method: defanged ? 'pattern:url-defanged' : 'pattern:url',
    });
  }
  return withoutOverlaps(found);
}

/** Drops the sentence punctuation and unbalanced closing brackets a link was written before. */
function trimTrailing(url: string): string {
  const balance: Record<string, number> = { ')': 0, ']': 0, '}': 0 };
  for (const char of url) {
    if (char in balance) balance[char]!--;
    else if (char === '(' || char === '[' || char === '{') balance[{ '(': ')', '[': ']', '{': '}' }[char]]!++;
  }
  let end = url.length;
  for (;;) {
    const last = url[end - 1]!;
    if (trailing.has(last)) end--;
    else if (last in balance && balance[last]! < 0) {
      balance[last]!++;
      end--;
    } else break;
  }
  return url.slice(0, end);
}

/** The normalised URL, or undefined when the text is not one (no host, or a host without a public suffix shape). */
export function normaliseUrl(written: string): string | undefined {
  const refanged = written.replace(/^hxxp/i, 'http').replace(/\[\.\]|\(\.\)|\[dot\]/gi, '.');
  const absolute = /^https?:\/\//i.test(refanged) ? refanged : `http://${refanged}`;
  if (!URL.canParse(absolute)) return undefined;
  const url = new URL(absolute);
  if (!hostWithSuffix.test(url.hostname)) return undefined;
  return url.href;
}
