// What only a server store meets: several processes writing the haul at once. The contract suites run one writer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { document, entity, mention, sha, source } from '../store.contract-fixtures.js';
import type { IngestBatch } from '../records.js';
import type { Store } from '../store.js';
import { openPostgresStore } from './postgres-store.js';
import { postgresSkipReason, startThrowawayCluster, type ThrowawayCluster } from './throwaway-cluster.js';

const skip = postgresSkipReason();

function batchOf(path: string, collection: string): IngestBatch {
  const src = { ...source(7, path), collection };
  return {
    source: src,
    documents: [document('doc-7', src, 'Abu Khalid met the courier.')],
    newEntities: [entity('e-khalid', 'PERSON', 'Abu Khalid')],
    entityKeys: [{ entityId: 'e-khalid', type: 'PERSON', key: 'khld' }],
    mentions: [mention('doc-7', 'e-khalid', 'PERSON', 'Abu Khalid', 0)],
  };
}

describe('PostgreSQL haul with several writers', { skip: skip ?? false }, () => {
  let cluster: ThrowawayCluster;
  let workers: Store[];
  before(async () => {
    cluster = await startThrowawayCluster();
    const url = await cluster.createDatabase();
    // Two processes' worth of stores on one database, as two ingest workers would hold.
    workers = [await openPostgresStore(url), await openPostgresStore(url)];
  });
  after(async () => {
    for (const store of workers ?? []) await store.close();
    await cluster?.stop();
  });

  it('two workers saving the same bytes at once: one stores them, the other only adds where it saw them', async () => {
    const [a, b] = workers as [Store, Store];
    const outcomes = await Promise.all([a.saveIngestBatch(batchOf('/haul/a/report.txt', 'case-a')), b.saveIngestBatch(batchOf('/haul/b/report.txt', 'case-b'))]);
    assert.deepEqual([...outcomes].sort(), ['already-known', 'stored']);
    assert.deepEqual((await a.listDocuments({ offset: 0, limit: 10 })).map((d) => d.id), ['doc-7']);
    assert.equal((await a.mentionsOfEntity('e-khalid')).length, 1);
    assert.deepEqual((await b.sourcePlaces(sha(7))).map((p) => p.path), ['/haul/a/report.txt', '/haul/b/report.txt']);
    assert.deepEqual(await a.listCollections(), [{ name: 'case-a', sources: 1 }, { name: 'case-b', sources: 1 }]);
  });

  it('workers saving different bytes that name the same new entity both store, and the entity is written once', async () => {
    const [a, b] = workers as [Store, Store];
    const make = (n: number): IngestBatch => {
      const src = source(n);
      return {
        source: src,
        documents: [document(`doc-${n}`, src, 'Umm Hassan paid.')],
        newEntities: [entity('e-hassan', 'PERSON', 'Umm Hassan')],
        entityKeys: [{ entityId: 'e-hassan', type: 'PERSON', key: 'hsn' }],
        mentions: [mention(`doc-${n}`, 'e-hassan', 'PERSON', 'Umm Hassan', 0)],
      };
    };
    assert.deepEqual(await Promise.all([a.saveIngestBatch(make(20)), b.saveIngestBatch(make(21))]), ['stored', 'stored']);
    const found = await a.findEntityCandidates('PERSON', ['hsn'], []);
    assert.deepEqual(found, [{ id: 'e-hassan', type: 'PERSON', keys: ['hsn'], names: ['Umm Hassan'] }]);
    assert.equal((await b.getEntity('e-hassan'))?.mentions, 2);
  });

  it('keeps text holding U+0000, which PostgreSQL text cannot, at the same offsets', async () => {
    const [a] = workers as [Store];
    const src = source(30);
    const text = 'name\u0000Abu Khalid';
    const saved = await a.saveIngestBatch({ source: src, documents: [document('doc-30', src, text)], newEntities: [], entityKeys: [], mentions: [] });
    assert.equal(saved, 'stored');
    const stored = await a.getDocument('doc-30');
    assert.equal(stored?.text, 'name\uFFFDAbu Khalid');
    assert.equal(stored?.text.indexOf('Abu'), text.indexOf('Abu'));
  });
});
