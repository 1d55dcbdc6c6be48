// One file, on disk or inside an archive: known bytes get one more place, an archive has each of its entries
// ingested in turn (then is recorded, so a re-run after an interruption opens it again), anything else is parsed
// and extracted (by a worker thread when there are some), then resolved and saved in one transaction. Walking
// only reads; every write goes through `run.commits`, in the order of the walk (commit-queue.ts).
import { createHash } from 'node:crypto';
import { VigilError } from '../errors.js';
import type { DecisionReplay } from '../resolve/index.js';
import type { ContainerPlace, IngestBatch, IngestProblem, SourceRecord } from '../store/index.js';
import { containedName, ExpansionExhausted, formatSize, sourceHead, type Container, type ContainerLimits, type ExpansionBudget } from './containers/index.js';
import { detectFormat, readableExtensions } from './detect-format.js';
import { immediateOrder, type CommitOrder, type Queued } from './commit-queue.js';
import { resolveExtracted } from './extract-documents.js';
import type { OcrEngine } from './ocr/index.js';
import { needsOcrCode, type Attachment, type Parser, type ParseLimits } from './parser.js';
import { parsers } from './parsers/index.js';
import { inlinePreparer, type Preparer } from './workers/parse-pool.js';
import type { IngestDeps, IngestFailure, IngestOptions, IngestReport } from './pipeline.js';

/** What every file of one run shares. */
export interface IngestRun {
  deps: IngestDeps;
  report: IngestReport;
  decisions: DecisionReplay;
  limits: ContainerLimits;
  country: string | null;
  /** The collection (case) the run ingests into. */
  collection: string;
  /** When retrying failures: the collection each file on disk failed in, read into it again. */
  collections: Map<string, string> | null;
  maxCharacters: number | undefined;
  /** Larger files on disk are not read into memory: archives are read in place, other files kept by hash. */
  maxFileBytes: number;
  parseLimits: Partial<ParseLimits>;
  /** Found once when the run starts; null when no OCR engine is installed (or the caller turned OCR off). */
  ocr: OcrEngine | null;
  signal: AbortSignal | undefined;
  /**
   * When retrying failures: the paths to read again, and the archives and messages holding them, opened again even
   * though they are stored; everything else is left alone. Null: read everything.
   */
  only: { targets: Set<string>; ancestors: Set<string> } | null;
  /** Parses and extracts files, in worker threads or inline. */
  preparer: Preparer;
  /** Where the walk's writes queue up, in its order. */
  commits: CommitOrder;
  /**
   * Bytes walked in this run whose writes may not have run yet, by hash, with when they will have: a copy met
   * meanwhile waits for them, then finds them known as a one-file-at-a-time run would. Null inside a file's own
   * turn (its attachments), where waiting on later files would never end.
   */
  seen: Map<string, Promise<void>> | null;
  onFileStored: IngestOptions['onFileStored'];
}

/** Whether a path is to be read, only opened on the way to failures inside it, or left alone (when retrying). */
function roleOf(run: IngestRun, path: string): 'read' | 'open' | 'skip' {
  if (run.only === null || run.only.targets.has(path)) return 'read';
  return run.only.ancestors.has(path) ? 'open' : 'skip';
}

export interface IngestItem {
  /** On disk, or `ARCHIVE-PATH!/ENTRY-PATH`. */
  path: string;
  /** In memory, or a file on disk too large to hold, already hashed and kept in the blob store. */
  content: { bytes: Uint8Array } | { file: string; size: number; sha256: string };
  /** 1 for a file on disk, 2 for an entry of an archive on disk, … */
  depth: number;
  /** What the file on disk this item came from may still expand to. */
  budget: ExpansionBudget;
  container: ContainerPlace | null;
}

/** Enough of a file to tell its format by: file-type reads the first few KiB, and ZIP-based formats a little more. */
const headLength = 1 << 20;

export async function ingestItem(item: IngestItem, run: IngestRun): Promise<void> {
  const { path, content } = item;
  const { store, clock } = run.deps;
  const { report } = run;
  const at = clock.now().toISOString();
  const role = roleOf(run, path);
  if (role === 'skip') return;
  const sha256 = 'bytes' in content ? createHash('sha256').update(content.bytes).digest('hex') : content.sha256;
  await run.seen?.get(sha256);
  const known = await store.hasSource(sha256);
  if (known && role === 'read') {
    await write(run, async () => {
      await store.addSourcePath(sha256, path, at, item.container, collectionOf(run, path));
      report.alreadyKnown++;
    });
    return;
  }
  const format = await detectFormat(path, 'bytes' in content ? content.bytes : await sourceHead(content, headLength));
  const size = 'bytes' in content ? content.bytes.byteLength : content.size;
  const source: SourceRecord = { sha256, size, path, mediaType: format.mediaType, ingestedAt: at, container: item.container, collection: collectionOf(run, path) };
  const note = format.note ? `${path}: ${format.note}` : null;
  if (format.kind === 'unsupported') {
    await write(run, async () => {
      // Kept by hash so nothing in the haul is invisible, and listed as unsupported.
      if (!(await keep(run, content))) return;
      const reason = `unsupported format (${format.mediaType}; Vigil reads ${readableExtensions.join(' ')})`;
      await recordProblem(run, { path, sha256, kind: 'unsupported', reason, at });
      report.unsupported.push({ path, reason, mediaType: format.mediaType });
    });
    return;
  }
  if (format.kind === 'container') await ingestContainer(item, format.container, source, known, note, run);
  else if ('bytes' in content) await ingestDocuments(item, content.bytes, format.parser, source, known, note, run);
  else {
    const reason = `${path}: ${formatSize(size)}, larger than the ${formatSize(run.maxFileBytes)} Vigil reads into memory for a ${format.mediaType} file; kept by hash (sha256 ${sha256}) but not read`;
    await write(run, async () => {
      if (await keep(run, content)) await recordFailure(run, { path, code: 'ingest.too-large', reason }, sha256);
    });
  }
}

/** Queues writes that need no preparing, in the walk's order. */
async function write(run: IngestRun, writes: () => Promise<void>): Promise<Queued> {
  return run.commits.add(0, () => null, writes);
}

/** Reads each entry of an archive, then queues its record (so it is recorded only after every entry was written). */
async function ingestContainer(item: IngestItem, container: Container, source: SourceRecord, known: boolean, note: string | null, run: IngestRun): Promise<void> {
  const { path, content, budget } = item;
  const { report } = run;
  if (item.depth > run.limits.maxDepth) {
    const reason = `${path}: an archive nested ${item.depth} levels deep, over the limit of ${run.limits.maxDepth}; not opened`;
    await write(run, () => recordFailure(run, { path, code: 'ingest.too-deep', reason }, source.sha256));
    return;
  }
  try {
    for await (const entry of container.entries(content, path, budget)) {
      const entryPath = `${path}!/${entry.name}`;
      if ('problem' in entry) {
        if (roleOf(run, entryPath) === 'skip') continue;
        await write(run, () => recordFailure(run, { path: entryPath, code: entry.code, reason: `${entryPath}: ${entry.problem}` }, null));
        continue;
      }
      report.entries++;
      await ingestItem({ path: entryPath, content: { bytes: entry.bytes }, depth: item.depth + 1, budget, container: { sha256: source.sha256, entry: entry.name } }, run);
      const { note: entryNote } = entry;
      if (entryNote) await write(run, () => recordWarning(run, entryPath, null, `${entryPath}: ${entryNote}`));
      // Stop between entries; the archive is not recorded, so the next run opens it again and skips what is stored.
      if (run.signal?.aborted) report.interrupted = true;
      if (report.interrupted) return;
    }
  } catch (error) {
    if (!(error instanceof VigilError) || error.kind !== 'input') throw error;
    const reason = error instanceof ExpansionExhausted ? `${path}: ${error.message}` : error.message;
    await write(run, () => recordFailure(run, { path, code: error.code, reason }, source.sha256));
    return;
  }
  if (known) return;
  const recorded = await write(run, async () => {
    if (!(await keep(run, content))) return;
    if (!(await save(run, { source, documents: [], newEntities: [], entityKeys: [], mentions: [] }, null))) return;
    report.containers++;
    if (note) await recordWarning(run, path, source.sha256, note);
  });
  run.seen?.set(source.sha256, recorded.written);
}

/**
 * Starts preparing one file's documents (parse, build, extract) and queues what follows in the walk's order: its
 * attachments, then resolution and the one transaction, or its failure.
 */
async function ingestDocuments(item: IngestItem, bytes: Uint8Array, parser: Parser, source: SourceRecord, known: boolean, note: string | null, run: IngestRun): Promise<void> {
  const { path } = item;
  const place = parsers.indexOf(parser);
  // A parser outside the registry cannot be found by a worker: such a file is read here.
  const preparer = place >= 0 ? run.preparer : inlinePreparer(run.ocr);
  const job = { parser: place, source, parseLimits: run.parseLimits, country: run.country, maxCharacters: run.maxCharacters };
  const queued = await run.commits.add(bytes.byteLength, () => preparer.prepare(job, bytes), async (preparing) => {
    const outcome = await preparing;
    // Parsing and extraction failures belong to the file: record them and go on.
    // Store failures are not the file's fault and stop the run (they are not caught).
    const fail = async (error: unknown) => {
      if (error instanceof VigilError && error.code === needsOcrCode) {
        // Not stored, so that a later run with OCR reads it; kept by hash meanwhile.
        if (outcome.bytes) await run.deps.blobs.put(outcome.bytes);
        await recordNeedsOcr(run, path, source.sha256, error.message);
        return;
      }
      const code = error instanceof VigilError ? error.code : 'ingest.unreadable';
      const reason = error instanceof ExpansionExhausted ? `${path}: ${error.message}` : error instanceof VigilError ? error.message : `${path}: ${describe(error)}`;
      await recordFailure(run, { path, code, reason }, source.sha256);
    };
    if (!outcome.ok) return fail(outcome.error);
    const { prepared, bytes: kept } = outcome;
    if (prepared.attachments.length > 0) {
      try {
        if (!(await ingestAttachments(item, prepared.attachments, source.sha256, run))) return;
      } catch (error) {
        if (!(error instanceof ExpansionExhausted)) throw error;
        return fail(error);
      }
    }
    // Opened again only for a failed attachment: the document itself is stored.
    if (known) return;
    let resolved: Awaited<ReturnType<typeof resolveExtracted>>;
    const resolving = performance.now();
    try {
      resolved = await resolveExtracted(prepared.found, run.deps.store, run.decisions);
    } catch (error) {
      return fail(error);
    }
    const { skipped, ...entities } = resolved;
    const notExtracted = skipped.length === 0
      ? null
      : prepared.documents.length === 1
        ? `${path}: ${skipped[0]!.reason}`
        : `${path}: ${skipped.length} of its documents: ${skipped[0]!.reason}`;
    const saving = performance.now();
    await run.deps.blobs.put(kept);
    if (!(await save(run, { source, documents: prepared.documents, ...entities }, notExtracted))) return;
    run.onFileStored?.({ path, bytes: kept.byteLength, ...prepared.timings, resolveMs: saving - resolving, saveMs: performance.now() - saving });
    // After the save, which clears the file's earlier problems.
    if (prepared.warning) await recordWarning(run, path, source.sha256, prepared.warning);
    if (note) await recordWarning(run, path, source.sha256, note);
  });
  run.seen?.set(source.sha256, queued.written);
}

/**
 * Ingests a document's attachments as files of their own, inside the document's own turn to write (so before it
 * is saved); false when the run was interrupted among them.
 */
async function ingestAttachments(item: IngestItem, attachments: Attachment[], sha256: string, outer: IngestRun): Promise<boolean> {
  const run: IngestRun = { ...outer, commits: immediateOrder, seen: null };
  const used = new Set<string>();
  for (const [index, attachment] of attachments.entries()) {
    let { name } = containedName(attachment.name);
    // Two attachments may share a name (image001.png in every reply of a thread): keep their paths apart.
    if (used.has(name)) name = `${index + 1}-${name}`;
    used.add(name);
    item.budget.countEntry();
    item.budget.take(attachment.bytes.byteLength);
    run.report.entries++;
    await ingestItem({ path: `${item.path}!/${name}`, content: { bytes: attachment.bytes }, depth: item.depth + 1, budget: item.budget, container: { sha256, entry: name } }, run);
    if (run.signal?.aborted) run.report.interrupted = true;
    if (run.report.interrupted) return false;
  }
  return true;
}

async function recordNeedsOcr(run: IngestRun, path: string, sha256: string, reason: string): Promise<void> {
  await recordProblem(run, { path, sha256, kind: 'needs-ocr', reason });
  run.report.needsOcr.push({ path, reason });
}

/** Keeps the original bytes in the blob store, copying a large file as a stream; false (recorded) if it changed meanwhile. */
async function keep(run: IngestRun, content: IngestItem['content']): Promise<boolean> {
  if ('bytes' in content) {
    await run.deps.blobs.put(content.bytes);
    return true;
  }
  const sha256 = await run.deps.blobs.putFile(content.file);
  if (sha256 === content.sha256) return true;
  const reason = `${content.file}: the file changed while it was being read (sha256 ${content.sha256}, then ${sha256}); ingest it again once nothing writes to it`;
  await recordFailure(run, { path: content.file, code: 'ingest.changed', reason }, null);
  return false;
}

async function save(run: IngestRun, batch: IngestBatch, notExtracted: string | null): Promise<boolean> {
  const { store } = run.deps;
  const { report } = run;
  const outcome = await store.saveIngestBatch(batch);
  if (outcome === 'already-known') {
    report.alreadyKnown++;
    return false;
  }
  report.stored++;
  if (notExtracted) {
    // After the save, which clears the file's earlier problems: this one stands until the file is extracted.
    await recordProblem(run, { path: batch.source.path, sha256: batch.source.sha256, kind: 'not-extracted', reason: notExtracted });
    report.notExtracted.push({ path: batch.source.path, reason: notExtracted });
  }
  report.documents += batch.documents.length;
  report.mentions += batch.mentions.length;
  report.newEntities += batch.newEntities.length;
  return true;
}

/** The file on disk a path is in: itself, or the archive (or message) on disk holding it (`box.zip!/a.txt`). */
export function fileOnDisk(path: string): string {
  return path.split('!/')[0]!;
}

/** The collection a path goes into: the run's, or for a file read again, the one it failed in. */
function collectionOf(run: IngestRun, path: string): string {
  return run.collections?.get(fileOnDisk(path)) ?? run.collection;
}

/** Records a problem with a file, now (unless given when), in the collection the file goes into. */
function recordProblem(run: IngestRun, problem: Omit<IngestProblem, 'at' | 'collection'> & { at?: string }): Promise<void> {
  return run.deps.store.recordProblem({ ...problem, at: problem.at ?? run.deps.clock.now().toISOString(), collection: collectionOf(run, problem.path) });
}

export async function recordFailure(run: IngestRun, failure: IngestFailure, sha256: string | null): Promise<void> {
  // The report carries the failure to the user; the log keeps it for operators without repeating it on screen.
  run.deps.logger.info('ingest.file-failed', { path: failure.path, code: failure.code });
  await recordProblem(run, { path: failure.path, sha256, kind: 'failed', reason: failure.reason, code: failure.code });
  run.report.failed.push(failure);
}

async function recordWarning(run: IngestRun, path: string, sha256: string | null, reason: string): Promise<void> {
  await recordProblem(run, { path, sha256, kind: 'warning', reason });
  run.report.warnings.push({ path, reason });
}

export function describe(error: unknown): string {
  if (error instanceof VigilError) return error.message;
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ENOENT') return 'the file disappeared before it could be read';
    if (code === 'EISDIR') return 'is a folder';
  }
  return error instanceof Error ? error.message : String(error);
}
