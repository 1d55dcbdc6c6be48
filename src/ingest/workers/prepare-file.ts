// The CPU-heavy part of ingesting one file, the same in a worker thread and inline: parse the bytes into documents,
// build their records (articles, records inside a file) and extract each leaf's mentions. No store, no I/O: what
// needs the store (known bytes, resolution, the transaction) stays on the main thread.
import { VigilError, type ErrorKind } from '../../errors.js';
import type { DocumentRecord, SourceRecord } from '../../store/index.js';
import { buildDocuments } from '../build-documents.js';
import { extractDocuments, type ExtractedText } from '../extract-documents.js';
import type { Attachment, ParsedDocument, ParseLimits } from '../parser.js';
import { parsers } from '../parsers/index.js';

/** One file to prepare: everything but its bytes, which travel beside it (transferred to a worker, not copied). */
export interface PrepareJob {
  /** The parser's place in the registry (parsers/index.ts): a worker finds the same parser there. */
  parser: number;
  source: SourceRecord;
  parseLimits: Partial<ParseLimits>;
  /** The haul's country, kept on every document as metadata `country`. */
  country: string | null;
  maxCharacters: number | undefined;
}

export interface PreparedFile {
  documents: DocumentRecord[];
  found: ExtractedText;
  attachments: Attachment[];
  /** Why the file needs OCR (a PDF without a text layer), or null. */
  needsOcr: string | null;
  /** Milliseconds spent parsing (with building the documents) and extracting, for the benchmark's stages. */
  timings: { parseMs: number; extractMs: number };
}

/** What a worker sends back when the file could not be prepared: enough to rebuild the error the parser threw. */
export type PrepareFailure = { vigil: { kind: ErrorKind; code: string; message: string } } | { message: string };

export async function prepareFile(job: PrepareJob, bytes: Uint8Array): Promise<PreparedFile> {
  const parser = parsers[job.parser];
  if (!parser) throw new Error(`no parser at place ${job.parser} of the registry`);
  const { path } = job.source;
  const started = performance.now();
  const parsed: ParsedDocument[] = [];
  for await (const doc of parser.parse(bytes, { path, mediaType: parser.mediaType, size: bytes.byteLength, limits: job.parseLimits })) parsed.push(doc);
  if (parsed.length === 0) throw new VigilError('input', 'ingest.empty', `${path}: holds no document`);
  const attachments = parsed.flatMap((doc) => doc.attachments ?? []);
  for (const doc of parsed) delete doc.attachments;
  const documents = buildDocuments(job.source, parsed);
  if (job.country) for (const doc of documents) doc.metadata = { ...doc.metadata, country: job.country };
  const parsedAt = performance.now();
  const found = extractDocuments(documents, job.maxCharacters === undefined ? {} : { maxCharacters: job.maxCharacters });
  const timings = { parseMs: parsedAt - started, extractMs: performance.now() - parsedAt };
  return { documents, found, attachments, needsOcr: needsOcrReason(path, parsed), timings };
}

function needsOcrReason(path: string, parsed: ParsedDocument[]): string | null {
  const scanned = parsed.filter((doc) => doc.metadata.needsOcr === 'true');
  if (scanned.length === 0) return null;
  const { pages, pagesWithoutText } = scanned[0]!.metadata;
  const where = parsed.length === 1 && pages && pagesWithoutText ? ` on ${pagesWithoutText} of its ${pages} pages` : '';
  const which = parsed.length === 1 ? '' : ` in ${scanned.length} of its documents`;
  return `${path}: no text layer${where}${which}; it needs OCR`;
}

/** The error as it crosses from a worker to the main thread (structured clone keeps no class). */
export function failureOf(error: unknown): PrepareFailure {
  if (error instanceof VigilError) return { vigil: { kind: error.kind, code: error.code, message: error.message } };
  return { message: error instanceof Error ? error.message : String(error) };
}

export function errorOf(failure: PrepareFailure): Error {
  return 'vigil' in failure ? new VigilError(failure.vigil.kind, failure.vigil.code, failure.vigil.message) : new Error(failure.message);
}
