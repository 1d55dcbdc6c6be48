// Markdown is read as the text a person sees: heading marks, emphasis and link syntax removed,
// so that search snippets and entity offsets refer to words, not markup.
import { cleanText, decodeText } from '../decode-text.js';
import type { Parser } from '../parser.js';
import { readTextHeader } from './text-header.js';

export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^```[^\n]*\n([\s\S]*?)^```\s*$/gm, '$1')
    .replace(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/gm, '$1')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(?<![\w*])([*_])(?=\S)([^*_\n]*?\S)\1(?![\w*])/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*([-*_])(\s*\1){2,}\s*$/gm, '');
}

export const markdownParser: Parser = {
  mediaType: 'text/markdown',
  extensions: ['.md', '.markdown'],
  async *parse(bytes, meta) {
    const decoded = decodeText(bytes);
    const text = markdownToText(cleanText(decoded.text, meta.path));
    yield { ...readTextHeader(text), language: null, text, metadata: { encoding: decoded.encoding } };
  },
};
