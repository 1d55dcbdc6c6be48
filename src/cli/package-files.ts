// Files that ship with Vigil: the sample corpus, its watchlist, the web page.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the Vigil package folder');
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot();
export const sampleCorpus = resolve(packageRoot, 'samples/corpus');
export const sampleWatchlist = resolve(packageRoot, 'samples/watchlist.json');
export const webRoot = resolve(packageRoot, 'web');
export const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
