import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../../errors.js';
import type { OcrEngine, PdfPageRequest } from '../ocr/index.js';
import { needsOcrCode, type ParsedDocument } from '../parser.js';
import { buildPdf, encryptTrailer } from './pdf.fixture.js';
import { joinPages, pageText, pdfDate, pdfParser, renderDpi } from './pdf.js';

const path = '/haul/pdf/report.pdf';

async function parsePdf(bytes: Uint8Array, ocr: OcrEngine | null = null): Promise<ParsedDocument[]> {
  const docs: ParsedDocument[] = [];
  for await (const doc of pdfParser.parse(bytes, { path, mediaType: 'application/pdf', size: bytes.byteLength, ocr })) docs.push(doc);
  return docs;
}

/** An engine that "reads" page N as the text given for it, and keeps what it was asked for. */
function scriptedEngine(pageTexts: Record<number, string>, asked: PdfPageRequest[] = []): OcrEngine {
  return {
    name: 'scripted 1.0',
    languages: ['eng', 'ara'],
    readImage: () => Promise.reject(new Error('not an image test')),
    readPdfPages: async (_bytes, pages) => {
      asked.push(...pages);
      return { pages: pages.map((p) => pageTexts[p.number] ?? ''), confidence: 88 };
    },
  };
}

async function assertRejects(bytes: Uint8Array, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(parsePdf(bytes), (error: unknown) => {
    assert.ok(error instanceof VigilError, String(error));
    assert.equal(error.kind, 'input');
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('pdfParser', () => {
  const report = buildPdf({
    pages: [['Courier network, Deir ez-Zor', 'Abu Khalid met the courier (twice).'], ['Second page: ledger totals 4,500 USD.']],
    info: { Title: 'CTFC field report 17/03', Author: 'Nadia Okafor', CreationDate: "D:20170314093000+01'00'" },
  });

  it('reads the text layer page by page, joined by a blank line, with the offset where each page starts', async () => {
    const [doc, ...rest] = await parsePdf(report);
    assert.equal(rest.length, 0);
    assert.equal(doc!.text, 'Courier network, Deir ez-Zor\nAbu Khalid met the courier (twice).\n\nSecond page: ledger totals 4,500 USD.');
    const starts = JSON.parse(doc!.metadata.pageStarts!) as number[];
    assert.deepEqual(starts, [0, 66]);
    assert.ok(doc!.text.slice(starts[1]).startsWith('Second page'));
    assert.equal(doc!.metadata.pages, '2');
    assert.equal(doc!.metadata.pagesWithoutText, undefined);
  });

  it('takes title, author and date from the info dictionary', async () => {
    const [doc] = await parsePdf(report);
    assert.deepEqual([doc!.title, doc!.author, doc!.date], ['CTFC field report 17/03', 'Nadia Okafor', '2017-03-14']);
  });

  it('falls back to the heading lines of the text when the info dictionary has none', async () => {
    const [doc] = await parsePdf(buildPdf({ pages: [['Cash couriers on the Al-Bukamal route', 'By Sam Reyes, March 3, 2018', 'The body of the report follows here.']] }));
    assert.deepEqual([doc!.title, doc!.author, doc!.date], ['Cash couriers on the Al-Bukamal route', 'Sam Reyes', '2018-03-03']);
  });

  const scan = buildPdf({ pages: [[], ['SCAN-0001']], info: { Title: 'Scanned ledger' } });

  it('says a PDF without a text layer needs OCR when the run has no OCR engine', async () => {
    await assertRejects(scan, needsOcrCode, /^\/haul\/pdf\/report\.pdf: no text layer on 2 of its 2 pages; it needs OCR, and this run had no OCR engine \(apt-get install tesseract-ocr tesseract-ocr-ara poppler-utils if they are missing, then run vigil ingest again\)$/);
  });

  it('says it needs OCR when the engine cannot render PDF pages, naming pdftoppm', async () => {
    const { readPdfPages: _, ...imagesOnly } = scriptedEngine({});
    await assert.rejects(parsePdf(scan, imagesOnly), (error: unknown) => error instanceof VigilError && error.code === needsOcrCode && /pdftoppm, from poppler-utils, is not installed/.test(error.message));
  });

  it('reads the pages without a text layer with OCR, in their place, and says which were', async () => {
    const asked: PdfPageRequest[] = [];
    const engine = scriptedEngine({ 1: 'Ledger of the Mayadin battalion', 2: 'SCAN-0001\nPayments to Abu Khalid' }, asked);
    const [doc, ...rest] = await parsePdf(scan, engine);
    assert.equal(rest.length, 0);
    assert.deepEqual(asked, [{ number: 1, dpi: 300 }, { number: 2, dpi: 300 }]);
    assert.equal(doc!.text, 'Ledger of the Mayadin battalion\n\nSCAN-0001\nPayments to Abu Khalid');
    assert.equal(doc!.title, 'Scanned ledger');
    assert.deepEqual(doc!.metadata, {
      pages: '2',
      pageStarts: '[0,33]',
      pagesWithoutText: '2',
      ocr: 'scripted 1.0',
      ocrLanguages: 'eng+ara',
      ocrPages: '[1,2]',
      ocrConfidence: '88',
    });
  });

  it('keeps a page\'s few characters of text layer when OCR finds less there', async () => {
    const [doc] = await parsePdf(scan, scriptedEngine({ 1: 'Ledger of the Mayadin battalion', 2: '' }));
    assert.equal(doc!.text, 'Ledger of the Mayadin battalion\n\nSCAN-0001');
  });

  it('reads a few scanned pages among text pages for their text layer when there is no engine, counting them', async () => {
    const [doc] = await parsePdf(buildPdf({ pages: [['Page one has a proper text layer.'], [], ['Page three has one as well, long enough.']] }));
    assert.equal(doc!.text, 'Page one has a proper text layer.\n\nPage three has one as well, long enough.');
    assert.equal(doc!.metadata.pagesWithoutText, '1');
    assert.equal(doc!.metadata.ocr, undefined);
  });

  it('renders pages for OCR at 300 dpi, less for pages so large they would pass 8000 pixels', () => {
    assert.equal(renderDpi(612, 792), 300);
    assert.equal(renderDpi(2384, 3370), 170, 'A0');
    assert.equal(renderDpi(14400, 14400), 40, 'the largest page PDF allows');
  });

  it('refuses an encrypted PDF, saying it needs the password', async () => {
    await assertRejects(
      buildPdf({ pages: [['secret']], trailerExtra: encryptTrailer }),
      'ingest.encrypted',
      /^\/haul\/pdf\/report\.pdf: the PDF is encrypted \(password-protected\); it cannot be read without the password$/,
    );
  });

  it('refuses a truncated PDF as not readable, with the reason pdf.js gives', async () => {
    await assertRejects(report.subarray(0, 200), 'ingest.pdf-unreadable', /^\/haul\/pdf\/report\.pdf: not a readable PDF \(truncated or corrupt\): Invalid PDF structure/);
  });

  it('refuses bytes that are not a PDF at all', async () => {
    await assertRejects(new TextEncoder().encode('Just some notes, saved as .pdf'), 'ingest.pdf-unreadable', /not a readable PDF/);
  });

  it('leaves the bytes it was given intact', async () => {
    const copy = report.slice();
    await parsePdf(copy);
    assert.deepEqual(copy, report);
  });
});

describe('pdf text helpers', () => {
  it('joins items by their end-of-line marks, collapsing spaces and blank runs', () => {
    assert.equal(pageText([{ str: 'Abu  Khalid', hasEOL: true }, { str: '', hasEOL: true }, { str: '', hasEOL: true }, { str: ' Raqqa ' }]), 'Abu Khalid\n\nRaqqa');
  });

  it('starts an empty page where the next page starts, and separates only pages with text', () => {
    assert.deepEqual(joinPages(['one', '', 'three']), { text: 'one\n\nthree', pageStarts: [0, 3, 5] });
    assert.deepEqual(joinPages(['', '']), { text: '', pageStarts: [0, 0] });
  });

  const dates: [unknown, string | null][] = [
    ["D:20170314093000+01'00'", '2017-03-14'],
    ['D:201703', '2017-03'],
    ['D:2017', '2017'],
    ['20170314', '2017-03-14'],
    ['D:20171399', null],
    ['yesterday', null],
    [undefined, null],
  ];
  for (const [value, expected] of dates) it(`reads the PDF date ${String(value)} as ${expected}`, () => assert.equal(pdfDate(value), expected));
});
