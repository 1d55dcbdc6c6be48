import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../clock.js';
import { silentLogger } from '../../logger.js';
import { openBlobStore, openSqliteStore, type Store } from '../../store/index.js';
import { zipArchive } from '../containers/archive-fixtures.js';
import { detectTesseract } from '../ocr/index.js';
import { renderedText, tesseractMissing } from '../ocr/ocr.fixture.js';
import { multipartMessage } from '../parsers/eml.fixture.js';
import { buildDocx, paragraph } from '../parsers/office.fixture.js';
import { buildPdf } from '../parsers/pdf.fixture.js';
import { json, khalidsPhone } from '../parsers/phone-export.fixture.js';
import { parsers } from '../parsers/index.js';
import { ingestPaths, type IngestOptions, type IngestReport } from '../pipeline.js';
import { openParsePool } from './parse-pool.js';

const skipOcr = await tesseractMissing();

const memo = 'Abu Khalid al-Tikriti paid the fighters in Deir ez-Zor on 3 March 2017. Call +963 944 123 456.\n';

/**
 * A small haul of every kind the pool prepares: text, HTML, PDF, DOCX, an archive holding a copy of a file, a broken
 * PDF; an image and a scanned PDF (needing OCR when there is none), an e-mail with attachments, and a phone export
 * with a malformed record (a warning) and its own country.
 */
async function writeHaul(haul: string): Promise<void> {
  await mkdir(join(haul, 'phone'), { recursive: true });
  await writeFile(join(haul, 'memo.txt'), memo);
  await writeFile(join(haul, 'phone', 'notes.md'), '# Notes\nLeila Haddad met Abu Omar al-Shishani in Raqqa.\nThe Eastern Desert Brigade (EDB) paid $4,000.\n');
  await writeFile(join(haul, 'page.html'), '<html><head><title>Raid</title></head><body><p>Abu Bakr al-Baghdadi was seen in Mosul with Leila Haddad.</p></body></html>');
  await writeFile(join(haul, 'report.pdf'), buildPdf({ pages: [['Cash couriers on the Al-Bukamal route', 'Abu Omar al-Shishani crossed at Tal Abyad.']] }));
  await writeFile(join(haul, 'letter.docx'), await buildDocx(paragraph('Khalid al-Tikriti wrote to Leila Haddad from Gaziantep.')));
  await writeFile(join(haul, 'box.zip'), zipArchive([{ name: 'memo.txt', data: memo }, { name: 'inner/log.txt', data: 'Abu Khalid al-Tikriti left Raqqa for Mosul.\n' }]));
  await writeFile(join(haul, 'broken.pdf'), '%PDF-1.7\nnot a PDF past its header');
  await writeFile(join(haul, 'photo.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]));
  await writeFile(join(haul, 'scan.pdf'), buildPdf({ pages: [[], []] }));
  await writeFile(join(haul, 'crossing.eml'), multipartMessage());
  const phone = khalidsPhone();
  phone.messages[2]!.timestamp = '2017-06-02';
  await writeFile(join(haul, 'phone', 'khalid.phone.json'), json(phone));
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
    const inline = await ingestInto(dir, haul, { workers: 0, ocr: null, country: 'IQ' });
    const pooled = await ingestInto(dir, haul, { workers: 2, ocr: null, country: 'IQ' });
    try {
      assert.deepEqual(pooled.report, inline.report);
      const { report } = inline;
      assert.equal(report.alreadyKnown, 1, 'the copy of memo.txt in box.zip');
      assert.deepEqual(report.failed.map((f) => f.code), ['ingest.pdf-unreadable']);
      assert.deepEqual(report.needsOcr.map((n) => n.path.slice(haul.length + 1)).sort(), ['crossing.eml!/inline-1.png', 'photo.jpg', 'scan.pdf'], 'the image inside the e-mail too');
      assert.deepEqual(report.warnings.map((w) => w.path.slice(haul.length + 1)), ['phone/khalid.phone.json']);
      assert.match(report.warnings[0]!.reason, /khalid\.phone\.json: 1 of its \d+ records left out as malformed: messages\[2\]\.timestamp/);
      const [a, b] = [await contents(inline.store), await contents(pooled.store)];
      const paths = a.documents.map((d) => d.path.slice(haul.length + 1));
      assert.ok(paths.some((p) => p.startsWith('crossing.eml!/')), `an attachment of the e-mail stored: ${paths.join(', ')}`);
      const countries = new Set(a.documents.filter((d) => d.isLeaf && d.path.includes('khalid.phone.json')).map((d) => d.metadata.country));
      assert.deepEqual([...countries], ['SY'], "the phone's own country, not the run's");
      assert.equal(a.documents.find((d) => d.path.endsWith('memo.txt'))?.metadata.country, 'IQ');
      assert.ok(a.entities.length > 5 && a.mentions.length > 10, `found ${a.entities.length} entities and ${a.mentions.length} mentions`);
      assert.deepEqual(b, a);
    } finally {
      await Promise.all([inline.store.close(), pooled.store.close()]);
    }
  });

  it('reads images with OCR in the workers, through the engine found on the main thread, as on one thread', { skip: skipOcr }, async () => {
    const ocrHaul = join(dir, 'ocr-haul');
    await mkdir(ocrHaul);
    await writeFile(join(ocrHaul, 'ledger.png'), await renderedText(['The courier carried the ledger to Raqqa.', 'He was paid in cash at Tal Abyad.'], 'png'));
    const engine = await detectTesseract();
    assert.ok(engine?.portable, 'the detected engine can be described to a worker');
    const inline = await ingestInto(dir, ocrHaul, { workers: 0, ocr: engine });
    const pooled = await ingestInto(dir, ocrHaul, { workers: 2, ocr: engine });
    try {
      assert.deepEqual(pooled.report, inline.report);
      assert.deepEqual([inline.report.stored, inline.report.needsOcr.length, inline.report.failed.length], [1, 0, 0]);
      const [a, b] = [await contents(inline.store), await contents(pooled.store)];
      assert.match(a.documents[0]!.text, /courier carried the ledger/i);
      assert.deepEqual(b, a);
    } finally {
      await Promise.all([inline.store.close(), pooled.store.close()]);
    }
  });

  it('reads every file on the main thread when the OCR engine is a test double that cannot reach a worker', async () => {
    const ocrHaul = join(dir, 'double-haul');
    await mkdir(ocrHaul);
    await writeFile(join(ocrHaul, 'photo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0x40, 0, 0, 0, 0xc8, 8, 2, 0, 0, 0]));
    const double = { name: 'double 1', languages: ['eng'], readImage: async () => ({ pages: ['Leila Haddad crossed at Tal Abyad.'], confidence: 90 }) };
    const { report, store } = await ingestInto(dir, ocrHaul, { workers: 2, ocr: double });
    try {
      assert.deepEqual([report.stored, report.needsOcr.length, report.failed.length, report.ocr], [1, 0, 0, 'double 1 (eng)']);
      const [document] = await store.listDocuments({ offset: 0, limit: 10 });
      assert.equal(document?.text, 'Leila Haddad crossed at Tal Abyad.');
    } finally {
      await store.close();
    }
  });

  it('does not count the time an OCR tool takes against the time allowed per file, and leaves no page images behind', async () => {
    // A stand-in for the tesseract command (the external tool, not our code): it takes 4 s on any image, longer than
    // the 3 s a file is allowed, and notes the folder it worked in.
    const tools = join(dir, 'slow-tools');
    const temp = join(dir, 'slow-temp');
    await mkdir(tools);
    await mkdir(temp);
    const tesseract = join(tools, 'tesseract');
    const tsv = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n5\t1\t1\t1\t1\t1\t0\t0\t9\t9\t91\tLeila\n';
    await writeFile(tesseract, [
      '#!/bin/sh',
      'case "$1" in',
      '  --version) echo "tesseract 5.3.0"; exit 0 ;;',
      `  --list-langs) printf 'List of available languages in "/x" (1):\\neng\\n'; exit 0 ;;`,
      'esac',
      `pwd >> "${join(tools, 'folders')}"`,
      'sleep 4',
      `printf 'Leila Haddad crossed at Tal Abyad.\\n' > "$2.txt"`,
      `printf '${tsv}' > "$2.tsv"`,
    ].join('\n'));
    await chmod(tesseract, 0o755);
    const engine = await detectTesseract({ tesseract, pdftoppm: join(tools, 'no-pdftoppm'), languages: ['eng'], tempDir: temp });
    assert.ok(engine?.portable);
    const slowHaul = join(dir, 'slow-haul');
    await mkdir(slowHaul);
    // The text file first: the worker loads its model on it, so the image's clock starts with the model loaded.
    await writeFile(join(slowHaul, 'a-memo.txt'), memo);
    await writeFile(join(slowHaul, 'b-photo.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0x40, 0, 0, 0, 0xc8, 8, 2, 0, 0, 0]));
    const { report, store } = await ingestInto(dir, slowHaul, { workers: 1, fileTimeoutMs: 3000, ocr: engine });
    try {
      assert.deepEqual(report.failed, []);
      assert.deepEqual([report.stored, report.needsOcr.length], [2, 0]);
      const photo = (await store.listDocuments({ offset: 0, limit: 10 })).find((d) => d.path.endsWith('b-photo.png'));
      assert.equal(photo?.text, 'Leila Haddad crossed at Tal Abyad.');
      const [folder] = (await readFile(join(tools, 'folders'), 'utf8')).trim().split('\n');
      assert.ok(folder?.startsWith(join(temp, 'vigil-ocr-run-')), `the tool worked inside the run's own folder: ${folder}`);
      assert.deepEqual(await readdir(temp), [], "the run's OCR folder is removed when the run ends");
    } finally {
      await store.close();
    }
  });

  it('stops a file that takes longer than allowed, records it as a timeout and goes on with fresh workers', async () => {
    // Each file is given a millisecond, far less than a worker needs to start: every one times out, none hangs the run.
    const { report, store } = await ingestInto(dir, haul, { workers: 2, fileTimeoutMs: 1, ocr: null });
    try {
      const timedOut = report.failed.filter((f) => f.code === 'ingest.timeout');
      assert.equal(timedOut.length, 12, 'every file parsed: ten on disk and two in the archive');
      assert.match(timedOut[0]!.reason, /: reading it took longer than 0.001 s; stopped/);
      assert.equal(report.stored, 1, 'only the archive, read to its end');
      assert.equal(report.containers, 1, 'an archive whose entries failed is still recorded once read to its end');
    } finally {
      await store.close();
    }
  });

  it('records a file whose worker dies as failed with the reason, and answers every file after it', async () => {
    // A worker allowed almost no heap dies on its first file, as one would on a file built to exhaust memory.
    const pool = openParsePool({ workers: 1, timeoutMs: 60_000, maxWorkerHeapMb: 1, ocr: null });
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
