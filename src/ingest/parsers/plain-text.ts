import { cleanText, decodeText } from '../decode-text.js';
import type { Parser } from '../parser.js';
import { readTextHeader } from './text-header.js';

export const plainTextParser: Parser = {
  mediaType: 'text/plain',
  extensions: ['.txt', '.text'],
  async *parse(bytes, meta) {
    const decoded = decodeText(bytes);
    const text = cleanText(decoded.text, meta.path);
    yield { ...readTextHeader(text), language: null, text, metadata: { encoding: decoded.encoding } };
  },
};
