import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { VigilError } from '../errors.js';
import { openSqliteStore, type DocumentRecord, type IngestBatch, type Store } from '../store/index.js';
import { searchDocuments } from './search-documents.js';

const at = '2024-05-01T10:00:00.000Z';

/** Seven reports about the courier (one of them also about Raqqa), two about other things. */
const texts = [
  'The courier reached Mosul at dawn.',
  'Cash was handed to the courier near the bridge.',
  'A courier from Raqqa carried letters.',
  'The courier used a new phone.',
  'Weapons cache found in an orchard.',
  'The courier slept at the safe house.',
  'Second courier seen at the checkpoint.',
  'Recruitment videos were posted online.',
  'The courier route ran through Gaziantep.',
];

function batch(): IngestBatch {
  const sha256 = 'cd'.repeat(32);
  const source = { sha256, size: 900, path: '/haul/reports.json', mediaType: 'application/json', ingestedAt: at };
  const documents: DocumentRecord[] = texts.map((text, i) => ({
    id: `r-${i}`, sha256, size: 900, path: source.path, mediaType: source.mediaType, ingestedAt: at, parentId: null, position: i,
    title: null, author: null, date: null, language: 'en', text, span: null, isLeaf: true, metadata: {},
  }));
  return { source, documents, newEntities: [], entityKeys: [], mentions: [] };
}

describe('searchDocuments', () => {
  let store: Store;
  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    await store.saveIngestBatch(batch());
  });
  afterEach(async () => {
    await store.close();
  });

  it('walking nextCursor visits every match exactly once, and the count equals total', async () => {
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await searchDocuments(store, { query: 'courier', limit: 3, ...(cursor ? { cursor } : {}) });
      assert.equal(page.total, 7);
      seen.push(...page.results.map((h) => h.id));
      pageSizes.push(page.results.length);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    assert.deepEqual(pageSizes, [3, 3, 1]);
    assert.equal(new Set(seen).size, seen.length);
    assert.deepEqual([...seen].sort(), ['r-0', 'r-1', 'r-2', 'r-3', 'r-5', 'r-6', 'r-8']);
  });

  it('gives no next cursor when everything fits on one page', async () => {
    const page = await searchDocuments(store, { query: 'courier raqqa' });
    assert.deepEqual(page.results.map((h) => h.id), ['r-2']);
    assert.equal(page.total, 1);
    assert.equal(page.nextCursor, null);
  });

  it('returns an empty page with total 0 when nothing matches', async () => {
    assert.deepEqual(await searchDocuments(store, { query: 'baghdad' }), { results: [], total: 0, nextCursor: null });
  });

  it('applies the query language: exclusions, alternatives and prefixes', async () => {
    const ids = async (query: string) => (await searchDocuments(store, { query })).results.map((h) => h.id).sort();
    assert.deepEqual(await ids('courier -the'), ['r-2']);
    assert.deepEqual(await ids('mosul OR gaziantep'), ['r-0', 'r-8']);
    assert.deepEqual(await ids('check*'), ['r-6']);
  });

  it('refuses a cursor from one query when used with another', async () => {
    const first = await searchDocuments(store, { query: 'courier', limit: 2 });
    assert.ok(first.nextCursor);
    await assert.rejects(
      searchDocuments(store, { query: 'courier -raqqa', cursor: first.nextCursor, limit: 2 }),
      (error: unknown) => error instanceof VigilError && error.code === 'paging.bad-cursor',
    );
  });

  it('refuses a limit out of range', async () => {
    await assert.rejects(
      searchDocuments(store, { query: 'courier', limit: 0 }),
      (error: unknown) => error instanceof VigilError && error.kind === 'input' && error.code === 'paging.bad-limit',
    );
  });
});
