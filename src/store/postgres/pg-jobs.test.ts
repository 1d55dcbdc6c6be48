import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrate } from './migrations.js';
import { openPgDb, type PgDb } from './pg-db.js';
import type { IngestQueue } from '../ingest-queue.js';
import { postgresIngestQueue } from './pg-jobs.js';
import { postgresSkipReason, startThrowawayCluster, type ThrowawayCluster } from './throwaway-cluster.js';

const files = (n: number, prefix = '/haul/f') => Array.from({ length: n }, (_, i) => ({ path: `${prefix}${String(i).padStart(3, '0')}.txt`, size: 100 + i }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the ingest work queue on PostgreSQL', { skip: postgresSkipReason() ?? false }, () => {
  let cluster: ThrowawayCluster;
  let db: PgDb;
  let other: PgDb;
  let queue: IngestQueue;
  let otherQueue: IngestQueue;
  before(async () => {
    cluster = await startThrowawayCluster();
    const url = await cluster.createDatabase();
    [db, other] = [openPgDb(url), openPgDb(url)];
    // Two processes starting at once migrate the schema once between them.
    assert.deepEqual((await Promise.all([migrate(db), migrate(other)])).sort(), [0, 5]);
    [queue, otherQueue] = [postgresIngestQueue(db), postgresIngestQueue(other)];
  });
  after(async () => {
    await db?.close();
    await other?.close();
    await cluster?.stop();
  });

  it('queues each file of a collection once', async () => {
    assert.deepEqual(await queue.enqueue(files(10), 'raqqa'), { added: 10, alreadyQueued: 0 });
    assert.deepEqual(await queue.enqueue(files(12), 'raqqa'), { added: 2, alreadyQueued: 10 });
    assert.deepEqual(await queue.enqueue(files(3), 'mosul'), { added: 3, alreadyQueued: 0 }, 'the same path in another case is other work');
    assert.equal((await queue.status()).queued, 15);
  });

  it('never gives one file to two workers claiming at the same moment, and keeps a batch to one collection', async () => {
    const [a, b] = await Promise.all([queue.claim('worker-a', 8, 60_000), otherQueue.claim('worker-b', 8, 60_000)]);
    const ids = [...a, ...b].map((j) => j.id);
    assert.equal(new Set(ids).size, ids.length, 'no file claimed twice');
    for (const batch of [a, b]) assert.equal(new Set(batch.map((j) => j.collection)).size, batch.length > 0 ? 1 : 0);
    assert.equal((await queue.status()).running, ids.length);
    assert.equal(await queue.complete('worker-a', a.map((j) => j.id)), a.length);
    assert.equal(await queue.complete('worker-a', b.map((j) => j.id)), 0, 'only the lease holder completes a job');
    await otherQueue.release('worker-b', b.map((j) => j.id));
    const status = await queue.status();
    assert.deepEqual([status.done, status.running, status.queued], [a.length, 0, 15 - a.length]);
  });

  it("hands a dead worker's files to another once the lease runs out, and fails a file that outlives its attempts", async () => {
    // Every other file done first, one collection's batch at a time.
    for (let batch = await queue.claim('drain', 100, 60_000); batch.length > 0; batch = await queue.claim('drain', 100, 60_000)) {
      await queue.complete('drain', batch.map((j) => j.id));
    }
    await queue.enqueue(files(2, '/haul/poison-'), 'idlib');
    const taken = await queue.claim('doomed', 10, 50);
    assert.deepEqual(taken.map((j) => [j.path, j.attempts]), [['/haul/poison-000.txt', 1], ['/haul/poison-001.txt', 1]]);
    assert.deepEqual(await otherQueue.claim('heir', 10, 50), [], 'nothing while the lease holds');
    await sleep(120);
    const again = await otherQueue.claim('heir', 10, 50);
    assert.deepEqual(again.map((j) => [j.id, j.attempts]), taken.map((j) => [j.id, 2]), 'the same files, a second attempt');
    assert.equal(await queue.complete('doomed', taken.map((j) => j.id)), 0, 'the dead worker can no longer complete them');
    await sleep(120);
    assert.equal((await queue.claim('third', 10, 50, 3)).length, 2);
    await sleep(120);
    assert.deepEqual(await queue.claim('fourth', 10, 60_000, 3), [], 'three attempts allowed: not handed out a fourth time');
    const status = await queue.status();
    assert.deepEqual([status.failed, status.running, status.queued], [2, 0, 0]);
    assert.deepEqual(status.failures, [{ reason: 'its worker stopped while reading it (3 attempts)', jobs: 2 }]);
    assert.equal(status.done, 15);
    assert.equal(status.lastMinute.files, 15);
  });
});
