import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../../errors.js';
import { buildPdf } from '../parsers/pdf.fixture.js';
import { greyText, renderedText, scriptText, tesseractMissing } from './ocr.fixture.js';
import { stderrReason } from './run-tool.js';
import { detectTesseract, splitPages, wordConfidences } from './tesseract.js';

const skip = await tesseractMissing();
const path = '/haul/scans/page.png';
const words = (text: string) => text.toLowerCase();

describe('detectTesseract', () => {
  it('finds no engine when tesseract is not on PATH', async () => {
    assert.equal(await detectTesseract({ tesseract: 'vigil-no-such-tesseract' }), null);
  });

  it('finds no engine when none of the wanted languages is installed', { skip }, async () => {
    assert.equal(await detectTesseract({ languages: ['xx-none'] }), null);
  });

  it('names the version and the installed languages it reads with, and reads PDF pages when pdftoppm is there', { skip }, async () => {
    const engine = await detectTesseract();
    assert.ok(engine);
    assert.match(engine.name, /^tesseract \d+\.\d+/);
    assert.deepEqual(engine.languages, ['ara', 'eng']);
    assert.equal(typeof engine.readPdfPages, 'function');
    const withoutRenderer = await detectTesseract({ pdftoppm: 'vigil-no-such-pdftoppm' });
    assert.equal(withoutRenderer?.readPdfPages, undefined);
  });
});

describe('tesseract engine', { skip }, () => {
  const memo = ['COURIER ROUTE MEMO', 'Abu Khalid crossed at Tal Abyad with the ledger.', 'Payment of 4500 dollars to the Raqqa exchange.'];

  for (const format of ['png', 'jpeg', 'tiff'] as const) {
    it(`reads the words of a ${format.toUpperCase()} image of a memo, with a confidence`, async () => {
      const engine = (await detectTesseract())!;
      const read = await engine.readImage(await renderedText(memo, format), `image/${format}`, path);
      assert.equal(read.pages.length, 1);
      for (const word of ['courier', 'khalid', 'abyad', 'ledger', 'raqqa', 'exchange']) assert.ok(words(read.pages[0]!).includes(word), `${word} in ${read.pages[0]}`);
      assert.ok(read.confidence !== null && read.confidence > 60, `confidence ${read.confidence}`);
    });
  }

  it('reads Arabic script in logical order', async (t) => {
    const image = await scriptText(['التقى أبو خالد بالساعي في الرقة', 'محمد بن عبد الله التكريتي']);
    if (!image) return t.skip('no DejaVu Sans font to render Arabic with: apt-get install fonts-dejavu-core');
    const engine = (await detectTesseract())!;
    const [text] = (await engine.readImage(image, 'image/tiff', path)).pages;
    for (const word of ['خالد', 'الرقة', 'محمد', 'التكريتي']) assert.ok(text!.includes(word), `${word} in ${text}`);
  });

  it('renders the PDF pages asked for and reads each, in the order asked', async () => {
    const engine = (await detectTesseract())!;
    const scan = buildPdf({ pages: [await greyText(['Ledger of the Mayadin battalion']), ['A page with its own text layer.'], await greyText(['Second scanned page: Hasakah fuel'])] });
    const read = await engine.readPdfPages!(scan, [{ number: 3, dpi: 300 }, { number: 1, dpi: 300 }], '/haul/scan.pdf');
    assert.equal(read.pages.length, 2);
    assert.match(read.pages[0]!, /hasakah/i);
    assert.match(read.pages[1]!, /mayadin/i);
  });

  it('refuses bytes that are no image, naming the file and tesseract and saying why', async () => {
    const engine = (await detectTesseract())!;
    await assert.rejects(engine.readImage(new TextEncoder().encode('not an image at all'), 'image/png', path), (error: unknown) => {
      assert.ok(error instanceof VigilError);
      assert.equal(error.code, 'ingest.ocr-failed');
      assert.match(error.message, /^\/haul\/scans\/page\.png: tesseract failed \(exit \d+\) while reading the image: \S/);
      return true;
    });
  });

  it('stops a call that takes longer than its time limit', async () => {
    const engine = (await detectTesseract({ timeoutMs: 1 }))!;
    await assert.rejects(engine.readImage(await renderedText(memo, 'png'), 'image/png', path), (error: unknown) => {
      assert.ok(error instanceof VigilError);
      assert.equal(error.code, 'ingest.ocr-timeout');
      assert.match(error.message, /^\/haul\/scans\/page\.png: tesseract took longer than 0\.001 s while reading the image; stopped$/);
      return true;
    });
  });

  it('refuses more text than its limit', async () => {
    const engine = (await detectTesseract({ maxTextBytes: 10 }))!;
    await assert.rejects(engine.readImage(await renderedText(memo, 'png'), 'image/png', path), /page\.png: OCR produced \d+ bytes of output, over the limit of 10; not read/);
  });
});

describe('tesseract output', () => {
  it('splits pages at form feeds and trims each', () => {
    assert.deepEqual(splitPages('First page\nline two  \n\n\n\nend\n\fSecond page\n'), ['First page\nline two\n\nend', 'Second page']);
  });

  it('drops the directional marks put around right-to-left words', () => {
    assert.deepEqual(splitPages('\u200eAbu\u200f \u200fخالد\u200e'), ['Abu خالد']);
  });

  it('takes the confidence of word rows only', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t10\t20\t10\t96.5\tAbu',
      '5\t1\t1\t1\t1\t2\t40\t10\t20\t10\t71.0\tKhalid',
      '5\t1\t1\t1\t1\t3\t70\t10\t20\t10\t12.0\t ',
    ].join('\n');
    assert.deepEqual(wordConfidences(tsv), [96.5, 71]);
  });

  it('gives the line of stderr that explains a failure, skipping the lines every run prints', () => {
    assert.equal(stderrReason('Estimating resolution as 300\nError in pixReadMem: Unknown format: no pix returned\nError during processing.\n'), 'Error in pixReadMem: Unknown format: no pix returned');
    assert.equal(stderrReason('Syntax Warning: something odd\n'), 'Syntax Warning: something odd');
    assert.equal(stderrReason(''), 'no message');
  });
});
