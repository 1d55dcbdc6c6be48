// Where Vigil's own files are: the package folder (the one holding package.json), found by walking up from any
// compiled location (dist/, a build folder), and the shared evaluation data a development checkout has beside it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  let folder = here;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${here}`);
    folder = parent;
  }
  return folder;
}

export const packageRoot = findPackageRoot();

/** `../shared/data/<parts>` beside the package, or null where this machine has none (a user's fresh clone). */
export function sharedData(...parts: string[]): string | null {
  const path = join(packageRoot, '..', 'shared', 'data', ...parts);
  return existsSync(path) ? path : null;
}
