import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '../logger.js';
import { openApiFixture, type ApiFixture } from './api.fixture.js';
import { apiRoutes } from './server.js';

type ErrorBody = { error: { code: string; message: string } };
const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

describe('API sign-in with tokens', () => {
  let api: ApiFixture;
  before(async () => {
    api = await openApiFixture();
  });
  after(() => api.close());

  it('refuses a missing, malformed, unknown, revoked or expired token, and a disabled user, with the same message', async () => {
    const bearer = (token: string) => api.app.request('/api/me', { headers: { authorization: `Bearer ${token}` } });
    const missing = await api.call(null, '/api/me');
    assert.equal(missing.status, 401);
    assert.equal(missing.headers.get('www-authenticate'), 'Bearer realm="vigil"');
    const { token: revoked, record } = await api.vigil.access.createToken('leila', { label: 'to revoke' }, 'cli:test');
    await api.vigil.access.revokeToken(record.id, 'cli:test');
    const { token: expiring } = await api.vigil.access.createToken('leila', { days: 1 }, 'cli:test');
    const { token: disabledUsers } = await api.vigil.access.createToken('sara', {}, 'cli:test');
    assert.equal((await bearer(expiring)).status, 200, 'valid until it expires');
    api.clock.advance(86_400_000);
    await api.vigil.access.setDisabled('sara', true, 'cli:test');
    const refusals = [];
    for (const token of ['nonsense', api.tokens.analyst.slice(0, -2) + 'xx', revoked, expiring, disabledUsers]) {
      const response = await bearer(token);
      refusals.push([response.status, (await errorOf(response)).message]);
    }
    assert.deepEqual(new Set(refusals.map((r) => JSON.stringify(r))).size, 1, `one answer for all: ${JSON.stringify(refusals)}`);
    assert.deepEqual(refusals[0], [401, 'the user name, password or token was not accepted']);
    await api.vigil.access.setDisabled('sara', false, 'cli:test');
    const sara = await api.app.request('/api/me', { headers: { authorization: `Bearer ${disabledUsers}` } });
    assert.equal(sara.status, 200, 'enabled again, the token works again');
    assert.equal((await api.app.request('/api/me', { headers: { authorization: 'Basic abc' } })).status, 401);
  });

  it('says who is signed in, with the role\'s permissions', async () => {
    const me = (await (await api.call('screener', '/api/me')).json()) as { actor: string; role: string; permissions: string[]; via: string };
    assert.deepEqual(me, { actor: 'user:omar', role: 'screener', permissions: ['screen'], collections: ['raqqa-2017'], via: 'token' });
  });

  it('records screenings, document views, refusals and failed sign-ins in a chain the auditor can verify', async () => {
    await api.send('watchlist-manager', '/api/watchlist', { name: 'Abu Ayyub al-Furati', ref: 'AUDIT-1' });
    const screened = (await (await api.send('screener', '/api/screen', { name: 'Abou Ayoub el-Forati', dob: '1979' })).json()) as { travellerKey: string; candidates: { entryId: string }[] };
    const documents = (await (await api.call('analyst', '/api/documents')).json()) as { results: { id: string }[] };
    await api.call('analyst', `/api/documents/${documents.results[0]!.id}`);
    await api.call('screener', '/api/documents');
    await api.app.request('/api/me', { headers: { authorization: 'Bearer vigil_t_000000000000_' + 'A'.repeat(43) } });
    const log = (await (await api.call('auditor', '/api/audit?limit=1000')).json()) as { results: { seq: number; actor: string; action: string; target: string | null; outcome: string; details: Record<string, unknown> }[] };
    const find = (action: string) => log.results.filter((r) => r.action === action);
    const screening = find('screen').at(-1)!;
    assert.equal(screening.actor, 'user:omar');
    assert.equal(screening.target, screened.travellerKey);
    assert.deepEqual((screening.details.traveller as object), { name: 'Abou Ayoub el-Forati', dob: '1979' });
    assert.deepEqual((screening.details.hits as { entry: string }[]).map((h) => h.entry), screened.candidates.map((c) => c.entryId));
    assert.deepEqual(find('document.view').map((r) => [r.actor, r.target]), [['user:leila', documents.results[0]!.id]]);
    assert.deepEqual(find('access.denied').map((r) => [r.actor, r.target, r.outcome]), [['user:omar', 'GET /api/documents', 'denied']]);
    assert.deepEqual(find('auth.token').map((r) => r.details.reason), ['not a Vigil token', 'unknown token', 'revoked', 'expired', 'user disabled', 'unknown token'], 'every refused token, the first test\'s too');
    assert.equal(find('auth.token').at(-1)!.target, 't_000000000000');
    assert.ok(find('users.add').length === 6 && find('tokens.create').length >= 6, 'who was given access, and how, is recorded too');
    const verified = (await (await api.call('auditor', '/api/audit/verify')).json()) as { records: number; problem: unknown; head: { seq: number } };
    assert.equal(verified.problem, null);
    assert.equal(verified.records, log.results.length);
    assert.equal(verified.head.seq, log.results.at(-1)!.seq);
  });

  it('limits the requests of one caller, answering 429 with the seconds to wait', async () => {
    const limited = await openApiFixture({ rateLimit: { requests: 3, windowMs: 60_000 } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.call('analyst', '/api/me')).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const over = await limited.call('analyst', '/api/me');
      assert.equal(over.headers.get('retry-after'), '60');
      assert.equal((await limited.call('screener', '/api/me')).status, 200, 'another caller is not held up');
      limited.clock.advance(60_000);
      assert.equal((await limited.call('analyst', '/api/me')).status, 200, 'the next minute');
    } finally {
      await limited.close();
    }
  });
});

describe('API sign-in with a password and a browser session', () => {
  let api: ApiFixture;
  before(async () => {
    api = await openApiFixture({ access: { throttle: { perAccount: 3, perAddress: 50, windowMs: 15 * 60_000 } } });
  });
  after(() => api.close());

  const signIn = (body: unknown) => api.send(null, '/api/session', body);
  const withCookie = (cookie: string, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    return api.app.request(path, { ...init, headers });
  };

  it('asks for a new password with a one-time one, refuses a weak one, then opens a session', async () => {
    const first = await signIn({ name: 'leila', password: api.passwords.analyst });
    assert.equal(first.status, 403);
    assert.equal((await errorOf(first)).code, 'auth.password-change-required');
    const weak = await signIn({ name: 'leila', password: api.passwords.analyst, newPassword: 'short' });
    assert.equal(weak.status, 400);
    assert.match((await errorOf(weak)).message, /newPassword: a password needs at least 12 characters/);
    const changed = await signIn({ name: 'Leila', password: api.passwords.analyst, newPassword: 'olive groves of Idlib' });
    assert.equal(changed.status, 200);
    const cookie = changed.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^vigil_session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    const { csrf, user } = (await changed.json()) as { csrf: string; user: { name: string; mustChangePassword: boolean } };
    assert.deepEqual([user.name, user.mustChangePassword], ['leila', false]);
    assert.equal((await signIn({ name: 'leila', password: api.passwords.analyst })).status, 401, 'the one-time password is spent');
    const session = cookie.split(';')[0]!;
    const me = (await (await withCookie(session, '/api/me')).json()) as { actor: string; via: string; csrf: string };
    assert.deepEqual([me.actor, me.via, me.csrf], ['user:leila', 'session', csrf]);
  });

  it('needs the anti-forgery token for every change made with a session', async () => {
    const signed = await signIn({ name: 'leila', password: 'olive groves of Idlib' });
    const session = signed.headers.get('set-cookie')!.split(';')[0]!;
    const { csrf } = (await signed.json()) as { csrf: string };
    const people = (await (await withCookie(session, '/api/entities?type=PERSON')).json()) as { results: { id: string }[] };
    const promote = (headers: Record<string, string>) =>
      withCookie(session, '/api/watchlist/promote', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ entityId: people.results[0]!.id }) });
    const forged = await promote({});
    assert.deepEqual([forged.status, (await errorOf(forged)).code], [403, 'auth.csrf']);
    assert.equal((await promote({ 'x-csrf-token': csrf.slice(0, -1) + 'x' })).status, 403);
    assert.equal((await promote({ 'x-csrf-token': csrf })).status, 201);
  });

  it('ends a session at sign-out, after 30 minutes idle and after 12 hours in all', async () => {
    const open = async () => {
      const signed = await signIn({ name: 'leila', password: 'olive groves of Idlib' });
      return { session: signed.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await signed.json()) as { csrf: string }).csrf };
    };
    const out = await open();
    const signedOut = await withCookie(out.session, '/api/session', { method: 'DELETE', headers: { 'x-csrf-token': out.csrf } });
    assert.equal(signedOut.status, 200);
    assert.match(signedOut.headers.get('set-cookie') ?? '', /vigil_session=; Max-Age=0/);
    const after = await withCookie(out.session, '/api/me');
    assert.deepEqual([after.status, (await errorOf(after)).code], [401, 'auth.session-over']);

    const idle = await open();
    api.clock.advance(29 * 60_000);
    assert.equal((await withCookie(idle.session, '/api/me')).status, 200);
    api.clock.advance(29 * 60_000);
    assert.equal((await withCookie(idle.session, '/api/me')).status, 200, 'each use restarts the idle clock');
    api.clock.advance(31 * 60_000);
    assert.equal((await withCookie(idle.session, '/api/me')).status, 401, 'idle too long');

    const long = await open();
    for (let hour = 0; hour < 12; hour++) {
      api.clock.advance(20 * 60_000);
      assert.equal((await withCookie(long.session, '/api/me')).status, 200);
      api.clock.advance(20 * 60_000);
      assert.equal((await withCookie(long.session, '/api/me')).status, 200);
      api.clock.advance(20 * 60_000);
      const status = (await withCookie(long.session, '/api/me')).status;
      assert.equal(status, hour < 11 ? 200 : 401, `after ${hour + 1} h`);
    }
  });

  it('answers a wrong password and an unknown user alike, and holds an account after repeated failures', async () => {
    const wrong = await signIn({ name: 'leila', password: 'not her password at all' });
    const nobody = await signIn({ name: 'nobody-here', password: 'not her password at all' });
    assert.deepEqual([wrong.status, await errorOf(wrong)], [nobody.status, await errorOf(nobody)]);
    assert.equal((await signIn({ name: 'leila', password: 'still not her password' })).status, 401);
    assert.equal((await signIn({ name: 'leila', password: 'nor this one, surely' })).status, 401);
    const held = await signIn({ name: 'leila', password: 'olive groves of Idlib' });
    const refusal = await errorOf(held);
    assert.deepEqual([held.status, refusal.code], [429, 'auth.throttled'], 'three failures: even the right password waits');
    assert.match(refusal.message, /try again in 15 min/);
    api.clock.advance(15 * 60_000 + 1000);
    assert.equal((await signIn({ name: 'leila', password: 'olive groves of Idlib' })).status, 200);
  });

  it('ends every session of a user who is disabled', async () => {
    const signed = await signIn({ name: 'leila', password: 'olive groves of Idlib' });
    const session = signed.headers.get('set-cookie')!.split(';')[0]!;
    await api.vigil.access.setDisabled('leila', true, 'cli:test');
    await api.vigil.access.setDisabled('leila', false, 'cli:test');
    assert.equal((await withCookie(session, '/api/me')).status, 401, 'enabling again does not bring the session back');
  });
});

describe('OpenAPI description', () => {
  it('describes every route, with the schemas the server validates with and the permission each needs', async () => {
    const api = await openApiFixture();
    try {
      const response = await api.call(null, '/api/openapi.json');
      assert.equal(response.status, 200);
      const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { 'x-vigil-permission': string; requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, unknown>; required?: string[] } } } }; parameters?: { name: string; in: string; required: boolean }[] }>> };
      assert.equal(doc.openapi, '3.1.0');
      const described = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
      assert.deepEqual(described.sort(), apiRoutes.map((r) => `${r.method} ${r.path}`).sort());
      const screen = doc.paths['/api/screen']!.post!;
      assert.equal(screen['x-vigil-permission'], 'screen');
      assert.ok(screen.requestBody?.content['application/json'].schema.properties?.dob, 'the traveller schema');
      const search = doc.paths['/api/search']!.get!;
      assert.deepEqual(search.parameters?.find((p) => p.name === 'q'), { name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 1000 } });
      const path = doc.paths['/api/network/path']!.get!;
      assert.deepEqual(path.parameters?.find((p) => p.name === 'from'), { name: 'from', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } });
      assert.deepEqual(doc.paths['/api/documents/{id}']!.get!.parameters?.[0], { name: 'id', in: 'path', required: true, schema: { type: 'string' } });
    } finally {
      await api.close();
    }
  });
});

describe('API logs', () => {
  it('say which route was called by whom, never a password, token, cookie, traveller or document text', async () => {
    const lines: string[] = [];
    const api = await openApiFixture({ logger: createLogger('debug', (line) => lines.push(line)) });
    try {
      const newPassword = 'cedar trees of Afrin';
      const signed = await api.send(null, '/api/session', { name: 'yusuf', password: api.passwords['watchlist-manager'], newPassword });
      const cookie = signed.headers.get('set-cookie')!.split(';')[0]!;
      await api.send('screener', '/api/screen', { name: 'Kais Hammad Tikriti', dob: '1979-04-11' });
      const documents = (await (await api.call('analyst', '/api/documents')).json()) as { results: { id: string }[] };
      await api.call('analyst', `/api/documents/${documents.results[0]!.id}`);
      await api.call(null, '/api/me', { headers: { authorization: 'Bearer vigil_t_000000000000_' + 'B'.repeat(43) } });
      const log = lines.join('\n');
      assert.match(log, /"event":"api.request","method":"POST","route":"\/api\/screen","actor":"user:omar"/);
      for (const secret of [api.passwords['watchlist-manager'], newPassword, cookie.split('=')[1]!, api.tokens.screener, 'B'.repeat(43), 'Kais Hammad', 'Tikriti', 'Deir ez-Zor']) {
        assert.ok(!log.includes(secret), `the logs hold "${secret.slice(0, 12)}…"`);
      }
    } finally {
      await api.close();
    }
  });
});
