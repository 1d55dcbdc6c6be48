import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApiFixture, type ApiFixture } from './api.fixture.js';

describe('HTTP API', () => {
  let api: ApiFixture;

  before(async () => {
    api = await openApiFixture();
  });
  after(() => api.close());

  it('reports health to anyone, and store counts only to those who may read the haul', async () => {
    const response = await api.call(null, '/api/health');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok', version: 'test' });
    const summary = (await (await api.call('analyst', '/api/summary')).json()) as { documents: number };
    assert.equal(summary.documents, 2);
    assert.equal((await api.call('screener', '/api/summary')).status, 403);
    assert.deepEqual(await (await api.call('admin', '/api/ingest/queue')).json(), { queue: null }, 'the embedded store has no shared queue');
  });

  it('searches with snippets, highlights and a total', async () => {
    const response = await api.call('analyst', '/api/search?q=' + encodeURIComponent('"Deir ez-Zor"'));
    assert.equal(response.status, 200);
    const body = (await response.json()) as { total: number; results: { title: string; snippet: string; highlights: [number, number][] }[] };
    assert.equal(body.total, 1);
    assert.equal(body.results[0]!.title, 'Finance emir named');
    const [start, end] = body.results[0]!.highlights[0]!;
    assert.match(body.results[0]!.snippet.slice(start, end), /Deir/);
  });

  it('pages search results with a cursor and refuses a cursor from another query', async () => {
    const first = (await (await api.call('analyst', '/api/search?q=Tikriti&limit=1')).json()) as { total: number; nextCursor: string; results: { id: string }[] };
    assert.equal(first.total, 2);
    assert.equal(first.results.length, 1);
    const second = (await (await api.call('analyst', `/api/search?q=Tikriti&limit=1&cursor=${first.nextCursor}`)).json()) as { nextCursor: string | null; results: { id: string }[] };
    assert.notEqual(second.results[0]!.id, first.results[0]!.id);
    assert.equal(second.nextCursor, null);
    const foreign = await api.call('analyst', `/api/search?q=convoys&cursor=${first.nextCursor}`);
    assert.equal(foreign.status, 400);
  });

  it('answers a missing query parameter with a 400 naming it', async () => {
    const response = await api.call('analyst', '/api/network/path?to=e_1');
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'api.invalid-query');
    assert.match(body.error.message, /query parameter from\b/);
  });

  it('lists entities by type with aliases', async () => {
    const response = await api.call('analyst', '/api/entities?type=PERSON');
    const body = (await response.json()) as { results: { name: string; aliases: string[]; documents: string[] }[] };
    const tikriti = body.results.find((e) => /Tikriti/.test(e.name));
    assert.ok(tikriti, 'the Tikriti person entity is listed');
    assert.deepEqual([tikriti.name, ...tikriti.aliases].sort(), ['Abou Khaled el-Tikriti', 'Abu Khalid al-Tikriti']);
    assert.equal(tikriti.documents.length, 2);
    assert.equal((await api.call('analyst', '/api/entities?type=WEAPON')).status, 400);
  });

  it('adds a watchlist entry and screens a traveller against it', async () => {
    const created = await api.send('watchlist-manager', '/api/watchlist', { name: 'Rezan Haji Osman', dob: '1984-09-30', nationality: ['irq'] });
    assert.equal(created.status, 201);
    const entry = (await created.json()) as { id: string; nationalities: string[] };
    assert.deepEqual(entry.nationalities, ['IRQ']);
    const listed = (await (await api.call('watchlist-manager', '/api/watchlist')).json()) as { results: { id: string }[] };
    assert.ok(listed.results.some((e) => e.id === entry.id));
    const screened = await api.send('screener', '/api/screen', { name: 'Rêzan Hacî Osman', dob: '1984-09-30' });
    assert.equal(screened.status, 200);
    const result = (await screened.json()) as { candidates: { entryId: string; score: number; reason: string }[] };
    assert.equal(result.candidates[0]!.entryId, entry.id);
    assert.ok(result.candidates[0]!.score >= 0.9);
    assert.match(result.candidates[0]!.reason, /birth date 1984-09-30 matches/);
  });

  it('screens a batch of travellers, reporting a bad one in its place', async () => {
    await api.send('watchlist-manager', '/api/watchlist', { name: 'Abu Ayyub al-Furati', ref: 'BATCH-1' });
    const response = await api.send('screener', '/api/screen/batch', {
      travellers: [
        { id: 'a', name: 'Abou Ayoub el-Forati' },
        { id: 'b', name: 'Jane Smith' },
        { id: 'c', name: '' },
      ],
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { results: { id: string; matches: { sourceId: string; verdict: string }[]; error?: string }[] };
    assert.deepEqual(body.results.map((r) => r.id), ['a', 'b', 'c']);
    assert.equal(body.results[0]!.matches[0]!.sourceId, 'BATCH-1');
    assert.deepEqual(body.results[1]!.matches, []);
    assert.match(body.results[2]!.error!, /name/);
    assert.equal((await api.send('screener', '/api/screen/batch', { travellers: [] })).status, 400);
  });

  it('records a false-match decision and stops raising that hit for the traveller', async () => {
    await api.send('watchlist-manager', '/api/watchlist', { name: 'Qais Hamad al-Tikriti', ref: 'DECIDE-1' });
    const first = (await (await api.send('screener', '/api/screen', { name: 'Kais Hammad Tikriti' })).json()) as { travellerKey: string; candidates: { entryId: string; entryVersion: number }[] };
    const hit = first.candidates[0]!;
    const decided = await api.send('screener', '/api/screen/decisions', { travellerKey: first.travellerKey, entryId: hit.entryId, decision: 'false-match' });
    assert.equal(decided.status, 201);
    assert.equal(((await decided.json()) as { actor: string; entryVersion: number }).actor, 'user:omar');
    const again = (await (await api.send('screener', '/api/screen', { name: 'Kais Hammad Tikriti' })).json()) as { candidates: { entryId: string }[]; suppressed: { entryId: string }[] };
    assert.ok(!again.candidates.some((c) => c.entryId === hit.entryId));
    assert.deepEqual(again.suppressed.map((s) => s.entryId), [hit.entryId]);
    const listed = (await (await api.call('screener', `/api/screen/decisions?travellerKey=${first.travellerKey}`)).json()) as { results: unknown[] };
    assert.equal(listed.results.length, 1);
    assert.equal((await api.send('screener', '/api/screen/decisions', { travellerKey: first.travellerKey, entryId: hit.entryId, decision: 'perhaps' })).status, 400);
  });

  it('sets a list\'s thresholds and refuses a review threshold above the match one', async () => {
    const put = (list: string, body: unknown) => api.send('watchlist-manager', `/api/watchlist/thresholds/${list}`, body, 'PUT');
    const set = await put('local', { match: 0.95, review: 0.8 });
    assert.equal(set.status, 200);
    const all = (await (await api.call('watchlist-manager', '/api/watchlist/thresholds')).json()) as { lists: { list: string; match: number; actor: string }[] };
    assert.deepEqual(all.lists.map((t) => [t.list, t.match, t.actor]), [['local', 0.95, 'user:yusuf']]);
    assert.equal((await put('local', { match: 0.7, review: 0.8 })).status, 400);
    assert.equal((await put('local', { match: 2, review: 0.8 })).status, 400);
  });

  it('screens a traveller from an MRZ alone and gives the document verdict', async () => {
    const mrz = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
    const response = await api.send('screener', '/api/screen', { mrz });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { document: { number: string; status: string; mrz: { format: string; valid: boolean }; expired: boolean } };
    assert.deepEqual([body.document.number, body.document.mrz.format, body.document.mrz.valid, body.document.expired, body.document.status], ['L898902C3', 'TD3', true, true, 'alert']);
    const unreadable = await api.send('screener', '/api/screen', { mrz: 'not an mrz' });
    assert.equal(unreadable.status, 400);
    assert.match(((await unreadable.json()) as { error: { message: string } }).error.message, /mrz/);
  });

  it('rejects invalid bodies with clear 400s', async () => {
    const missingName = await api.send('screener', '/api/screen', { dob: '1980-01-01' });
    assert.equal(missingName.status, 400);
    assert.match(((await missingName.json()) as { error: { message: string } }).error.message, /name/);
    const badDate = await api.send('watchlist-manager', '/api/watchlist', { name: 'X Y', dob: '31/02/1990' });
    assert.equal(badDate.status, 400);
    assert.match(((await badDate.json()) as { error: { message: string } }).error.message, /31\/02\/1990/);
    const notJson = await api.call('screener', '/api/screen', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{name:' });
    assert.equal(notJson.status, 400);
    const wrongType = await api.call('screener', '/api/screen', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    assert.equal(wrongType.status, 400);
  });

  it('promotes a person through the API once', async () => {
    const people = (await (await api.call('analyst', '/api/entities?type=PERSON')).json()) as { results: { id: string; name: string }[] };
    const tikriti = people.results.find((e) => /Tikriti/.test(e.name))!;
    const first = await api.send('analyst', '/api/watchlist/promote', { entityId: tikriti.id });
    assert.equal(first.status, 201);
    const again = await api.send('analyst', '/api/watchlist/promote', { entityId: tikriti.id });
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as { created: boolean }).created, false);
    assert.equal((await api.send('analyst', '/api/watchlist/promote', { entityId: 'e_nope' })).status, 404);
  });

  it('merges and splits entities, lists the decisions, and refuses bad requests naming the field', async () => {
    const people = (await (await api.call('analyst', '/api/entities?type=PERSON')).json()) as { results: { id: string; name: string }[] };
    const mirhan = people.results.find((e) => /Mirhan/.test(e.name))!;
    const tikriti = people.results.find((e) => /Tikriti/.test(e.name))!;
    assert.ok(mirhan && tikriti);
    const badMerge = await api.send('analyst', '/api/entities/merge', { target: tikriti.id, others: [] });
    assert.equal(badMerge.status, 400);
    assert.match(((await badMerge.json()) as { error: { message: string } }).error.message, /others/);
    assert.equal((await api.send('analyst', '/api/entities/merge', { target: tikriti.id, others: ['e_nope'] })).status, 404);
    const merged = await api.send('analyst', '/api/entities/merge', { target: tikriti.id, others: [mirhan.id], note: 'test' });
    assert.equal(merged.status, 200);
    assert.equal(((await (await api.call('analyst', `/api/entities/${mirhan.id}`)).json()) as { mergedInto: string }).mergedInto, tikriti.id);
    const mentions = ((await (await api.call('analyst', `/api/entities/${tikriti.id}/mentions`)).json()) as { results: { text: string; documentId: string }[] }).results;
    assert.ok(mentions.some((m) => /Mirhan/.test(m.text)));
    assert.equal((await api.send('analyst', `/api/entities/${tikriti.id}/split`, {})).status, 400);
    const split = await api.send('analyst', `/api/entities/${tikriti.id}/split`, { names: [mentions.find((m) => /Mirhan/.test(m.text))!.text] });
    assert.equal(split.status, 201);
    const newEntity = ((await split.json()) as { newEntity: { id: string; name: string } }).newEntity;
    assert.match(newEntity.name, /Mirhan/);
    const decisions = ((await (await api.call('analyst', '/api/entities/decisions')).json()) as { results: { kind: string; actor: string }[] }).results;
    assert.deepEqual(decisions.map((d) => [d.kind, d.actor]), [['merge', 'user:leila'], ['split', 'user:leila']]);
    const inDocument = ((await (await api.call('analyst', `/api/documents/${mentions[0]!.documentId}/mentions`)).json()) as { results: { start: number }[] }).results;
    assert.ok(inDocument.length >= 2);
    assert.deepEqual(inDocument.map((m) => m.start), [...inDocument.map((m) => m.start)].sort((a, b) => a - b));
  });

  it('serves the web page and answers unknown endpoints with JSON 404', async () => {
    const page = await api.call(null, '/');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>Vigil<\/title>/);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    const missing = await api.call(null, '/api/nothing');
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'api.not-found');
  });
});
