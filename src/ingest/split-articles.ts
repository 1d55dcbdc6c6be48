// Splits a page that holds several articles (a blog or news index) into one document per article.
// An article ends at a footer such as "Author: Sam Reyes | Date: March 3, 2018 | Permalink" or at a
// "Read more" cut (a teaser with no footer). Its title is the last heading-like line before its body.
import { normaliseDate } from '../extract/index.js';
import { looksLikeTitle } from './parsers/text-header.js';

export interface Article {
  title: string | null;
  author: string | null;
  date: string | null;
  /** The article body: title line and footer excluded. */
  text: string;
  /** Where the article (title through footer) lies in the page text. */
  start: number;
  end: number;
  /** True when the page shows only a teaser ending in "Read more". */
  truncated: boolean;
}

interface Line {
  text: string;
  start: number;
  end: number;
}

interface Footer {
  author: string | null;
  date: string | null;
}

const authorField = /^(?:author|posted by|written by|by)\s*:?\s*(.+)$/i;
const dateField = /^(?:date|posted on|posted|published on|published|on)\s*:?\s*(.+)$/i;
const readMore = /^(?:read more|continue reading|read the full (?:story|article)|more)\s*(?:[»>›…]|\.\.\.|→)*\s*$/i;
const postedByOn = /^posted by\s+(.+?)\s+on\s+(.+)$/i;

/** Recognises an article footer line; needs at least two of author, date and permalink. */
export function parseFooter(line: string): Footer | null {
  const whole = postedByOn.exec(line.trim());
  if (whole) {
    const date = normaliseDate(whole[2]!.replace(/\|.*$/, ''));
    if (date) return { author: whole[1]!.trim(), date };
  }
  const fields = line.split(/\s+[|•·]\s+|\s*\|\s*/).map((f) => f.trim()).filter(Boolean);
  if (fields.length < 2) return null;
  let author: string | null = null;
  let date: string | null = null;
  let permalink = false;
  for (const field of fields) {
    const a = authorField.exec(field);
    const d = dateField.exec(field);
    if (/^permalink\b/i.test(field)) permalink = true;
    else if (a && !author) author = a[1]!.trim();
    else if (d && !date) date = normaliseDate(d[1]!);
    else if (!date && normaliseDate(field)) date = normaliseDate(field);
    else return null; // an unknown field: this is prose with a pipe in it, not a footer
  }
  const found = [author !== null, date !== null, permalink].filter(Boolean).length;
  return found >= 2 && (author !== null || date !== null) ? { author, date } : null;
}

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    lines.push({ text: raw.trim(), start, end: start + raw.length });
    start += raw.length + 1;
  }
  return lines;
}

/** A line that reads as body text rather than a heading or page chrome. */
function isBodyLine(line: string): boolean {
  return line.length >= 60 || /[.!?:;"”)]$/.test(line);
}

/**
 * A segment that opens with a short question or exclamation followed by body text opens with its headline
 * ("Who is still paying the Mayadin fighters?"). Only at the very start: after a heading line, such a line is the body's.
 */
function isQuestionHeadline(content: Line[]): boolean {
  const first = content[0]?.text ?? '';
  const next = content[1]?.text;
  return first.length < 60 && /[?!]$/.test(first) && next !== undefined && isBodyLine(next);
}

/**
 * Returns the articles of a multi-article page, or null when the text is a single document
 * (fewer than two articles found), so callers keep it whole.
 */
export function splitArticles(text: string): Article[] | null {
  const lines = toLines(text);
  const articles: Article[] = [];
  let segment: Line[] = [];
  const close = (footer: Footer | null, boundary: Line | null) => {
    const article = buildArticle(text, segment, footer, boundary);
    if (article) articles.push(article);
    segment = [];
  };
  for (const line of lines) {
    if (line.text.length === 0) {
      segment.push(line);
      continue;
    }
    const footer = parseFooter(line.text);
    if (footer) close(footer, line);
    else if (readMore.test(line.text)) close(null, line);
    else segment.push(line);
  }
  // Text after the last boundary is an article only if it has a body; otherwise it is page chrome.
  if (segment.some((l) => isBodyLine(l.text))) close(null, null);
  return articles.length >= 2 ? articles : null;
}

function buildArticle(text: string, segment: Line[], footer: Footer | null, boundary: Line | null): Article | null {
  const content = segment.filter((l) => l.text.length > 0);
  let firstBody = content.findIndex((l) => isBodyLine(l.text));
  if (firstBody === 0 && isQuestionHeadline(content)) firstBody = 1;
  if (firstBody < 0) return null;
  // Heading-like lines before the body: the last is the title, earlier ones are page chrome.
  const heading = firstBody > 0 ? content[firstBody - 1]! : null;
  const title = heading && looksLikeTitle(heading.text) ? heading : null;
  const body = content.slice(firstBody);
  const bodyStart = body[0]!.start;
  const bodyEnd = body[body.length - 1]!.end;
  return {
    title: title?.text ?? null,
    author: footer?.author ?? null,
    date: footer?.date ?? null,
    text: text.slice(bodyStart, bodyEnd).replace(/[ \t]+$/gm, ''),
    start: title?.start ?? bodyStart,
    end: boundary?.end ?? bodyEnd,
    truncated: footer === null && boundary !== null,
  };
}
