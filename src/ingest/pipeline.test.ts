import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../clock.js';
import { silentLogger } from '../logger.js';
import { openBlobStore, openSqliteStore, type Store } from '../store/index.js';
import { gzip, tarArchive, zipArchive } from './containers/archive-fixtures.js';
import { ingestPaths, retryFailed, type IngestOptions } from './pipeline.js';

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

async function filesUnder(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(folder, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

describe('ingesting archives', () => {
  let dir: string;
  let haul: string;
  let store: Store;
  const deps = () => ({ store, blobs: openBlobStore(join(dir, 'data', 'blobs')), clock: fixedClock('2026-12-04T10:00:00Z'), logger: silentLogger });
  // Without OCR, whether or not tesseract is installed here: images are then listed as needing it.
  const ingest = (options: IngestOptions = {}) => ingestPaths([haul], deps(), { ocr: null, ...options });
  const paths = async () => (await store.listDocuments({ offset: 0, limit: 100 })).map((d) => relative(haul, d.path)).sort();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-archives-'));
    haul = join(dir, 'haul');
    await mkdir(haul);
    store = openSqliteStore(':memory:');
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('ingests the files inside nested archives, each under its path inside, and stores identical files once', async () => {
    const memo = 'Abu Khalid al-Tikriti paid the fighters in Deir ez-Zor.\n';
    const tar = await tarArchive([{ name: 'phone/notes.md', data: '# Notes\nMet Leila Haddad in Raqqa.\n' }, { name: 'copy/memo.txt', data: memo }]);
    const tgz = gzip(tar);
    const zip = zipArchive([{ name: 'memo.txt', data: memo }, { name: 'inner/logs.tar.gz', data: tgz, method: 0 }]);
    await writeFile(join(haul, 'box.zip'), zip);

    const report = await ingest();
    assert.equal(report.files, 1);
    assert.equal(report.containers, 3, 'the zip, the gzip and the tar');
    assert.equal(report.entries, 5, 'memo, logs.tar.gz, logs.tar, notes.md, copy/memo.txt');
    assert.equal(report.alreadyKnown, 1, 'the second memo.txt');
    assert.deepEqual(report.failed, []);
    assert.deepEqual(await paths(), ['box.zip!/inner/logs.tar.gz!/logs.tar!/phone/notes.md', 'box.zip!/memo.txt']);
    const places = await store.sourcePlaces(sha(memo));
    assert.deepEqual(places.map((p) => [relative(haul, p.path), p.container]), [
      ['box.zip!/inner/logs.tar.gz!/logs.tar!/copy/memo.txt', { sha256: sha(tar), entry: 'copy/memo.txt' }],
      ['box.zip!/memo.txt', { sha256: sha(zip), entry: 'memo.txt' }],
    ]);

    const again = await ingest();
    assert.equal(again.alreadyKnown, 1, 'the archive is known as a whole');
    assert.equal(again.entries, 0);
  });

  it('records what could not be read inside an archive, with reasons, and keeps everything else', async () => {
    await writeFile(join(haul, 'mixed.zip'), zipArchive([
      { name: 'secret.txt', data: 'x', encrypted: true, method: 0 },
      { name: 'bomb.bin', data: new Uint8Array(8 * 2 ** 20) },
      { name: '../../etc/passwd', data: 'Courier: Abu Omar al-Shishani\n' },
      { name: 'photo.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0x40, 0, 0, 0, 0xc8, 8, 2, 0, 0, 0]) },
    ]));
    const report = await ingest();
    assert.deepEqual(report.failed.map((f) => [relative(haul, f.path), f.code]), [
      ['mixed.zip!/secret.txt', 'ingest.encrypted'],
      ['mixed.zip!/bomb.bin', 'ingest.compression-bomb'],
    ]);
    assert.deepEqual(report.unsupported, []);
    assert.deepEqual(report.needsOcr.map((n) => n.reason.slice(haul.length + 1)), ['mixed.zip!/photo.png: an image (image/png); it needs OCR, and this run had no OCR engine (apt-get install tesseract-ocr tesseract-ocr-ara poppler-utils if they are missing, then run vigil ingest again)']);
    assert.deepEqual(report.warnings.map((w) => relative(haul, w.path)), ['mixed.zip!/etc/passwd']);
    assert.deepEqual(await paths(), ['mixed.zip!/etc/passwd']);
    const problems = await store.listProblems();
    assert.deepEqual(problems.map((p) => [relative(haul, p.path), p.kind]).sort(), [
      ['mixed.zip!/bomb.bin', 'failed'],
      ['mixed.zip!/etc/passwd', 'warning'],
      ['mixed.zip!/photo.png', 'needs-ocr'],
      ['mixed.zip!/secret.txt', 'failed'],
    ]);
    // Nothing is written by entry name: the data folder holds blobs named by hash and nothing else.
    for (const file of await filesUnder(join(dir, 'data'))) assert.match(file, /^blobs\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    assert.deepEqual(await filesUnder(haul), ['mixed.zip']);
  });

  it('reads a file by its content when its name misleads, and warns', async () => {
    await writeFile(join(haul, 'holiday.jpg'), zipArchive([{ name: 'plan.txt', data: 'Meet at the Tal Abyad crossing.\n' }]));
    await writeFile(join(haul, 'notes.txt'), 'Plain notes.\n');
    const report = await ingest();
    assert.deepEqual(await paths(), ['holiday.jpg!/plan.txt', 'notes.txt']);
    assert.deepEqual(report.warnings.map((w) => w.reason.slice(haul.length + 1)), ['holiday.jpg: named .jpg but its content is application/zip; read as application/zip']);
  });

  it('stops archives nested deeper than the limit', async () => {
    let bytes = zipArchive([{ name: 'core.txt', data: 'the innermost file' }]);
    for (let level = 0; level < 4; level++) bytes = zipArchive([{ name: `level-${level}.zip`, data: bytes, method: 0 }]);
    await writeFile(join(haul, 'deep.zip'), bytes);
    const report = await ingest({ containerLimits: { maxDepth: 3 } });
    assert.deepEqual(report.failed.map((f) => [relative(haul, f.path), f.code]), [['deep.zip!/level-3.zip!/level-2.zip!/level-1.zip', 'ingest.too-deep']]);
    assert.equal(await paths().then((p) => p.length), 0);
  });

  it('resumes an interrupted archive where it stopped, without storing anything twice', async () => {
    const entries = Array.from({ length: 4 }, (_, i) => ({ name: `report-${i}.txt`, data: `Report ${i}: Abu Bakr met a courier in Mosul.\n` }));
    await writeFile(join(haul, 'reports.zip'), zipArchive(entries));
    const controller = new AbortController();
    let saved = 0;
    const first = await ingestPaths([haul], { ...deps(), store: new Proxy(store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (key !== 'saveIngestBatch' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const outcome = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (++saved === 2) controller.abort();
          return outcome;
        };
      },
    }) }, { signal: controller.signal });
    assert.equal(first.interrupted, true);
    assert.equal((await paths()).length, 2);
    const second = await ingest();
    assert.equal(second.interrupted, false);
    assert.equal(second.alreadyKnown, 2);
    assert.equal(second.containers, 1);
    assert.deepEqual(await paths(), entries.map((e) => `reports.zip!/${e.name}`));
  });

  it('keeps a file too large to read by hash, streamed into the blob folder, and says why it was not read', async () => {
    const big = 'Line of a very long log.\n'.repeat(200);
    await writeFile(join(haul, 'dump.txt'), big);
    const report = await ingest({ maxFileBytes: 1000 });
    assert.equal(report.failed.length, 1);
    assert.equal(report.failed[0]!.code, 'ingest.too-large');
    assert.match(report.failed[0]!.reason, /dump\.txt: 4\.9 KiB, larger than the 1000 bytes Vigil reads into memory for a text\/plain file; kept by hash/);
    const kept = await deps().blobs.get(sha(big));
    assert.equal(new TextDecoder().decode(kept!), big);
  });

  it('streams a 2 GiB file into the blob folder by hash without holding it in memory', async () => {
    const size = 2 ** 31 + 4096;
    // Sparse: the disk holds almost nothing, but every byte is read, hashed and copied.
    await truncate(join(haul, 'disk.img'), size).catch(async () => {
      await writeFile(join(haul, 'disk.img'), '');
      await truncate(join(haul, 'disk.img'), size);
    });
    const before = process.memoryUsage().rss;
    const report = await ingest();
    const grew = process.memoryUsage().rss - before;
    assert.deepEqual(report.unsupported.map((u) => [relative(haul, u.path), u.mediaType]), [['disk.img', 'application/octet-stream']]);
    const sha256 = (await store.listProblems())[0]!.sha256!;
    const kept = await stat(join(dir, 'data', 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256));
    assert.equal(kept.size, size);
    assert.ok(grew < 256 * 2 ** 20, `resident memory grew by ${Math.round(grew / 2 ** 20)} MiB`);
  });

  it('reads an archive too large to hold in place, entry by entry', async () => {
    const entries = Array.from({ length: 3 }, (_, i) => ({ name: `memo-${i}.txt`, data: `Memo ${i}: the courier Abu Omar crossed at Tal Abyad.\n`, method: 0 }));
    const zip = zipArchive(entries.map((e) => ({ ...e, data: `${e.data}(from the zip)\n` })));
    const tgz = gzip(await tarArchive(entries));
    await writeFile(join(haul, 'big.zip'), zip);
    await writeFile(join(haul, 'big.tgz'), tgz);
    const report = await ingest({ maxFileBytes: 200 });
    assert.deepEqual(report.failed, []);
    assert.equal(report.containers, 3);
    assert.deepEqual(await paths(), [...entries.map((e) => `big.tgz!/big.tar!/${e.name}`), ...entries.map((e) => `big.zip!/${e.name}`)].sort());
    assert.equal((await deps().blobs.get(sha(zip)))?.byteLength, zip.byteLength, 'the archive itself is kept');
  });
});

describe('retrying failures', () => {
  let dir: string;
  let haul: string;
  let store: Store;
  const deps = () => ({ store, blobs: openBlobStore(join(dir, 'data', 'blobs')), clock: fixedClock('2026-12-04T11:00:00Z'), logger: silentLogger });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-retry-'));
    haul = join(dir, 'haul');
    await mkdir(haul);
    store = openSqliteStore(':memory:');
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads again only what failed, inside archives too, and leaves the rest alone', async () => {
    const large = `Ledger: Abu Omar paid ${'4,000 dollars. '.repeat(300)}\n`;
    await writeFile(join(haul, 'box.zip'), zipArchive([
      { name: 'small.txt', data: 'Courier seen in Raqqa.\n' },
      { name: 'deep/ledger.txt', data: large },
    ]));
    await writeFile(join(haul, 'broken.json'), '{"text": ');
    await writeFile(join(haul, 'fine.txt'), 'Nothing wrong here.\n');
    const first = await ingestPaths([haul], deps(), { containerLimits: { maxEntryBytes: 2000 } });
    assert.deepEqual(first.failed.map((f) => [relative(haul, f.path), f.code]), [
      ['box.zip!/deep/ledger.txt', 'ingest.entry-too-large'],
      ['broken.json', 'ingest.json-syntax'],
    ]);
    const documentsBefore = (await store.listDocuments({ offset: 0, limit: 100 })).map((d) => d.id);

    await writeFile(join(haul, 'broken.json'), '{"text": "Fixed now."}');
    await writeFile(join(haul, 'fine.txt'), 'Changed, but it did not fail, so a retry leaves it alone.\n');
    const retry = await retryFailed(deps());
    assert.deepEqual(retry.failed, []);
    assert.equal(retry.stored, 2, 'the ledger and the fixed JSON');
    assert.equal(retry.alreadyKnown, 0, 'siblings of the failed entry are not read again');
    const after = await store.listDocuments({ offset: 0, limit: 100 });
    assert.deepEqual(after.filter((d) => !documentsBefore.includes(d.id)).map((d) => relative(haul, d.path)).sort(), ['box.zip!/deep/ledger.txt', 'broken.json']);
    assert.ok(!after.some((d) => d.text.startsWith('Changed')), 'fine.txt was not read again');
    assert.deepEqual(await store.listProblems(), []);
  });

  it('keeps listing a failure whose file is gone, and says so', async () => {
    await writeFile(join(haul, 'broken.json'), '{"text": ');
    await ingestPaths([haul], deps());
    await rm(join(haul, 'broken.json'));
    const retry = await retryFailed(deps());
    assert.deepEqual(retry.failed.map((f) => f.code), ['ingest.missing-path']);
    assert.match(retry.failed[0]!.reason, /broken\.json: no longer there/);
    assert.equal((await store.listProblems()).length, 1);
  });
});
