// The contract every store keeps for users, tokens, sessions and the audit log; run by each implementation's tests
// beside describeStoreContract.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sealAuditEvent } from '../access/index.js';
import type { StoredAuditRecord, UserRecord } from './access-records.js';
import type { Store } from './store.js';

const leila: UserRecord = {
  id: 'u_leila', name: 'Leila', role: 'analyst', passwordHash: 'scrypt$1024$8$1$salt$hash', disabled: false,
  collections: ['raqqa-2017'], createdAt: '2026-12-04T10:00:00Z', mustChangePassword: false,
};

export function describeAccessContract(name: string, open: () => Promise<Store> | Store): void {
  describe(`Store contract, access: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
      await store.createUser(leila);
    });
    after(() => store.close());

    it('finds a user by name whatever its case, and refuses a second user of that name', async () => {
      assert.deepEqual(await store.userByName('leila'), leila);
      assert.deepEqual(await store.userById('u_leila'), leila);
      await assert.rejects(store.createUser({ ...leila, id: 'u_other', name: 'LEILA' }), (e: Error & { code?: string }) => e.code === 'access.user-exists');
      assert.equal(await store.userByName('omar'), null);
    });

    it('changes only the fields given, and says so when the user is unknown', async () => {
      await store.createUser({ ...leila, id: 'u_omar', name: 'omar', role: 'screener', collections: [] });
      await store.updateUser('u_omar', { disabled: true, collections: ['a', 'b'], mustChangePassword: true });
      const omar = await store.userById('u_omar');
      assert.deepEqual(omar, { ...leila, id: 'u_omar', name: 'omar', role: 'screener', disabled: true, collections: ['a', 'b'], mustChangePassword: true });
      assert.deepEqual((await store.listUsers()).map((u) => u.name), ['Leila', 'omar']);
      await assert.rejects(store.updateUser('u_nobody', { disabled: true }), (e: Error & { code?: string }) => e.code === 'access.unknown-user');
    });

    it('keeps tokens by hash, lists them newest first and revokes each once', async () => {
      const token = { id: 't_1', userId: 'u_leila', label: 'batch job', hash: 'h1', createdAt: '2026-12-04T10:00:00Z', expiresAt: '2027-01-01T00:00:00Z', revokedAt: null, lastUsedAt: null };
      await store.createToken(token);
      await store.createToken({ ...token, id: 't_2', hash: 'h2', createdAt: '2026-12-04T11:00:00Z', expiresAt: null });
      assert.deepEqual(await store.tokenByHash('h1'), token);
      assert.deepEqual((await store.listTokens('u_leila')).map((t) => t.id), ['t_2', 't_1']);
      assert.deepEqual(await store.listTokens('u_omar'), []);
      await store.touchToken('t_1', '2026-12-04T12:00:00Z');
      assert.equal((await store.tokenByHash('h1'))?.lastUsedAt, '2026-12-04T12:00:00Z');
      assert.equal(await store.revokeToken('t_1', '2026-12-04T13:00:00Z'), true);
      assert.equal(await store.revokeToken('t_1', '2026-12-04T14:00:00Z'), false, 'already revoked');
      assert.equal((await store.tokenByHash('h1'))?.revokedAt, '2026-12-04T13:00:00Z');
      assert.equal(await store.revokeToken('t_nope', '2026-12-04T14:00:00Z'), false);
    });

    it('ends one session, or every session of a user', async () => {
      const session = { hash: 's1', userId: 'u_leila', csrf: 'c1', createdAt: '2026-12-04T10:00:00Z', lastSeenAt: '2026-12-04T10:00:00Z', endedAt: null };
      await store.createSession(session);
      await store.createSession({ ...session, hash: 's2' });
      await store.createSession({ ...session, hash: 's3' });
      await store.touchSession('s1', '2026-12-04T10:05:00Z');
      assert.equal((await store.sessionByHash('s1'))?.lastSeenAt, '2026-12-04T10:05:00Z');
      await store.endSession('s1', '2026-12-04T10:06:00Z');
      await store.touchSession('s1', '2026-12-04T10:07:00Z');
      assert.deepEqual(await store.sessionByHash('s1'), { ...session, lastSeenAt: '2026-12-04T10:05:00Z', endedAt: '2026-12-04T10:06:00Z' });
      await store.endSessionsOf('u_leila', '2026-12-04T11:00:00Z');
      assert.equal((await store.sessionByHash('s2'))?.endedAt, '2026-12-04T11:00:00Z');
      assert.equal((await store.sessionByHash('s3'))?.endedAt, '2026-12-04T11:00:00Z');
      assert.equal(await store.sessionByHash('s9'), null);
    });

    it('appends audit records in one chain, even when written at once, and reads them back in pages', async () => {
      const event = (i: number) => ({ at: `2026-12-04T10:00:${String(i).padStart(2, '0')}Z`, actor: 'user:omar', action: 'screen', target: null, outcome: 'ok' as const, details: { i } });
      const written = await Promise.all([0, 1, 2, 3, 4].map((i) => store.appendAudit((last) => sealAuditEvent(event(i), last))));
      assert.deepEqual(written.map((r) => r.seq).sort(), [1, 2, 3, 4, 5]);
      const first = await store.auditRecords(0, 3);
      const rest = await store.auditRecords(3, 10);
      const all = [...first, ...rest];
      assert.deepEqual(all.map((r) => r.seq), [1, 2, 3, 4, 5]);
      for (let i = 1; i < all.length; i++) assert.equal(all[i]!.prev, all[i - 1]!.hash, `record ${i + 1} follows record ${i}`);
      assert.deepEqual(all, [...written].sort((a, b) => a.seq - b.seq));
      const since = await store.auditRecords(0, 10, { from: '2026-12-04T10:00:03Z' });
      assert.deepEqual(since.map((r) => r.at).sort(), ['2026-12-04T10:00:03Z', '2026-12-04T10:00:04Z'], 'only those written from then on');
    });

    it('reads the audit records that pass every condition of a filter, in order and in pages', async () => {
      const events = [
        { at: '2026-12-05T09:00:00.000Z', actor: 'user:yusuf', action: 'watchlist.add', target: 'w_1', details: { name: 'Abu Khalid al-Tikriti' } },
        { at: '2026-12-05T09:10:00.000Z', actor: 'user:yusuf', action: 'watchlist.import', target: 'un-1267', details: { file: 'un.xml', added: 3 } },
        { at: '2026-12-05T09:20:00.000Z', actor: 'user:leila', action: 'watchlist.promote', target: 'w_2', details: { entity: 'e_9' } },
        { at: '2026-12-05T09:30:00.000Z', actor: 'user:omar', action: 'screen', target: 't_1', details: { name: 'ABU KHALID TIKRITI' } },
        { at: '2026-12-05T09:40:00.000Z', actor: 'user:yusuf', action: 'watchlistx', target: 'w_1', details: {} },
        { at: '2026-12-05T09:50:00.000Z', actor: 'user:yusuf', action: 'watchlist.approve', target: 'w_2', details: { note: 'seen in two reports' } },
      ];
      const written: StoredAuditRecord[] = [];
      for (const e of events) written.push(await store.appendAudit((last) => sealAuditEvent({ ...e, outcome: 'ok' }, last)));
      const seqOf = (records: { seq: number }[]) => records.map((r) => written.findIndex((w) => w.seq === r.seq));
      const read = async (filter: Parameters<Store['auditRecords']>[2], after = written[0]!.seq - 1, limit = 100) => seqOf(await store.auditRecords(after, limit, filter));
      assert.deepEqual(await read({ action: 'watchlist.' }), [0, 1, 2, 5], 'an action prefix, not "watchlistx"');
      assert.deepEqual(await read({ actor: 'user:yusuf', action: 'watchlist.' }), [0, 1, 5]);
      assert.deepEqual(await read({ target: 'w_2' }), [2, 5]);
      assert.deepEqual(await read({ text: 'tikriti' }), [0, 3], 'text in the details, in any case');
      assert.deepEqual(await read({ from: '2026-12-05T09:10:00.000Z', to: '2026-12-05T09:40:00.000Z' }), [1, 2, 3], 'from inclusive, to exclusive');
      assert.deepEqual(await read({ actor: 'user:nobody' }), []);
      const firstPage = await store.auditRecords(written[0]!.seq - 1, 2, { actor: 'user:yusuf' });
      assert.deepEqual(seqOf(firstPage), [0, 1]);
      assert.deepEqual(await read({ actor: 'user:yusuf' }, firstPage[1]!.seq, 2), [4, 5], 'the next page goes on after the last one read');
    });
  });
}
