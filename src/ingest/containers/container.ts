// The one interface every container format (ZIP, TAR, gzip) implements, and the limits that keep a hostile archive
// (a zip bomb, a million empty entries, a thousand nested levels) from exhausting memory or the disk.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { VigilError } from '../../errors.js';

/** A file found inside a container, in memory, or an entry that could not be read and why. */
export type ContainerEntry =
  | { name: string; bytes: Uint8Array; note?: string }
  | { name: string; problem: string; code: string };

export interface Container {
  /** Media type recorded for the container itself. */
  mediaType: string;
  /** Lower-case file extensions, with the dot. */
  extensions: string[];
  /**
   * Yields the files inside, in the order they are stored. Entries that cannot be read (encrypted, over a limit) are
   * yielded as problems and the rest go on; a container that cannot be read at all throws VigilError('input').
   */
  entries(source: ContainerSource, path: string, budget: ExpansionBudget): AsyncIterable<ContainerEntry>;
  /** For a text format no magic number marks: whether the file's first bytes say it is one, whatever its name. */
  recognises?(head: Uint8Array): boolean;
}

/** An archive in memory, or on disk when it is too large to hold (read in place, entry by entry). */
export type ContainerSource = { bytes: Uint8Array } | { file: string; size: number };

export function sourceSize(source: ContainerSource): number {
  return 'bytes' in source ? source.bytes.byteLength : source.size;
}

/** The archive's bytes as a stream, from memory or from its file. */
export function sourceStream(source: ContainerSource): Readable {
  return 'bytes' in source ? Readable.from([source.bytes]) : createReadStream(source.file);
}

/** The first bytes of the archive (all of them when they are fewer). */
export async function sourceHead(source: ContainerSource, length: number): Promise<Uint8Array> {
  if ('bytes' in source) return source.bytes.subarray(0, length);
  const handle = await open(source.file, 'r');
  try {
    const buffer = new Uint8Array(Math.min(length, source.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface ContainerLimits {
  /** Containers inside containers, counting the file given as depth 1. */
  maxDepth: number;
  /** Largest single entry read into memory. */
  maxEntryBytes: number;
  /** All bytes expanded from one file on disk, over every level of nesting. */
  maxExpandedBytes: number;
  /** Entries in one file on disk, over every level of nesting. */
  maxEntries: number;
  /** Expanded size over stored size, for entries expanding past one mebibyte; ordinary text compresses 5–20×. */
  maxRatio: number;
}

export const defaultContainerLimits: ContainerLimits = {
  maxDepth: 8,
  maxEntryBytes: 256 * 2 ** 20,
  maxExpandedBytes: 16 * 2 ** 30,
  maxEntries: 1_000_000,
  maxRatio: 200,
};

const mebibyte = 2 ** 20;

/** 1536 → "1.5 KiB", 3 × 2³⁰ → "3.0 GiB". */
export function formatSize(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

/** An entry over a limit: the container goes on with its next entry. */
export class EntryRefused extends Error {
  override readonly name = 'EntryRefused';
  constructor(readonly code: string, readonly problem: string) {
    super(problem);
  }
}

/** A limit for the whole file on disk was reached: the archive being read stops, and so do the ones around it. */
export class ExpansionExhausted extends VigilError {
  constructor(reason: string) {
    super('input', 'ingest.container-limit', reason);
  }
}

/**
 * What one file on disk may still expand to, shared by every container nested in it. Each container format asks it
 * before and while it inflates an entry, so a bomb is stopped after at most one entry's worth of bytes.
 */
export class ExpansionBudget {
  private expanded = 0;
  private entries = 0;
  /** Set once a limit for the whole file is reached: every archive in it stops there. */
  private exhausted: ExpansionExhausted | null = null;
  constructor(readonly limits: ContainerLimits) {}

  /** Counts one more entry; throws once the file holds more than the limit (a flat bomb of empty entries) or has expanded to its limit. */
  countEntry(): void {
    if (this.exhausted) throw this.exhausted;
    if (++this.entries > this.limits.maxEntries) this.stop(`holds more than ${this.limits.maxEntries.toLocaleString('en')} entries, the limit for one file with everything nested in it; the entries after that were not read`);
  }

  /**
   * The reason an entry of this declared size may not be read, or null. Declared sizes can lie; `checkGrowth`
   * enforces the same limits on the bytes actually produced.
   */
  refusal(declaredSize: number, storedSize: number): { code: string; problem: string } | null {
    return this.check(declaredSize, storedSize, 'declares');
  }

  private stop(reason: string): never {
    this.exhausted ??= new ExpansionExhausted(reason);
    throw this.exhausted;
  }

  /** Throws EntryRefused when an entry being inflated has grown past a limit. */
  checkGrowth(producedSoFar: number, storedSize: number): void {
    const refused = this.check(producedSoFar, storedSize, 'expands to over');
    if (refused) throw new EntryRefused(refused.code, refused.problem);
  }

  /** Records an entry's bytes as expanded. */
  take(bytes: number): void {
    this.expanded += bytes;
  }

  private check(bytes: number, storedSize: number, verb: string): { code: string; problem: string } | null {
    const { maxEntryBytes, maxExpandedBytes, maxRatio } = this.limits;
    if (bytes > maxEntryBytes) return { code: 'ingest.entry-too-large', problem: `${verb} ${formatSize(bytes)}, over the ${formatSize(maxEntryBytes)} limit for one entry; not read` };
    if (this.expanded + bytes > maxExpandedBytes) {
      this.stop(`expanded to over ${formatSize(maxExpandedBytes)}, the limit for one file with everything nested in it (a zip bomb, or raise the limit); the entries after that were not read`);
    }
    if (bytes > mebibyte && bytes > maxRatio * Math.max(storedSize, 1)) {
      return { code: 'ingest.compression-bomb', problem: `${verb} ${formatSize(bytes)} from ${formatSize(storedSize)} stored, more than ${maxRatio}× compression; not read (a zip bomb)` };
    }
    return null;
  }
}

/**
 * The entry's name as a relative path inside its container: backslashes read as folders, and drive letters,
 * leading slashes and "." / ".." segments dropped, so no name can point outside the container. `unsafe` says
 * whether anything had to be dropped: a name that climbs out (`../../etc/passwd`) is itself a sign of a hostile file.
 */
export function containedName(raw: string): { name: string; unsafe: boolean } {
  const parts = raw.replace(/\\/g, '/').replace(/^[A-Za-z]:/, '').split('/');
  const kept = parts.filter((part) => part !== '' && part !== '.' && part !== '..');
  const name = kept.join('/');
  const unsafe = /^[A-Za-z]:/.test(raw) || raw.startsWith('/') || raw.startsWith('\\') || parts.includes('..');
  return { name: name === '' ? '(unnamed)' : name, unsafe };
}

/** Collects a stream's chunks up to the budget's limits, or throws EntryRefused when the entry grows past one. */
export async function readLimited(chunks: AsyncIterable<Uint8Array>, storedSize: number, budget: ExpansionBudget): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    budget.checkGrowth(total, storedSize);
    parts.push(chunk);
  }
  budget.take(total);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
