import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { createVigil } from './app.js';
import { fixedClock } from './clock.js';
import { silentLogger } from './logger.js';
import { entityKeyVersion } from './resolve/index.js';
import { mention, textBatch } from './store/store.contract-fixtures.js';
import { openBlobStore, openSqliteStore, type Store } from './store/index.js';

describe('ingest into a store written under older name-key rules', () => {
  let dir: string;
  let store: Store;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-app-'));
    store = openSqliteStore(':memory:');
    // A person stored by an earlier version: its only lookup key is one today's rules never produce.
    const text = 'Abou Khaled el-Tikriti was seen near Al-Qaim.';
    const batch = textBatch(1, [text]);
    batch.newEntities.push({ id: 'e-old', type: 'PERSON', firstName: 'Abou Khaled el-Tikriti' });
    batch.entityKeys.push({ entityId: 'e-old', type: 'PERSON', key: 'obsolete-key' });
    batch.mentions.push(mention('d1-0', 'e-old', 'PERSON', 'Abou Khaled el-Tikriti', 0));
    await store.saveIngestBatch(batch);
    await writeFile(join(dir, 'report.txt'), 'Finance emir named\n\nAbu Khalid al-Tikriti paid fighters in Deir ez-Zor.\n');
  });
  after(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('re-keys the stored entities first, so a new spelling still joins the old entity', async () => {
    assert.equal(await store.entityKeyVersion(), 0);
    const vigil = createVigil({ store, blobs: openBlobStore(join(dir, 'blobs')), clock: fixedClock('2026-01-02T03:04:05Z'), logger: silentLogger });
    await vigil.ingest([join(dir, 'report.txt')]);
    const people = await store.listEntities({ type: 'PERSON' }, { offset: 0, limit: 10 });
    const tikriti = people.filter((p) => /tikriti/i.test(p.name));
    assert.equal(tikriti.length, 1, `one entity for both spellings, got ${tikriti.map((p) => p.name).join('; ')}`);
    assert.equal(tikriti[0]!.id, 'e-old');
    assert.deepEqual([...tikriti[0]!.aliases, tikriti[0]!.name].sort(), ['Abou Khaled el-Tikriti', 'Abu Khalid al-Tikriti']);
    assert.equal(await store.entityKeyVersion(), entityKeyVersion);
  });
});

describe('screening a PAXLST manifest through names and documents', () => {
  let dir: string;
  let store: Store;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-app-'));
    store = openSqliteStore(':memory:');
    // Fictional: one listed person, and a range of blank booklets reported stolen.
    await writeFile(
      join(dir, 'flight.edi'),
      [
        "UNA:+.? '",
        "UNB+UNOA:4+VIGILAIR:ZZ+APIGOV:ZZ+250614:0930+000000202++PAXLST'",
        "UNH+PAX202+PAXLST:D:02B:UN:IATA+VA0422/250614/0930+01:F'",
        "BGM+745'",
        "TDT+20+VA422+++VA'",
        "LOC+125+ZRH'",
        "DTM+189:2506141110:201'",
        "LOC+87+LIS'",
        "DTM+232:2506141305:201'",
        "NAD+FL+++AL-TIKRITI:ABOU KHALED'",
        "ATT+2++M'",
        "DTM+329:780412'",
        "NAT+2+IRQ'",
        "DOC+P:110:111+A1234567'",
        "DTM+36:310930'",
        "LOC+91+IRQ'",
        "NAD+FL+++MARVELL:TOMASINA'",
        "ATT+2++F'",
        "DTM+329:880412'",
        "NAT+2+CHE'",
        "DOC+P:110:111+P1234999'",
        "DTM+36:310930'",
        "LOC+91+SYR'",
        "CNT+42:2'",
        "UNT+23+PAX202'",
        "UNZ+1+000000202'",
      ].join('\n'),
    );
  });
  after(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('finds the listed person by name and the stolen blank booklet by its range, one result per traveller', async () => {
    const vigil = createVigil({ store, blobs: openBlobStore(join(dir, 'blobs')), clock: fixedClock('2026-01-02T03:04:05Z'), logger: silentLogger });
    await vigil.addWatchlistEntry({ name: 'Abu Khalid al-Tikriti', dob: '1978-04-12', nationality: 'IRQ' }, 'agency');
    await vigil.addRegistryEntry({ country: 'SYR', type: 'passport', number: 'P1200000', numberEnd: 'P1249999', status: 'stolen-blank', source: 'test' });
    const { results, problems } = await vigil.screenManifest(join(dir, 'flight.edi'));
    assert.deepEqual(problems, []);
    assert.deepEqual(results.map((r) => r.id), ['PAX202-1', 'PAX202-2']);
    const [tikriti, marvell] = results;
    assert.equal(tikriti!.matches[0]?.verdict, 'match');
    assert.equal(tikriti!.document?.status, 'ok');
    assert.deepEqual(marvell!.matches, []);
    assert.equal(marvell!.document?.status, 'alert');
    assert.deepEqual(marvell!.document?.registry.map((h) => [h.status, h.match]), [['stolen-blank', 'range']]);
  });
});

describe("ingest with the haul's country", () => {
  let dir: string;
  let store: Store;
  const vigilOver = (s: Store) => createVigil({ store: s, blobs: openBlobStore(join(dir, 'blobs')), clock: fixedClock('2026-01-02T03:04:05Z'), logger: silentLogger });
  const phonesOf = async (s: Store) => {
    const [doc] = await s.listDocuments({ offset: 0, limit: 10 });
    const mentions = await s.mentionsInDocument(doc!.id);
    return { doc: doc!, phones: mentions.filter((m) => m.type === 'PHONE').map((m) => m.value) };
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-app-'));
    // A local Syrian number and nothing international to infer the country from.
    await writeFile(join(dir, 'notebook.txt'), 'Courier in Raqqa, mobile 0944 123 456, paid on the 3rd.\n');
  });
  beforeEach(() => {
    store = openSqliteStore(':memory:');
  });
  afterEach(async () => {
    await store.close();
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads local numbers in it, keeps it on the document, and re-extraction reads them again', async () => {
    const vigil = vigilOver(store);
    await vigil.ingest([join(dir, 'notebook.txt')], { country: 'sy' });
    const ingested = await phonesOf(store);
    assert.equal(ingested.doc.metadata['country'], 'SY');
    assert.deepEqual(ingested.phones, ['+963944123456']);
    await vigil.reextract();
    assert.deepEqual((await phonesOf(store)).phones, ['+963944123456']);
  });

  it('without it reads no local number from a document with no international ones', async () => {
    await vigilOver(store).ingest([join(dir, 'notebook.txt')]);
    const { doc, phones } = await phonesOf(store);
    assert.equal(doc.metadata['country'], undefined);
    assert.deepEqual(phones, []);
  });

  it('refuses a code with no numbering plan before reading any file', async () => {
    await assert.rejects(vigilOver(store).ingest([join(dir, 'notebook.txt')], { country: 'Syria' }), (e: Error) => /country "Syria"/.test(e.message));
    assert.equal((await store.summary()).documents, 0);
  });
});
