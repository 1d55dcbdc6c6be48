// Distributed ingest end to end: the sample corpus enqueued on a PostgreSQL store, three `vigil worker` processes
// reading it, one killed with SIGKILL in the middle of its work; the store they leave must hold what one process
// reading the same corpus alone stores: every file once, the same documents and mentions.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postgresSkipReason, startThrowawayCluster, type ThrowawayCluster } from '../store/postgres/throwaway-cluster.js';
import { openPostgresStore } from '../store/index.js';
import { packageRoot, sampleCorpus } from './package-files.js';

const bin = join(packageRoot, 'dist/src/cli/bin.js');
const env = { ...process.env, VIGIL_LOG_LEVEL: 'silent' };

function vigil(store: string, blobs: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, '--store', store, '--blobs', blobs, ...args], { encoding: 'utf8', env });
  assert.equal(result.status, 0, `vigil ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function worker(store: string, blobs: string): ChildProcess {
  return spawn(process.execPath, [bin, '--store', store, '--blobs', blobs, 'worker', '--exit-when-idle', '--batch', '2', '--workers', '0', '--lease', '3', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

/** What a store holds, in terms that do not depend on the order files were read in. */
async function contents(url: string) {
  const store = await openPostgresStore(url);
  try {
    const summary = await store.summary();
    const documents: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await store.listDocuments({ offset, limit: 500 });
      documents.push(...page.map((d) => `${d.sha256} ${d.position} ${d.title ?? ''}`));
      if (page.length < 500) break;
    }
    return { sources: summary.sources, documents: documents.sort(), mentions: summary.mentions, problems: summary.problems };
  } finally {
    await store.close();
  }
}

describe('distributed ingest on PostgreSQL', { skip: postgresSkipReason() ?? false }, () => {
  let cluster: ThrowawayCluster;
  let dir: string;
  before(async () => {
    cluster = await startThrowawayCluster();
    dir = await mkdtemp(join(tmpdir(), 'vigil-fleet-'));
  });
  after(async () => {
    await cluster?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('moves an embedded store into PostgreSQL with every row, and the moved store answers as the embedded one did', async () => {
    const data = join(dir, 'embedded');
    const local = (...args: string[]) => {
      const result = spawnSync(process.execPath, [bin, '--data', data, ...args], { encoding: 'utf8', env });
      assert.equal(result.status, 0, `vigil ${args.join(' ')}: ${result.stderr}`);
      return result.stdout;
    };
    local('ingest', sampleCorpus, '--workers', '0');
    local('watchlist', 'import', join(packageRoot, 'samples', 'watchlist.json'));
    local('init');
    local('screen', '--name', 'Abou Khaled el-Tikriti');
    const target = await cluster.createDatabase();
    const moved = spawnSync(process.execPath, [bin, 'migrate-store', '--from', data, '--to', target, '--json'], { encoding: 'utf8', env });
    assert.equal(moved.status, 0, moved.stderr);
    const report = JSON.parse(moved.stdout) as { rows: number; tables: { table: string; rows: number }[] };
    assert.ok(report.tables.find((t) => t.table === 'documents')!.rows > 20 && report.tables.find((t) => t.table === 'audit_log')!.rows >= 3);
    const { dataDir: _d, ...before } = JSON.parse(local('status', '--json')) as Record<string, unknown>;
    const { store: _s, queue: _q, ...after } = JSON.parse(vigil(target, join(data, 'blobs'), 'status', '--json')) as Record<string, unknown>;
    assert.deepEqual(after, before);
    assert.equal(vigil(target, join(data, 'blobs'), 'audit', 'verify', '--json').includes('"problem":null'), true, 'the audit chain moved whole');
    assert.deepEqual(JSON.parse(vigil(target, join(data, 'blobs'), 'search', 'hawala', '--json').split('\n')[0]!).id, JSON.parse(local('search', 'hawala', '--json').split('\n')[0]!).id);
    const again = spawnSync(process.execPath, [bin, 'migrate-store', '--from', data, '--to', target], { encoding: 'utf8', env });
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already holds rows in \w+: migrate into an empty database/);
  });

  it('stores every file once when a worker is killed mid-run, as one process alone would', async () => {
    const [alone, fleet] = [await cluster.createDatabase(), await cluster.createDatabase()];
    vigil(alone, join(dir, 'blobs-alone'), 'ingest', sampleCorpus, '--workers', '0');

    const blobs = join(dir, 'blobs-fleet');
    const queued = JSON.parse(vigil(fleet, blobs, 'ingest', '--enqueue', sampleCorpus, '--json')) as { files: number; added: number };
    assert.equal(queued.added, queued.files);
    const workers = [worker(fleet, blobs), worker(fleet, blobs), worker(fleet, blobs)];
    // The first worker is killed as soon as it has read one batch: it holds its next batch when it dies.
    await new Promise<void>((resolve) => workers[0]!.stdout!.once('data', () => resolve()));
    workers[0]!.kill('SIGKILL');
    const codes = await Promise.all(workers.map(exited));
    assert.deepEqual(codes.slice(1), [0, 0], 'the others finish the work, the dead one’s files included');

    const status = JSON.parse(vigil(fleet, blobs, 'status', '--json')) as { queue: { queued: number; running: number; done: number; failed: number } };
    assert.deepEqual([status.queue.queued, status.queue.running, status.queue.failed, status.queue.done], [0, 0, 0, queued.files]);
    assert.deepEqual(await contents(fleet), await contents(alone));
  });
});
