import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApiFixture, type ApiFixture } from './api.fixture.js';

describe('managing users over the API (administrators only)', () => {
  let api: ApiFixture;
  before(async () => {
    api = await openApiFixture();
  });
  after(() => api.close());

  const signIn = (body: Record<string, string>) => api.send(null, '/api/session', body);

  it('adds a user whose one-time password opens a first session that sets their own', async () => {
    const added = await api.send('admin', '/api/users', { name: 'rania', role: 'screener', collections: [] });
    assert.equal(added.status, 201);
    const { user, password } = (await added.json()) as { user: { name: string; role: string; mustChangePassword: boolean }; password: string };
    assert.deepEqual([user.name, user.role, user.mustChangePassword], ['rania', 'screener', true]);
    assert.equal((await signIn({ name: 'rania', password })).status, 403, 'the one-time password alone does not open a session');
    assert.equal((await signIn({ name: 'rania', password, newPassword: 'checkpoint desk 4 password' })).status, 200);
    const listed = (await (await api.call('admin', '/api/users')).json()) as { results: { name: string; mustChangePassword: boolean }[] };
    assert.equal(listed.results.find((u) => u.name === 'rania')!.mustChangePassword, false);
    assert.ok(!JSON.stringify(listed).includes('scrypt'), 'no password hash is ever sent');
  });

  it('lists the collections to give access to, with their sources', async () => {
    const listed = (await (await api.call('admin', '/api/collections')).json()) as { results: { name: string; sources: number }[] };
    assert.deepEqual(listed.results.map((c) => [c.name, c.sources]).sort(), [['mosul-2016', 1], ['raqqa-2017', 2]]);
  });

  it("changes a user's role and collections, disables and enables them, and resets a password", async () => {
    const changed = await api.send('admin', '/api/users/nadia', { collections: ['raqqa-2017', 'mosul-2016'] }, 'PUT');
    const nadia = (await changed.json()) as { name: string; collections: string[]; role: string };
    assert.deepEqual([nadia.name, nadia.role, [...nadia.collections].sort()], ['nadia', 'analyst', ['mosul-2016', 'raqqa-2017']]);
    assert.equal((await api.call('other-analyst', '/api/search?q=Mirhan').then((r) => r.json()) as { total: number }).total > 0, true, 'she reads the Raqqa case now');
    assert.equal((await api.send('admin', '/api/users/nadia/disable', {})).status, 200);
    assert.equal((await api.call('other-analyst', '/api/me')).status, 401, 'a disabled user’s token stops working at once');
    assert.equal((await api.send('admin', '/api/users/nadia/enable', {})).status, 200);
    assert.equal((await api.call('other-analyst', '/api/me')).status, 200);
    const reset = (await (await api.send('admin', '/api/users/leila/reset-password', {})).json()) as { password: string; user: { mustChangePassword: boolean } };
    assert.equal(reset.user.mustChangePassword, true);
    assert.equal((await signIn({ name: 'leila', password: reset.password, newPassword: 'a fresh one for the analyst' })).status, 200);
  });

  it('refuses a bad role, an unknown user, and an administrator locking themselves out', async () => {
    const badRole = await api.send('admin', '/api/users', { name: 'kamal', role: 'superuser' });
    assert.equal(badRole.status, 400);
    assert.match(((await badRole.json()) as { error: { message: string } }).error.message, /role "superuser" is not one of/);
    assert.equal((await api.send('admin', '/api/users/nobody/disable', {})).status, 404);
    const self = await api.send('admin', `/api/users/${api.users.admin}/disable`, {});
    assert.equal(self.status, 409);
    assert.equal(((await self.json()) as { error: { code: string } }).error.code, 'access.self');
    assert.equal((await api.send('admin', `/api/users/${api.users.admin}`, { role: 'analyst' }, 'PUT')).status, 409);
  });
});
