// Expands the paths a user gave into the files to ingest, with their sizes, in a stable order.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { VigilError } from '../errors.js';

export interface FoundFile {
  path: string;
  size: number;
}

export async function listFiles(paths: string[]): Promise<FoundFile[]> {
  const files = new Map<string, number>();
  for (const given of paths) {
    const path = resolve(given);
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new VigilError('input', 'ingest.missing-path', `${given}: ${error.code === 'ENOENT' ? 'no such file or folder' : error.message}`);
    });
    if (info.isDirectory()) await walkFolder(path, files);
    else if (info.isFile()) files.set(path, info.size);
    else throw new VigilError('input', 'ingest.not-a-file', `${given}: not a regular file or folder`);
  }
  return [...files].map(([path, size]) => ({ path, size }));
}

async function walkFolder(folder: string, into: Map<string, number>): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    // Symbolic links are not followed: a haul can hold link loops, and links can point outside it.
    if (entry.isDirectory()) await walkFolder(path, into);
    else if (entry.isFile()) {
      // A file that vanishes between listing and stat is read (and recorded as failed) like any other.
      const size = await stat(path).then((info) => info.size, () => 0);
      into.set(path, size);
    }
  }
}
