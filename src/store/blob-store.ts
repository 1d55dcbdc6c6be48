// Original files, kept by content hash so an analyst can always go back to the exact bytes seized.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface BlobStore {
  /** Stores bytes under their sha256 (idempotent) and returns the hash. */
  put(bytes: Uint8Array): Promise<string>;
  /** Copies a file in as a stream (a file too large to hold in memory) and returns its sha256. */
  putFile(path: string): Promise<string>;
  get(sha256: string): Promise<Uint8Array | null>;
}

export function openBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      const exists = await stat(target).then(() => true, () => false);
      if (!exists) {
        await mkdir(join(root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
        // Write then rename: a crash never leaves a half-written blob under its final name.
        const temp = `${target}.${process.pid}.tmp`;
        await writeFile(temp, bytes);
        await rename(temp, target);
      }
      return sha256;
    },
    async putFile(path) {
      await mkdir(root, { recursive: true });
      const temp = join(root, `incoming.${process.pid}.${Date.now()}.tmp`);
      const hash = createHash('sha256');
      try {
        await pipeline(createReadStream(path), async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            yield chunk;
          }
        }, createWriteStream(temp));
        const sha256 = hash.digest('hex');
        await mkdir(join(root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
        await rename(temp, pathOf(sha256));
        return sha256;
      } finally {
        await rm(temp, { force: true });
      }
    },
    async get(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      return readFile(pathOf(sha256)).then((b) => new Uint8Array(b), () => null);
    },
  };
}
