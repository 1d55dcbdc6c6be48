// Where the importers' tests find their files. tsc does not copy fixtures, so paths are resolved from the project
// root (the folder holding package.json), found by walking up from the compiled test.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    folder = parent;
  }
  return folder;
}

export function fixturePath(...parts: string[]): string {
  return join(projectRoot(), 'src', 'watchlist', 'importers', 'fixtures', ...parts);
}

/** ../shared/data/watchlists beside the project, or null when this machine does not have it. */
export function sharedWatchlists(): string | null {
  const folder = join(projectRoot(), '..', 'shared', 'data', 'watchlists');
  return existsSync(folder) ? folder : null;
}
