// HTML pages to readable text: block elements become lines, scripts and styles vanish, entities decoded; an
// article-like page is cut to its main content.
// Title and byline come from <title>/<h1> and the usual meta tags. A table row is one line, its cells separated
// by " | ", so that a name in one cell never runs into the next cell's words.
import { Parser as HtmlTokenizer } from 'htmlparser2';
import { normaliseDate } from '../../extract/index.js';
import { cleanText, decodeText } from '../decode-text.js';
import type { ParsedDocument, Parser } from '../parser.js';
import { splitArticles } from '../split-articles.js';
import { mainContentHtml } from './html-main-content.js';

/** Shorter main content is likely a wrong pick (a caption, a teaser): the page is kept whole. */
const minimumMainContent = 200;

const skipped = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object']);
const blocks = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'tr', 'blockquote', 'pre', 'figure', 'figcaption', 'address', 'hr', 'form',
]);

export function htmlToDocument(html: string): ParsedDocument {
  let text = '';
  let skipDepth = 0;
  let inTitle = false;
  let inH1 = false;
  let h1Seen = false;
  let cellDepth = 0;
  let cellsInRow = 0;
  let title = '';
  let h1 = '';
  const meta: Record<string, string> = {};
  let language: string | null = null;
  const newline = () => {
    // Inside a cell, paragraphs and line breaks stay on the row's line.
    if (cellDepth > 0) text += ' ';
    else if (text.length > 0 && !text.endsWith('\n')) text += '\n';
  };
  const tokenizer = new HtmlTokenizer(
    {
      onopentag(name, attributes) {
        if (name === 'html' && attributes.lang) language = attributes.lang.toLowerCase().split('-')[0] ?? null;
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attributes.name ?? attributes.property ?? '').toLowerCase();
          if (key && attributes.content) meta[key] = attributes.content;
        }
        if (name === 'time' && attributes.datetime && !meta['time']) meta['time'] = attributes.datetime;
        if (skipped.has(name)) skipDepth++;
        // The first <h1> is the title; later ones are section headings.
        if (name === 'h1' && !h1Seen) inH1 = true;
        if (name === 'tr') cellsInRow = 0;
        if (name === 'br') text += cellDepth > 0 ? ' ' : '\n';
        else if (name === 'td' || name === 'th') {
          if (cellsInRow > 0) text += ' | ';
          cellsInRow++;
          cellDepth++;
        } else if (blocks.has(name)) newline();
      },
      ontext(data) {
        if (inTitle) title += data;
        if (skipDepth > 0) return;
        if (inH1) h1 += data;
        text += data.replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (skipped.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (name === 'h1' && inH1) {
          inH1 = false;
          h1Seen = true;
        }
        if (name === 'td' || name === 'th') cellDepth = Math.max(0, cellDepth - 1);
        if (blocks.has(name)) newline();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  tokenizer.write(html);
  tokenizer.end();
  const lines = text.split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim());
  const body = lines.filter((l, i) => l.length > 0 || (i > 0 && lines[i - 1]!.length > 0)).join('\n').trim();
  const dateText = meta['article:published_time'] ?? meta['date'] ?? meta['dc.date'] ?? meta['time'];
  const cleanTitle = (h1.trim() || title.trim()).replace(/\s+/g, ' ');
  return {
    title: cleanTitle || null,
    author: meta['author'] ?? meta['article:author'] ?? null,
    date: dateText ? normaliseDate(dateText.slice(0, 10)) ?? normaliseDate(dateText) : null,
    language,
    text: body,
    metadata: title.trim() ? { htmlTitle: title.trim().replace(/\s+/g, ' ') } : {},
  };
}

export const htmlParser: Parser = {
  mediaType: 'text/html',
  extensions: ['.html', '.htm', '.xhtml'],
  async *parse(bytes, meta) {
    const decoded = decodeText(bytes);
    const html = cleanText(decoded.text, meta.path);
    const doc = htmlToDocument(html);
    const metadata = { ...doc.metadata, encoding: decoded.encoding };
    // A page of several articles is split later, article by article: its text stays whole.
    const main = splitArticles(doc.text) === null ? mainContentHtml(html) : null;
    const mainText = main === null ? '' : htmlToDocument(main).text;
    if (mainText.length >= minimumMainContent && mainText.length < doc.text.length) {
      yield { ...doc, text: mainText, metadata: { ...metadata, mainContent: 'readability', pageCharacters: String(doc.text.length) } };
    } else yield { ...doc, metadata };
  },
};
