// Images that may hold a photographed or scanned document, read with the run's OCR engine: one document per file,
// the frames of a multi-page TIFF (a fax, a scanner's batch) joined like PDF pages, with `pageStarts`. Without an
// engine the file needs OCR: the pipeline keeps it by hash and lists it, and a later run reads it. An image too
// small to hold a line of text (an e-mail's spacer, icon or signature badge) is stored without its text, unread:
// OCR would cost a tool run for each of thousands, to read nothing.
import { imageSize } from 'image-size';
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

/**
 * Under 24 pixels in either direction or 64 × 64 in all, an image holds no line a reader (or tesseract, which wants
 * capitals some 20 pixels high) could read.
 */
export function tooSmallForText(size: { width: number; height: number }): boolean {
  return size.width < 24 || size.height < 24 || size.width * size.height < 64 * 64;
}

/** The pixel size from the image's header, or null when the header cannot be read (then OCR decides). */
function pixelSize(bytes: Uint8Array): { width: number; height: number } | null {
  try {
    const { width, height } = imageSize(bytes);
    return width > 0 && height > 0 ? { width, height } : null;
  } catch {
    return null; // a damaged or unusual header: tesseract reads the image or says why it cannot
  }
}

function imageParser(mediaType: string, extensions: string[]): Parser {
  return {
    mediaType,
    extensions,
    async *parse(bytes, meta) {
      const size = pixelSize(bytes);
      if (size && tooSmallForText(size)) {
        const metadata = { width: String(size.width), height: String(size.height), ocrSkipped: `${size.width} × ${size.height} pixels, too small to hold text` };
        yield { ...readTextHeader(''), language: null, text: '', metadata };
        return;
      }
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
