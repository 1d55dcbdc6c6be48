// Ingest: for each file, hash → skip if known → detect its format → parse into documents → extract → resolve → one
// transaction; archives are opened and each file inside is ingested the same way, under `ARCHIVE!/ENTRY`. A file
// that fails is recorded with its reason and the run goes on; an abort stops between files, so the store only ever
// holds whole files, and an archive counts as read only once every entry in it was. Parsing and extraction run in
// worker threads, several files ahead of the main thread, which walks, resolves and writes in the walk's order.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Clock } from '../clock.js';
import { VigilError } from '../errors.js';
import type { Logger } from '../logger.js';
import { documentCountry } from '../extract/index.js';
import { decisionReplay } from '../resolve/index.js';
import { defaultCollection, isCollectionName, type BlobStore, type Store } from '../store/index.js';
import { CommitQueue } from './commit-queue.js';
import { defaultContainerLimits, ExpansionBudget, type ContainerLimits } from './containers/index.js';
import type { ParseLimits } from './parser.js';
import { detectTesseract, type OcrEngine } from './ocr/index.js';
import { describe, fileOnDisk, ingestItem, recordFailure, type IngestItem, type IngestRun } from './ingest-item.js';
import { listFiles, type FoundFile } from './walk.js';
import { defaultFileTimeoutMs, inlinePreparer, openParsePool, type Preparer } from './workers/parse-pool.js';

export interface IngestDeps {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
  logger: Logger;
}

export interface IngestProgress {
  /** Files on disk done and in all (the files inside archives count with theirs). */
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
  path: string;
}

export interface IngestOptions {
  signal?: AbortSignal;
  /**
   * The collection (case) the files go into (default "default"): users read the haul of their collections only.
   * A retry reads each file into the collection it failed in.
   */
  collection?: string;
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
  /** Limits on archives: nesting, entry sizes, expansion (zip bombs). */
  containerLimits?: Partial<ContainerLimits>;
  /**
   * Files on disk larger than this are streamed into the blob store by hash, not read into memory: an archive is
   * then read in place, entry by entry, any other file recorded as failed (parsing holds a file in memory).
   * Default: the largest archive entry read (containerLimits.maxEntryBytes).
   */
  maxFileBytes?: number;
  /**
   * OCR for images and scanned PDFs: 'auto' (the default) looks for tesseract and pdftoppm once, when the run starts;
   * null reads without OCR (such files are listed as needing OCR); an engine is used as given (tests). Workers rebuild
   * the engine from its `portable` description; one without it (a test double) has every file read on this thread.
   */
  ocr?: OcrEngine | null | 'auto';
  /**
   * Worker threads that parse files and extract their mentions (default: os.availableParallelism()); 0 reads
   * every file on this thread. The results are the same either way.
   */
  workers?: number;
  /** Longest one file may take to parse and extract in a worker before it is stopped as `ingest.timeout` (default 120 s). */
  fileTimeoutMs?: number;
  /** Called after each file's documents are saved, with the time each stage took on it (for benchmarks). */
  onFileStored?: (stages: FileStages) => void;
  /** Bytes of files read but not yet written that may be held at once (default 64 MiB; one file always fits). */
  maxBytesInFlight?: number;
}

/** Files read ahead per worker: enough that a worker never waits for the main thread to hand it the next one. */
const filesAheadPerWorker = 2;
const defaultBytesInFlight = 64 * 2 ** 20;

/** Milliseconds each stage took on one stored file: parse and extract in a worker, resolve and save on the main thread. */
export interface FileStages {
  path: string;
  bytes: number;
  parseMs: number;
  extractMs: number;
  resolveMs: number;
  saveMs: number;
}

export interface IngestFileProblem {
  path: string;
  reason: string;
}

export interface IngestFailure extends IngestFileProblem {
  /** Stable code of the reason (`ingest.encrypted`, `ingest.corrupt`, `ingest.compression-bomb`, …). */
  code: string;
}

export interface IngestReport {
  /** Files given or found in the folders given (not counting the files inside archives). */
  files: number;
  /** Files inside archives, at every level of nesting, that were read out of them. */
  entries: number;
  /** Files and entries stored by this run (an archive counts once every entry in it was read). */
  stored: number;
  /** Files whose exact bytes were already in the store (from an earlier run or another path). */
  alreadyKnown: number;
  /** Archives read to the end. */
  containers: number;
  /** Documents created, counting split articles and records inside files. */
  documents: number;
  mentions: number;
  newEntities: number;
  failed: IngestFailure[];
  unsupported: (IngestFileProblem & { mediaType: string })[];
  /** Files stored whose text (or one of whose documents) was too long to extract entities from. */
  notExtracted: IngestFileProblem[];
  /**
   * Files only OCR can read (images, PDFs without a text layer) while no OCR engine was at hand: kept by hash but not
   * stored, so a run after OCR is installed reads them.
   */
  needsOcr: IngestFileProblem[];
  /** The OCR engine this run read with ("tesseract 5.3.0 (eng+ara)"), or null when it had none. */
  ocr: string | null;
  /** Files read, but suspect: a misleading extension, an archive entry whose name climbs out of the archive. */
  warnings: IngestFileProblem[];
  /** True when the run was stopped before every file was seen; re-running resumes. */
  interrupted: boolean;
}

export async function ingestPaths(paths: string[], deps: IngestDeps, options: IngestOptions = {}): Promise<IngestReport> {
  documentCountry(options.country); // an unknown code is refused before any file is read
  checkCollection(options.collection);
  return ingestFiles(await listFiles(paths), deps, options, null, null);
}

function checkCollection(collection: string | undefined): void {
  if (collection !== undefined && !isCollectionName(collection)) {
    throw new VigilError('input', 'ingest.bad-collection', `collection "${collection}": use letters, digits, ".", "_" or "-", up to 64, starting with a letter or digit`);
  }
}

/**
 * Reads again only the files recorded as failed or needing OCR (after installing OCR, raising a limit, fixing a
 * file): archives on the way to them are opened again but nothing else in them is touched. Files no longer on disk
 * stay listed and are reported as failed again.
 */
export async function retryFailed(deps: IngestDeps, options: IngestOptions = {}): Promise<IngestReport> {
  documentCountry(options.country);
  const problems = (await deps.store.listProblems()).filter((p) => p.kind === 'failed' || p.kind === 'needs-ocr');
  const targets = new Set(problems.map((p) => p.path));
  // Each file on disk, read into the collection it failed in (the first, should its entries have failed in several).
  const collections = new Map<string, string>();
  for (const p of problems) if (!collections.has(fileOnDisk(p.path))) collections.set(fileOnDisk(p.path), p.collection ?? defaultCollection);
  const onDisk = [...collections.keys()];
  const files: FoundFile[] = [];
  for (const path of onDisk) {
    const found = await stat(path).then((info) => (info.isFile() ? info.size : null), () => null);
    if (found !== null) files.push({ path, size: found });
  }
  const report = await ingestFiles(files, deps, options, targets, collections);
  const present = new Set(files.map((f) => f.path));
  for (const path of onDisk) {
    if (!present.has(path)) report.failed.push({ path, code: 'ingest.missing-path', reason: `${path}: no longer there, so what failed in it cannot be read again` });
  }
  return report;
}

async function ingestFiles(files: FoundFile[], deps: IngestDeps, options: IngestOptions, targets: Set<string> | null, collections: Map<string, string> | null): Promise<IngestReport> {
  const limits: ContainerLimits = { ...defaultContainerLimits, ...options.containerLimits };
  const ocr = options.ocr === undefined || options.ocr === 'auto' ? await detectTesseract() : options.ocr;
  deps.logger.info('ingest.ocr', { engine: ocr?.name ?? null, languages: ocr?.languages.join('+') ?? null, pdf: ocr?.readPdfPages !== undefined });
  const report: IngestReport = {
    files: files.length,
    entries: 0,
    stored: 0,
    alreadyKnown: 0,
    containers: 0,
    documents: 0,
    mentions: 0,
    newEntities: 0,
    failed: [],
    unsupported: [],
    notExtracted: [],
    needsOcr: [],
    ocr: ocr ? `${ocr.name} (${ocr.languages.join('+')})` : null,
    warnings: [],
    interrupted: false,
  };
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 0) throw new VigilError('input', 'ingest.workers', `workers: ${workers} is not a number of threads (0 or more)`);
  const commits = new CommitQueue(Math.max(1, filesAheadPerWorker * workers), options.maxBytesInFlight ?? defaultBytesInFlight, options.signal);
  // An engine that cannot be sent to a worker (a test's, not the tesseract one found here) reads every file here.
  const preparer: Preparer = workers === 0 || (ocr !== null && ocr.portable === undefined)
    ? inlinePreparer(ocr)
    : openParsePool({ workers, timeoutMs: options.fileTimeoutMs ?? defaultFileTimeoutMs, ocr: ocr?.portable ?? null });
  // Analysts' merges and splits, read once per run and replayed over every file's mentions.
  const run: IngestRun = {
    deps,
    report,
    decisions: decisionReplay(await deps.store.entityDecisions()),
    limits,
    country: documentCountry(options.country),
    collection: options.collection ?? defaultCollection,
    collections,
    maxCharacters: options.maxExtractedCharacters,
    maxFileBytes: options.maxFileBytes ?? limits.maxEntryBytes,
    parseLimits: options.parseLimits ?? {},
    ocr,
    signal: options.signal,
    only: targets === null ? null : onlyThese(targets),
    preparer,
    commits,
    seen: new Map(),
    onFileStored: options.onFileStored,
  };
  const bytesTotal = files.reduce((sum, f) => sum + f.size, 0);
  let bytesDone = 0;
  try {
    for (const [index, { path, size }] of files.entries()) {
      if (options.signal?.aborted) {
        report.interrupted = true;
        break;
      }
      const content = await readFileContent(path, run);
      if (content) await ingestItem({ path, content, depth: 1, budget: new ExpansionBudget(limits), container: null }, run);
      // Progress counts what is written: this runs after the file's own writes.
      await commits.add(0, () => null, async () => {
        bytesDone += size;
        options.onProgress?.({ done: index + 1, total: files.length, bytesDone, bytesTotal, path });
      });
      if (report.interrupted) break;
    }
    await commits.drain();
    if (commits.interrupted) report.interrupted = true;
  } finally {
    // After a failure of the store, the writes not yet run are dropped: nothing is written once the error is thrown.
    await commits.abandon();
    await preparer.close();
  }
  if (!report.interrupted) options.onProgress?.({ done: files.length, total: files.length, bytesDone, bytesTotal, path: '' });
  return report;
}

/** The paths to read again, and the archives (and messages) on the way to them. */
function onlyThese(targets: Set<string>): IngestRun['only'] {
  const ancestors = new Set<string>();
  for (const target of targets) {
    for (let at = target.indexOf('!/'); at >= 0; at = target.indexOf('!/', at + 2)) ancestors.add(target.slice(0, at));
  }
  return { targets, ancestors };
}

/**
 * A file's bytes, or for a file larger than maxFileBytes its hash, read as a stream (an archive is then read in
 * place); null when it could not be read, recorded as failed.
 */
async function readFileContent(path: string, run: IngestRun): Promise<IngestItem['content'] | null> {
  try {
    const { size } = await stat(path);
    if (size <= run.maxFileBytes) return { bytes: new Uint8Array(await readFile(path)) };
    return { file: path, size, sha256: await hashFile(path) };
  } catch (error) {
    const reason = `${path}: ${describe(error)}`;
    await run.commits.add(0, () => null, () => recordFailure(run, { path, code: 'ingest.unreadable', reason }, null));
    return null;
  }
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
