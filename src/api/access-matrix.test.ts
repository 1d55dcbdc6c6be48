// Every API route called as every role and as nobody, against a table written out here by hand: a route added
// without a line here fails, and so does any change to who may call what.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { roles, type Role } from '../access/index.js';
import { openApiFixture, type ApiFixture } from './api.fixture.js';
import { apiRoutes } from './server.js';

/**
 * Each route that reads the haul, called with an id or a query from the Raqqa case: `inside` (the case's analyst)
 * must get it, `outside` (the Mosul analyst) must not — a 404 for one item, nothing of it in a list or count.
 */
interface CollectionCase {
  path: (ids: RaqqaIds) => string;
  body?: (ids: RaqqaIds) => unknown;
  /** For lists and counts: whether the answer shows the Raqqa item. */
  shows?: (body: unknown, ids: RaqqaIds) => boolean;
}
interface RaqqaIds {
  document: string;
  entity: string;
  /** An entity an analyst of the case merged another into. */
  decided: string;
}
const json = (value: unknown) => JSON.stringify(value);
const collectionCases: Record<string, CollectionCase> = {
  'GET /api/summary': { path: () => '/api/summary', shows: (b) => (b as { documents: number }).documents > 1 },
  'GET /api/search': { path: () => '/api/search?q=Mirhan', shows: (b) => (b as { total: number }).total > 0 },
  'GET /api/places': { path: () => '/api/places', shows: (b) => json(b).includes('Deir ez-Zor') },
  'GET /api/documents': { path: () => '/api/documents', shows: (b, ids) => json(b).includes(ids.document) },
  'GET /api/documents/:id': { path: (ids) => `/api/documents/${ids.document}` },
  'GET /api/documents/:id/mentions': { path: (ids) => `/api/documents/${ids.document}/mentions` },
  'GET /api/documents/:id/original': { path: (ids) => `/api/documents/${ids.document}/original` },
  'GET /api/entities': { path: () => '/api/entities', shows: (b, ids) => json(b).includes(ids.entity) },
  'GET /api/entities/decisions': { path: () => '/api/entities/decisions', shows: (b, ids) => json(b).includes(ids.decided) },
  'GET /api/entities/:id': { path: (ids) => `/api/entities/${ids.entity}` },
  'GET /api/entities/:id/mentions': { path: (ids) => `/api/entities/${ids.entity}/mentions` },
  'GET /api/entities/:id/decisions': { path: (ids) => `/api/entities/${ids.entity}/decisions` },
  'GET /api/entities/:id/related': { path: (ids) => `/api/entities/${ids.entity}/related` },
  'GET /api/entities/:id/timeline': { path: (ids) => `/api/entities/${ids.entity}/timeline` },
  'GET /api/network': { path: (ids) => `/api/network?entities=${ids.entity}` },
  'GET /api/network/path': { path: (ids) => `/api/network/path?from=${ids.entity}&to=${ids.entity}` },
  'POST /api/entities/merge': { path: () => '/api/entities/merge', body: (ids) => ({ target: ids.entity, others: [ids.entity] }) },
  'POST /api/entities/:id/split': { path: (ids) => `/api/entities/${ids.entity}/split`, body: () => ({ names: ['no such spelling'] }) },
  'POST /api/watchlist/promote': { path: () => '/api/watchlist/promote', body: (ids) => ({ entityId: ids.entity }) },
};
const readsTheHaul = (access: string) => ['haul:read', 'entities:decide', 'watchlist:propose'].includes(access);
const watchlistOnly = new Set(['GET /api/watchlist', 'GET /api/watchlist/thresholds', 'GET /api/watchlist/:id/history']);

const everyone = 'public' as const;
const anyUser = 'signed-in' as const;
const haulReaders: Role[] = ['analyst', 'watchlist-manager'];

/** Who may call each route: `public` (no sign-in), `signed-in` (any role), or the roles allowed. */
const expected: Record<string, typeof everyone | typeof anyUser | Role[]> = {
  'GET /api/health': everyone,
  'GET /api/openapi.json': everyone,
  'POST /api/session': everyone,
  'GET /api/me': anyUser,
  'DELETE /api/session': anyUser,
  'GET /api/summary': haulReaders,
  // Counts across every case: for whoever runs the system, not for one case's analyst.
  'GET /api/ingest/queue': ['admin'],
  'GET /api/search': haulReaders,
  'GET /api/places': haulReaders,
  'GET /api/documents': haulReaders,
  'GET /api/documents/:id': haulReaders,
  'GET /api/documents/:id/mentions': haulReaders,
  'GET /api/documents/:id/original': haulReaders,
  'GET /api/entities': haulReaders,
  'GET /api/entities/decisions': haulReaders,
  'GET /api/entities/:id': haulReaders,
  'GET /api/entities/:id/mentions': haulReaders,
  'GET /api/entities/:id/decisions': haulReaders,
  'GET /api/entities/:id/related': haulReaders,
  'GET /api/entities/:id/timeline': haulReaders,
  'GET /api/network': haulReaders,
  'GET /api/network/path': haulReaders,
  'POST /api/entities/merge': ['analyst'],
  'POST /api/entities/:id/split': ['analyst'],
  'GET /api/watchlist': haulReaders,
  'GET /api/watchlist/thresholds': haulReaders,
  'GET /api/watchlist/:id/history': haulReaders,
  'POST /api/watchlist/promote': haulReaders,
  'POST /api/watchlist': ['watchlist-manager'],
  'PUT /api/watchlist/thresholds/:list': ['watchlist-manager'],
  // An analyst proposes (promote, above) but may not approve, edit, remove or import; a screener screens, never edits.
  'POST /api/watchlist/import': ['watchlist-manager'],
  'PUT /api/watchlist/:id': ['watchlist-manager'],
  'DELETE /api/watchlist/:id': ['watchlist-manager'],
  'POST /api/watchlist/:id/approve': ['watchlist-manager'],
  'POST /api/watchlist/:id/reject': ['watchlist-manager'],
  'POST /api/screen': ['screener'],
  'POST /api/screen/batch': ['screener'],
  'POST /api/screen/manifest': ['screener'],
  'POST /api/screen/decisions': ['screener'],
  'GET /api/screen/decisions': ['screener'],
  'POST /api/docs/check': ['screener'],
  'GET /api/audit': ['auditor'],
  'GET /api/audit/verify': ['auditor'],
  // An administrator runs the system (users) without reading what it holds.
  'GET /api/users': ['admin'],
  'GET /api/collections': ['admin'],
  'POST /api/users': ['admin'],
  'PUT /api/users/:name': ['admin'],
  'POST /api/users/:name/disable': ['admin'],
  'POST /api/users/:name/enable': ['admin'],
  'POST /api/users/:name/reset-password': ['admin'],
};

describe('who may call each API route', () => {
  let api: ApiFixture;
  before(async () => {
    api = await openApiFixture();
  });
  after(() => api.close());

  it('has a line in this table for every route the server mounts, and a route for every line', () => {
    const mounted = apiRoutes.map((r) => `${r.method} ${r.path}`).sort();
    assert.deepEqual(mounted, Object.keys(expected).sort());
  });

  for (const route of apiRoutes) {
    const key = `${route.method} ${route.path}`;
    it(`${key}: ${JSON.stringify(expected[key])}`, async () => {
      const allowed = expected[key];
      assert.ok(allowed, `${key} is missing from the table`);
      // An empty body and placeholder ids: an allowed call may then fail validation (400) or find nothing (404),
      // but only a refused one answers auth.required or auth.forbidden.
      const path = route.path.replace(/:(\w+)/g, 'x');
      const init: RequestInit = route.method === 'GET' ? {} : { method: route.method, headers: { 'content-type': 'application/json' }, body: '{}' };
      const outcome = async (role: Role | null) => {
        const response = await api.call(role, path, init);
        const body = response.headers.get('content-type')?.includes('json') ? ((await response.json()) as { error?: { code: string } }) : {};
        return { status: response.status, code: body.error?.code ?? null };
      };
      const anonymous = await outcome(null);
      if (allowed === everyone) assert.notEqual(anonymous.status, 401, 'open to anyone');
      else assert.deepEqual(anonymous, { status: 401, code: 'auth.required' }, 'refused without sign-in');
      for (const role of roles) {
        const got = await outcome(role);
        const may = allowed === everyone || allowed === anyUser || allowed.includes(role);
        if (may) assert.ok(![401, 403].includes(got.status), `${role} may call ${key}, got ${got.status} ${got.code}`);
        else assert.deepEqual(got, { status: 403, code: 'auth.forbidden' }, `${role} may not call ${key}`);
      }
    });
  }

  describe('with and without access to the collection', () => {
    let ids: RaqqaIds;
    before(async () => {
      const documents = (await (await api.call('analyst', '/api/documents')).json()) as { results: { id: string }[] };
      const people = (await (await api.call('analyst', '/api/entities?type=PERSON')).json()) as { results: { id: string; name: string }[] };
      ids = { document: documents.results[0]!.id, entity: people.results.find((e) => /Mirhan/.test(e.name))!.id, decided: '' };
      // A decision about two places only the Raqqa case names, for the list of decisions to show or not.
      const places = (await (await api.call('analyst', '/api/entities?type=LOCATION')).json()) as { results: { id: string; name: string }[] };
      const mosul = json(await (await api.call('other-analyst', '/api/entities?type=LOCATION')).json());
      const [target, other] = places.results.filter((p) => !mosul.includes(p.id));
      assert.ok(target && other, 'two places named in Raqqa only');
      const merged = await api.send('analyst', '/api/entities/merge', { target: target.id, others: [other.id] });
      assert.equal(merged.status, 200, await merged.text());
      ids.decided = target.id;
    });

    it('has a case here for every route that reads the haul (the watchlist, read whole, aside)', () => {
      const haulRoutes = apiRoutes.filter((r) => readsTheHaul(r.access) && !watchlistOnly.has(`${r.method} ${r.path}`)).map((r) => `${r.method} ${r.path}`);
      assert.deepEqual(haulRoutes.sort(), Object.keys(collectionCases).sort());
    });

    for (const [key, test] of Object.entries(collectionCases)) {
      it(`${key}: the case's analyst reads it, another case's does not`, async () => {
        const method = key.split(' ')[0]!;
        const request = (role: 'analyst' | 'other-analyst') =>
          test.body ? api.send(role, test.path(ids), test.body(ids), method) : api.call(role, test.path(ids));
        const [inside, outside] = [await request('analyst'), await request('other-analyst')];
        const bodyOf = async (r: Response) => (r.headers.get('content-type')?.includes('json') ? r.json() : r.text());
        const [insideBody, outsideBody] = [await bodyOf(inside), await bodyOf(outside)];
        if (test.shows) {
          assert.equal(inside.status, 200);
          assert.equal(outside.status, 200);
          assert.equal(test.shows(insideBody, ids), true, `the Raqqa analyst sees it: ${json(insideBody).slice(0, 200)}`);
          assert.equal(test.shows(outsideBody, ids), false, `the Mosul analyst does not: ${json(outsideBody).slice(0, 200)}`);
        } else {
          assert.notEqual(inside.status, 404, `inside: ${json(insideBody)}`);
          assert.ok(![401, 403].includes(inside.status), `inside: ${json(insideBody)}`);
          assert.equal(outside.status, 404, `outside: ${json(outsideBody)}`);
        }
      });
    }
  });
});
