// Expands the paths a user gave into the files to ingest, in a stable order.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { VigilError } from '../errors.js';

export async function listFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const path = resolve(given);
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new VigilError('input', 'ingest.missing-path', `${given}: ${error.code === 'ENOENT' ? 'no such file or folder' : error.message}`);
    });
    if (info.isDirectory()) files.push(...(await walkFolder(path)));
    else if (info.isFile()) files.push(path);
    else throw new VigilError('input', 'ingest.not-a-file', `${given}: not a regular file or folder`);
  }
  return [...new Set(files)];
}

async function walkFolder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    // Symbolic links are not followed: a haul can hold link loops, and links can point outside it.
    if (entry.isDirectory()) out.push(...(await walkFolder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
