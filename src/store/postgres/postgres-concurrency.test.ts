// What PostgreSQL adds over SQLite: several processes writing at once. Two stores (two pools, as two API nodes) on one
// database, each running many writes at the same moment.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuditChainVerifier, sealAuditEvent, type AuditRecord } from '../../access/index.js';
import type { Store } from '../store.js';
import { entry } from '../store.contract-fixtures.js';
import { openPgDb } from './pg-db.js';
import { openPostgresStore } from './postgres-store.js';
import { postgresSkipReason, startThrowawayCluster, type ThrowawayCluster } from './throwaway-cluster.js';

const skip = postgresSkipReason();

describe('PostgreSQL store, writers at once', { skip: skip ?? false }, () => {
  let cluster: ThrowawayCluster;
  before(async () => {
    cluster = await startThrowawayCluster();
  });
  after(async () => cluster?.stop());

  const twoNodes = async (): Promise<{ url: string; nodes: [Store, Store]; close: () => Promise<void> }> => {
    const url = await cluster.createDatabase();
    // Opened at the same moment: the migration runs once between them.
    const nodes = (await Promise.all([openPostgresStore(url), openPostgresStore(url)])) as [Store, Store];
    return { url, nodes, close: async () => void (await Promise.all(nodes.map((n) => n.close()))) };
  };

  it('seals 20 audit records appended at once from two nodes into one chain without gaps, which verifies', async () => {
    const { nodes, close } = await twoNodes();
    try {
      const event = (i: number) => ({ at: `2026-12-04T10:00:${String(i).padStart(2, '0')}Z`, actor: `user:${i % 2 ? 'omar' : 'leila'}`, action: 'screen', target: null, outcome: 'ok' as const, details: { i } });
      const written = await Promise.all(Array.from({ length: 20 }, (_, i) => nodes[i % 2]!.appendAudit((last) => sealAuditEvent(event(i), last))));
      assert.deepEqual(written.map((r) => r.seq).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
      const stored = await nodes[0].auditRecords(0, 100);
      const verifier = new AuditChainVerifier();
      assert.equal(verifier.check(stored as AuditRecord[]), true, verifier.problem?.problem);
      assert.equal(verifier.records, 20);
    } finally {
      await close();
    }
  });

  it('refuses to change or delete an audit record, whoever asks', async () => {
    const { url, nodes, close } = await twoNodes();
    const db = openPgDb(url);
    try {
      await nodes[0].appendAudit((last) => sealAuditEvent({ at: '2026-12-04T10:00:00Z', actor: 'cli:root', action: 'users.add', target: 'omar', outcome: 'ok', details: {} }, last));
      await assert.rejects(db.query(`UPDATE audit_log SET actor = 'cli:nobody'`), /the audit log is append-only/);
      await assert.rejects(db.query('DELETE FROM audit_log'), /the audit log is append-only/);
      await assert.rejects(db.query('TRUNCATE audit_log'), /the audit log is append-only/);
      assert.equal((await nodes[1].auditRecords(0, 10)).length, 1);
    } finally {
      await db.close();
      await close();
    }
  });

  it('never lets a reader of watchlist changes pass over a change committed late by another writer', async () => {
    const { nodes, close } = await twoNodes();
    try {
      const ids = Array.from({ length: 60 }, (_, i) => `w-${i}`);
      let writing = true;
      const seen = new Set<string>();
      // The reader goes on from each version it is told, as a screening index catching up does.
      const reader = (async () => {
        let version = 0;
        for (;;) {
          const done = !writing;
          const changed = await nodes[0].watchlistChangedSince(version);
          for (const e of changed.entries) seen.add(e.id);
          version = changed.version;
          if (done) return version;
        }
      })();
      // Batches of different sizes, so that a writer that started first often finishes last.
      const batches = [1, 7, 2, 9, 1, 3, 12, 1, 5, 2, 8, 1, 4, 4].reduce<string[][]>((all, size) => {
        const start = all.flat().length;
        return start < ids.length ? [...all, ids.slice(start, start + size)] : all;
      }, []);
      const change = { actor: 'cli:ana', at: '2026-01-01T00:00:00.000Z' };
      await Promise.all(batches.map((batch, i) => nodes[i % 2]!.putWatchlistEntries(batch.map((id) => ({ entry: entry(id), change })))));
      writing = false;
      const last = await reader;
      assert.deepEqual([...seen].sort(), [...ids].sort(), 'every entry written was seen by the reader');
      assert.equal(last, await nodes[1].watchlistVersion());
      assert.equal(last, ids.length, 'one version per entry written, none lost or doubled');
    } finally {
      await close();
    }
  });
});
