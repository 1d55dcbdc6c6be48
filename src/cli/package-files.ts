// Files that ship with Vigil: the sample corpus, its watchlist, the built web workbench.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../package-root.js';

export { packageRoot };
export const sampleCorpus = resolve(packageRoot, 'samples/corpus');
export const sampleWatchlist = resolve(packageRoot, 'samples/watchlist.json');
export const sampleRegistry = resolve(packageRoot, 'samples/travel/stolen-documents.csv');
/** The built web workbench (`npm run build` puts it there). */
export const webRoot = resolve(packageRoot, 'dist/web');
export const version = (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
