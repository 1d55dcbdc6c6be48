import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../clock.js';
import { silentLogger } from '../../logger.js';
import { openBlobStore, openSqliteStore, type Store } from '../../store/index.js';
import { zipArchive } from '../containers/archive-fixtures.js';
import { buildDocx, paragraph } from '../parsers/office.fixture.js';
import { buildPdf } from '../parsers/pdf.fixture.js';
import { parsers } from '../parsers/index.js';
import { ingestPaths, type IngestOptions, type IngestReport } from '../pipeline.js';
import { openParsePool } from './parse-pool.js';

const memo = 'Abu Khalid al-Tikriti paid the fighters in Deir ez-Zor on 3 March 2017. Call +963 944 123 456.\n';

/** A small haul of every kind the pool prepares: text, HTML, PDF, DOCX, an archive holding a copy of a file, a broken PDF. */
async function writeHaul(haul: string): Promise<void> {
  await mkdir(join(haul, 'phone'), { recursive: true });
  await writeFile(join(haul, 'memo.txt'), memo);
  await writeFile(join(haul, 'phone', 'notes.md'), '# Notes\nLeila Haddad met Abu Omar al-Shishani in Raqqa.\nThe Eastern Desert Brigade (EDB) paid $4,000.\n');
  await writeFile(join(haul, 'page.html'), '<html><head><title>Raid</title></head><body><p>Abu Bakr al-Baghdadi was seen in Mosul with Leila Haddad.</p></body></html>');
  await writeFile(join(haul, 'report.pdf'), buildPdf({ pages: [['Cash couriers on the Al-Bukamal route', 'Abu Omar al-Shishani crossed at Tal Abyad.']] }));
  await writeFile(join(haul, 'letter.docx'), await buildDocx(paragraph('Khalid al-Tikriti wrote to Leila Haddad from Gaziantep.')));
  await writeFile(join(haul, 'box.zip'), zipArchive([{ name: 'memo.txt', data: memo }, { name: 'inner/log.txt', data: 'Abu Khalid al-Tikriti left Raqqa for Mosul.\n' }]));
  await writeFile(join(haul, 'broken.pdf'), '%PDF-1.7\nnot a PDF past its header');
}

interface Ingested {
  report: IngestReport;
  store: Store;
}

async function ingestInto(dir: string, haul: string, options: IngestOptions): Promise<Ingested> {
  const store = openSqliteStore(':memory:');
  const deps = { store, blobs: openBlobStore(join(dir, `blobs-${options.workers}`)), clock: fixedClock('2026-12-04T10:00:00Z'), logger: silentLogger };
  return { report: await ingestPaths([haul], deps, options), store };
}

/** Everything ingest wrote, in a stable order. */
async function contents(store: Store) {
  const documents = await store.listDocuments({ offset: 0, limit: 1000 });
  const entities = await store.listEntities({}, { offset: 0, limit: 1000 });
  const mentions = [];
  for (const entity of entities) mentions.push(...(await store.mentionsOfEntity(entity.id)));
  const problems = (await store.listProblems()).map((p) => ({ ...p, reason: p.reason }));
  return { documents, entities, mentions, problems };
}

describe('ingest worker threads', () => {
  let dir: string;
  let haul: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-workers-'));
    haul = join(dir, 'haul');
    await writeHaul(haul);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('stores the same documents, entities and mentions with two workers as on one thread', async () => {
    const inline = await ingestInto(dir, haul, { workers: 0 });
    const pooled = await ingestInto(dir, haul, { workers: 2 });
    try {
      assert.deepEqual(pooled.report, inline.report);
      assert.equal(inline.report.stored, 7, 'five files, the archive and the log inside it');
      assert.equal(inline.report.alreadyKnown, 1, 'the copy of memo.txt in box.zip');
      assert.deepEqual(inline.report.failed.map((f) => f.code), ['ingest.pdf-unreadable']);
      const [a, b] = [await contents(inline.store), await contents(pooled.store)];
      assert.ok(a.entities.length > 5 && a.mentions.length > 10, `found ${a.entities.length} entities and ${a.mentions.length} mentions`);
      assert.deepEqual(b, a);
    } finally {
      await Promise.all([inline.store.close(), pooled.store.close()]);
    }
  });

  it('stops a file that takes longer than allowed, records it as a timeout and goes on with fresh workers', async () => {
    // Each file is given a millisecond, far less than a worker needs to start: every one times out, none hangs the run.
    const { report, store } = await ingestInto(dir, haul, { workers: 2, fileTimeoutMs: 1 });
    try {
      const timedOut = report.failed.filter((f) => f.code === 'ingest.timeout');
      assert.equal(timedOut.length, 8, 'every file parsed: six on disk and two in the archive');
      assert.match(timedOut[0]!.reason, /: reading it took longer than 0.001 s; stopped/);
      assert.equal(report.stored, 1, 'only the archive, read to its end');
      assert.equal(report.containers, 1, 'an archive whose entries failed is still recorded once read to its end');
    } finally {
      await store.close();
    }
  });

  it('records a file whose worker dies as failed with the reason, and answers every file after it', async () => {
    // A worker allowed almost no heap dies on its first file, as one would on a file built to exhaust memory.
    const pool = openParsePool({ workers: 1, timeoutMs: 60_000, maxWorkerHeapMb: 1 });
    try {
      const source = { sha256: '0'.repeat(64), size: memo.length, path: '/haul/memo.txt', mediaType: 'text/plain', ingestedAt: '2026-12-04T10:00:00Z', container: null };
      const job = { parser: parsers.findIndex((p) => p.mediaType === 'text/plain'), source, parseLimits: {}, country: null, maxCharacters: undefined };
      const outcomes = await Promise.all([pool.prepare(job, new TextEncoder().encode(memo)), pool.prepare(job, new TextEncoder().encode(memo))]);
      for (const outcome of outcomes) {
        assert.equal(outcome.ok, false);
        if (!outcome.ok) assert.match(`${(outcome.error as { code?: string }).code} ${outcome.error.message}`, /^ingest\.parser-crashed \/haul\/memo\.txt: the parser stopped while reading it/);
      }
    } finally {
      await pool.close();
    }
  });
});
