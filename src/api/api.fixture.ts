// An API over a small ingested haul in two collections (cases), with one signed-in user (and token) per role
// and an analyst of the other case, for the API's tests.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { roles, type AccessOptions, type Role } from '../access/index.js';
import { createVigil, type Vigil } from '../app.js';
import type { Clock } from '../clock.js';
import { webRoot } from '../cli/package-files.js';
import { silentLogger, type Logger } from '../logger.js';
import { openBlobStore, openSqliteStore } from '../store/index.js';
import { createApi } from './server.js';
import type { RateLimit } from './rate-limit.js';

/** A clock the test moves by hand. */
export function movableClock(iso: string): Clock & { advance(ms: number): void } {
  let at = new Date(iso).getTime();
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

export interface ApiFixture {
  vigil: Vigil;
  app: ReturnType<typeof createApi>;
  clock: ReturnType<typeof movableClock>;
  /** The name of the user holding each role. */
  users: Record<Role, string>;
  /** Their one-time passwords (still to be changed at first sign-in). */
  passwords: Record<Role, string>;
  tokens: Record<Role | 'other-analyst', string>;
  /** A request with the role's token (none when null); 'other-analyst' reads the Mosul case only. */
  call(role: Role | 'other-analyst' | null, path: string, init?: RequestInit): Promise<Response>;
  /** A JSON POST (or the method given) with the role's token. */
  send(role: Role | 'other-analyst' | null, path: string, body: unknown, method?: string): Promise<Response>;
  close(): Promise<void>;
}

export const userOfRole: Record<Role, string> = { admin: 'amal', analyst: 'leila', 'watchlist-manager': 'yusuf', screener: 'omar', auditor: 'sara' };

/** The two cases: the first holds report.txt and other.txt, which every role's user reads; the second mosul.txt. */
export const raqqaCase = 'raqqa-2017';
export const mosulCase = 'mosul-2016';

export async function openApiFixture(options: { access?: AccessOptions; rateLimit?: RateLimit; logger?: Logger } = {}): Promise<ApiFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'vigil-api-'));
  await writeFile(join(dir, 'report.txt'), 'Finance emir named\n\nSDF spokesman Azad Mirhan said Abu Khalid al-Tikriti paid fighters in Deir ez-Zor.\n');
  await writeFile(join(dir, 'other.txt'), 'Convoys again\n\nAbou Khaled el-Tikriti was seen near Al-Qaim with the convoys.\n');
  const clock = movableClock('2026-01-02T03:04:05Z');
  const logger = options.logger ?? silentLogger;
  const vigil = createVigil({ store: openSqliteStore(':memory:'), blobs: openBlobStore(join(dir, 'blobs')), clock, logger, access: options.access });
  await writeFile(join(dir, 'mosul.txt'), 'Mosul cell\n\nAbu Khalid al-Tikriti met Umm Sayyaf in Mosul with the emir of the cell.\n');
  await vigil.ingest([join(dir, 'report.txt'), join(dir, 'other.txt')], { collection: raqqaCase });
  await vigil.ingest([join(dir, 'mosul.txt')], { collection: mosulCase });
  const app = createApi(vigil, { webRoot, version: 'test', logger, clock, rateLimit: options.rateLimit });
  const passwords = {} as Record<Role, string>;
  const tokens = {} as Record<Role | 'other-analyst', string>;
  for (const role of roles) {
    const added = await vigil.access.addUser({ name: userOfRole[role], role, collections: [raqqaCase] }, 'cli:test');
    passwords[role] = added.password;
    tokens[role] = (await vigil.access.createToken(userOfRole[role], {}, 'cli:test')).token;
  }
  await vigil.access.addUser({ name: 'nadia', role: 'analyst', collections: [mosulCase] }, 'cli:test');
  tokens['other-analyst'] = (await vigil.access.createToken('nadia', {}, 'cli:test')).token;
  const call = (role: Role | 'other-analyst' | null, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (role) headers.set('authorization', `Bearer ${tokens[role]}`);
    return Promise.resolve(app.request(path, { ...init, headers }));
  };
  return {
    vigil,
    app,
    clock,
    users: userOfRole,
    passwords,
    tokens,
    call,
    send: (role, path, body, method = 'POST') => call(role, path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    async close() {
      await vigil.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
