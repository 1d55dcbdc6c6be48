// What a parser needs from an OCR engine, and the needs-OCR error it throws when there is none. The engine is found
// at run time, once per ingest run, and handed to parsers in SourceMeta: nothing here spawns or reads the disk.
import { VigilError } from '../../errors.js';
import { needsOcrCode } from '../parser.js';

export interface OcrResult {
  /** Text of each page read, in order: one for a PNG or JPEG, one per frame of a multi-page TIFF or per PDF page asked for. */
  pages: string[];
  /** Mean confidence of the words read, 0–100, or null when no word was read. */
  confidence: number | null;
}

/** A PDF page to render and read: its number (from 1) and the resolution to render it at. */
export interface PdfPageRequest {
  number: number;
  dpi: number;
}

export interface OcrEngine {
  /** Name and version, recorded on every document read with it: "tesseract 5.3.0". */
  name: string;
  /** The engine's codes of the languages it reads with (tesseract's: "eng", "ara"). */
  languages: readonly string[];
  /** Reads the text of an image (PNG, JPEG, TIFF, …); `path` names the file in errors. */
  readImage(bytes: Uint8Array, mediaType: string, path: string): Promise<OcrResult>;
  /** Renders the given pages of a PDF and reads them; absent when no renderer is installed. */
  readPdfPages?(bytes: Uint8Array, pages: readonly PdfPageRequest[], path: string): Promise<OcrResult>;
  /**
   * Plain data a worker thread rebuilds this same engine from (an engine, made of functions, cannot be sent to one);
   * absent for an engine that exists only where it was made (a test's), whose files are then read on that thread.
   */
  portable?: PortableOcrEngine;
}

/** The tesseract engine detectTesseract found, as structured-clone data: what to run, with which languages and limits. */
export interface PortableOcrEngine {
  kind: 'tesseract';
  name: string;
  canRender: boolean;
  tesseract: string;
  pdftoppm: string;
  languages: readonly string[];
  timeoutMs?: number;
  maxTextBytes?: number;
  tempDir?: string;
}

/** The Debian packages that give Vigil its OCR; named in every needs-OCR reason so the reader knows what to do. */
export const ocrPackages = 'tesseract-ocr tesseract-ocr-ara poppler-utils';

/** Why a run could not read a file with OCR, for needsOcrError. */
export const noOcrEngine = 'this run had no OCR engine';
export const noPdfRenderer = 'this run could not render PDF pages (pdftoppm, from poppler-utils, is not installed)';

/**
 * The error for a file whose text only OCR can read when no engine (or no PDF renderer) is at hand: the pipeline keeps
 * the file by hash and lists it as needing OCR without storing it, so `vigil ingest` reads it once OCR is installed.
 */
export function needsOcrError(path: string, what: string, missing: string): VigilError {
  return new VigilError('input', needsOcrCode, `${path}: ${what}; it needs OCR, and ${missing} (apt-get install ${ocrPackages} if they are missing, then run vigil ingest again)`);
}
