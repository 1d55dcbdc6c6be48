// Images that may hold a photographed or scanned document, read with the run's OCR engine: one document per file,
// the frames of a multi-page TIFF (a fax, a scanner's batch) joined like PDF pages, with `pageStarts`. Without an
// engine the file needs OCR: the pipeline keeps it by hash and lists it, and a later run reads it.
import { needsOcrError, noOcrEngine } from '../ocr/index.js';
import type { Parser } from '../parser.js';
import { joinPages } from './pdf.js';
import { readTextHeader } from './text-header.js';

/** Media types as file-type reports them, each with its extensions; all are formats Leptonica (tesseract's reader) decodes. */
const imageFormats: readonly [mediaType: string, extensions: string[]][] = [
  ['image/png', ['.png']],
  ['image/jpeg', ['.jpg', '.jpeg']],
  ['image/tiff', ['.tif', '.tiff']],
  ['image/webp', ['.webp']],
  ['image/bmp', ['.bmp']],
  ['image/gif', ['.gif']],
];

function imageParser(mediaType: string, extensions: string[]): Parser {
  return {
    mediaType,
    extensions,
    async *parse(bytes, meta) {
      const engine = meta.ocr;
      if (!engine) throw needsOcrError(meta.path, `an image (${mediaType})`, noOcrEngine);
      const read = await engine.readImage(bytes, mediaType, meta.path);
      const { text, pageStarts } = joinPages(read.pages);
      const metadata: Record<string, string> = { ocr: engine.name, ocrLanguages: engine.languages.join('+') };
      if (read.confidence !== null) metadata.ocrConfidence = String(read.confidence);
      if (read.pages.length > 1) Object.assign(metadata, { pages: String(read.pages.length), pageStarts: JSON.stringify(pageStarts) });
      yield { ...readTextHeader(text), language: null, text, metadata };
    },
  };
}

export const imageParsers: readonly Parser[] = imageFormats.map(([mediaType, extensions]) => imageParser(mediaType, extensions));
