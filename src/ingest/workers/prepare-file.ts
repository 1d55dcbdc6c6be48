// The CPU-heavy part of ingesting one file, the same in a worker thread and inline: parse the bytes into documents,
// build their records (articles, records inside a file) and extract each leaf's mentions. No store, no I/O: what
// needs the store (known bytes, resolution, the transaction) stays on the main thread.
import { VigilError, type ErrorKind } from '../../errors.js';
import type { DocumentRecord, SourceRecord } from '../../store/index.js';
import { buildDocuments } from '../build-documents.js';
import { extractDocuments, type ExtractedText } from '../extract-documents.js';
import type { OcrEngine } from '../ocr/index.js';
import type { Attachment, ParsedDocument, ParseLimits } from '../parser.js';
import { parsers } from '../parsers/index.js';

/** One file to prepare: everything but its bytes, which travel beside it (transferred to a worker, not copied). */
export interface PrepareJob {
  /** The parser's place in the registry (parsers/index.ts): a worker finds the same parser there. */
  parser: number;
  source: SourceRecord;
  parseLimits: Partial<ParseLimits>;
  /** The haul's country, kept as metadata `country` on every document that names none of its own. */
  country: string | null;
  maxCharacters: number | undefined;
}

export interface PreparedFile {
  documents: DocumentRecord[];
  found: ExtractedText;
  attachments: Attachment[];
  /** What the parser noted without stopping (records left out as malformed), as the file's warning, or null. */
  warning: string | null;
  /** Milliseconds spent parsing (with building the documents) and extracting, for the benchmark's stages. */
  timings: { parseMs: number; extractMs: number };
}

/** What a worker sends back when the file could not be prepared: enough to rebuild the error the parser threw. */
export type PrepareFailure = { vigil: { kind: ErrorKind; code: string; message: string } } | { message: string };

/** `ocr`: the run's engine (rebuilt in a worker from the one the main thread found), null without one. */
export async function prepareFile(job: PrepareJob, bytes: Uint8Array, ocr: OcrEngine | null): Promise<PreparedFile> {
  const parser = parsers[job.parser];
  if (!parser) throw new Error(`no parser at place ${job.parser} of the registry`);
  const { path } = job.source;
  const started = performance.now();
  const parsed: ParsedDocument[] = [];
  for await (const doc of parser.parse(bytes, { path, mediaType: parser.mediaType, size: bytes.byteLength, limits: job.parseLimits, ocr })) parsed.push(doc);
  if (parsed.length === 0) throw new VigilError('input', 'ingest.empty', `${path}: holds no document`);
  const attachments = parsed.flatMap((doc) => doc.attachments ?? []);
  for (const doc of parsed) delete doc.attachments;
  const documents = buildDocuments(job.source, parsed);
  // The run's country is for documents that name none; a phone export's device country is its own.
  if (job.country) for (const doc of documents) doc.metadata = { country: job.country, ...doc.metadata };
  const parsedAt = performance.now();
  const found = extractDocuments(documents, job.maxCharacters === undefined ? {} : { maxCharacters: job.maxCharacters });
  const timings = { parseMs: parsedAt - started, extractMs: performance.now() - parsedAt };
  const warnings = parsed.flatMap((doc) => doc.warnings ?? []);
  return { documents, found, attachments, warning: warnings.length > 0 ? `${path}: ${warnings.join('; ')}` : null, timings };
}

/** The error as it crosses from a worker to the main thread (structured clone keeps no class). */
export function failureOf(error: unknown): PrepareFailure {
  if (error instanceof VigilError) return { vigil: { kind: error.kind, code: error.code, message: error.message } };
  return { message: error instanceof Error ? error.message : String(error) };
}

export function errorOf(failure: PrepareFailure): Error {
  return 'vigil' in failure ? new VigilError(failure.vigil.kind, failure.vigil.code, failure.vigil.message) : new Error(failure.message);
}
