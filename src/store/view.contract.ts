// The contract of the haul's views, for every Store: filters, facets, places, name search, co-mentions, activity
// and timelines over the small haul of view.contract-fixtures.ts (its table says who is named where).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { all } from './store.contract-fixtures.js';
import type { Scope, TextQuery } from './records.js';
import type { Store } from './store.js';
import type { DocumentFilter } from './view-records.js';
import { saveViewHaul } from './view.contract-fixtures.js';

export function describeViewContract(name: string, open: () => Promise<Store> | Store): void {
  describe(`Store contract, views: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
      await saveViewHaul(store);
    });
    after(() => store.close());

    const ids = async (filter: DocumentFilter, scope: Scope = null, query: TextQuery | null = null) =>
      (await store.searchDocuments(query, { offset: 0, limit: 50 }, scope, filter)).hits.map((h) => h.id).sort();

    describe('search with filters', () => {
      it('lists every leaf document newest first without a query, undated last, with the start of its text', async () => {
        const { total, hits } = await store.searchDocuments(null, { offset: 0, limit: 50 }, null, {});
        assert.equal(total, 6);
        assert.deepEqual(hits.map((h) => h.id), ['r-2', 'r-1', 'r-3', 'm-2', 'm-1', 'r-4']);
        const r1 = hits[1]!;
        assert.deepEqual([r1.mediaType, r1.language, r1.collections, r1.highlights], ['text/plain', 'en', ['idlib', 'raqqa'], []]);
        assert.ok(r1.snippet.startsWith('Report r-1: the courier met Abu Khalid,'), r1.snippet);
        const paged = await store.searchDocuments(null, { offset: 4, limit: 10 }, null, {});
        assert.deepEqual([paged.total, paged.hits.map((h) => h.id)], [6, ['m-1', 'r-4']]);
      });

      it("names only the reader's collections on each hit", async () => {
        const { hits } = await store.searchDocuments(null, { offset: 0, limit: 50 }, ['raqqa', 'mosul'], {});
        assert.deepEqual(hits.map((h) => [h.id, h.collections]), [['r-2', ['raqqa']], ['r-1', ['raqqa']], ['r-3', ['raqqa']], ['m-2', ['mosul']], ['m-1', ['mosul']], ['r-4', ['raqqa']]]);
      });

      it('keeps documents mentioning every entity asked for, any place, any type', async () => {
        assert.deepEqual(await ids({ entities: ['e-azad', 'e-khalid'] }), ['r-1', 'r-4']);
        assert.deepEqual(await ids({ places: ['e-mosul'] }), ['m-1', 'm-2']);
        assert.deepEqual(await ids({ places: ['e-mosul', 'e-nowhere'] }), ['m-1', 'm-2', 'r-4']);
        assert.deepEqual(await ids({ types: ['PHONE'] }), ['r-2']);
        assert.deepEqual(await ids({ types: ['PHONE', 'ORG'] }), ['m-2', 'r-1', 'r-2', 'r-4']);
      });

      it('keeps documents dated in the range, counting a month or a year that overlaps it, and drops undated ones', async () => {
        assert.deepEqual(await ids({ from: '2017-07' }), ['r-1', 'r-2', 'r-3']);
        assert.deepEqual(await ids({ from: '2017-07-13' }), ['r-2', 'r-3']);
        assert.deepEqual(await ids({ from: '2017-08', to: '2017-08' }), ['r-2', 'r-3']);
        assert.deepEqual(await ids({ to: '2016-05' }), ['m-1']);
        assert.deepEqual(await ids({ from: '2016-05-03' }), ['m-2', 'r-1', 'r-2', 'r-3']);
        assert.deepEqual(await ids({ from: '2018' }), []);
      });

      it('filters by collection, language and format, never past the scope', async () => {
        assert.deepEqual(await ids({ collections: ['mosul'] }), ['m-1', 'm-2']);
        assert.deepEqual(await ids({ collections: ['idlib'] }), ['r-1', 'r-2', 'r-3', 'r-4']);
        assert.deepEqual(await ids({ collections: ['mosul'] }, ['raqqa']), []);
        assert.deepEqual(await ids({ languages: ['ar'] }), ['r-2']);
        assert.deepEqual(await ids({ formats: ['application/pdf'] }), ['m-1', 'm-2']);
      });

      it('combines filters (AND) and the full-text query', async () => {
        assert.deepEqual(await ids({ entities: ['e-khalid'], types: ['ORG'], from: '2017' }), ['r-1']);
        assert.deepEqual(await ids({ entities: ['e-khalid'] }, null, all('raqqa')), ['r-1', 'r-2']);
        const { total, hits } = await store.searchDocuments(all('raqqa'), { offset: 0, limit: 1 }, ['raqqa'], { languages: ['en'] });
        assert.deepEqual([total, hits.length, hits[0]!.highlights.length > 0], [2, 1, true]);
      });
    });

    describe('facets', () => {
      it('count the documents of every match by type, entity, place, month, collection, language and format', async () => {
        const facets = await store.documentFacets(null, {}, null, 15);
        assert.deepEqual(facets.type, [{ value: 'LOCATION', count: 6 }, { value: 'PERSON', count: 6 }, { value: 'ORG', count: 3 }, { value: 'DATE', count: 1 }, { value: 'PHONE', count: 1 }]);
        assert.deepEqual(facets.entity.slice(0, 6).map((e) => [e.id, e.name, e.type, e.count]), [
          ['e-khalid', 'Abu Khalid', 'PERSON', 4], ['e-azad', 'Azad Mirhan', 'PERSON', 3], ['e-raqqa', 'Raqqa', 'LOCATION', 3],
          ['e-isis', 'Islamic State', 'ORG', 2], ['e-mosul', 'Mosul', 'LOCATION', 2], ['e-umm', 'Umm Sayyaf', 'PERSON', 2],
        ]);
        assert.deepEqual(facets.entity.map((e) => e.id).sort(), ['e-azad', 'e-isis', 'e-khalid', 'e-khalifa', 'e-mosul', 'e-nowhere', 'e-phone', 'e-raqqa', 'e-umm'], 'no dates');
        assert.deepEqual(facets.place, [{ id: 'e-raqqa', name: 'Raqqa', count: 3 }, { id: 'e-mosul', name: 'Mosul', count: 2 }, { id: 'e-nowhere', name: 'Nowhere', count: 1 }]);
        assert.deepEqual(facets.date, [{ value: '2016-05', count: 1 }, { value: '2016-06', count: 1 }, { value: '2017-07', count: 1 }, { value: '2017-08', count: 1 }]);
        assert.deepEqual(facets.collection, [{ value: 'idlib', count: 4 }, { value: 'raqqa', count: 4 }, { value: 'mosul', count: 2 }]);
        assert.deepEqual(facets.language, [{ value: 'en', count: 5 }, { value: 'ar', count: 1 }]);
        assert.deepEqual(facets.format, [{ value: 'text/plain', count: 4 }, { value: 'application/pdf', count: 2 }]);
        assert.equal((await store.documentFacets(null, {}, null, 2)).entity.length, 2);
      });

      it('narrow with the filter', async () => {
        const facets = await store.documentFacets(null, { entities: ['e-azad'] }, null, 15);
        assert.deepEqual(facets.type, [{ value: 'LOCATION', count: 3 }, { value: 'PERSON', count: 3 }, { value: 'ORG', count: 2 }, { value: 'DATE', count: 1 }]);
        assert.deepEqual(facets.entity.slice(0, 3).map((e) => [e.id, e.count]), [['e-azad', 3], ['e-khalid', 2], ['e-raqqa', 2]]);
        assert.deepEqual(facets.date, [{ value: '2017-07', count: 1 }]);
        assert.deepEqual(facets.language, [{ value: 'en', count: 3 }]);
        const dated = await store.documentFacets(all('raqqa'), { from: '2017-08' }, null, 15);
        assert.deepEqual(dated.entity.map((e) => [e.id, e.count]).sort(), [['e-azad', 1], ['e-khalid', 1], ['e-phone', 1], ['e-raqqa', 2]]);
      });

      it("count within the scope only, and name only the scope's collections", async () => {
        const facets = await store.documentFacets(null, {}, ['raqqa'], 15);
        assert.deepEqual(facets.collection, [{ value: 'raqqa', count: 4 }]);
        assert.deepEqual(facets.format, [{ value: 'text/plain', count: 4 }]);
        assert.equal(facets.entity.find((e) => e.id === 'e-khalid')?.count, 3);
        assert.equal(facets.entity.some((e) => e.id === 'e-umm'), false);
        assert.deepEqual((await store.documentFacets(null, {}, [], 15)).type, []);
      });
    });

    it('gives the places with coordinates the matching documents mention, most documents first', async () => {
      const whole = await store.placesInDocuments(null, {}, null);
      assert.deepEqual(whole, {
        documents: 6,
        places: [
          { id: 'e-raqqa', name: 'Raqqa', country: 'SYR', lat: 35.95, lon: 39.01, documents: 3, mentions: 3 },
          { id: 'e-mosul', name: 'Mosul', country: 'IRQ', lat: 36.34, lon: 43.13, documents: 2, mentions: 2 },
        ],
      });
      assert.deepEqual((await store.placesInDocuments(null, {}, ['raqqa'])).places.map((p) => p.id), ['e-raqqa']);
      const umm = await store.placesInDocuments(null, { entities: ['e-umm'] }, null);
      assert.deepEqual([umm.documents, umm.places.map((p) => [p.id, p.documents])], [2, [['e-mosul', 2]]]);
      assert.deepEqual((await store.placesInDocuments(all('raqqa'), {}, null)).documents, 3);
    });

    describe('entities by name', () => {
      const found = async (text: string, scope: Scope = null, types?: ('PERSON' | 'ORG')[]) =>
        (await store.findEntitiesByName(text, types ? { types } : {}, { offset: 0, limit: 10 }, scope)).map((e) => e.id);

      it('finds a piece of any spelling, names that start with it first', async () => {
        assert.deepEqual(await found('khal'), ['e-khalifa', 'e-khalid']);
        assert.deepEqual(await found('KHAL', null, ['ORG']), ['e-khalifa']);
        assert.deepEqual(await found('ifa gr'), ['e-khalifa']);
        assert.deepEqual(await found('nobody'), []);
      });

      it('ignores case and accents on both sides', async () => {
        assert.deepEqual(await found('MÎRHAN'), ['e-azad']);
        assert.deepEqual(await found('mirhan'), ['e-azad']);
      });

      it("matches spellings seen in the reader's collections only, and names the entity as seen there", async () => {
        assert.deepEqual(await found('khaled', ['raqqa']), []);
        assert.deepEqual(await found('umm', ['raqqa']), []);
        const [mosul] = await store.findEntitiesByName('khaled', {}, { offset: 0, limit: 10 }, ['mosul']);
        assert.deepEqual([mosul?.id, mosul?.name, mosul?.aliases, mosul?.mentions], ['e-khalid', 'Abou Khaled', [], 1]);
      });
    });

    describe('co-mentions', () => {
      it('gives every entity named with a seed, with shared documents and its mentions in them', async () => {
        const links = await store.coMentions(['e-khalid'], {}, null);
        assert.deepEqual(links.map((l) => [l.to, l.type, l.documents, l.mentions]), [
          ['e-azad', 'PERSON', 2, 2], ['e-raqqa', 'LOCATION', 2, 2], ['e-date', 'DATE', 1, 1], ['e-isis', 'ORG', 1, 1], ['e-khalifa', 'ORG', 1, 1],
          ['e-mosul', 'LOCATION', 1, 1], ['e-nowhere', 'LOCATION', 1, 1], ['e-phone', 'PHONE', 1, 1], ['e-umm', 'PERSON', 1, 1],
        ]);
        assert.ok(links.every((l) => l.from === 'e-khalid'));
        const azad = await store.coMentions(['e-azad'], { among: ['e-khalid'] }, null);
        assert.deepEqual(azad, [{ from: 'e-azad', to: 'e-khalid', type: 'PERSON', documents: 2, mentions: 3 }], 'Khalid is named twice in r-1');
      });

      it('narrows by type, by the other end, by date and by scope', async () => {
        const to = async (filter: Parameters<Store['coMentions']>[1], scope: Scope = null) => (await store.coMentions(['e-khalid'], filter, scope)).map((l) => `${l.to}:${l.documents}`);
        assert.deepEqual(await to({ types: ['PERSON'] }), ['e-azad:2', 'e-umm:1']);
        assert.deepEqual(await to({ among: ['e-umm', 'e-raqqa'] }), ['e-raqqa:2', 'e-umm:1']);
        assert.deepEqual(await to({ from: '2017-08' }), ['e-phone:1', 'e-raqqa:1']);
        assert.deepEqual(await to({ types: ['PERSON', 'ORG', 'LOCATION'] }, ['raqqa']), ['e-azad:2', 'e-raqqa:2', 'e-isis:1', 'e-khalifa:1', 'e-nowhere:1']);
        assert.deepEqual(await to({}, []), []);
        const both = await store.coMentions(['e-khalid', 'e-umm'], { among: ['e-khalid', 'e-umm'] }, null);
        assert.deepEqual(both.map((l) => [l.from, l.to, l.documents]), [['e-khalid', 'e-umm', 1], ['e-umm', 'e-khalid', 1]]);
      });
    });

    it("counts entities' mentions in the scope and date range, leaving out those not seen", async () => {
      assert.deepEqual(await store.entityActivity(['e-umm', 'e-khalid', 'e-nobody'], {}, null), [
        { id: 'e-khalid', name: 'Abu Khalid', type: 'PERSON', mentions: 5, documents: 4 },
        { id: 'e-umm', name: 'Umm Sayyaf', type: 'PERSON', mentions: 2, documents: 2 },
      ]);
      assert.deepEqual(await store.entityActivity(['e-khalid', 'e-umm'], { from: '2017' }, ['raqqa']), [{ id: 'e-khalid', name: 'Abu Khalid', type: 'PERSON', mentions: 3, documents: 2 }]);
      assert.deepEqual((await store.entityActivity(['e-khalid'], { to: '2010' }, null)).map((a) => [a.mentions, a.documents]), [[0, 0]]);
    });

    it("gives an entity's mentions by month, years and undated apart, within the scope", async () => {
      assert.deepEqual(await store.entityTimeline('e-khalid', null), {
        periods: [{ period: '2016-05', mentions: 1, documents: 1 }, { period: '2017-07', mentions: 2, documents: 1 }, { period: '2017-08', mentions: 1, documents: 1 }],
        years: [],
        undated: { mentions: 1, documents: 1 },
      });
      assert.deepEqual(await store.entityTimeline('e-azad', null), {
        periods: [{ period: '2017-07', mentions: 1, documents: 1 }],
        years: [{ period: '2017', mentions: 1, documents: 1 }],
        undated: { mentions: 1, documents: 1 },
      });
      assert.deepEqual(await store.entityTimeline('e-khalid', ['mosul']), { periods: [{ period: '2016-05', mentions: 1, documents: 1 }], years: [], undated: { mentions: 0, documents: 0 } });
    });
  });
}
