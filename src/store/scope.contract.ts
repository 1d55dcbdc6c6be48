// The contract every store keeps for collections: a read in a scope sees only the documents of those collections,
// and of entities only what those documents say. Run by each implementation's tests beside describeStoreContract.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { all, document, entity, mention, sha } from './store.contract-fixtures.js';
import type { IngestBatch, SourceRecord } from './records.js';
import type { Store } from './store.js';

const at = '2024-05-01T10:00:00.000Z';

function caseBatch(n: number, collection: string, id: string, text: string, spelling: string): IngestBatch {
  const src: SourceRecord = { sha256: sha(n), size: text.length, path: `/haul/${id}.txt`, mediaType: 'text/plain', ingestedAt: at, collection };
  return {
    source: src,
    documents: [document(id, src, text)],
    newEntities: n === 1 ? [entity('e-tikriti', 'PERSON', spelling)] : [],
    entityKeys: [{ entityId: 'e-tikriti', type: 'PERSON', key: 'tkrt' }],
    mentions: [mention(id, 'e-tikriti', 'PERSON', spelling, 0)],
  };
}

export function describeScopeContract(name: string, open: () => Promise<Store> | Store): void {
  describe(`Store contract, collections: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
      await store.saveIngestBatch(caseBatch(1, 'raqqa', 'r-1', 'Abu Khalid al-Tikriti paid the couriers.', 'Abu Khalid al-Tikriti'));
      await store.saveIngestBatch(caseBatch(2, 'mosul', 'm-1', 'Abou Khaled el-Tikriti met the emir.', 'Abou Khaled el-Tikriti'));
      // The same bytes found again for another case: in both from now on.
      await store.addSourcePath(sha(1), '/other-haul/r-1.txt', at, null, 'idlib');
    });
    after(() => store.close());

    it('lists the collections with their sources', async () => {
      assert.deepEqual(await store.listCollections(), [{ name: 'idlib', sources: 1 }, { name: 'mosul', sources: 1 }, { name: 'raqqa', sources: 1 }]);
    });

    it('reads documents and search hits of the scope only, totals included', async () => {
      assert.deepEqual((await store.listDocuments({ offset: 0, limit: 10 }, ['mosul'])).map((d) => d.id), ['m-1']);
      assert.deepEqual((await store.listDocuments({ offset: 0, limit: 10 }, null)).map((d) => d.id), ['r-1', 'm-1']);
      assert.equal(await store.getDocument('r-1', ['mosul']), null);
      assert.equal((await store.getDocument('r-1', ['idlib']))?.id, 'r-1', 'found again for Idlib: in that case too');
      const hits = await store.searchDocuments(all('tikriti'), { offset: 0, limit: 10 }, ['raqqa']);
      assert.deepEqual([hits.total, hits.hits.map((h) => h.id)], [1, ['r-1']]);
      assert.equal((await store.searchDocuments(all('tikriti'), { offset: 0, limit: 10 }, [])).total, 0, 'an empty scope sees nothing');
    });

    it('gives an entity the names, mentions and documents of the scope only', async () => {
      const mosul = await store.getEntity('e-tikriti', ['mosul']);
      assert.deepEqual([mosul?.name, mosul?.aliases, mosul?.mentions, mosul?.documents], ['Abou Khaled el-Tikriti', [], 1, ['m-1']]);
      const whole = await store.getEntity('e-tikriti', null);
      assert.deepEqual([whole?.mentions, whole?.documents.length], [2, 2]);
      assert.deepEqual((await store.mentionsOfEntity('e-tikriti', ['raqqa'])).map((m) => m.documentId), ['r-1']);
      assert.deepEqual(await store.mentionsInDocument('r-1', ['mosul']), []);
      assert.equal(await store.getEntity('e-tikriti', ['elsewhere']), null);
      assert.deepEqual((await store.listEntities({}, { offset: 0, limit: 10 }, ['elsewhere'])), []);
      assert.deepEqual((await store.listEntities({ type: 'PERSON' }, { offset: 0, limit: 10 }, ['raqqa'])).map((e) => [e.id, e.mentions]), [['e-tikriti', 1]]);
    });

    it('counts what the scope holds', async () => {
      const raqqa = await store.summary(['raqqa']);
      assert.deepEqual([raqqa.sources, raqqa.documents, raqqa.mentions, raqqa.entitiesByType], [1, 1, 1, { PERSON: 1 }]);
      const none = await store.summary([]);
      assert.deepEqual([none.sources, none.documents, none.mentions, none.entitiesByType], [0, 0, 0, {}]);
      assert.equal((await store.summary(null)).documents, 2);
    });
  });
}
