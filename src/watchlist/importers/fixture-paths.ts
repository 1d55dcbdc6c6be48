// Where the importers' tests find their files. tsc does not copy fixtures, so paths are resolved from the package
// folder rather than from the compiled test.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { VigilError } from '../../errors.js';
import { packageRoot, sharedData } from '../../package-root.js';

export function fixturePath(...parts: string[]): string {
  return join(packageRoot, 'src', 'watchlist', 'importers', 'fixtures', ...parts);
}

/** ../shared/data/watchlists beside the project, or null when this machine does not have it. */
export function sharedWatchlists(): string | null {
  return sharedData('watchlists');
}

/** An assert.throws/rejects predicate: a VigilError of kind input with this code, mentioning every fragment. */
export function vigilInputError(code: string, ...fragments: string[]) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof VigilError, `not a VigilError: ${String(error)}`);
    assert.equal(error.kind, 'input');
    assert.equal(error.code, code);
    for (const fragment of fragments) assert.ok(error.message.includes(fragment), `"${error.message}" does not mention ${fragment}`);
    return true;
  };
}
