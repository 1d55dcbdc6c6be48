// A PostgreSQL cluster for tests and benchmarks: initdb into a temporary folder, the server on a free loopback port,
// a fresh database per store opened, everything removed at the end. Uses the server binaries Debian installs
// (apt-get install postgresql); when there are none, says why, so the tests that need it skip with that message.
// PostgreSQL refuses to run as root: as root (CI), the server runs as the `postgres` system user.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface ThrowawayCluster {
  /** A new, empty database on the cluster, as a connection URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** Where the server binaries are: $VIGIL_PG_BIN, else the newest of Debian's /usr/lib/postgresql/N/bin. */
export function postgresBinaries(): string | null {
  if (process.env.VIGIL_PG_BIN) return existsSync(join(process.env.VIGIL_PG_BIN, 'initdb')) ? process.env.VIGIL_PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresSkipReason(): string | null {
  if (process.env.VIGIL_TEST_PG_URL) return null;
  if (!postgresBinaries()) return 'PostgreSQL is not installed (apt-get install postgresql, or set VIGIL_PG_BIN or VIGIL_TEST_PG_URL): the PostgreSQL store tests are skipped';
  if (process.getuid?.() === 0 && !systemUser()) return 'running as root and there is no postgres system user to run the server as: the PostgreSQL store tests are skipped';
  return null;
}

function systemUser(): { uid: number; gid: number } | null {
  try {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()));
    return { uid: uid!, gid: gid! };
  } catch {
    return null; // no such user: reported by postgresSkipReason
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let databases = 0;

/** Starts a cluster (or uses $VIGIL_TEST_PG_URL's server, creating databases on it). */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const given = process.env.VIGIL_TEST_PG_URL;
  if (given) return onServer(given, null);
  const bin = postgresBinaries();
  if (!bin) throw new Error(postgresSkipReason() ?? 'no PostgreSQL');
  const dir = mkdtempSync(join(tmpdir(), 'vigil-pg-'));
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? systemUser() : null;
  if (asRoot && owner) chownSync(dir, owner.uid, owner.gid);
  const run = (command: string, args: string[]) => (asRoot ? { command: 'runuser', args: ['-u', 'postgres', '--', join(bin, command), ...args] } : { command: join(bin, command), args });
  const data = join(dir, 'data');
  const init = run('initdb', ['-D', data, '-A', 'trust', '-U', 'vigil', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  execFileSync(init.command, init.args, { stdio: 'pipe' });
  const port = await freePort();
  const start = run('postgres', ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200']);
  const server: ChildProcess = spawn(start.command, start.args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr!.on('data', (chunk: Buffer) => void (log = (log + chunk.toString()).slice(-4000)));
  const admin = `postgres://vigil@127.0.0.1:${port}/postgres`;
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client(admin);
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (attempt > 100 || server.exitCode !== null) throw new Error(`the throwaway PostgreSQL did not start: ${(error as Error).message}\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return onServer(admin, async () => {
    const exited = new Promise<void>((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', () => resolve())));
    // SIGINT is PostgreSQL's fast shutdown; sent to the postmaster itself (runuser, in between as root, does not pass
    // it on), whose pid is the first line of postmaster.pid.
    const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(Number.isInteger(postmaster) && postmaster > 0 ? postmaster : server.pid!, 'SIGINT');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  });
}

/** `stopServer` null: a server we did not start, on which only the databases we made are dropped. */
function onServer(adminUrl: string, stopServer: (() => Promise<void>) | null): ThrowawayCluster {
  const created: string[] = [];
  return {
    async createDatabase() {
      const name = `vigil_test_${process.pid}_${++databases}`;
      const client = new pg.Client(adminUrl);
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      if (stopServer) return stopServer();
      const client = new pg.Client(adminUrl);
      await client.connect();
      try {
        for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
