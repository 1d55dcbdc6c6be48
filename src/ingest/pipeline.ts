// Ingest: for each file, hash → skip if known → parse → documents → extract → resolve → one transaction.
// A file that fails is recorded with its reason and the run goes on; an abort stops between files,
// so the store only ever holds whole files.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Clock } from '../clock.js';
import { VigilError } from '../errors.js';
import type { Logger } from '../logger.js';
import { documentCountry } from '../extract/index.js';
import { decisionReplay, type DecisionReplay } from '../resolve/index.js';
import type { BlobStore, IngestBatch, SourceRecord, Store } from '../store/index.js';
import { buildDocuments } from './build-documents.js';
import { extractAndResolve } from './extract-documents.js';
import type { ParsedDocument, ParseLimits } from './parser.js';
import { parserForPath, supportedExtensions } from './parsers/index.js';
import { listFiles } from './walk.js';

export interface IngestDeps {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
  logger: Logger;
}

export interface IngestProgress {
  done: number;
  total: number;
  path: string;
}

export interface IngestOptions {
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
  /** Documents with longer text are stored without their entities (default: maxExtractedCharacters). */
  maxExtractedCharacters?: number;
  /**
   * The haul's country (ISO 3166-1 alpha-2, "SY"), kept on each of its documents as metadata `country`: their
   * local phone numbers ("0944 123 456") are read in it, now and on re-extraction. Without it, each document's
   * local numbers are read in the country most of its international numbers belong to. An unknown code is an
   * error before any file is read.
   */
  country?: string | null;
  /** Bounds on one file: rows read from each table, bytes a DOCX or XLSX may unpack to (default: defaultParseLimits). */
  parseLimits?: Partial<ParseLimits>;
}

export interface IngestReport {
  files: number;
  /** Files stored by this run. */
  stored: number;
  /** Files whose exact bytes were already in the store (from an earlier run or another path). */
  alreadyKnown: number;
  /** Documents created, counting split articles and records inside files. */
  documents: number;
  mentions: number;
  newEntities: number;
  failed: { path: string; reason: string }[];
  unsupported: { path: string; reason: string }[];
  /** Files stored whose text (or one of whose documents) was too long to extract entities from. */
  notExtracted: { path: string; reason: string }[];
  /** Files stored with no text layer (scanned PDFs), marked `needsOcr` on their documents for a later OCR pass. */
  needsOcr: { path: string; reason: string }[];
  /** True when the run was stopped before every file was seen; re-running resumes. */
  interrupted: boolean;
}

export async function ingestPaths(paths: string[], deps: IngestDeps, options: IngestOptions = {}): Promise<IngestReport> {
  const country = documentCountry(options.country);
  const files = await listFiles(paths);
  const report: IngestReport = {
    files: files.length,
    stored: 0,
    alreadyKnown: 0,
    documents: 0,
    mentions: 0,
    newEntities: 0,
    failed: [],
    unsupported: [],
    notExtracted: [],
    needsOcr: [],
    interrupted: false,
  };
  // Analysts' merges and splits, read once per run and replayed over every file's mentions.
  const decisions = decisionReplay(await deps.store.entityDecisions());
  for (const [index, path] of files.entries()) {
    if (options.signal?.aborted) {
      report.interrupted = true;
      break;
    }
    options.onProgress?.({ done: index, total: files.length, path });
    await ingestFile(path, deps, decisions, report, { maxCharacters: options.maxExtractedCharacters, country, limits: options.parseLimits ?? {} });
  }
  if (!report.interrupted) options.onProgress?.({ done: files.length, total: files.length, path: '' });
  return report;
}

interface FileOptions {
  maxCharacters: number | undefined;
  country: string | null;
  limits: Partial<ParseLimits>;
}

async function ingestFile(path: string, deps: IngestDeps, decisions: DecisionReplay, report: IngestReport, options: FileOptions): Promise<void> {
  const { maxCharacters, country, limits } = options;
  const { store, blobs, clock, logger } = deps;
  const at = clock.now().toISOString();
  let sha256: string | null = null;
  let prepared: { bytes: Uint8Array; batch: IngestBatch; notExtracted: string | null; needsOcr: string | null } | null = null;
  // Reading, parsing and extraction failures belong to the file: record them and go on.
  // Store failures are not the file's fault and stop the run (below, outside this try).
  try {
    const bytes = new Uint8Array(await readFile(path));
    sha256 = createHash('sha256').update(bytes).digest('hex');
    if (await store.hasSource(sha256)) {
      await store.addSourcePath(sha256, path, at);
      report.alreadyKnown++;
      return;
    }
    const parser = parserForPath(path);
    if (!parser) {
      // Kept by hash so nothing in the haul is invisible, and listed as unsupported.
      await blobs.put(bytes);
      const reason = `unsupported format (supported: ${supportedExtensions.join(' ')})`;
      await store.recordProblem({ path, sha256, kind: 'unsupported', reason, at });
      report.unsupported.push({ path, reason });
      return;
    }
    const source: SourceRecord = { sha256, size: bytes.byteLength, path, mediaType: parser.mediaType, ingestedAt: at };
    const parsed: ParsedDocument[] = [];
    for await (const doc of parser.parse(bytes, { path, mediaType: parser.mediaType, size: bytes.byteLength, limits })) parsed.push(doc);
    if (parsed.length === 0) throw new VigilError('input', 'ingest.empty', `${path}: holds no document`);
    const documents = buildDocuments(source, parsed);
    if (country) for (const doc of documents) doc.metadata = { ...doc.metadata, country };
    const { skipped, ...resolved } = await extractAndResolve(documents, store, decisions, maxCharacters === undefined ? {} : { maxCharacters });
    const notExtracted = skipped.length === 0
      ? null
      : documents.length === 1
        ? `${path}: ${skipped[0]!.reason}`
        : `${path}: ${skipped.length} of its documents: ${skipped[0]!.reason}`;
    prepared = { bytes, batch: { source, documents, ...resolved }, notExtracted, needsOcr: needsOcrReason(path, parsed) };
  } catch (error) {
    const reason = error instanceof VigilError ? error.message : `${path}: ${describe(error)}`;
    // The report carries the failure to the user; the log keeps it for operators without repeating it on screen.
    logger.info('ingest.file-failed', { path, reason });
    await store.recordProblem({ path, sha256, kind: 'failed', reason, at });
    report.failed.push({ path, reason });
    return;
  }
  if (!prepared) return;
  await blobs.put(prepared.bytes);
  const outcome = await store.saveIngestBatch(prepared.batch);
  if (outcome === 'already-known') {
    report.alreadyKnown++;
    return;
  }
  report.stored++;
  if (prepared.notExtracted) {
    // After the save, which clears the file's earlier problems: this one stands until the file is extracted.
    await store.recordProblem({ path, sha256, kind: 'not-extracted', reason: prepared.notExtracted, at });
    report.notExtracted.push({ path, reason: prepared.notExtracted });
  }
  if (prepared.needsOcr) report.needsOcr.push({ path, reason: prepared.needsOcr });
  report.documents += prepared.batch.documents.length;
  report.mentions += prepared.batch.mentions.length;
  report.newEntities += prepared.batch.newEntities.length;
}

function needsOcrReason(path: string, parsed: ParsedDocument[]): string | null {
  const scanned = parsed.filter((doc) => doc.metadata.needsOcr === 'true');
  if (scanned.length === 0) return null;
  const { pages, pagesWithoutText } = scanned[0]!.metadata;
  const where = parsed.length === 1 && pages && pagesWithoutText ? ` on ${pagesWithoutText} of its ${pages} pages` : '';
  const which = parsed.length === 1 ? '' : ` in ${scanned.length} of its documents`;
  return `${path}: no text layer${where}${which}; it needs OCR`;
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ENOENT') return 'the file disappeared before it could be read';
    if (code === 'EISDIR') return 'is a folder';
  }
  return error instanceof Error ? error.message : String(error);
}
