// One file, on disk or inside an archive: known bytes get one more place, an archive has each of its entries
// ingested in turn (then is recorded, so a re-run after an interruption opens it again), anything else is parsed,
// extracted and resolved, and saved in one transaction.
import { createHash } from 'node:crypto';
import { VigilError } from '../errors.js';
import type { DecisionReplay } from '../resolve/index.js';
import type { ContainerPlace, IngestBatch, SourceRecord } from '../store/index.js';
import { buildDocuments } from './build-documents.js';
import { containedName, ExpansionExhausted, formatSize, sourceHead, type Container, type ContainerLimits, type ExpansionBudget } from './containers/index.js';
import { detectFormat, readableExtensions } from './detect-format.js';
import { extractAndResolve } from './extract-documents.js';
import type { OcrEngine } from './ocr/index.js';
import { needsOcrCode, type Attachment, type Parser, type ParsedDocument, type ParseLimits } from './parser.js';
import type { IngestDeps, IngestFailure, IngestReport } from './pipeline.js';

/** What every file of one run shares. */
export interface IngestRun {
  deps: IngestDeps;
  report: IngestReport;
  decisions: DecisionReplay;
  limits: ContainerLimits;
  country: string | null;
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
  const known = await store.hasSource(sha256);
  if (known && role === 'read') {
    await store.addSourcePath(sha256, path, at, item.container);
    report.alreadyKnown++;
    return;
  }
  const format = await detectFormat(path, 'bytes' in content ? content.bytes : await sourceHead(content, headLength));
  const size = 'bytes' in content ? content.bytes.byteLength : content.size;
  const source: SourceRecord = { sha256, size, path, mediaType: format.mediaType, ingestedAt: at, container: item.container };
  if (format.kind === 'unsupported') {
    // Kept by hash so nothing in the haul is invisible, and listed as unsupported.
    if (!(await keep(run, content))) return;
    const reason = `unsupported format (${format.mediaType}; Vigil reads ${readableExtensions.join(' ')})`;
    await store.recordProblem({ path, sha256, kind: 'unsupported', reason, at });
    report.unsupported.push({ path, reason, mediaType: format.mediaType });
    return;
  }
  let saved: boolean;
  if (format.kind === 'container') saved = await ingestContainer(item, format.container, source, known, run);
  else if ('bytes' in content) saved = await ingestDocuments(item, content.bytes, format.parser, source, known, run);
  else {
    const reason = `${path}: ${formatSize(size)}, larger than the ${formatSize(run.maxFileBytes)} Vigil reads into memory for a ${format.mediaType} file; kept by hash (sha256 ${sha256}) but not read`;
    if (await keep(run, content)) await recordFailure(run, { path, code: 'ingest.too-large', reason }, sha256);
    saved = false;
  }
  if (saved && format.note) await recordWarning(run, path, sha256, `${path}: ${format.note}`);
}

/** Reads each entry of an archive; true when the archive was read to its end and recorded. */
async function ingestContainer(item: IngestItem, container: Container, source: SourceRecord, known: boolean, run: IngestRun): Promise<boolean> {
  const { path, content, budget } = item;
  const { report } = run;
  if (item.depth > run.limits.maxDepth) {
    await recordFailure(run, { path, code: 'ingest.too-deep', reason: `${path}: an archive nested ${item.depth} levels deep, over the limit of ${run.limits.maxDepth}; not opened` }, source.sha256);
    return false;
  }
  try {
    for await (const entry of container.entries(content, path, budget)) {
      const entryPath = `${path}!/${entry.name}`;
      if ('problem' in entry) {
        if (roleOf(run, entryPath) === 'skip') continue;
        await recordFailure(run, { path: entryPath, code: entry.code, reason: `${entryPath}: ${entry.problem}` }, null);
        continue;
      }
      report.entries++;
      await ingestItem({ path: entryPath, content: { bytes: entry.bytes }, depth: item.depth + 1, budget, container: { sha256: source.sha256, entry: entry.name } }, run);
      if (entry.note) await recordWarning(run, entryPath, null, `${entryPath}: ${entry.note}`);
      // Stop between entries; the archive is not recorded, so the next run opens it again and skips what is stored.
      if (run.signal?.aborted) report.interrupted = true;
      if (report.interrupted) return false;
    }
  } catch (error) {
    if (!(error instanceof VigilError) || error.kind !== 'input') throw error;
    const reason = error instanceof ExpansionExhausted ? `${path}: ${error.message}` : error.message;
    await recordFailure(run, { path, code: error.code, reason }, source.sha256);
    return false;
  }
  if (known) return false;
  if (!(await keep(run, content))) return false;
  await save(run, { source, documents: [], newEntities: [], entityKeys: [], mentions: [] }, null);
  report.containers++;
  return true;
}

/** Parses, extracts and saves one file's documents; true when they were saved. */
async function ingestDocuments(item: IngestItem, bytes: Uint8Array, parser: Parser, source: SourceRecord, known: boolean, run: IngestRun): Promise<boolean> {
  const { path } = item;
  let prepared: { batch: IngestBatch; notExtracted: string | null; warning: string | null };
  // Parsing and extraction failures belong to the file: record them and go on.
  // Store failures are not the file's fault and stop the run (they are not caught).
  const fail = async (error: unknown) => {
    if (error instanceof VigilError && error.code === needsOcrCode) {
      // Not stored, so that a later run with OCR reads it; kept by hash meanwhile.
      await run.deps.blobs.put(bytes);
      await recordNeedsOcr(run, path, source.sha256, error.message);
      return false;
    }
    const code = error instanceof VigilError ? error.code : 'ingest.unreadable';
    const reason = error instanceof ExpansionExhausted ? `${path}: ${error.message}` : error instanceof VigilError ? error.message : `${path}: ${describe(error)}`;
    await recordFailure(run, { path, code, reason }, source.sha256);
    return false;
  };
  const parsed: ParsedDocument[] = [];
  try {
    for await (const doc of parser.parse(bytes, { path, mediaType: parser.mediaType, size: bytes.byteLength, limits: run.parseLimits, ocr: run.ocr })) parsed.push(doc);
    if (parsed.length === 0) throw new VigilError('input', 'ingest.empty', `${path}: holds no document`);
  } catch (error) {
    return fail(error);
  }
  const attachments = parsed.flatMap((doc) => doc.attachments ?? []);
  if (attachments.length > 0) {
    try {
      if (!(await ingestAttachments(item, attachments, source.sha256, run))) return false;
    } catch (error) {
      if (!(error instanceof ExpansionExhausted)) throw error;
      return fail(error);
    }
  }
  // Opened again only for a failed attachment: the document itself is stored.
  if (known) return false;
  try {
    const documents = buildDocuments(source, parsed);
    // The run's country is for documents that name none; a phone export's device country is its own.
    if (run.country) for (const doc of documents) doc.metadata = { country: run.country, ...doc.metadata };
    const { skipped, ...resolved } = await extractAndResolve(documents, run.deps.store, run.decisions, run.maxCharacters === undefined ? {} : { maxCharacters: run.maxCharacters });
    const notExtracted = skipped.length === 0
      ? null
      : documents.length === 1
        ? `${path}: ${skipped[0]!.reason}`
        : `${path}: ${skipped.length} of its documents: ${skipped[0]!.reason}`;
    const warnings = parsed.flatMap((doc) => doc.warnings ?? []);
    prepared = { batch: { source, documents, ...resolved }, notExtracted, warning: warnings.length > 0 ? `${path}: ${warnings.join('; ')}` : null };
  } catch (error) {
    return fail(error);
  }
  await run.deps.blobs.put(bytes);
  const saved = await save(run, prepared.batch, prepared.notExtracted);
  // After the save, which clears the file's earlier problems.
  if (saved && prepared.warning) await recordWarning(run, path, source.sha256, prepared.warning);
  return saved;
}

/** Ingests a document's attachments as files of their own; false when the run was interrupted among them. */
async function ingestAttachments(item: IngestItem, attachments: Attachment[], sha256: string, run: IngestRun): Promise<boolean> {
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
  await run.deps.store.recordProblem({ path, sha256, kind: 'needs-ocr', reason, at: run.deps.clock.now().toISOString() });
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
  const { store, clock } = run.deps;
  const { report } = run;
  const outcome = await store.saveIngestBatch(batch);
  if (outcome === 'already-known') {
    report.alreadyKnown++;
    return false;
  }
  report.stored++;
  if (notExtracted) {
    // After the save, which clears the file's earlier problems: this one stands until the file is extracted.
    await store.recordProblem({ path: batch.source.path, sha256: batch.source.sha256, kind: 'not-extracted', reason: notExtracted, at: clock.now().toISOString() });
    report.notExtracted.push({ path: batch.source.path, reason: notExtracted });
  }
  report.documents += batch.documents.length;
  report.mentions += batch.mentions.length;
  report.newEntities += batch.newEntities.length;
  return true;
}

export async function recordFailure(run: IngestRun, failure: IngestFailure, sha256: string | null): Promise<void> {
  // The report carries the failure to the user; the log keeps it for operators without repeating it on screen.
  run.deps.logger.info('ingest.file-failed', { path: failure.path, code: failure.code });
  await run.deps.store.recordProblem({ path: failure.path, sha256, kind: 'failed', reason: failure.reason, code: failure.code, at: run.deps.clock.now().toISOString() });
  run.report.failed.push(failure);
}

async function recordWarning(run: IngestRun, path: string, sha256: string | null, reason: string): Promise<void> {
  await run.deps.store.recordProblem({ path, sha256, kind: 'warning', reason, at: run.deps.clock.now().toISOString() });
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
