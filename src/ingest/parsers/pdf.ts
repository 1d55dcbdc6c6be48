// PDF text layer, read with pdf.js (bundled by unpdf, no canvas, no worker). One document per file; pages are
// joined by a blank line and `metadata.pageStarts` keeps where each page begins, so a span maps back to its page.
// Pages without a text layer (scans) are read with the run's OCR engine when it can render PDF pages; without one,
// a file that is mostly scans needs OCR (the pipeline lists it and a later run reads it), and a file with a few
// scanned pages among text is read for its text layer, the count kept as `pagesWithoutText`.
import { getDocumentProxy } from 'unpdf';
import { VigilError } from '../../errors.js';
import { normaliseDate } from '../../extract/index.js';
import { needsOcrError, noOcrEngine, noPdfRenderer, type OcrEngine, type PdfPageRequest } from '../ocr/index.js';
import type { ParsedDocument, Parser, SourceMeta } from '../parser.js';
import { readTextHeader } from './text-header.js';

/** A page with fewer non-blank characters than this has no real text layer (a scan, perhaps with a stamped number). */
export const minimumPageCharacters = 16;

const pageSeparator = '\n\n';

/** Pages are rendered for OCR at 300 dpi, the resolution tesseract is tuned for, unless that makes them larger than this on their long side. */
export const ocrDpi = 300;
export const maxRenderedPixels = 8000;

/** The resolution to render a page of this size (in PDF points, 1/72 inch) at for OCR. */
export function renderDpi(widthPt: number, heightPt: number): number {
  const longSide = Math.max(widthPt, heightPt, 1);
  return Math.max(1, Math.min(ocrDpi, Math.floor((maxRenderedPixels * 72) / longSide)));
}

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

interface PdfPages {
  texts: string[];
  requests: PdfPageRequest[];
  info: Record<string, unknown>;
}

/** Reads the text layer of every page, and lists the pages without one, each with the resolution to render it at. */
async function readPages(bytes: Uint8Array, path: string): Promise<PdfPages> {
  const pdf = await openPdf(bytes, path);
  try {
    const texts: string[] = [];
    const requests: PdfPageRequest[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const text = pageText((await page.getTextContent()).items as TextItemLike[]);
      texts.push(text);
      if (nonBlankLength(text) < minimumPageCharacters) {
        const { width, height } = page.getViewport({ scale: 1 });
        requests.push({ number, dpi: renderDpi(width, height) });
      }
      page.cleanup();
    }
    const { info } = await pdf.getMetadata();
    return { texts, requests, info: (info ?? {}) as Record<string, unknown> };
  } catch (error) {
    // A broken page or object stream is found only when it is read: the file's fault, named as such.
    if (error instanceof Error && /Exception$|FormatError/.test(error.name)) {
      throw new VigilError('input', 'ingest.pdf-unreadable', `${path}: not a readable PDF (corrupt content): ${error.message}`, { cause: error });
    }
    throw error;
  } finally {
    await pdf.destroy();
  }
}

/** Puts the OCR text of the pages without a text layer in their place; the metadata that says so. */
async function readScannedPages(bytes: Uint8Array, pages: PdfPages, engine: OcrEngine, meta: SourceMeta): Promise<Record<string, string>> {
  const read = await engine.readPdfPages!(bytes, pages.requests, meta.path);
  pages.requests.forEach((request, index) => {
    const ocrText = read.pages[index] ?? '';
    // A stamped reference in the text layer stays if OCR finds nothing more.
    if (nonBlankLength(ocrText) > nonBlankLength(pages.texts[request.number - 1]!)) pages.texts[request.number - 1] = ocrText;
  });
  const metadata: Record<string, string> = { ocr: engine.name, ocrLanguages: engine.languages.join('+'), ocrPages: JSON.stringify(pages.requests.map((r) => r.number)) };
  if (read.confidence !== null) metadata.ocrConfidence = String(read.confidence);
  return metadata;
}

export const pdfParser: Parser = {
  mediaType: 'application/pdf',
  extensions: ['.pdf'],
  async *parse(bytes, meta) {
    const pages = await readPages(bytes, meta.path);
    const count = pages.texts.length;
    const withoutText = pages.requests.length;
    let ocrMetadata: Record<string, string> = {};
    if (withoutText > 0 && meta.ocr?.readPdfPages) {
      ocrMetadata = await readScannedPages(bytes, pages, meta.ocr, meta);
    } else if (withoutText * 2 >= count && count > 0) {
      // A scan may carry a few characters (a stamped reference, a scanner's header) on each page: half the pages
      // or more without a text layer is a file for OCR.
      throw needsOcrError(meta.path, `no text layer on ${withoutText} of its ${count} pages`, meta.ocr ? noPdfRenderer : noOcrEngine);
    }
    const { text, pageStarts } = joinPages(pages.texts);
    const header = readTextHeader(text);
    const metadata: Record<string, string> = { pages: String(count), pageStarts: JSON.stringify(pageStarts) };
    if (withoutText > 0) metadata.pagesWithoutText = String(withoutText);
    const doc: ParsedDocument = {
      title: infoString(pages.info, 'Title') ?? header.title,
      author: infoString(pages.info, 'Author') ?? header.author,
      date: pdfDate(pages.info['CreationDate']) ?? header.date,
      language: infoString(pages.info, 'Language')?.toLowerCase().split('-')[0] ?? null,
      text,
      metadata: { ...metadata, ...ocrMetadata },
    };
    yield doc;
  },
};
