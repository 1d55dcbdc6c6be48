// Ingest: for each file, hash → skip if known → detect its format → parse into documents → extract → resolve → one
// transaction; archives are opened and each file inside is ingested the same way, under `ARCHIVE!/ENTRY`. A file
// that fails is recorded with its reason and the run goes on; an abort stops between files, so the store only ever
// holds whole files, and an archive counts as read only once every entry in it was.
import { readFile, stat } from 'node:fs/promises';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { documentCountry } from '../extract/index.js';
import { decisionReplay } from '../resolve/index.js';
import type { BlobStore, Store } from '../store/index.js';
import { defaultContainerLimits, ExpansionBudget, formatSize, type ContainerLimits } from './containers/index.js';
import { describe, ingestItem, recordFailure, type IngestRun } from './ingest-item.js';
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
  /** Limits on archives: nesting, entry sizes, expansion (zip bombs). */
  containerLimits?: Partial<ContainerLimits>;
  /**
   * Files on disk larger than this are kept by hash (streamed into the blob store) and recorded as failed, not read:
   * parsing holds a file in memory. Default: the largest archive entry read (containerLimits.maxEntryBytes).
   */
  maxFileBytes?: number;
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
  /** Files read, but suspect: a misleading extension, an archive entry whose name climbs out of the archive. */
  warnings: IngestFileProblem[];
  /** True when the run was stopped before every file was seen; re-running resumes. */
  interrupted: boolean;
}

export async function ingestPaths(paths: string[], deps: IngestDeps, options: IngestOptions = {}): Promise<IngestReport> {
  const country = documentCountry(options.country);
  const limits: ContainerLimits = { ...defaultContainerLimits, ...options.containerLimits };
  const maxFileBytes = options.maxFileBytes ?? limits.maxEntryBytes;
  const files = await listFiles(paths);
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
    warnings: [],
    interrupted: false,
  };
  // Analysts' merges and splits, read once per run and replayed over every file's mentions.
  const run: IngestRun = {
    deps,
    report,
    decisions: decisionReplay(await deps.store.entityDecisions()),
    limits,
    country,
    maxCharacters: options.maxExtractedCharacters,
    signal: options.signal,
  };
  for (const [index, path] of files.entries()) {
    if (options.signal?.aborted) {
      report.interrupted = true;
      break;
    }
    options.onProgress?.({ done: index, total: files.length, path });
    const bytes = await readWhole(path, maxFileBytes, run);
    if (bytes) await ingestItem({ path, bytes, depth: 1, budget: new ExpansionBudget(limits), container: null }, run);
    if (report.interrupted) break;
  }
  if (!report.interrupted) options.onProgress?.({ done: files.length, total: files.length, path: '' });
  return report;
}

/** A file's bytes, or null when it could not be read or is too large to hold (recorded, and kept by hash if large). */
async function readWhole(path: string, maxFileBytes: number, run: IngestRun): Promise<Uint8Array | null> {
  const { blobs } = run.deps;
  try {
    const { size } = await stat(path);
    if (size <= maxFileBytes) return new Uint8Array(await readFile(path));
    const sha256 = await blobs.putFile(path);
    const reason = `${path}: ${formatSize(size)}, larger than the ${formatSize(maxFileBytes)} Vigil reads into memory; kept by hash (sha256 ${sha256}) but not read`;
    await recordFailure(run, { path, code: 'ingest.too-large', reason }, sha256);
  } catch (error) {
    await recordFailure(run, { path, code: 'ingest.unreadable', reason: `${path}: ${describe(error)}` }, null);
  }
  return null;
}
