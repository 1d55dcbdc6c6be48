// The haul's views over HTTP, as the Raqqa case's analyst (leila: report.txt, other.txt) and the Mosul case's
// (nadia: mosul.txt) read them: the same routes, each seeing only their own case.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApiFixture, type ApiFixture } from './api.fixture.js';

type Entity = { id: string; name: string };
type Json = Record<string, unknown>;

describe('the haul views over HTTP', () => {
  let api: ApiFixture;
  let tikriti: Entity;
  let azad: Entity;
  let umm: Entity;
  const get = async (role: 'analyst' | 'other-analyst', path: string) => {
    const response = await api.call(role, path);
    return { status: response.status, body: (await response.json()) as Json };
  };
  before(async () => {
    api = await openApiFixture();
    const named = async (role: 'analyst' | 'other-analyst', name: string) =>
      ((await get(role, '/api/entities?limit=50')).body.results as Entity[]).find((e) => e.name === name)!;
    [tikriti, azad, umm] = [await named('analyst', 'Abu Khalid al-Tikriti'), await named('analyst', 'Azad Mirhan'), await named('other-analyst', 'Umm Sayyaf')];
  });
  after(() => api.close());

  it('lists every document of the case without q, with format, language, collections and facets', async () => {
    const { status, body } = await get('analyst', '/api/search?facets=1');
    assert.equal(status, 200);
    const results = body.results as Json[];
    assert.equal(body.total, 2);
    assert.deepEqual(results.map((r) => [r.title, r.mediaType, r.language, r.collections, r.highlights]), [
      ['Finance emir named', 'text/plain', 'en', ['raqqa-2017'], []],
      ['Convoys again', 'text/plain', 'en', ['raqqa-2017'], []],
    ]);
    const facets = body.facets as Record<string, Json[]>;
    assert.deepEqual(facets.entity!.map((e) => [e.name, e.count]), [['Abu Khalid al-Tikriti', 2], ['Al-Qaim', 1], ['Azad Mirhan', 1], ['Deir ez-Zor', 1], ['SDF', 1]]);
    assert.deepEqual(facets.collection, [{ value: 'raqqa-2017', count: 2 }]);
    assert.deepEqual(facets.type, [{ value: 'LOCATION', count: 2 }, { value: 'PERSON', count: 2 }, { value: 'ORG', count: 1 }]);
    assert.equal((await get('analyst', '/api/search')).body.facets, undefined, 'facets only when asked');
  });

  it('narrows results and facets with the filters, types named as people say them', async () => {
    const { body } = await get('analyst', `/api/search?facets=1&entity=${azad.id}`);
    assert.deepEqual([body.total, (body.results as Json[]).map((r) => r.title)], [1, ['Finance emir named']]);
    assert.deepEqual((body.facets as { place: Json[] }).place.map((p) => p.name), ['Deir ez-Zor']);
    assert.equal((await get('analyst', '/api/search?type=organisation')).body.total, 1);
    assert.equal((await get('analyst', '/api/search?type=organisation,place')).body.total, 2);
    assert.equal((await get('analyst', '/api/search?q=convoys&type=ORG')).body.total, 0);
    assert.equal((await get('analyst', '/api/search?from=2017')).body.total, 0, 'undated documents are out when a date is given');
    assert.equal((await get('analyst', '/api/search?collection=mosul-2016')).body.total, 0, 'another case stays out even when asked for');
  });

  it('refuses bad dates and unknown types, naming the parameter', async () => {
    const refused = async (path: string, parameter: string) => {
      const { status, body } = await get('analyst', path);
      assert.equal(status, 400, path);
      const message = (body.error as { message: string }).message;
      assert.ok(message.includes(`query parameter ${parameter}:`), message);
      return message;
    };
    assert.match(await refused('/api/search?from=2017-13', 'from'), /not a date on the calendar/);
    assert.match(await refused('/api/search?to=12/07/2017', 'to'), /YYYY-MM-DD, YYYY-MM or YYYY/);
    assert.match(await refused('/api/places?from=2017-08&to=2017-07', 'to'), /before from/);
    assert.match(await refused('/api/search?type=weapon', 'type'), /unknown entity type "weapon": use person, organisation, place/);
    await refused('/api/network?entities=', 'entities');
    await refused(`/api/network?entities=${tikriti.id}&types=ship`, 'types');
  });

  it("puts each case's places on the map, the other case's never", async () => {
    const raqqa = (await get('analyst', '/api/places')).body;
    assert.deepEqual([raqqa.documents, (raqqa.results as Json[]).map((p) => [p.name, p.country, p.documents, p.mentions])], [2, [['Al-Qaim', 'IRQ', 1, 1], ['Deir ez-Zor', 'SYR', 1, 1]]]);
    assert.ok((raqqa.results as Json[]).every((p) => typeof p.lat === 'number' && typeof p.lon === 'number'));
    const mosul = (await get('other-analyst', '/api/places')).body;
    assert.deepEqual([mosul.documents, (mosul.results as Json[]).map((p) => [p.name, p.documents, p.mentions])], [1, [['Mosul', 1, 2]]]);
    assert.deepEqual((await get('analyst', `/api/places?entity=${azad.id}`)).body.results, [(raqqa.results as Json[])[1]]);
  });

  it('finds entities by a piece of a name or alias, in the case only', async () => {
    const names = async (role: 'analyst' | 'other-analyst', q: string, more = '') => ((await get(role, `/api/entities?q=${encodeURIComponent(q)}${more}`)).body.results as Entity[]).map((e) => e.name);
    assert.deepEqual(await names('analyst', 'tikr'), ['Abu Khalid al-Tikriti']);
    assert.deepEqual(await names('analyst', 'KHALED'), ['Abu Khalid al-Tikriti'], 'by its alias, any case');
    assert.deepEqual(await names('other-analyst', 'khaled'), [], 'that spelling is only in the Raqqa case');
    assert.deepEqual(await names('other-analyst', 'mirhan'), []);
    assert.deepEqual(await names('analyst', 'i', '&type=place'), ['Al-Qaim', 'Deir ez-Zor']);
  });

  it("gives an entity's related entities and timeline from the reader's case", async () => {
    const related = async (role: 'analyst' | 'other-analyst') => ((await get(role, `/api/entities/${tikriti.id}/related`)).body.results as Json[]).map((r) => [r.name, r.documents, r.mentions]);
    assert.deepEqual(await related('analyst'), [['Al-Qaim', 1, 1], ['Azad Mirhan', 1, 1], ['Deir ez-Zor', 1, 1], ['SDF', 1, 1]]);
    assert.deepEqual(await related('other-analyst'), [['Mosul', 1, 2], ['Umm Sayyaf', 1, 1]]);
    assert.equal((await get('other-analyst', `/api/entities/${azad.id}/related`)).status, 404);
    assert.deepEqual((await get('analyst', `/api/entities/${tikriti.id}/timeline`)).body, { results: [], years: [], undated: { mentions: 2, documents: 2 } });
    assert.deepEqual((await get('other-analyst', `/api/entities/${tikriti.id}/timeline`)).body, { results: [], years: [], undated: { mentions: 1, documents: 1 } });
    assert.equal((await get('other-analyst', `/api/entities/${azad.id}/timeline`)).status, 404);
  });

  it("gives an entity's mentions in their sentences, with their documents' titles, from the reader's case only", async () => {
    type InContext = { text: string; start: number; end: number; context: string; contextStart: number; documentTitle: string };
    const { body } = await get('analyst', `/api/entities/${tikriti.id}/mentions?context=1&limit=1`);
    assert.equal(body.total, 2, 'both mentions counted');
    const [first] = body.results as InContext[];
    assert.equal((body.results as InContext[]).length, 1, 'only as many as asked for');
    assert.equal(first!.context.slice(first!.start - first!.contextStart, first!.end - first!.contextStart), first!.text, 'the offsets find the mention in its context');
    assert.match(first!.context, /paid fighters in Deir ez-Zor\.$|seen near Al-Qaim with the convoys\.$/);
    assert.ok(['Finance emir named', 'Convoys again'].includes(first!.documentTitle));
    const mosul = (await get('other-analyst', `/api/entities/${tikriti.id}/mentions?context=1`)).body;
    assert.deepEqual([mosul.total, (mosul.results as InContext[]).map((m) => m.documentTitle)], [1, ['Mosul cell']]);
  });

  it('gives a document with where its bytes were found, and no articles for a single one', async () => {
    const listed = (await get('analyst', '/api/search?q=convoys')).body.results as Json[];
    const { body } = await get('analyst', `/api/documents/${listed[0]!.id as string}`);
    assert.deepEqual((body.places as { path: string; container: unknown }[]).map((p) => [p.path.split('/').pop(), p.container]), [['other.txt', null]]);
    assert.deepEqual(body.articles, []);
  });

  it('builds the network and the path within the case; an entity of another case is not found', async () => {
    const { body } = await get('analyst', `/api/network?entities=${tikriti.id}&types=person,organisation`);
    assert.deepEqual((body.nodes as Json[]).map((n) => [n.name, n.seed, n.mentions, n.documents]), [['Abu Khalid al-Tikriti', true, 2, 2], ['Azad Mirhan', false, 1, 1], ['SDF', false, 1, 1]]);
    assert.deepEqual((body.edges as Json[]).map((e) => [e.weight, e.kind]), [[1, 'co-mention'], [1, 'co-mention'], [1, 'co-mention']]);
    const mosul = (await get('other-analyst', `/api/network?entities=${tikriti.id}`)).body;
    assert.deepEqual((mosul.nodes as Json[]).map((n) => n.name), ['Abu Khalid al-Tikriti', 'Mosul', 'Umm Sayyaf']);
    assert.equal((await get('other-analyst', `/api/network?entities=${tikriti.id},${azad.id}`)).status, 404);
    const path = (await get('analyst', `/api/network/path?from=${azad.id}&to=${tikriti.id}`)).body;
    assert.deepEqual([(path.path as Json[]).map((p) => p.name), path.edges], [['Azad Mirhan', 'Abu Khalid al-Tikriti'], [{ source: azad.id, target: tikriti.id, weight: 1, kind: 'co-mention' }]]);
    assert.equal((await get('analyst', `/api/network/path?from=${azad.id}&to=${umm.id}`)).status, 404, "Umm Sayyaf is in the Mosul case only");
    assert.equal((await get('other-analyst', `/api/network/path?from=${umm.id}&to=${azad.id}`)).status, 404);
  });
});
