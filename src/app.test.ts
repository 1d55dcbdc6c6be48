import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
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
