// The workbench's watchlist screen through the API: proposals and their approval, edits and removals, and list
// imports previewed before they are applied. Outcomes are read back through the API and by screening.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { WatchlistEntry, WatchlistVersion } from '../store/index.js';
import { openApiFixture, type ApiFixture } from './api.fixture.js';

interface Screened {
  candidates: { entryId: string }[];
}

describe('the watchlist console over the API', () => {
  let api: ApiFixture;
  let people: { id: string; name: string }[];
  before(async () => {
    api = await openApiFixture();
    people = ((await (await api.call('analyst', '/api/entities?type=PERSON')).json()) as { results: { id: string; name: string }[] }).results;
  });
  after(() => api.close());

  const personNamed = (pattern: RegExp) => people.find((p) => pattern.test(p.name))!.id;
  const screensAs = async (name: string) => ((await (await api.send('screener', '/api/screen', { name })).json()) as Screened).candidates.map((c) => c.entryId);
  const history = async (id: string) => ((await (await api.call('watchlist-manager', `/api/watchlist/${id}/history`)).json()) as { results: WatchlistVersion[] }).results;
  const json = async <T>(response: Response, status = 200): Promise<T> => {
    const body = await response.text();
    assert.equal(response.status, status, body);
    return JSON.parse(body) as T;
  };

  describe('proposals', () => {
    it("screens an analyst's promotion only once a watchlist manager has approved it", async () => {
      const proposal = await json<{ entry: WatchlistEntry; created: boolean }>(await api.send('analyst', '/api/watchlist/promote', { entityId: personNamed(/Mirhan/) }), 201);
      assert.equal(proposal.entry.status, 'proposed');
      // The screening index is built here, with the proposal in the store: it must leave it out.
      assert.ok(!(await screensAs('Azad Mirhan')).includes(proposal.entry.id), 'a proposal is not screened against');

      const listed = await json<{ results: WatchlistEntry[]; total: number }>(await api.call('analyst', '/api/watchlist?status=proposed'));
      assert.deepEqual([listed.total, listed.results.map((e) => e.id)], [1, [proposal.entry.id]]);

      assert.equal((await api.send('analyst', `/api/watchlist/${proposal.entry.id}/approve`, {})).status, 403, 'an analyst may not approve');
      const approved = await json<WatchlistEntry>(await api.call('watchlist-manager', `/api/watchlist/${proposal.entry.id}/approve`, { method: 'POST' }));
      assert.deepEqual([approved.status, approved.version], ['active', proposal.entry.version! + 1]);
      // The index built above catches up with the change instead of being rebuilt.
      assert.ok((await screensAs('Azad Mirhan')).includes(proposal.entry.id), 'screened against once approved');
      assert.deepEqual((await history(approved.id)).map((v) => [v.change, v.actor]), [['added', 'user:leila'], ['approved', 'user:yusuf']]);
      assert.equal((await json<{ total: number }>(await api.call('analyst', '/api/watchlist?status=proposed'))).total, 0);
    });

    it('lists a promotion by a watchlist manager as active at once, and refuses to approve it again', async () => {
      const manager = await api.send('watchlist-manager', '/api/watchlist/promote', { entityId: personNamed(/Tikriti/), list: 'border' });
      const { entry } = await json<{ entry: WatchlistEntry }>(manager, 201);
      assert.equal(entry.status, 'active');
      const again = await json<{ error: { code: string } }>(await api.send('watchlist-manager', `/api/watchlist/${entry.id}/approve`, { note: 'again' }), 409);
      assert.equal(again.error.code, 'watchlist.not-proposed');
    });

    it('removes a rejected proposal with its reason, so that it is never screened', async () => {
      const { entry } = await json<{ entry: WatchlistEntry }>(await api.send('analyst', '/api/watchlist/promote', { entityId: personNamed(/Tikriti/), list: 'proposals' }), 201);
      assert.equal((await api.send('watchlist-manager', `/api/watchlist/${entry.id}/reject`, {})).status, 400, 'a reason is required');
      const rejected = await json<WatchlistEntry>(await api.send('watchlist-manager', `/api/watchlist/${entry.id}/reject`, { reason: 'namesake of the border entry' }));
      assert.equal(rejected.status, 'removed');
      assert.equal((await history(entry.id)).at(-1)!.note, 'rejected: namesake of the border entry');
      assert.ok(!(await screensAs('Abu Khalid al-Tikriti')).includes(entry.id));
      assert.equal((await api.send('watchlist-manager', '/api/watchlist/w_nobody/reject', { reason: 'x' })).status, 404);
    });
  });

  describe('edits and removals', () => {
    it('edits an entry as a new version with who and why, keeping its list, and screens the new names', async () => {
      const added = await json<WatchlistEntry>(await api.send('watchlist-manager', '/api/watchlist', { name: 'Hamid Qasim Zubaydi', ref: 'case-41', list: 'agency' }), 201);
      const input = { name: 'Hamid Qasim Zubaydi', ref: 'case-41', aliases: ['Abu Sayf al-Iraqi'], dob: '1981', note: 'alias from an intercept' };
      const edited = await json<WatchlistEntry>(await api.send('watchlist-manager', `/api/watchlist/${added.id}`, input, 'PUT'));
      assert.deepEqual([edited.id, edited.list, edited.version, edited.aliases, edited.birthDates], [added.id, 'agency', 2, ['Abu Sayf al-Iraqi'], ['1981']]);
      assert.deepEqual((await history(added.id)).at(-1)!, { version: 2, at: edited.updatedAt, actor: 'user:yusuf', change: 'updated', note: 'alias from an intercept', entry: edited });
      assert.ok((await screensAs('Abu Sayf al-Iraqi')).includes(added.id), 'the new alias is screened');
      assert.equal((await api.send('watchlist-manager', '/api/watchlist/w_nobody', { name: 'X' }, 'PUT')).status, 404);
      assert.equal((await api.send('watchlist-manager', `/api/watchlist/${added.id}`, { name: '' }, 'PUT')).status, 400);
    });

    it('removes an entry with a reason: no longer screened, kept with its history, and removed only once', async () => {
      const added = await json<WatchlistEntry>(await api.send('watchlist-manager', '/api/watchlist', { name: 'Salim Jabbar Hatem', list: 'agency' }), 201);
      assert.ok((await screensAs('Salim Jabbar Hatem')).includes(added.id));
      const removed = await json<WatchlistEntry>(await api.call('watchlist-manager', `/api/watchlist/${added.id}?reason=${encodeURIComponent('confirmed dead')}`, { method: 'DELETE' }));
      assert.equal(removed.status, 'removed');
      assert.ok(!(await screensAs('Salim Jabbar Hatem')).includes(added.id));
      assert.deepEqual((await history(added.id)).map((v) => [v.change, v.note]), [['added', 'added by hand'], ['removed', 'confirmed dead']]);
      assert.equal((await api.call('watchlist-manager', `/api/watchlist/${added.id}`, { method: 'DELETE' })).status, 409);
      assert.equal((await api.call('watchlist-manager', '/api/watchlist/w_nobody', { method: 'DELETE' })).status, 404);
    });

    it('pages the list and finds entries by a piece of a name, with the total', async () => {
      const all = await json<{ results: WatchlistEntry[]; total: number }>(await api.call('analyst', '/api/watchlist?limit=5000'));
      assert.equal(all.results.length, all.total);
      const page = await json<{ results: WatchlistEntry[]; total: number }>(await api.call('analyst', '/api/watchlist?limit=2&offset=1'));
      assert.deepEqual([page.total, page.results.map((e) => e.id)], [all.total, all.results.slice(1, 3).map((e) => e.id)]);
      const found = await json<{ results: WatchlistEntry[]; total: number }>(await api.call('analyst', '/api/watchlist?q=sayf'));
      assert.deepEqual(found.results.map((e) => e.name), ['Hamid Qasim Zubaydi'], 'by an alias, in another case');
      assert.equal(found.total, 1);
    });
  });

  describe('list imports', () => {
    const importing = (query: string, body: string, role: 'watchlist-manager' | 'analyst' = 'watchlist-manager') =>
      api.call(role, `/api/watchlist/import?${query}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    const version1 = 'id,name,aliases,dob,nationality\nA-1,Abu Ayyub al-Masri,Abu Hamza al-Muhajir,1968,EGY\nA-2,Umar al-Shishani,,1986,GEO\nA-3,Abu Ali al-Anbari,,1957,IRQ\n';
    const version2 = 'id,name,aliases,dob,nationality\nA-1,Abu Ayyub al-Masri,Abu Hamza al-Muhajir;Yusuf al-Dardiri,1968,EGY\nA-2,Umar al-Shishani,,1986,GEO\nA-4,Abu Muhammad al-Adnani,,1977,SYR\n';
    interface Report {
      dryRun: boolean; list: string; format: string; added: number; updated: number; unchanged: number; retired: number; skipped: number; refused: boolean;
      rejected: { where: string; line: number | null; reason: string }[]; changes: { kind: string; id?: string; ref: string | null; name: string; fields?: string[] }[]; changesTotal: number;
    }
    const counts = ({ added, updated, unchanged, retired, skipped, changesTotal, list, format }: Report) => ({ added, updated, unchanged, retired, skipped, changesTotal, list, format });
    const snapshot = async () => {
      const entries = await json<{ results: WatchlistEntry[] }>(await api.call('watchlist-manager', '/api/watchlist?list=isis-leaders'));
      return { entries: entries.results, histories: await Promise.all(entries.results.map((e) => history(e.id))) };
    };

    it('previews an import without writing anything, then applies the same file with the same counts', async () => {
      await json<Report>(await importing('filename=leaders.csv&list=isis-leaders', version1));
      const before = await snapshot();
      const [lastAudit] = (await json<{ results: { seq: number }[] }>(await api.call('auditor', '/api/audit?action=watchlist.import'))).results.slice(-1);

      const preview = await json<Report>(await importing('filename=leaders.csv&list=isis-leaders&dryRun=1', version2));
      assert.deepEqual(await snapshot(), before, 'no entry and no history changed');
      assert.equal(preview.dryRun, true);
      assert.deepEqual(counts(preview), { added: 1, updated: 1, unchanged: 1, retired: 1, skipped: 0, changesTotal: 3, list: 'isis-leaders', format: 'csv' });
      const byRef = (ref: string) => before.entries.find((e) => e.ref === ref)!.id;
      assert.deepEqual(preview.changes, [
        { kind: 'updated', id: byRef('A-1'), ref: 'A-1', name: 'Abu Ayyub al-Masri', fields: ['aliases'] },
        { kind: 'added', ref: 'A-4', name: 'Abu Muhammad al-Adnani' },
        { kind: 'retired', id: byRef('A-3'), ref: 'A-3', name: 'Abu Ali al-Anbari' },
      ]);
      const audited = (await json<{ results: { seq: number }[] }>(await api.call('auditor', '/api/audit?action=watchlist.import'))).results;
      assert.equal(audited.at(-1)!.seq, lastAudit!.seq, 'a dry run is not an import in the audit log');

      const applied = await json<Report>(await importing('filename=leaders.csv&list=isis-leaders&dryRun=0', version2));
      assert.equal(applied.dryRun, false);
      assert.deepEqual(counts(applied), counts(preview));
      const after = await snapshot();
      assert.deepEqual(after.entries.filter((e) => e.status === 'active').map((e) => e.ref).sort(), ['A-1', 'A-2', 'A-4']);
      assert.ok((await screensAs('Yusuf al-Dardiri')).includes(byRef('A-1')), 'the imported alias is screened');
      assert.equal((await json<{ results: unknown[] }>(await api.call('auditor', '/api/audit?action=watchlist.import'))).results.length, audited.length + 1);
    });

    it('reports rows with problems by line, refuses them without partial, and previews the partial import', async () => {
      const bad = 'id,name,dob\nB-1,Abu Bakr al-Baghdadi,1971\nB-2,,1980\nB-3,Abu Omar al-Baghdadi,1959\n';
      const preview = await json<Report>(await importing('filename=bad.csv&list=bad-list&dryRun=1', bad));
      assert.equal(preview.refused, true);
      assert.deepEqual(preview.rejected.map((r) => r.line), [3]);
      const refused = await json<{ error: { code: string } }>(await importing('filename=bad.csv&list=bad-list', bad), 400);
      assert.equal(refused.error.code, 'watchlist.import-problems');
      const partial = await json<Report>(await importing('filename=bad.csv&list=bad-list&dryRun=1&partial=1', bad));
      assert.deepEqual([partial.refused, partial.added], [false, 2]);
      assert.equal((await json<{ total: number }>(await api.call('watchlist-manager', '/api/watchlist?list=bad-list'))).total, 0);
    });

    it("tells the format from the file name, says why OFAC's three files cannot come one at a time, and refuses a form", async () => {
      const vigilJson = JSON.stringify({ list: 'named-in-file', entries: [{ ref: 'J-1', name: 'Abu Waheeb al-Dulaimi' }] });
      const report = await json<Report>(await importing('filename=list.json&dryRun=1', vigilJson));
      assert.deepEqual([report.format, report.list, report.added], ['vigil', 'named-in-file', 1]);
      const ofac = await json<{ error: { code: string; message: string } }>(await importing('filename=sdn.csv', '36,"AERO",-0-\n'), 400);
      assert.equal(ofac.error.code, 'watchlist.ofac-needs-files');
      assert.match(ofac.error.message, /alt\.csv/);
      const unknown = await json<{ error: { message: string } }>(await importing('filename=list.txt', 'x'), 400);
      assert.match(unknown.error.message, /format/);
      const form = await api.call('watchlist-manager', '/api/watchlist/import?filename=a.csv', { method: 'POST', body: new URLSearchParams({ file: 'id,name' }) });
      assert.equal(form.status, 400);
      assert.equal((await importing('filename=list.json', vigilJson, 'analyst')).status, 403);
    });
  });
});
