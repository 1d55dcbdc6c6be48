import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../clock.js';
import { silentLogger } from '../logger.js';
import { openBlobStore, openSqliteStore, type Store } from '../store/index.js';
import { multipartMessage, reportText } from './parsers/eml.fixture.js';
import { ingestPaths, type IngestOptions } from './pipeline.js';

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

const first = multipartMessage();
const second = 'From: Leila Haddad <leila.haddad@example.net>\nTo: abu.omar@example.org\nSubject: Re: Crossing at Tal Abyad\nMessage-ID: <m2@example.net>\nIn-Reply-To: <m1.2017@example.org>\n\nFrom the north side, then.\n';
const third = 'From: Abu Omar <abu.omar@example.org>\nTo: leila.haddad@example.net\nSubject: Re: Re: Crossing at Tal Abyad\n\nAgreed. Yusuf al-Masri drives.\n';
// As an mboxrd writer leaves it (RFC 4155): the second message's body line "From the north…" is quoted.
const box = [
  'From abu.omar@example.org Tue May  2 22:30:00 2017', first,
  'From leila.haddad@example.net Wed May  3 08:00:00 2017', second.replace('\nFrom the north', '\n>From the north'),
  'From abu.omar@example.org Wed May  3 09:10:00 2017', third,
].join('\n');

describe('ingesting e-mail', () => {
  let dir: string;
  let haul: string;
  let store: Store;
  const deps = () => ({ store, blobs: openBlobStore(join(dir, 'data', 'blobs')), clock: fixedClock('2026-12-04T10:00:00Z'), logger: silentLogger });
  const ingest = (options: IngestOptions = {}) => ingestPaths([haul], deps(), { ocr: null, ...options });
  const paths = async () => (await store.listDocuments({ offset: 0, limit: 100 })).map((d) => relative(haul, d.path)).sort();
  const messagePaths = ['box.mbox!/0001-Crossing-at-Tal-Abyad.eml', 'box.mbox!/0002-Re-Crossing-at-Tal-Abyad.eml', 'box.mbox!/0003-Re-Re-Crossing-at-Tal-Abyad.eml'];
  const documentPaths = [...messagePaths.slice(0, 1), 'box.mbox!/0001-Crossing-at-Tal-Abyad.eml!/report.txt', ...messagePaths.slice(1)];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-mail-'));
    haul = join(dir, 'haul');
    await mkdir(haul);
    store = openSqliteStore(':memory:');
    await writeFile(join(haul, 'box.mbox'), box);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores each message of a mailbox and each attachment as documents of their own, each with its place', async () => {
    const report = await ingest();
    assert.deepEqual(report.failed, []);
    assert.equal(report.containers, 1);
    assert.equal(report.entries, 5, 'three messages, the attachment and the inline image');
    assert.deepEqual(await paths(), documentPaths);
    // The inline image has no text layer: kept by hash and listed for OCR, under the message it came in.
    assert.deepEqual(report.needsOcr.map((n) => relative(haul, n.path)), ['box.mbox!/0001-Crossing-at-Tal-Abyad.eml!/inline-1.png']);

    const mbox = sha(box);
    const messageBytes = new TextEncoder().encode(first);
    assert.deepEqual((await store.sourcePlaces(sha(messageBytes))).map((p) => [relative(haul, p.path), p.container]), [
      [messagePaths[0], { sha256: mbox, entry: '0001-Crossing-at-Tal-Abyad.eml' }],
    ]);
    assert.deepEqual((await store.sourcePlaces(sha(reportText))).map((p) => [relative(haul, p.path), p.container]), [
      [documentPaths[1], { sha256: sha(messageBytes), entry: 'report.txt' }],
    ]);
    // The quoted body line is the message's own again.
    assert.deepEqual((await store.sourcePlaces(sha(second))).map((p) => relative(haul, p.path)), [messagePaths[1]]);

    const documents = await store.listDocuments({ offset: 0, limit: 100 });
    const message = documents.find((d) => d.path.endsWith(messagePaths[0]!))!;
    assert.equal(message.mediaType, 'message/rfc822');
    assert.equal(message.title, 'Crossing at Tal Abyad');
    assert.equal(message.author, 'Abu Omar');
    assert.equal(message.metadata.messageId, '<m1.2017@example.org>');
    const mentions = (await store.mentionsInDocument(message.id)).map((m) => `${m.type} ${m.text}`);
    for (const expected of ['EMAIL abu.omar@example.org', 'PERSON Abu Omar', 'PERSON Leila Haddad']) assert.ok(mentions.includes(expected), `${expected} in ${JSON.stringify(mentions)}`);
    // The same correspondent in three messages is one entity.
    const emails = await store.listEntities({ type: 'EMAIL' }, { offset: 0, limit: 100 });
    const abu = emails.filter((e) => e.name === 'abu.omar@example.org');
    assert.equal(abu.length, 1);
    assert.equal(abu[0]!.documents.length, 3);

    const again = await ingest();
    assert.equal(again.alreadyKnown, 1, 'the mailbox is known as a whole');
    assert.equal(again.entries, 0);
  });

  it('resumes a mailbox interrupted among a message’s attachments without storing anything twice', async () => {
    const controller = new AbortController();
    let saved = 0;
    const firstRun = await ingestPaths([haul], { ...deps(), store: new Proxy(store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (key !== 'saveIngestBatch' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const outcome = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          if (++saved === 1) controller.abort();
          return outcome;
        };
      },
    }) }, { signal: controller.signal, ocr: null });
    assert.equal(firstRun.interrupted, true);
    // The attachment was saved; the message it came in was not, so the next run reads the message again.
    assert.deepEqual(await paths(), [documentPaths[1]]);

    const secondRun = await ingest();
    assert.equal(secondRun.interrupted, false);
    assert.deepEqual(secondRun.failed, []);
    assert.equal(secondRun.alreadyKnown, 1, 'the attachment');
    assert.equal(secondRun.containers, 1);
    assert.deepEqual(await paths(), documentPaths);
    assert.equal((await store.sourcePlaces(sha(reportText))).length, 1, 'one place, not one per run');
  });

  it('reads a mailbox too large to hold in place, and records a file that is not one', async () => {
    await writeFile(join(haul, 'notes.mbox'), 'Subject: not a mailbox\n\nJust notes.\n');
    const report = await ingest({ maxFileBytes: 1000 });
    assert.deepEqual(report.failed.map((f) => [relative(haul, f.path), f.code]), [['notes.mbox', 'ingest.mbox-unreadable']]);
    assert.deepEqual(await paths(), documentPaths);
  });
});
