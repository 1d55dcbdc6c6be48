// gzip (RFC 1952): one compressed file, expanded as a stream so a bomb is stopped at the budget's limits.
import { createGunzip } from 'node:zlib';
import { basename } from 'node:path';
import { VigilError } from '../../errors.js';
import { containedName, EntryRefused, readLimited, sourceHead, sourceSize, sourceStream, type Container, type ContainerEntry } from './container.js';

/** RFC 1952 §2.3.1: FNAME, the original file name, when the FLG.FNAME bit is set (after FEXTRA when present). */
function storedName(bytes: Uint8Array): string | null {
  if (bytes.length < 10) return null;
  const flags = bytes[3]!;
  if ((flags & 0x08) === 0) return null;
  let at = 10;
  if (flags & 0x04) at += 2 + (bytes[10]! | (bytes[11]! << 8));
  const end = bytes.indexOf(0, at);
  if (end < 0 || end - at > 1024) return null;
  return Buffer.from(bytes.subarray(at, end)).toString('latin1');
}

/** report.txt.gz → report.txt; logs.tgz → logs.tar. */
function nameWithoutSuffix(path: string): string {
  const name = basename(path);
  if (/\.tgz$/i.test(name)) return name.slice(0, -4) + '.tar';
  if (/\.gz$/i.test(name)) return name.slice(0, -3);
  return `${name}.contents`;
}

export const gzipContainer: Container = {
  mediaType: 'application/gzip',
  extensions: ['.gz', '.tgz'],
  async *entries(source, path, budget): AsyncGenerator<ContainerEntry> {
    budget.countEntry();
    const fname = storedName(await sourceHead(source, 2048));
    const { name } = containedName(fname ? basename(fname.replace(/\\/g, '/')) : nameWithoutSuffix(path));
    let expanded: Uint8Array;
    try {
      const input = sourceStream(source);
      const gunzip = createGunzip();
      input.on('error', (error) => gunzip.destroy(error));
      expanded = await readLimited(input.pipe(gunzip), sourceSize(source), budget);
    } catch (error) {
      if (error instanceof EntryRefused) {
        yield { name, code: error.code, problem: error.problem };
        return;
      }
      if (error instanceof VigilError) throw error;
      throw new VigilError('input', 'ingest.corrupt', `${path}: not a readable gzip file (${(error as Error).message})`);
    }
    yield { name, bytes: expanded };
  },
};
