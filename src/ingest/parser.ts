// The one interface every format parser implements (STYLE §7).
import type { OcrEngine } from './ocr/ocr-engine.js';

export interface SourceMeta {
  path: string;
  mediaType: string;
  size: number;
  /** Bounds on what one file may cost; each unset one takes its value from defaultParseLimits. */
  limits?: Partial<ParseLimits>;
  /**
   * The OCR engine of this run, found once when it starts; null or absent when none is installed, and a parser that
   * needs one throws the needs-OCR error (needsOcrError in ocr/).
   */
  ocr?: OcrEngine | null;
}

export interface ParseLimits {
  /** Data rows read from each table (a sheet, a CSV file); the rest is left out and the document marked `truncated`. */
  maxTableRows: number;
  /** Bytes the parts of a ZIP-based file (DOCX, XLSX) may unpack to; more is refused as a possible ZIP bomb. */
  maxExpandedBytes: number;
}

export const defaultParseLimits: ParseLimits = { maxTableRows: 100_000, maxExpandedBytes: 512 * 1024 * 1024 };

export function parseLimits(meta: SourceMeta): ParseLimits {
  return {
    maxTableRows: meta.limits?.maxTableRows ?? defaultParseLimits.maxTableRows,
    maxExpandedBytes: meta.limits?.maxExpandedBytes ?? defaultParseLimits.maxExpandedBytes,
  };
}

export interface ParsedDocument {
  title: string | null;
  author: string | null;
  /** Partial ISO 8601. */
  date: string | null;
  language: string | null;
  text: string;
  metadata: Record<string, string>;
  /**
   * Files carried by the document (an e-mail's attachments): each is ingested as a file of its own under
   * `FILE!/NAME`, before the document itself is saved, so an interrupted run reads them again.
   */
  attachments?: Attachment[];
  /**
   * What the reader should know that did not stop the file (records left out as malformed), without the path:
   * ingest records them as the file's warning.
   */
  warnings?: string[];
}

export interface Attachment {
  /** The file name it was sent under; made safe and unique by the pipeline. */
  name: string;
  bytes: Uint8Array;
}

/**
 * The code of the error a parser throws for a file whose text only OCR can read (an image, a scanned PDF) when no
 * OCR engine is at hand: the file is kept by hash and listed as needing OCR, not stored, so a later run reads it.
 */
export const needsOcrCode = 'ingest.needs-ocr';

export interface Parser {
  /** Media type this parser reads, recorded on every document it produces. */
  mediaType: string;
  /** Lower-case file extensions, with the dot. */
  extensions: string[];
  /**
   * For text formats known by their content rather than their name (a phone export's CSV header line): true when
   * the file's first bytes (the whole file or its first MiB) are this format's. Asked before the extension decides.
   */
  recognises?(head: Uint8Array): boolean;
  /** Yields one document per logical document in the file; throws VigilError('input') when the file is malformed. */
  parse(bytes: Uint8Array, meta: SourceMeta): AsyncIterable<ParsedDocument>;
}

export function emptyDocument(text: string): ParsedDocument {
  return { title: null, author: null, date: null, language: null, text, metadata: {} };
}
