// Users read the haul of their own collections only, counts and names included: nothing of another case shows
// through a search total, an entity's spellings, mentions or documents, or the store summary.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApiFixture, type ApiFixture } from './api.fixture.js';

type Entity = { id: string; name: string; aliases: string[]; mentions: number; documents: string[] };

describe('collections', () => {
  let api: ApiFixture;
  let tikriti: { raqqa: Entity; mosul: Entity };
  let mosulDocument: string;
  before(async () => {
    api = await openApiFixture();
    const find = async (who: 'analyst' | 'other-analyst') => {
      const people = (await (await api.call(who, '/api/entities?type=PERSON')).json()) as { results: Entity[] };
      return people.results.find((e) => /Tikriti/.test(e.name))!;
    };
    tikriti = { raqqa: await find('analyst'), mosul: await find('other-analyst') };
    const documents = (await (await api.call('other-analyst', '/api/documents')).json()) as { results: { id: string }[] };
    mosulDocument = documents.results[0]!.id;
  });
  after(() => api.close());

  it('searches only the documents of the reader\'s collections, totals included', async () => {
    const total = async (who: 'analyst' | 'other-analyst', q: string) => ((await (await api.call(who, `/api/search?q=${q}`)).json()) as { total: number }).total;
    assert.deepEqual([await total('analyst', 'Tikriti'), await total('other-analyst', 'Tikriti')], [2, 1]);
    assert.deepEqual([await total('analyst', 'Sayyaf'), await total('other-analyst', 'convoys')], [0, 0]);
  });

  it('shows one entity in two cases with only the names, mentions and documents each case holds', () => {
    assert.equal(tikriti.raqqa.id, tikriti.mosul.id, 'one person, resolved across cases');
    assert.deepEqual([tikriti.raqqa.name, ...tikriti.raqqa.aliases].sort(), ['Abou Khaled el-Tikriti', 'Abu Khalid al-Tikriti']);
    assert.deepEqual([tikriti.mosul.name, tikriti.mosul.aliases, tikriti.mosul.mentions, tikriti.mosul.documents], ['Abu Khalid al-Tikriti', [], 1, [mosulDocument]]);
    assert.equal(tikriti.raqqa.documents.length, 2);
    assert.ok(!tikriti.raqqa.documents.includes(mosulDocument));
  });

  it('answers "not found" for a document or entity of another case, as for one that does not exist', async () => {
    const fromOutside = await api.call('analyst', `/api/documents/${mosulDocument}`);
    const missing = await api.call('analyst', '/api/documents/d_nothing');
    assert.deepEqual([fromOutside.status, ((await fromOutside.json()) as { error: { code: string } }).error.code], [404, 'document.unknown']);
    assert.equal(missing.status, 404);
    assert.equal((await api.call('analyst', `/api/documents/${mosulDocument}/mentions`)).status, 404);
    const sayyaf = ((await (await api.call('other-analyst', '/api/entities?type=PERSON')).json()) as { results: Entity[] }).results.find((e) => /Sayyaf/.test(e.name))!;
    assert.equal((await api.call('analyst', `/api/entities/${sayyaf.id}`)).status, 404);
    assert.equal((await api.call('analyst', `/api/entities/${sayyaf.id}/mentions`)).status, 404);
    assert.equal((await api.send('analyst', '/api/watchlist/promote', { entityId: sayyaf.id })).status, 404, 'nor promote someone only another case names');
    const mentions = ((await (await api.call('other-analyst', `/api/entities/${tikriti.mosul.id}/mentions`)).json()) as { results: { documentId: string }[] }).results;
    assert.deepEqual(mentions.map((m) => m.documentId), [mosulDocument]);
  });

  it('counts only what the reader\'s collections hold', async () => {
    const summary = async (who: 'analyst' | 'other-analyst') => (await (await api.call(who, '/api/summary')).json()) as { documents: number; mentions: number; entitiesByType: { PERSON?: number } };
    const [raqqa, mosul] = [await summary('analyst'), await summary('other-analyst')];
    assert.deepEqual([raqqa.documents, mosul.documents], [2, 1]);
    assert.ok(mosul.mentions > 0 && mosul.mentions < raqqa.mentions + mosul.mentions);
    assert.equal(mosul.entitiesByType.PERSON, 2, 'al-Tikriti and Umm Sayyaf');
  });

  it('lets a user given every collection (*) read both cases', async () => {
    await api.vigil.access.addUser({ name: 'huda', role: 'analyst', collections: ['*'] }, 'cli:test');
    const { token } = await api.vigil.access.createToken('huda', {}, 'cli:test');
    const search = await api.app.request('/api/search?q=Tikriti', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(((await search.json()) as { total: number }).total, 3);
  });

  it('shows watchlist entries whole but their evidence only in the reader\'s documents, counts recounted', async () => {
    const promoted = (await (await api.send('analyst', '/api/watchlist/promote', { entityId: tikriti.raqqa.id })).json()) as { entry: { id: string } };
    // The Mosul analyst promotes the same person: the entry's evidence now spans both cases.
    await api.send('other-analyst', '/api/watchlist/promote', { entityId: tikriti.mosul.id });
    type Listed = { results: { id: string; evidence: { documentIds: string[]; mentionCount: number }[] }[] };
    const seenBy = async (who: 'analyst' | 'other-analyst') => ((await (await api.call(who, '/api/watchlist')).json()) as Listed).results.find((e) => e.id === promoted.entry.id)!;
    const [raqqa, mosul] = [await seenBy('analyst'), await seenBy('other-analyst')];
    assert.ok(raqqa.evidence.every((ev) => !ev.documentIds.includes(mosulDocument)), 'no Mosul document in Raqqa\'s view');
    assert.deepEqual(mosul.evidence.map((ev) => [ev.documentIds, ev.mentionCount]), [[[mosulDocument], 1]]);
    const history = ((await (await api.call('other-analyst', `/api/watchlist/${promoted.entry.id}/history`)).json()) as { results: { entry: { evidence: { documentIds: string[] }[] } }[] }).results;
    assert.ok(history.every((v) => v.entry.evidence.every((ev) => ev.documentIds.every((d) => d === mosulDocument))), 'nor in an older version');
  });

  it('downloads the original file as seized, and records the download', async () => {
    const response = await api.call('other-analyst', `/api/documents/${mosulDocument}/original`);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'Mosul cell\n\nAbu Khalid al-Tikriti met Umm Sayyaf in Mosul with the emir of the cell.\n');
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="mosul.txt"');
    assert.match(response.headers.get('x-content-sha256') ?? '', /^[0-9a-f]{64}$/);
    assert.equal((await api.call('analyst', `/api/documents/${mosulDocument}/original`)).status, 404);
    const log = ((await (await api.call('auditor', '/api/audit?limit=1000')).json()) as { results: { action: string; actor: string; target: string }[] }).results;
    assert.deepEqual(log.filter((r) => r.action === 'document.download').map((r) => [r.actor, r.target]), [['user:nadia', mosulDocument]]);
  });

  it('applies a change of collections or role from the user\'s next request, with the same token', async () => {
    const total = async () => ((await (await api.call('analyst', '/api/search?q=Tikriti')).json()) as { total: number }).total;
    assert.equal(await total(), 2);
    await api.vigil.access.changeUser('leila', { collections: ['mosul-2016'] }, 'cli:test');
    assert.equal(await total(), 1, 'the Mosul case only now');
    await api.vigil.access.changeUser('leila', { role: 'screener' }, 'cli:test');
    assert.equal((await api.call('analyst', '/api/search?q=Tikriti')).status, 403, 'a screener now');
    const log = ((await (await api.call('auditor', '/api/audit?limit=1000')).json()) as { results: { action: string; target: string; details: { to: { role: string } } }[] }).results;
    assert.deepEqual(log.filter((r) => r.action === 'users.change').map((r) => [r.target, r.details.to.role]), [['leila', 'analyst'], ['leila', 'screener']]);
  });
});
