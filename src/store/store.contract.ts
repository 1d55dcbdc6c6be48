// The one test suite every Store implementation runs (STYLE §15): what a Store promises, whatever its engine.
// Usage: describeStoreContract('sqlite', () => openSqliteStore(':memory:')). Each test gets a fresh, empty store.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { VigilError } from '../errors.js';
import { all, at, clause, document, entity, entry, mention, peopleBatch, sha, source, term, textBatch } from './store.contract-fixtures.js';
import type { DocumentRecord, DocumentRegistryEntry, EntitySplit, TextQuery } from './records.js';
import type { Store } from './store.js';

async function allDocuments(store: Store): Promise<DocumentRecord[]> {
  return store.listDocuments({ offset: 0, limit: 1000 });
}

async function searchIds(store: Store, query: TextQuery): Promise<string[]> {
  const { hits } = await store.searchDocuments(query, { offset: 0, limit: 100 });
  return hits.map((h) => h.id).sort();
}

function registryEntry(id: string, fields: Partial<DocumentRegistryEntry> = {}): DocumentRegistryEntry {
  return {
    id, country: 'SYR', type: 'passport', number: 'N0431887', numberEnd: null, status: 'stolen-blank', reported: '2024-03-02',
    source: 'Interior ministry', notes: null, addedAt: at, addedBy: 'cli:test', ...fields,
  };
}

function isConflict(error: unknown): boolean {
  return error instanceof VigilError && error.kind === 'conflict';
}

export function describeStoreContract(name: string, open: () => Promise<Store> | Store): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('ingest batches', () => {
      it('stores the source, its documents, entities and mentions, after which hasSource is true', async () => {
        assert.equal(await store.hasSource(sha(50)), false);
        assert.equal(await store.saveIngestBatch(peopleBatch()), 'stored');
        assert.equal(await store.hasSource(sha(50)), true);
        assert.deepEqual((await allDocuments(store)).map((d) => d.id), ['p-1', 'p-2']);
        assert.equal((await store.getEntity('e-person'))?.mentions, 3);
        assert.equal((await store.mentionsOfEntity('e-phone')).length, 1);
        assert.deepEqual(await searchIds(store, all('courier')), ['p-2']);
      });

      it('saving the same bytes again returns already-known and duplicates nothing', async () => {
        await store.saveIngestBatch(peopleBatch());
        const again = peopleBatch();
        again.source.path = '/haul/copy-of-people.txt';
        assert.equal(await store.saveIngestBatch(again), 'already-known');
        const summary = await store.summary();
        assert.equal(summary.sources, 1);
        assert.equal(summary.documents, 2);
        assert.equal(summary.mentions, 4);
        assert.deepEqual(summary.entitiesByType, { PERSON: 1, PHONE: 1 });
        assert.equal((await store.searchDocuments(all('courier'), { offset: 0, limit: 10 })).total, 1);
      });

      it('a batch that fails half-way throws and leaves nothing of itself behind', async () => {
        const broken = peopleBatch();
        // The last mention points at no entity: the foreign key fails after the source and documents were written.
        broken.mentions.push(mention('p-2', 'e-nobody', 'PERSON', 'courier', 31));
        await assert.rejects(store.saveIngestBatch(broken));
        assert.equal(await store.hasSource(sha(50)), false);
        assert.deepEqual(await allDocuments(store), []);
        assert.equal(await store.getDocument('p-1'), null);
        assert.equal(await store.getEntity('e-person'), null);
        assert.deepEqual(await store.findEntityCandidates('PERSON', ['tkrt'], ['Abu Khalid al-Tikriti']), []);
        assert.deepEqual(await store.searchDocuments(all('courier'), { offset: 0, limit: 10 }), { total: 0, hits: [] });
        const summary = await store.summary();
        assert.equal(summary.sources + summary.documents + summary.mentions, 0);
        assert.deepEqual(summary.entitiesByType, {});
        // Nothing half-saved stands in the way of the corrected batch.
        assert.equal(await store.saveIngestBatch(peopleBatch()), 'stored');
        assert.deepEqual(await searchIds(store, all('courier')), ['p-2']);
      });

      it('addSourcePath for known bytes adds no source or document and may be repeated', async () => {
        await store.saveIngestBatch(peopleBatch());
        await store.addSourcePath(sha(50), '/haul/elsewhere/people.txt', at);
        await store.addSourcePath(sha(50), '/haul/elsewhere/people.txt', at);
        const summary = await store.summary();
        assert.equal(summary.sources, 1);
        assert.equal(summary.documents, 2);
        assert.equal(await store.hasSource(sha(50)), true);
      });

      it('keeps every place the same bytes were found, with the archive and entry path of those found inside one', async () => {
        const inArchive = { ...peopleBatch(), source: { ...peopleBatch().source, path: '/haul/box.zip!/mail/people.txt', container: { sha256: sha(60), entry: 'mail/people.txt' } } };
        assert.equal(await store.saveIngestBatch(inArchive), 'stored');
        await store.addSourcePath(sha(50), '/haul/copy.tar!/people.txt', at, { sha256: sha(61), entry: 'people.txt' });
        await store.addSourcePath(sha(50), '/haul/loose/people.txt', at);
        assert.deepEqual(await store.sourcePlaces(sha(50)), [
          { path: '/haul/box.zip!/mail/people.txt', seenAt: inArchive.source.ingestedAt, container: { sha256: sha(60), entry: 'mail/people.txt' } },
          { path: '/haul/copy.tar!/people.txt', seenAt: at, container: { sha256: sha(61), entry: 'people.txt' } },
          { path: '/haul/loose/people.txt', seenAt: at, container: null },
        ]);
        assert.deepEqual(await store.sourcePlaces(sha(99)), []);
      });

      it('lists recorded problems by path, and a second problem for a path replaces the first', async () => {
        await store.recordProblem({ path: '/haul/b.xyz', sha256: sha(2), kind: 'unsupported', reason: 'unsupported format', at });
        await store.recordProblem({ path: '/haul/a.txt', sha256: null, kind: 'failed', reason: 'permission denied', at });
        await store.recordProblem({ path: '/haul/a.txt', sha256: sha(1), kind: 'failed', reason: 'holds no document', at, code: 'ingest.empty', collection: 'raqqa-2017' });
        assert.deepEqual(await store.listProblems(), [
          { path: '/haul/a.txt', sha256: sha(1), kind: 'failed', reason: 'holds no document', at, code: 'ingest.empty', collection: 'raqqa-2017' },
          { path: '/haul/b.xyz', sha256: sha(2), kind: 'unsupported', reason: 'unsupported format', at, collection: 'default' },
        ]);
      });

      it('a later successful save for a path clears the problem recorded for it', async () => {
        const batch = textBatch(7, ['Fixed file']);
        await store.recordProblem({ path: batch.source.path, sha256: null, kind: 'failed', reason: 'permission denied', at });
        await store.recordProblem({ path: '/haul/other.txt', sha256: null, kind: 'failed', reason: 'permission denied', at });
        await store.saveIngestBatch(batch);
        assert.deepEqual((await store.listProblems()).map((p) => p.path), ['/haul/other.txt']);
      });
    });

    describe('documents', () => {
      it('getDocument returns every field as saved, including span, isLeaf and metadata', async () => {
        const src = source(3, '/haul/bulletin.html');
        const page = document('page', src, 'Part one. Part two.', {
          mediaType: 'text/html',
          title: 'Bulletin 12',
          author: 'Media office',
          date: '2017-07',
          language: 'en',
          isLeaf: false,
          metadata: { 'x-origin': 'seized laptop', charset: 'utf-8' },
        });
        const article = document('article', src, 'Part two.', {
          parentId: 'page',
          position: 1,
          title: 'Part two',
          date: '2017-07-12',
          span: { start: 10, end: 19 },
          metadata: { section: '2' },
        });
        await store.saveIngestBatch({ source: src, documents: [page, article], newEntities: [], entityKeys: [], mentions: [] });
        assert.deepEqual(await store.getDocument('page'), page);
        assert.deepEqual(await store.getDocument('article'), article);
        assert.equal(await store.getDocument('no-such-document'), null);
        assert.deepEqual(await store.childDocuments('page'), [article]);
        assert.deepEqual(await store.childDocuments('article'), []);
        assert.deepEqual(await store.childDocuments('page', ['some-other-case']), [], 'a page outside the scope shows none of its articles');
      });

      it('listDocuments pages in saving order without gaps or overlaps', async () => {
        await store.saveIngestBatch(textBatch(1, ['one', 'two', 'three']));
        await store.saveIngestBatch(textBatch(2, ['four', 'five']));
        const pages: string[][] = [];
        for (let offset = 0; offset < 6; offset += 2) {
          pages.push((await store.listDocuments({ offset, limit: 2 })).map((d) => d.text));
        }
        assert.deepEqual(pages, [['one', 'two'], ['three', 'four'], ['five']]);
        assert.deepEqual(await store.listDocuments({ offset: 5, limit: 2 }), []);
      });
    });

    describe('full-text search', () => {
      const corpus = [
        'Abu Khalid met the courier in Mosul. The courier carried cash.', // d1-0
        'The safe house in Raqqa was used by Khalid and Hamza.', // d1-1
        'Recruits trained near Mosul with Hamza.', // d1-2
        'Transfers of money through hawala brokers in Gaziantep.', // d1-3
        'Letter from Abū Ḥamza al-Muhājir to the wali.', // d1-4
        'The house was not safe after the raid.', // d1-5
      ];
      beforeEach(async () => {
        await store.saveIngestBatch(textBatch(1, corpus));
      });

      it('indexes leaf documents only', async () => {
        const src = source(9, '/haul/magazine.pdf');
        const page = document('mag', src, 'Editorial on logistics. Colophon: printed in Wilayat Ninawa.', { isLeaf: false });
        const article = document('mag-1', src, 'Editorial on logistics.', { parentId: 'mag', span: { start: 0, end: 23 } });
        await store.saveIngestBatch({ source: src, documents: [page, article], newEntities: [], entityKeys: [], mentions: [] });
        assert.deepEqual(await searchIds(store, all('logistics')), ['mag-1']);
        assert.equal((await store.searchDocuments(all('colophon'), { offset: 0, limit: 10 })).total, 0);
      });

      it('requires every word in any order, but a phrase as written', async () => {
        assert.deepEqual(await searchIds(store, all('mosul', 'khalid')), ['d1-0']);
        assert.deepEqual(await searchIds(store, all('house', 'safe')), ['d1-1', 'd1-5']);
        assert.deepEqual(await searchIds(store, all('safe house')), ['d1-1']);
      });

      it('matches either alternative of an OR clause', async () => {
        const query = { clauses: [clause([term('raqqa'), term('gaziantep')])] };
        assert.deepEqual(await searchIds(store, query), ['d1-1', 'd1-3']);
        const withPhrase = { clauses: [clause([term('safe house'), term('hawala brokers')]), clause([term('raqqa'), term('gaziantep')])] };
        assert.deepEqual(await searchIds(store, withPhrase), ['d1-1', 'd1-3']);
      });

      it('excludes documents matching a negated clause', async () => {
        assert.deepEqual(await searchIds(store, { clauses: [clause([term('mosul')]), clause([term('hamza')], true)] }), ['d1-0']);
        const neither = { clauses: [clause([term('the')]), clause([term('courier'), term('safe house')], true)] };
        assert.deepEqual(await searchIds(store, neither), ['d1-4', 'd1-5']);
        const twoAndTwo = { clauses: [clause([term('the')]), clause([term('house')]), clause([term('raid')], true), clause([term('mosul')], true)] };
        assert.deepEqual(await searchIds(store, twoAndTwo), ['d1-1']);
      });

      it('matches word beginnings with a prefix term', async () => {
        assert.deepEqual(await searchIds(store, { clauses: [clause([term('gazi', true)])] }), ['d1-3']);
        assert.deepEqual(await searchIds(store, { clauses: [clause([term('hawala bro', true)])] }), ['d1-3']);
        assert.deepEqual(await searchIds(store, all('gazi')), []);
      });

      it('counts every match in total while a page holds at most limit', async () => {
        const query = all('the');
        const first = await store.searchDocuments(query, { offset: 0, limit: 2 });
        const rest = await store.searchDocuments(query, { offset: 2, limit: 2 });
        assert.equal(first.total, 4);
        assert.equal(rest.total, 4);
        assert.equal(first.hits.length, 2);
        assert.equal(rest.hits.length, 2);
        const ids = [...first.hits, ...rest.hits].map((h) => h.id).sort();
        assert.deepEqual(ids, ['d1-0', 'd1-1', 'd1-4', 'd1-5']);
      });

      it('returns each hit with its document fields and highlights pointing at the matched words', async () => {
        const { hits } = await store.searchDocuments(all('courier', 'mosul'), { offset: 0, limit: 10 });
        assert.equal(hits.length, 1);
        const hit = hits[0]!;
        assert.equal(hit.id, 'd1-0');
        assert.equal(hit.path, '/haul/file-1.txt');
        assert.equal(hit.parentId, null);
        assert.ok(hit.snippet.includes('courier in Mosul'), hit.snippet);
        const marked = hit.highlights.map(([start, end]) => hit.snippet.slice(start, end));
        assert.deepEqual(marked, ['courier', 'Mosul', 'courier']);
      });

      it('ignores diacritics in the text and in the query', async () => {
        assert.deepEqual(await searchIds(store, all('muhajir')), ['d1-4']);
        assert.deepEqual(await searchIds(store, all('hamza')), ['d1-1', 'd1-2', 'd1-4']);
        assert.deepEqual(await searchIds(store, all('Khālid')), ['d1-0', 'd1-1']);
        const { hits } = await store.searchDocuments(all('muhajir'), { offset: 0, limit: 10 });
        const [start, end] = hits[0]!.highlights[0]!;
        assert.equal(hits[0]!.snippet.slice(start, end), 'Muhājir');
      });
    });

    describe('entities', () => {
      beforeEach(async () => {
        await store.saveIngestBatch(peopleBatch());
      });

      it('findEntityCandidates finds an entity by a lookup key, with every surface name and key', async () => {
        const found = await store.findEntityCandidates('PERSON', ['tkrt'], []);
        assert.equal(found.length, 1);
        assert.equal(found[0]!.id, 'e-person');
        assert.equal(found[0]!.type, 'PERSON');
        assert.deepEqual([...found[0]!.names].sort(), ['Abou Khaled el-Tikriti', 'Abu Khalid al-Tikriti']);
        assert.deepEqual([...found[0]!.keys].sort(), ['khld', 'tkrt']);
      });

      it('replaceEntityKeys swaps the keys of the given types only, atomically with the version', async () => {
        assert.equal(await store.entityKeyVersion(), 0);
        await store.replaceEntityKeys(2, ['PERSON', 'ORG', 'LOCATION'], [{ entityId: 'e-person', type: 'PERSON', key: 'hlt' }]);
        assert.equal(await store.entityKeyVersion(), 2);
        assert.deepEqual(await store.findEntityCandidates('PERSON', ['tkrt'], []), []);
        const found = await store.findEntityCandidates('PERSON', ['hlt'], []);
        assert.deepEqual(found.map((c) => [c.id, c.keys]), [['e-person', ['hlt']]]);
        assert.deepEqual((await store.findEntityCandidates('PHONE', ['+963944123456'], [])).map((c) => c.id), ['e-phone']);
      });

      it('findEntityCandidates with minSharedKeys finds only entities sharing that many of the keys', async () => {
        assert.deepEqual((await store.findEntityCandidates('PERSON', ['tkrt', 'zzz'], [], 2)).map((c) => c.id), []);
        assert.deepEqual((await store.findEntityCandidates('PERSON', ['tkrt', 'khld'], [], 2)).map((c) => c.id), ['e-person']);
        assert.deepEqual((await store.findEntityCandidates('PERSON', ['tkrt', 'zzz'], ['Abu Khalid al-Tikriti'], 2)).map((c) => c.id), ['e-person']);
      });

      it('findEntityCandidates finds an entity by an exact surface name', async () => {
        const found = await store.findEntityCandidates('PERSON', ['zzz'], ['Abou Khaled el-Tikriti']);
        assert.deepEqual(found.map((c) => c.id), ['e-person']);
        assert.deepEqual([...found[0]!.names].sort(), ['Abou Khaled el-Tikriti', 'Abu Khalid al-Tikriti']);
        assert.deepEqual(await store.findEntityCandidates('PERSON', [], ['Abu Khalid']), []);
      });

      it('findEntityCandidates keeps to the requested type', async () => {
        assert.deepEqual(await store.findEntityCandidates('ORG', ['tkrt'], ['Abu Khalid al-Tikriti']), []);
        assert.deepEqual((await store.findEntityCandidates('PHONE', ['+963944123456'], [])).map((c) => c.id), ['e-phone']);
        assert.deepEqual(await store.findEntityCandidates('PERSON', [], []), []);
      });

      it('listEntities names an entity by its most frequent spelling, with the others as aliases', async () => {
        const [person] = await store.listEntities({ type: 'PERSON' }, { offset: 0, limit: 10 });
        assert.deepEqual(person, {
          id: 'e-person',
          type: 'PERSON',
          name: 'Abou Khaled el-Tikriti',
          aliases: ['Abu Khalid al-Tikriti'],
          mentions: 3,
          documents: ['p-1', 'p-2'],
          place: null,
          mergedInto: null,
        });
      });

      it('listEntities filters by type, orders by mentions and pages', async () => {
        assert.deepEqual((await store.listEntities({}, { offset: 0, limit: 10 })).map((e) => e.id), ['e-person', 'e-phone']);
        assert.deepEqual((await store.listEntities({}, { offset: 1, limit: 10 })).map((e) => e.id), ['e-phone']);
        assert.deepEqual((await store.listEntities({ type: 'PHONE' }, { offset: 0, limit: 10 })).map((e) => e.id), ['e-phone']);
        assert.deepEqual(await store.listEntities({ type: 'ORG' }, { offset: 0, limit: 10 }), []);
      });

      it('getEntity returns the summary of one entity, and null for an unknown id', async () => {
        assert.deepEqual(await store.getEntity('e-phone'), {
          id: 'e-phone',
          type: 'PHONE',
          name: '+963944123456',
          aliases: [],
          mentions: 1,
          documents: ['p-1'],
          place: null,
          mergedInto: null,
        });
        assert.equal(await store.getEntity('e-unknown'), null);
      });

      it('mentionsOfEntity returns every mention of the entity in saving order', async () => {
        const expected = peopleBatch().mentions.filter((m) => m.entityId === 'e-person');
        assert.deepEqual(await store.mentionsOfEntity('e-person'), expected);
        assert.deepEqual(await store.mentionsOfEntity('e-unknown'), []);
      });

      it('a later batch may add mentions and keys to an entity saved earlier', async () => {
        const later = textBatch(60, ['Khalid al-Tikriti was seen in Mosul.']);
        later.entityKeys = [{ entityId: 'e-person', type: 'PERSON', key: 'khld' }];
        later.mentions = [mention('d60-0', 'e-person', 'PERSON', 'Khalid al-Tikriti', 0)];
        assert.equal(await store.saveIngestBatch(later), 'stored');
        const person = await store.getEntity('e-person');
        assert.equal(person?.mentions, 4);
        assert.deepEqual(person?.documents, ['p-1', 'p-2', 'd60-0']);
        assert.deepEqual(person?.aliases, ['Abu Khalid al-Tikriti', 'Khalid al-Tikriti']);
      });

      it('keeps each mention’s value and sentence, and lists a document’s mentions in text order', async () => {
        const later = textBatch(61, ['On 3 March 2018 he paid $4,000.']);
        later.newEntities = [entity('e-date', 'DATE', '3 March 2018'), entity('e-money', 'MONEY', '$4,000')];
        later.mentions = [
          { ...mention('d61-0', 'e-money', 'MONEY', '$4,000', 24), value: 'USD 4000', sentence: { start: 0, end: 31 } },
          { ...mention('d61-0', 'e-date', 'DATE', '3 March 2018', 3), value: '2018-03-03', sentence: { start: 0, end: 31 } },
        ];
        await store.saveIngestBatch(later);
        const inDocument = await store.mentionsInDocument('d61-0');
        assert.deepEqual(inDocument.map((m) => [m.text, m.value, m.sentence]), [
          ['3 March 2018', '2018-03-03', { start: 0, end: 31 }],
          ['$4,000', 'USD 4000', { start: 0, end: 31 }],
        ]);
        assert.deepEqual(await store.mentionsInDocument('no-such-document'), []);
      });

      it('sharedCompany counts which of the given entities each entity’s documents also name', async () => {
        const later = textBatch(63, ['Abu Khalid al-Tikriti met Omar in Mosul.']);
        later.newEntities = [entity('e-omar', 'PERSON', 'Omar'), entity('e-mosul', 'LOCATION', 'Mosul')];
        later.mentions = [
          mention('d63-0', 'e-person', 'PERSON', 'Abu Khalid al-Tikriti', 0),
          mention('d63-0', 'e-omar', 'PERSON', 'Omar', 26),
          mention('d63-0', 'e-omar', 'PERSON', 'Omar', 26),
        ];
        await store.saveIngestBatch(later);
        const company = ['e-omar', 'e-phone', 'e-mosul', 'e-person', 'e-unknown', 'e-omar'];
        // e-person's documents name Omar and the phone (and e-person itself, which does not count); Mosul was never
        // mentioned, and an entity counts once however often it is named.
        assert.deepEqual(await store.sharedCompany(['e-person', 'e-omar', 'e-none'], company), { 'e-person': 2, 'e-omar': 1, 'e-none': 0 });
        assert.deepEqual(await store.sharedCompany(['e-person'], []), { 'e-person': 0 });
      });

      it('keeps the place an entity resolved to, and sets it on entities stored without one', async () => {
        const place = { id: 'geonames:170794', name: 'Deir ez-Zor', country: 'SYR', lat: 35.33588, lon: 40.14084 };
        const later = textBatch(62, ['Deir ez-Zor and Mosul.']);
        later.newEntities = [{ ...entity('e-deir', 'LOCATION', 'Deir ez-Zor'), place }, entity('e-mosul', 'LOCATION', 'Mosul')];
        later.mentions = [mention('d62-0', 'e-deir', 'LOCATION', 'Deir ez-Zor', 0), mention('d62-0', 'e-mosul', 'LOCATION', 'Mosul', 16)];
        await store.saveIngestBatch(later);
        assert.deepEqual((await store.getEntity('e-deir'))?.place, place);
        assert.equal((await store.getEntity('e-mosul'))?.place, null);
        const mosul = { id: 'geonames:99072', name: 'Mosul', country: 'IRQ', lat: 36.335, lon: 43.11889 };
        await store.setEntityPlaces([{ entityId: 'e-mosul', place: mosul }]);
        assert.deepEqual((await store.getEntity('e-mosul'))?.place, mosul);
      });
    });

    describe('analysts\' decisions on entities', () => {
      const decidedAt = '2024-06-01T09:00:00.000Z';
      beforeEach(async () => {
        await store.saveIngestBatch(peopleBatch());
        const other = textBatch(70, ['Abu Khalid al-Iraqi paid. Abu Khalid al-Iraqi left.']);
        other.newEntities = [entity('e-iraqi', 'PERSON', 'Abu Khalid al-Iraqi')];
        other.entityKeys = [{ entityId: 'e-iraqi', type: 'PERSON', key: 'irq' }];
        other.mentions = [mention('d70-0', 'e-iraqi', 'PERSON', 'Abu Khalid al-Iraqi', 0), mention('d70-0', 'e-iraqi', 'PERSON', 'Abu Khalid al-Iraqi', 26)];
        await store.saveIngestBatch(other);
      });
      const merge = (target: string, merged: string, id = 'd-merge') =>
        ({ kind: 'merge', id, target, merged, actor: 'analyst:ana', at: decidedAt, note: 'same man' }) as const;

      it('a merge moves mentions, spellings, keys and watchlist links to the target and records the decision', async () => {
        await store.putWatchlistEntry(entry('w-1', { evidence: [{ entityId: 'e-iraqi', documentIds: ['d70-0'], mentionCount: 2 }] }));
        assert.deepEqual(await store.mergeEntities(merge('e-person', 'e-iraqi')), { moved: 2 });
        const person = await store.getEntity('e-person');
        assert.equal(person?.mentions, 5);
        assert.deepEqual(person?.documents, ['p-1', 'p-2', 'd70-0']);
        assert.equal((await store.getEntity('e-iraqi'))?.mergedInto, 'e-person');
        assert.equal((await store.getEntity('e-iraqi'))?.mentions, 0);
        assert.deepEqual((await store.findEntityCandidates('PERSON', ['irq'], [])).map((c) => c.id), ['e-person']);
        assert.deepEqual((await store.findEntityCandidates('PERSON', [], ['Abu Khalid al-Iraqi'])).map((c) => c.id), ['e-person']);
        assert.deepEqual((await store.findWatchlistEntriesByEntity('e-person')).map((e) => e.id), ['w-1']);
        assert.deepEqual(await store.entityDecisions(), [merge('e-person', 'e-iraqi')]);
        assert.deepEqual((await store.summary()).entitiesByType, { PERSON: 1, PHONE: 1 });
      });

      it('refuses to merge an entity into itself, across types, or one already merged, and then changes nothing', async () => {
        await assert.rejects(store.mergeEntities(merge('e-person', 'e-person')), VigilError);
        await assert.rejects(store.mergeEntities(merge('e-person', 'e-phone')), VigilError);
        await assert.rejects(store.mergeEntities(merge('e-person', 'e-none')), VigilError);
        await store.mergeEntities(merge('e-person', 'e-iraqi'));
        await assert.rejects(store.mergeEntities(merge('e-iraqi', 'e-person', 'd-2')), isConflict);
        assert.deepEqual((await store.entityDecisions()).map((d) => d.id), ['d-merge']);
        assert.equal((await store.getEntity('e-person'))?.mentions, 5);
      });

      it('a split moves the selected mentions to a new entity with its own spellings and keys', async () => {
        const split: EntitySplit = {
          kind: 'split', id: 'd-split', entity: 'e-person', newEntity: 'e-khaled', names: ['Abou Khaled el-Tikriti'], documents: ['p-2'],
          actor: 'analyst:ana', at: decidedAt, note: null,
        };
        const keys = [
          { entityId: 'e-person', type: 'PERSON' as const, key: 'tkrt' },
          { entityId: 'e-khaled', type: 'PERSON' as const, key: 'khld-2' },
        ];
        assert.deepEqual(await store.splitEntity(split, keys), { moved: 1 });
        const split1 = await store.getEntity('e-khaled');
        assert.deepEqual([split1?.name, split1?.mentions, split1?.documents], ['Abou Khaled el-Tikriti', 1, ['p-2']]);
        // The spelling stays with the old entity too: a mention in p-1 still uses it.
        assert.deepEqual([...(await store.findEntityCandidates('PERSON', ['tkrt'], []))[0]!.names].sort(), ['Abou Khaled el-Tikriti', 'Abu Khalid al-Tikriti']);
        assert.deepEqual((await store.findEntityCandidates('PERSON', ['khld-2'], [])).map((c) => c.id), ['e-khaled']);
        assert.deepEqual((await store.findEntityCandidates('PERSON', ['khld'], [])).map((c) => c.id), []);
        assert.deepEqual(await store.entityDecisions('e-khaled'), [split]);
        assert.deepEqual(await store.entityDecisions('e-iraqi'), []);
      });

      it('refuses a split that selects nothing or everything', async () => {
        const split = (names: string[], documents: string[], newEntity = 'e-new'): EntitySplit =>
          ({ kind: 'split', id: `d-${newEntity}`, entity: 'e-person', newEntity, names, documents, actor: 'a', at: decidedAt, note: null });
        await assert.rejects(store.splitEntity(split([], []), []), VigilError);
        await assert.rejects(store.splitEntity(split(['Nobody'], []), []), VigilError);
        await assert.rejects(store.splitEntity(split([], ['p-1', 'p-2']), []), VigilError);
        assert.deepEqual(await store.entityDecisions(), []);
        assert.equal((await store.getEntity('e-person'))?.mentions, 3);
      });
    });

    describe('re-extraction', () => {
      beforeEach(async () => {
        await store.saveIngestBatch(peopleBatch());
      });

      it('replaces one document’s mentions, leaving the others', async () => {
        await store.replaceDocumentMentions({
          documentId: 'p-2',
          newEntities: [entity('e-courier', 'PERSON', 'Courier')],
          entityKeys: [{ entityId: 'e-courier', type: 'PERSON', key: 'krr' }],
          mentions: [mention('p-2', 'e-courier', 'PERSON', 'courier', 32)],
        });
        assert.deepEqual((await store.mentionsInDocument('p-2')).map((m) => m.text), ['courier']);
        assert.equal((await store.mentionsInDocument('p-1')).length, 3);
        assert.equal((await store.getEntity('e-person'))?.mentions, 2);
        await assert.rejects(store.replaceDocumentMentions({ documentId: 'p-9', newEntities: [], entityKeys: [], mentions: [] }), VigilError);
      });

      it('prunes entities nothing refers to, but keeps those a watchlist entry or a decision names', async () => {
        await store.putWatchlistEntry(entry('w-1', { evidence: [{ entityId: 'e-phone', documentIds: ['p-1'], mentionCount: 1 }] }));
        await store.replaceDocumentMentions({ documentId: 'p-1', newEntities: [], entityKeys: [], mentions: [] });
        await store.replaceDocumentMentions({ documentId: 'p-2', newEntities: [], entityKeys: [], mentions: [] });
        assert.deepEqual(await store.pruneEntities(), { entities: 1, names: 0 });
        assert.equal(await store.getEntity('e-person'), null);
        assert.equal((await store.getEntity('e-phone'))?.mentions, 0);
      });

      it('prunes spellings no mention uses any more from entities that keep mentions', async () => {
        await store.replaceDocumentMentions({ documentId: 'p-1', newEntities: [], entityKeys: [], mentions: [] });
        assert.deepEqual(await store.pruneEntities(), { entities: 1, names: 1 });
        assert.deepEqual(await store.findEntityCandidates('PERSON', [], ['Abu Khalid al-Tikriti']), []);
        assert.deepEqual((await store.findEntityCandidates('PERSON', [], ['Abou Khaled el-Tikriti'])).map((c) => c.id), ['e-person']);
      });
    });

    describe('watchlist', () => {
      it('stores an entry that get, findByRef and list return unchanged', async () => {
        const e = entry('w-1', { list: 'un', ref: 'QDi.001' });
        await store.putWatchlistEntry(e);
        // The store adds the status and the version number; everything else comes back as written.
        const stored = { ...e, status: 'active', version: 1 };
        assert.deepEqual(await store.getWatchlistEntry('w-1'), stored);
        assert.deepEqual(await store.findWatchlistEntryByRef('un', 'QDi.001'), stored);
        assert.equal(await store.findWatchlistEntryByRef('local', 'QDi.001'), null);
        assert.deepEqual(await store.listWatchlistEntries({}, { offset: 0, limit: 10 }), [stored]);
        assert.equal(await store.getWatchlistEntry('w-unknown'), null);
      });

      it('putting an entry with the same id replaces it', async () => {
        await store.putWatchlistEntry(entry('w-1', { ref: 'case-1' }));
        const changed = entry('w-1', { ref: 'case-2', aliases: [], updatedAt: '2024-06-01T00:00:00.000Z' });
        await store.putWatchlistEntry(changed);
        assert.deepEqual(await store.getWatchlistEntry('w-1'), { ...changed, status: 'active', version: 2 });
        assert.equal(await store.findWatchlistEntryByRef('local', 'case-1'), null);
        assert.deepEqual(await store.findWatchlistEntryByRef('local', 'case-2'), { ...changed, status: 'active', version: 2 });
        assert.equal((await store.summary()).watchlistEntries, 1);
      });

      it('keeps every version of an entry with who changed it, when, and how', async () => {
        await store.putWatchlistEntry(entry('w-1', { ref: 'case-1' }), { actor: 'cli:ana', at: '2024-05-01T10:00:00.000Z', note: 'added by hand' });
        await store.putWatchlistEntry(entry('w-1', { ref: 'case-1', notes: 'seen in Raqqa' }), { actor: 'api', at: '2024-05-02T10:00:00.000Z' });
        await store.putWatchlistEntry({ ...entry('w-1', { ref: 'case-1' }), status: 'removed' }, { actor: 'cli:ben', at: '2024-05-03T10:00:00.000Z', note: 'delisted' });
        await store.putWatchlistEntry(entry('w-1', { ref: 'case-1' }), { actor: 'cli:ana', at: '2024-05-04T10:00:00.000Z' });
        const history = await store.watchlistHistory('w-1');
        assert.deepEqual(
          history.map((v) => [v.version, v.actor, v.change, v.note]),
          [
            [1, 'cli:ana', 'added', 'added by hand'],
            [2, 'api', 'updated', null],
            [3, 'cli:ben', 'removed', 'delisted'],
            [4, 'cli:ana', 'restored', null],
          ],
        );
        assert.equal(history[1]!.entry.notes, 'seen in Raqqa');
        assert.deepEqual(await store.watchlistHistory('w-unknown'), []);
      });

      it('lists and counts only active entries when asked, and removed ones stay readable', async () => {
        await store.putWatchlistEntry(entry('w-1', { ref: 'a' }));
        await store.putWatchlistEntry({ ...entry('w-2', { ref: 'b' }), status: 'removed' });
        assert.deepEqual((await store.listWatchlistEntries({ status: 'active' }, { offset: 0, limit: 10 })).map((e) => e.id), ['w-1']);
        assert.deepEqual((await store.listWatchlistEntries({ status: 'removed' }, { offset: 0, limit: 10 })).map((e) => e.id), ['w-2']);
        assert.equal((await store.listWatchlistEntries({}, { offset: 0, limit: 10 })).length, 2);
        assert.equal((await store.getWatchlistEntry('w-2'))!.status, 'removed');
        assert.equal((await store.summary()).watchlistEntries, 1);
      });

      it('keeps screening decisions in order, per traveller, and refuses one about an unknown entry', async () => {
        await store.putWatchlistEntry(entry('w-1', { ref: 'a' }));
        const base = { travellerKey: 't_aaaaaaaaaaaaaaaaaaaa', entryId: 'w-1', entryVersion: 1, actor: 'cli:ana', note: null };
        await store.recordScreeningDecision({ ...base, decision: 'false-match', at: '2026-01-01T00:00:00.000Z' });
        await store.recordScreeningDecision({ ...base, decision: 'true-match', at: '2026-01-02T00:00:00.000Z', note: 'confirmed' });
        await store.recordScreeningDecision({ ...base, travellerKey: 't_bbbbbbbbbbbbbbbbbbbb', decision: 'false-match', at: '2026-01-03T00:00:00.000Z' });
        assert.deepEqual((await store.screeningDecisions(base.travellerKey)).map((d) => [d.decision, d.note]), [['false-match', null], ['true-match', 'confirmed']]);
        await assert.rejects(store.recordScreeningDecision({ ...base, entryId: 'w-nope', decision: 'false-match', at: '2026-01-04T00:00:00.000Z' }), (e: unknown) => e instanceof VigilError && e.kind === 'not-found');
      });

      it('writes several entries all or nothing', async () => {
        await store.putWatchlistEntry(entry('w-owner', { ref: 'taken' }));
        const change = { actor: 'cli:ana', at: '2026-01-01T00:00:00.000Z' };
        await assert.rejects(
          store.putWatchlistEntries([
            { entry: entry('w-new', { ref: 'fresh' }), change },
            { entry: entry('w-clash', { ref: 'taken' }), change },
          ]),
          (e: unknown) => e instanceof VigilError && e.kind === 'conflict',
        );
        assert.equal(await store.getWatchlistEntry('w-new'), null, 'the first write of the failed batch is not kept');
        assert.deepEqual(await store.watchlistHistory('w-new'), []);
      });

      it('tells which entries changed since a watchlist version, as they are now', async () => {
        await store.putWatchlistEntry(entry('w-1', { ref: 'a' }));
        const before = await store.watchlistVersion();
        assert.deepEqual((await store.watchlistChangedSince(before)).entries, []);
        await store.putWatchlistEntry(entry('w-2', { ref: 'b' }));
        await store.putWatchlistEntry({ ...entry('w-1', { ref: 'a' }), status: 'removed' });
        await store.putWatchlistEntry(entry('w-2', { ref: 'b', notes: 'seen again' }));
        const changed = await store.watchlistChangedSince(before);
        assert.equal(changed.version, await store.watchlistVersion());
        assert.deepEqual(changed.entries.map((e) => [e.id, e.status, e.notes]), [['w-1', 'removed', 'courier network'], ['w-2', 'active', 'seen again']]);
        assert.equal((await store.watchlistChangedSince(0)).entries.length, 2);
      });

      it('finds entries by the entity their evidence links to', async () => {
        await store.saveIngestBatch(peopleBatch());
        const linked = entry('w-1', { evidence: [{ entityId: 'e-person', documentIds: ['p-1', 'p-2'], mentionCount: 3 }] });
        await store.putWatchlistEntry(linked);
        await store.putWatchlistEntry(entry('w-2'));
        assert.deepEqual(await store.findWatchlistEntriesByEntity('e-person'), [{ ...linked, status: 'active', version: 1 }]);
        assert.deepEqual(await store.findWatchlistEntriesByEntity('e-phone'), []);
        // Replacing the entry without the evidence removes the link.
        await store.putWatchlistEntry({ ...linked, evidence: [] });
        assert.deepEqual(await store.findWatchlistEntriesByEntity('e-person'), []);
      });

      it('lists entries filtered by list, in creation order, one page at a time', async () => {
        await store.putWatchlistEntry(entry('w-c', { list: 'un', createdAt: '2024-01-03T00:00:00.000Z' }));
        await store.putWatchlistEntry(entry('w-a', { list: 'local', createdAt: '2024-01-01T00:00:00.000Z' }));
        await store.putWatchlistEntry(entry('w-b', { list: 'un', createdAt: '2024-01-02T00:00:00.000Z' }));
        const ids = async (filter: { list?: string }, offset: number, limit: number) =>
          (await store.listWatchlistEntries(filter, { offset, limit })).map((e) => e.id);
        assert.deepEqual(await ids({}, 0, 10), ['w-a', 'w-b', 'w-c']);
        assert.deepEqual(await ids({ list: 'un' }, 0, 10), ['w-b', 'w-c']);
        assert.deepEqual(await ids({ list: 'un' }, 1, 1), ['w-c']);
        assert.deepEqual(await ids({ list: 'eu' }, 0, 10), []);
      });

      it('finds and counts entries by a piece of a name, an alias or a reference, in any case for Latin letters', async () => {
        await store.putWatchlistEntry(entry('w-1', { ref: 'QDi.299', name: 'Abu Khalid al-Tikriti', aliases: ['Abou Khaled el-Tikriti'] }));
        await store.putWatchlistEntry(entry('w-2', { name: 'Umm Sayyaf', aliases: ['نسرين أسعد إبراهيم'], weakAliases: ['Umm 100%'], createdAt: '2024-05-02T00:00:00.000Z' }));
        await store.putWatchlistEntry({ ...entry('w-3', { name: 'Azad Mirhan', aliases: [], createdAt: '2024-05-03T00:00:00.000Z' }), status: 'proposed' });
        const found = async (filter: { q?: string; status?: 'active' | 'proposed' | 'removed' }) => {
          const ids = (await store.listWatchlistEntries(filter, { offset: 0, limit: 10 })).map((e) => e.id);
          assert.equal(await store.countWatchlistEntries(filter), ids.length, `the count agrees with the list for ${JSON.stringify(filter)}`);
          return ids;
        };
        assert.deepEqual(await found({ q: 'TIKRITI' }), ['w-1'], 'the name, in another case');
        assert.deepEqual(await found({ q: 'khaled' }), ['w-1'], 'an alias');
        assert.deepEqual(await found({ q: 'qdi.2' }), ['w-1'], 'the reference');
        assert.deepEqual(await found({ q: 'أسعد' }), ['w-2'], 'an alias in Arabic script');
        assert.deepEqual(await found({ q: '100%' }), ['w-2'], "a weak alias, with LIKE's own characters taken literally");
        assert.deepEqual(await found({ q: '1%' }), [], 'a percent sign is not a wildcard');
        assert.deepEqual(await found({ q: 'a', status: 'proposed' }), ['w-3']);
        assert.deepEqual(await found({}), ['w-1', 'w-2', 'w-3']);
        assert.equal(await store.countWatchlistEntries({ status: 'active' }), 2);
      });

      it('records a proposed entry made active as approved, and does not count it as active before', async () => {
        await store.putWatchlistEntry({ ...entry('w-1'), status: 'proposed' }, { actor: 'user:leila', at: '2024-05-01T10:00:00.000Z', note: 'promoted' });
        assert.equal((await store.summary()).watchlistEntries, 0);
        await store.putWatchlistEntry(entry('w-1'), { actor: 'user:yusuf', at: '2024-05-02T10:00:00.000Z', note: 'two reports agree' });
        assert.deepEqual((await store.watchlistHistory('w-1')).map((v) => [v.version, v.actor, v.change, v.entry.status]), [
          [1, 'user:leila', 'added', 'proposed'],
          [2, 'user:yusuf', 'approved', 'active'],
        ]);
        assert.equal((await store.summary()).watchlistEntries, 1);
      });

      it('refuses a reference owned by another entry of the same list as a conflict, storing nothing', async () => {
        await store.putWatchlistEntry(entry('w-1', { list: 'un', ref: 'QDi.001' }));
        const version = await store.watchlistVersion();
        await assert.rejects(store.putWatchlistEntry(entry('w-2', { list: 'un', ref: 'QDi.001' })), isConflict);
        assert.equal(await store.getWatchlistEntry('w-2'), null);
        assert.equal((await store.findWatchlistEntryByRef('un', 'QDi.001'))?.id, 'w-1');
        assert.equal(await store.watchlistVersion(), version);
      });

      it('allows the same reference in another list, and any number of entries without one', async () => {
        await store.putWatchlistEntry(entry('w-1', { list: 'un', ref: 'QDi.001' }));
        await store.putWatchlistEntry(entry('w-2', { list: 'eu', ref: 'QDi.001' }));
        await store.putWatchlistEntry(entry('w-3', { list: 'un', ref: null }));
        await store.putWatchlistEntry(entry('w-4', { list: 'un', ref: null }));
        assert.equal((await store.findWatchlistEntryByRef('eu', 'QDi.001'))?.id, 'w-2');
        assert.equal((await store.summary()).watchlistEntries, 4);
      });

      it('watchlistVersion increases on every put', async () => {
        const seen = [await store.watchlistVersion()];
        await store.putWatchlistEntry(entry('w-1'));
        seen.push(await store.watchlistVersion());
        await store.putWatchlistEntry(entry('w-2'));
        seen.push(await store.watchlistVersion());
        await store.putWatchlistEntry(entry('w-1', { notes: 'replaced' }));
        seen.push(await store.watchlistVersion());
        for (let i = 1; i < seen.length; i++) assert.ok(seen[i]! > seen[i - 1]!, `version did not increase: ${seen.join(' → ')}`);
      });
    });

    describe('document registry', () => {
      it('adds entries, gives every field back in the order added, and moves the version on', async () => {
        const before = await store.documentRegistryVersion();
        const range = registryEntry('r-2', { country: 'D', type: 'id-card', number: 'L0100000', numberEnd: 'L0149999', status: 'lost', reported: null, source: null, notes: 'consignment' });
        const single = registryEntry('r-1');
        assert.deepEqual(await store.addDocumentRegistryEntries([range, single]), { added: 2, alreadyKnown: 0 });
        const all = await store.documentRegistrySince(0);
        assert.deepEqual(all.entries, [range, single]);
        assert.ok(all.version > before);
        assert.equal(await store.documentRegistryVersion(), all.version);
      });

      it('leaves an entry whose id is already stored as it is, counts it as known, and keeps the version', async () => {
        await store.addDocumentRegistryEntries([registryEntry('r-1')]);
        const version = await store.documentRegistryVersion();
        assert.deepEqual(await store.addDocumentRegistryEntries([registryEntry('r-1', { notes: 'changed' })]), { added: 0, alreadyKnown: 1 });
        assert.equal(await store.documentRegistryVersion(), version);
        assert.deepEqual((await store.documentRegistrySince(0)).entries, [registryEntry('r-1')]);
      });

      it('adds all of a batch or none: one bad entry leaves the registry as it was', async () => {
        await store.addDocumentRegistryEntries([registryEntry('r-1')]);
        const version = await store.documentRegistryVersion();
        const broken = registryEntry('r-3', { number: null as unknown as string });
        await assert.rejects(store.addDocumentRegistryEntries([registryEntry('r-2', { number: 'N0431888' }), broken]));
        assert.equal(await store.documentRegistryVersion(), version);
        assert.deepEqual((await store.documentRegistrySince(0)).entries.map((e) => e.id), ['r-1']);
      });

      it('gives only the entries added after a version, and the version to go on from', async () => {
        await store.addDocumentRegistryEntries([registryEntry('r-1'), registryEntry('r-2', { number: 'N0431888' })]);
        const first = await store.documentRegistrySince(0);
        await store.addDocumentRegistryEntries([registryEntry('r-3', { number: 'N0431889' })]);
        const next = await store.documentRegistrySince(first.version);
        assert.deepEqual(next.entries.map((e) => e.id), ['r-3']);
        assert.ok(next.version > first.version);
        assert.deepEqual(await store.documentRegistrySince(next.version), { version: next.version, entries: [] });
      });
    });

    describe('summary', () => {
      it('counts nothing in an empty store', async () => {
        assert.deepEqual(await store.summary(), {
          sources: 0,
          documents: 0,
          leafDocuments: 0,
          problems: { failed: 0, unsupported: 0, 'not-extracted': 0, 'needs-ocr': 0, warning: 0 },
          entitiesByType: {},
          mentions: 0,
          watchlistEntries: 0,
        });
      });

      it('counts sources, documents, leaves, problems, entities by type, mentions and watchlist entries', async () => {
        await store.saveIngestBatch(peopleBatch());
        const src = source(4);
        await store.saveIngestBatch({
          source: src,
          documents: [document('page', src, 'A. B.', { isLeaf: false }), document('page-1', src, 'A.', { parentId: 'page' })],
          newEntities: [],
          entityKeys: [],
          mentions: [],
        });
        await store.recordProblem({ path: '/haul/x.bin', sha256: sha(5), kind: 'unsupported', reason: 'unsupported format', at });
        await store.recordProblem({ path: '/haul/y.txt', sha256: null, kind: 'failed', reason: 'permission denied', at });
        await store.recordProblem({ path: '/haul/z.txt', sha256: null, kind: 'failed', reason: 'permission denied', at });
        await store.putWatchlistEntry(entry('w-1'));
        assert.deepEqual(await store.summary(), {
          sources: 2,
          documents: 4,
          leafDocuments: 3,
          problems: { failed: 2, unsupported: 1, 'not-extracted': 0, 'needs-ocr': 0, warning: 0 },
          entitiesByType: { PERSON: 1, PHONE: 1 },
          mentions: 4,
          watchlistEntries: 1,
        });
      });
    });
  });
}
