import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../../clock.js';
import { silentLogger } from '../../logger.js';
import { openBlobStore, openSqliteStore, type Store } from '../../store/index.js';
import { ingestPaths, type IngestOptions } from '../pipeline.js';
import { abuOmarsPhone, json, khalidsPhone } from './phone-export.fixture.js';

describe('ingesting phone exports', () => {
  let dir: string;
  let haul: string;
  let store: Store;
  const ingest = (options: IngestOptions = {}) =>
    ingestPaths([haul], { store, blobs: openBlobStore(join(dir, 'blobs')), clock: fixedClock('2026-12-04T10:00:00Z'), logger: silentLogger }, options);
  const entities = async (type: 'PERSON' | 'PHONE') => store.listEntities({ type }, { offset: 0, limit: 100 });
  /** The files a entity's mentions are in. */
  const filesOf = async (entityId: string) => {
    const mentions = await store.mentionsOfEntity(entityId);
    const docs = await Promise.all(mentions.map((m) => store.getDocument(m.documentId)));
    return [...new Set(docs.map((d) => basename(d!.path)))].sort();
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-phones-'));
    haul = join(dir, 'haul');
    await mkdir(haul);
    store = openSqliteStore(':memory:');
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('makes one PHONE entity of a number two phones share, with mentions in both, and PERSON entities of contacts', async () => {
    await writeFile(join(haul, 'khalid.phone.json'), json(khalidsPhone()));
    // A .json of another name is known by its first member.
    await writeFile(join(haul, 'abu-omar.json'), json(abuOmarsPhone()));
    // The run's country is for other files: each phone's own country reads its local numbers.
    const report = await ingest({ country: 'IQ' });
    assert.deepEqual(report.failed, []);
    assert.deepEqual(report.warnings, []);
    assert.equal(report.stored, 2);

    const phones = await entities('PHONE');
    const abuOmar = phones.filter((e) => e.name.replace(/\D/g, '').endsWith('944123456'));
    assert.equal(abuOmar.length, 1, `one entity for +963 944 123 456, got ${phones.map((p) => p.name).join(' | ')}`);
    assert.deepEqual(await filesOf(abuOmar[0]!.id), ['abu-omar.json', 'khalid.phone.json']);
    const khalid = phones.filter((e) => e.name.replace(/\D/g, '').endsWith('933111222'));
    assert.equal(khalid.length, 1, 'Khalid\'s number, written 0933 111 222 on both phones, is one entity');
    assert.deepEqual(await filesOf(khalid[0]!.id), ['abu-omar.json', 'khalid.phone.json']);

    const people = await entities('PERSON');
    assert.ok(people.some((p) => p.name === 'Leila Haddad'), `people: ${people.map((p) => p.name).join(' | ')}`);
    // Saved in Arabic on Khalid's phone, shown in Latin script by WhatsApp and as his own phone's owner: one person.
    const abuOmarPerson = people.find((p) => p.name === 'Abu Omar');
    assert.deepEqual(abuOmarPerson?.aliases, ['أبو عمر']);
    assert.deepEqual(await filesOf(abuOmarPerson!.id), ['abu-omar.json', 'khalid.phone.json']);

    const docs = await store.listDocuments({ offset: 0, limit: 100 });
    const khalidsDocs = docs.filter((d) => basename(d.path) === 'khalid.phone.json');
    assert.equal(khalidsDocs.length, 6, 'the file, its device, two conversations, the call log and the contacts');
    assert.equal(khalidsDocs.filter((d) => d.parentId === null).length, 1);
    assert.ok(khalidsDocs.every((d) => d.parentId === null || d.metadata.country === 'SY'));
    const calls = khalidsDocs.find((d) => d.metadata.phoneExport === 'calls')!;
    assert.ok(JSON.parse(calls.metadata.contacts!).length > 0, 'contact edges are stored with the document');
  });

  it('stores the good records of an export with a bad one, and lists the bad one as a warning', async () => {
    const value = khalidsPhone();
    value.messages[2]!.timestamp = '2017-06-02';
    await writeFile(join(haul, 'khalid.phone.json'), json(value));
    const report = await ingest();
    assert.deepEqual(report.failed, []);
    assert.equal(report.stored, 1);
    assert.equal(report.warnings.length, 1);
    assert.match(report.warnings[0]!.reason, /khalid\.phone\.json: 1 of its 9 records left out as malformed: messages\[2\]\.timestamp: "2017-06-02" is not an ISO 8601 date and time/);
    const problems = await store.listProblems();
    assert.deepEqual(problems.map((p) => p.kind), ['warning']);
  });

  it('fails a file named as an export that is not one, and reads a CSV of calls by its header', async () => {
    await writeFile(join(haul, 'memo.phone.json'), json({ title: 'Memo', text: 'Abu Omar called.' }));
    await writeFile(join(haul, 'Call Log.csv'), 'direction,timestamp,number,name,durationSeconds\nincoming,2017-06-03T07:40:00+03:00,+90 532 111 22 33,Leila Haddad,45\n');
    const report = await ingest();
    assert.deepEqual(report.failed.map((f) => [basename(f.path), f.code]), [['memo.phone.json', 'ingest.phone-export-shape']]);
    const [csv] = await store.listDocuments({ offset: 0, limit: 10 });
    assert.equal(csv!.mediaType, 'text/vnd.vigil.phone-export+csv');
    assert.ok((await entities('PHONE')).some((e) => e.name.replace(/\D/g, '') === '905321112233'));
  });
});
