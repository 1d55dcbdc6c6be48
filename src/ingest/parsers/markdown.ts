// Markdown is read as the text a person sees: heading marks, emphasis and link syntax removed,
// so that search snippets and entity offsets refer to words, not markup.
import { cleanText, decodeText } from '../decode-text.js';
import type { Parser } from '../parser.js';
import { readTextHeader } from './text-header.js';

// Line-anchored rules use [ \t], not \s: \s also matches "\n" and would swallow the blank lines between paragraphs.
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^```[^\n]*\n([\s\S]*?)^```[ \t]*$/gm, '$1')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/gm, '$1')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/^[ \t]*[-*+][ \t]+/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(?<![\w*])([*_])(?=\S)([^*_\n]*?\S)\1(?![\w*])/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/gm, '');
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
