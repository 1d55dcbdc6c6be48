// Title, author and date from the head of a plain-text document: a title line, then bylines such as
// "By Jane Doe, 14 March 2017", "Date: 2017-03-14", or a memo block ("Subject:", "Analyst:", "Date:").
import { normaliseDate } from '../../extract/index.js';

export interface TextHeader {
  title: string | null;
  author: string | null;
  date: string | null;
}

const headerField = /^(subject|title|date|analyst|author|from|by|prepared by|classification|to|ref|reference)\s*:\s*(.+)$/i;
const byline = /^by\s+([^,|–—-]+?)(?:\s*[,|–—-]\s*(.+))?$/i;

/** Reads at most the first eight non-empty lines; body text is never taken as a header. */
export function readTextHeader(text: string): TextHeader {
  const header: TextHeader = { title: null, author: null, date: null };
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0).slice(0, 8);
  let firstPlain: string | null = null;
  for (const line of lines) {
    const field = headerField.exec(line);
    if (field) {
      const name = field[1]!.toLowerCase();
      const value = field[2]!.trim();
      if ((name === 'subject' || name === 'title') && !header.title) header.title = value;
      else if (name === 'date' && !header.date) header.date = normaliseDate(value);
      else if ((name === 'analyst' || name === 'author' || name === 'by' || name === 'prepared by') && !header.author) header.author = value;
      continue;
    }
    const by = byline.exec(line);
    if (by && line.length < 100) {
      header.author ??= by[1]!.trim();
      if (by[2]) header.date ??= normaliseDate(by[2]);
      continue;
    }
    if (!looksLikeTitle(line)) break; // body text reached: a "Date:" or "Author:" line after it belongs to the body
    firstPlain ??= line;
  }
  header.title ??= firstPlain;
  return header;
}

/** A heading-like line: short, and not ending as a sentence does. */
export function looksLikeTitle(line: string): boolean {
  return line.length > 0 && line.length <= 150 && !/[.,;:]$/.test(line);
}
