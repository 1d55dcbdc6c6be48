// The workbench's checkpoint console (a manifest uploaded and screened with progress) and audit screen (the log
// searched by time, actor, action, target and text) through the API.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BatchResult } from '../screen/index.js';
import type { WatchlistEntry } from '../store/index.js';
import { openApiFixture, type ApiFixture } from './api.fixture.js';

interface AuditPage {
  results: { seq: number; at: string; actor: string; action: string; target: string | null; details: Record<string, unknown>; prev: string; hash: string }[];
  next: number | null;
}

describe('the checkpoint console and the audit screen over the API', () => {
  let api: ApiFixture;
  let wanted: WatchlistEntry;
  before(async () => {
    api = await openApiFixture();
    const added = await api.send('watchlist-manager', '/api/watchlist', { name: 'Hamid Qasim Zubaydi', dob: '1981', nationality: 'IRQ', list: 'agency' });
    wanted = (await added.json()) as WatchlistEntry;
  });
  after(() => api.close());

  const upload = (filename: string, body: string, type = 'text/plain') =>
    api.call('screener', `/api/screen/manifest?filename=${encodeURIComponent(filename)}`, { method: 'POST', headers: { 'content-type': type }, body });
  const linesOf = async (response: Response) => (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  /** The answer's chunks as they were sent: a streamed answer comes in several. */
  const chunksOf = async (response: Response) => {
    const reader = response.body!.getReader();
    const chunks: string[] = [];
    const decoder = new TextDecoder();
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(decoder.decode(read.value));
    return chunks;
  };

  describe('manifest upload', () => {
    const travellers = Array.from({ length: 250 }, (_, i) => `p${i},Traveller Number ${i},1990,SYR`);
    const manifest = ['id,name,dob,nationality', ...travellers.slice(0, 120), 'p-wanted,Hamid Qasim Zubaydi,1981,IRQ', 'p-bad,Too Many,1980,SYR,extra', ...travellers.slice(120)].join('\n') + '\n';

    it('streams progress lines, then every result and the problem rows', async () => {
      const response = await upload('flight-ba123.csv', manifest);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^application\/x-ndjson/);
      const chunks = await chunksOf(response);
      assert.ok(chunks.length > 1 && /^\{"type":"progress","done":0,/.test(chunks[0]!), 'the first progress line is sent on its own, before the screening');
      const lines = chunks.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      const progress = lines.filter((l) => l.type === 'progress') as { done: number; total: number }[];
      const last = lines.at(-1) as { type: string; results: BatchResult[]; problems: { line: number; reason: string }[]; tookMs: number };
      assert.equal(last.type, 'result');
      assert.equal(lines.indexOf(last), progress.length, 'the progress lines come first, the result last');
      assert.deepEqual(progress[0], { type: 'progress', done: 0, total: 251 });
      assert.deepEqual(progress.at(-1), { type: 'progress', done: 251, total: 251 });
      for (let i = 1; i < progress.length; i++) {
        assert.ok(progress[i]!.done > progress[i - 1]!.done && progress[i]!.done - progress[i - 1]!.done <= 100, `progress goes on by at most 100: ${JSON.stringify(progress)}`);
      }
      assert.ok(progress.length >= 4, 'a line at least every 100 travellers');
      assert.equal(last.results.length, 251);
      assert.deepEqual(last.results.find((r) => r.id === 'p-wanted')!.matches.map((m) => m.entry), [wanted.id]);
      assert.deepEqual(last.results.filter((r) => r.matches.length > 0).map((r) => r.id), ['p-wanted']);
      assert.deepEqual(last.problems.map((p) => p.line), [123]);
      assert.equal(typeof last.tookMs, 'number');
    });

    it('takes a manifest over 1 MiB, and refuses one over 16 MiB', async () => {
      // Cells are trimmed: the padding makes the body large without making the traveller odd.
      const padded = `id,name\np-1,${' '.repeat(1_200_000)}Hamid Qasim Zubaydi\n`;
      const lines = await linesOf(await upload('padded.csv', padded));
      assert.deepEqual((lines.at(-1) as { results: BatchResult[] }).results[0]!.matches.map((m) => m.entry), [wanted.id]);
      const huge = await upload('huge.csv', `id,name\np-1,${' '.repeat(17 * 1024 * 1024)}x\n`);
      assert.equal(huge.status, 413);
    });

    it('answers an unreadable manifest with a plain JSON error before any screening', async () => {
      const response = await upload('bad.csv', 'id,nom\np1,Someone\n', 'application/octet-stream');
      assert.equal(response.status, 400);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'screen.manifest-columns');
      assert.match(body.error.message, /bad\.csv.*"nom"/);
      assert.equal((await upload('empty.csv', '')).status, 400);
      assert.equal((await api.call('screener', '/api/screen/manifest', { method: 'POST', body: manifest })).status, 400, 'the file name is required');
    });

    it('reads a PAXLST manifest as `vigil screen --manifest` does', async () => {
      const paxlst = "UNA:+.? 'UNB+UNOA:4+AIRLINE+BORDER+250101:1200+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'NAD+FL+++ZUBAYDI:HAMID QASIM'DOC+P:110:111+N1234567'UNT+5+1'UNZ+1+1'";
      const lines = await linesOf(await upload('flight.edi', paxlst));
      const result = lines.at(-1) as { type: string; results: BatchResult[] };
      assert.equal(result.type, 'result');
      assert.equal(result.results.length, 1);
    });

    it('records each manifest in the audit log as screen.manifest, with what it flagged', async () => {
      const log = (await (await api.call('auditor', '/api/audit?action=screen.manifest&target=flight-ba123.csv')).json()) as AuditPage;
      assert.equal(log.results.length, 1);
      assert.equal(log.results[0]!.actor, 'user:omar');
      assert.deepEqual((log.results[0]!.details as { travellers: number; problems: number }).travellers, 251);
      assert.deepEqual((log.results[0]!.details as { problems: number }).problems, 1);
    });
  });

  describe('audit search', () => {
    let head: number;
    let edited: WatchlistEntry;
    const times: string[] = [];
    before(async () => {
      head = ((await (await api.call('auditor', '/api/audit/verify')).json()) as { head: { seq: number } }).head.seq;
      const step = async (act: () => Promise<Response>) => {
        times.push(api.clock.now().toISOString());
        const response = await act();
        assert.ok(response.status < 300, await response.clone().text());
        api.clock.advance(60_000);
        return response;
      };
      const added = await step(() => api.send('watchlist-manager', '/api/watchlist', { name: 'Nizar Qutaybah Sabri', list: 'agency' }));
      edited = (await added.json()) as WatchlistEntry;
      await step(() => api.send('watchlist-manager', `/api/watchlist/${edited.id}`, { name: 'Nizar Qutaybah Sabri', aliases: ['Abu Qutaybah'], note: 'alias' }, 'PUT'));
      await step(() => api.send('screener', '/api/screen', { name: 'Nizar Sabri' }));
      const people = (await (await api.call('analyst', '/api/entities?type=PERSON')).json()) as { results: { id: string; name: string }[] };
      await step(() => api.send('analyst', '/api/watchlist/promote', { entityId: people.results.find((p) => /Mirhan/.test(p.name))!.id }));
    });
    const search = async (query: string) => {
      const response = await api.call('auditor', `/api/audit?after=${head}&${query}`);
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as AuditPage;
    };
    const actions = async (query: string) => (await search(query)).results.map((r) => r.action);

    it('finds records by action prefix, actor, target and text in the details', async () => {
      assert.deepEqual(await actions('action=watchlist.'), ['watchlist.add', 'watchlist.update', 'watchlist.promote']);
      assert.deepEqual(await actions('action=watchlist.&actor=user:yusuf'), ['watchlist.add', 'watchlist.update']);
      assert.deepEqual(await actions(`target=${edited.id}`), ['watchlist.add', 'watchlist.update']);
      assert.deepEqual(await actions('q=sabri'), ['watchlist.add', 'watchlist.update', 'screen'], 'the name in any case');
      assert.deepEqual(await actions('actor=user:omar'), ['screen']);
      assert.deepEqual(await actions('actor=user:nobody'), []);
    });

    it('finds records from a time on and before another, and gives each its hash in the chain', async () => {
      const page = await search(`from=${times[1]}&to=${times[3]}`);
      assert.deepEqual(page.results.map((r) => r.action), ['watchlist.update', 'screen']);
      const all = (await search('limit=1000')).results;
      for (const [i, record] of all.entries()) {
        assert.match(record.hash, /^[0-9a-f]{64}$/);
        if (i > 0) assert.equal(record.prev, all[i - 1]!.hash);
      }
      assert.equal(((await (await api.call('auditor', '/api/audit/verify')).json()) as { problem: unknown }).problem, null);
      assert.equal((await api.call('auditor', '/api/audit?from=yesterday')).status, 400);
    });

    it('pages a filtered search with next', async () => {
      const first = await search('action=watchlist.&limit=2');
      assert.deepEqual(first.results.map((r) => r.action), ['watchlist.add', 'watchlist.update']);
      assert.equal(first.next, first.results[1]!.seq);
      const second = (await (await api.call('auditor', `/api/audit?after=${first.next}&action=watchlist.&limit=2`)).json()) as AuditPage;
      assert.deepEqual([second.results.map((r) => r.action), second.next], [['watchlist.promote'], null]);
    });
  });
});
