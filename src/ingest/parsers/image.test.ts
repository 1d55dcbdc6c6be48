import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../../errors.js';
import type { OcrEngine, OcrResult } from '../ocr/index.js';
import { needsOcrCode, type ParsedDocument } from '../parser.js';
import { imageParsers } from './image.js';

const tiff = imageParsers.find((p) => p.mediaType === 'image/tiff')!;
const bytes = new Uint8Array([0x49, 0x49, 0x2a, 0x00]);

async function parseImage(ocr: OcrEngine | null): Promise<ParsedDocument[]> {
  const docs: ParsedDocument[] = [];
  for await (const doc of tiff.parse(bytes, { path: '/haul/fax.tif', mediaType: 'image/tiff', size: bytes.byteLength, ocr })) docs.push(doc);
  return docs;
}

const engineReading = (result: OcrResult): OcrEngine => ({ name: 'scripted 1.0', languages: ['eng', 'ara'], readImage: async () => result });

describe('image parsers', () => {
  it('read the media types file-type reports, under their usual extensions', () => {
    assert.deepEqual(imageParsers.map((p) => [p.mediaType, p.extensions.join(' ')]), [
      ['image/png', '.png'],
      ['image/jpeg', '.jpg .jpeg'],
      ['image/tiff', '.tif .tiff'],
      ['image/webp', '.webp'],
      ['image/bmp', '.bmp'],
      ['image/gif', '.gif'],
    ]);
  });

  it('say an image needs OCR when the run has no OCR engine', async () => {
    await assert.rejects(parseImage(null), (error: unknown) => {
      assert.ok(error instanceof VigilError);
      assert.equal(error.code, needsOcrCode);
      assert.match(error.message, /^\/haul\/fax\.tif: an image \(image\/tiff\); it needs OCR, and this run had no OCR engine \(apt-get install tesseract-ocr/);
      return true;
    });
  });

  it('make one document of the text OCR read, with the engine, its languages and its confidence', async () => {
    const docs = await parseImage(engineReading({ pages: ['Subject: Courier payments\n\nAbu Khalid paid 4,500 USD.'], confidence: 91 }));
    assert.deepEqual(docs, [{
      title: 'Courier payments',
      author: null,
      date: null,
      language: null,
      text: 'Subject: Courier payments\n\nAbu Khalid paid 4,500 USD.',
      metadata: { ocr: 'scripted 1.0', ocrLanguages: 'eng+ara', ocrConfidence: '91' },
    }]);
  });

  it('join the frames of a multi-page TIFF like PDF pages, keeping where each starts', async () => {
    const [doc] = await parseImage(engineReading({ pages: ['Fax page one', '', 'Fax page three'], confidence: null }));
    assert.equal(doc!.text, 'Fax page one\n\nFax page three');
    assert.deepEqual(doc!.metadata, { ocr: 'scripted 1.0', ocrLanguages: 'eng+ara', pages: '3', pageStarts: '[0,12,14]' });
  });

  it('store an image too small to hold text (a spacer, an icon) without reading it, engine or not', async () => {
    const png = imageParsers.find((p) => p.mediaType === 'image/png')!;
    const header = (width: number, height: number) =>
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, width >> 8, width & 255, 0, 0, height >> 8, height & 255, 8, 2, 0, 0, 0]);
    const refuses: OcrEngine = { name: 'never', languages: ['eng'], readImage: async () => assert.fail('OCR was asked to read an icon') };
    const read = async (bytes: Uint8Array, ocr: OcrEngine | null) => {
      const docs: ParsedDocument[] = [];
      for await (const doc of png.parse(bytes, { path: '/haul/mail.eml!/logo.png', mediaType: 'image/png', size: bytes.byteLength, ocr })) docs.push(doc);
      return docs;
    };
    for (const [width, height] of [[1, 1], [16, 16], [48, 48], [300, 12]] as [number, number][]) {
      const [doc] = await read(header(width, height), refuses);
      assert.equal(doc!.text, '');
      assert.deepEqual(doc!.metadata, { width: String(width), height: String(height), ocrSkipped: `${width} × ${height} pixels, too small to hold text` });
      assert.equal((await read(header(width, height), null)).length, 1, 'nor listed as needing OCR');
    }
    const [banner] = await read(header(468, 60), engineReading({ pages: ['Al-Furqan Foundation'], confidence: 80 }));
    assert.equal(banner!.text, 'Al-Furqan Foundation', 'a banner with a line of text is read');
  });
});
