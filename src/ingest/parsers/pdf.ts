// PDF text layer, read with pdf.js (bundled by unpdf, no canvas, no worker). One document per file; pages are
// joined by a blank line and `metadata.pageStarts` keeps where each page begins, so a span maps back to its page.
// A file with (almost) no text on its pages is a scan: kept, marked `needsOcr`, never an error.
import { getDocumentProxy } from 'unpdf';
import { VigilError } from '../../errors.js';
import { normaliseDate } from '../../extract/index.js';
import type { ParsedDocument, Parser } from '../parser.js';
import { readTextHeader } from './text-header.js';

/** A page with fewer non-blank characters than this has no real text layer (a scan, perhaps with a stamped number). */
export const minimumPageCharacters = 16;

const pageSeparator = '\n\n';

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

/** The text of one page: pdf.js items in content order, its end-of-line marks as line breaks. */
export function pageText(items: readonly TextItemLike[]): string {
  const raw = items.map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join('');
  return raw
    .replace(/\u0000/g, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface JoinedPages {
  text: string;
  /** Character offset in `text` where each page begins; an empty page begins where the next one would. */
  pageStarts: number[];
}

export function joinPages(pages: readonly string[]): JoinedPages {
  let text = '';
  const pageStarts: number[] = [];
  for (const page of pages) {
    if (page.length > 0 && text.length > 0) text += pageSeparator;
    pageStarts.push(text.length);
    text += page;
  }
  return { text, pageStarts };
}

/** PDF 32000-1 §7.9.4: D:YYYYMMDDHHmmSSOHH'mm', every part after the year optional. Returns a partial ISO date. */
export function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  return normaliseDate([year, month, month ? day : undefined].filter(Boolean).join('-'));
}

function infoString(info: Record<string, unknown>, key: string): string | null {
  const value = info[key];
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\u0000/g, '').replace(/\s+/g, ' ').trim();
  return trimmed.length > 0 ? trimmed : null;
}

function nonBlankLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}

async function openPdf(bytes: Uint8Array, path: string) {
  try {
    // A copy: pdf.js may take over the buffer it is given, and the pipeline hashes and stores these bytes afterwards.
    // Verbosity 0 keeps pdf.js's own warnings off the console; what matters reaches the user as a VigilError.
    return await getDocumentProxy(bytes.slice(), { verbosity: 0, isEvalSupported: false, stopAtErrors: false });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      throw new VigilError('input', 'ingest.encrypted', `${path}: the PDF is encrypted (password-protected); it cannot be read without the password`, { cause: error });
    }
    if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
      const reason = error instanceof Error ? error.message : String(error);
      throw new VigilError('input', 'ingest.pdf-unreadable', `${path}: not a readable PDF (truncated or corrupt): ${reason}`, { cause: error });
    }
    throw error;
  }
}

export const pdfParser: Parser = {
  mediaType: 'application/pdf',
  extensions: ['.pdf'],
  async *parse(bytes, meta) {
    const pdf = await openPdf(bytes, meta.path);
    let doc: ParsedDocument;
    try {
      const pages: string[] = [];
      for (let number = 1; number <= pdf.numPages; number++) {
        const page = await pdf.getPage(number);
        pages.push(pageText((await page.getTextContent()).items as TextItemLike[]));
        page.cleanup();
      }
      const { info } = await pdf.getMetadata();
      const fields = (info ?? {}) as Record<string, unknown>;
      const { text, pageStarts } = joinPages(pages);
      const pagesWithoutText = pages.filter((p) => nonBlankLength(p) < minimumPageCharacters).length;
      // A scan may carry a few characters (a stamped reference, a scanner's header) on each page: half the pages
      // or more without a text layer is a file for OCR.
      const needsOcr = pages.length === 0 || pagesWithoutText * 2 >= pages.length;
      const header = needsOcr ? { title: null, author: null, date: null } : readTextHeader(text);
      const metadata: Record<string, string> = { pages: String(pages.length), pageStarts: JSON.stringify(pageStarts) };
      if (pagesWithoutText > 0) metadata.pagesWithoutText = String(pagesWithoutText);
      if (needsOcr) metadata.needsOcr = 'true';
      doc = {
        title: infoString(fields, 'Title') ?? header.title,
        author: infoString(fields, 'Author') ?? header.author,
        date: pdfDate(fields['CreationDate']) ?? header.date,
        language: infoString(fields, 'Language')?.toLowerCase().split('-')[0] ?? null,
        text,
        metadata,
      };
    } catch (error) {
      // A broken page or object stream is found only when it is read: the file's fault, named as such.
      if (error instanceof Error && /Exception$|FormatError/.test(error.name)) {
        throw new VigilError('input', 'ingest.pdf-unreadable', `${meta.path}: not a readable PDF (corrupt content): ${error.message}`, { cause: error });
      }
      throw error;
    } finally {
      await pdf.destroy();
    }
    yield doc;
  },
};
