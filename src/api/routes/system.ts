import { permissionsOf } from '../../access/index.js';
import { defineRoute, readerOf, signedIn } from '../route.js';

export const systemRoutes = [
  defineRoute({
    method: 'GET', path: '/api/health', tag: 'system', access: 'public',
    summary: 'Whether the server is up, and its version (nothing about what it holds)',
    handle: async ({ c }) => ({ status: 'ok', version: c.get('version') }),
  }),
  defineRoute({
    method: 'GET', path: '/api/me', tag: 'system', access: 'signed-in',
    summary: 'Who is signed in: name, role, permissions and collections (and the anti-forgery token of a browser session)',
    handle: async (input) => {
      const principal = signedIn(input);
      const role = principal.role === 'local' ? null : principal.role;
      return {
        actor: principal.actor,
        role,
        permissions: role ? permissionsOf(role) : [],
        collections: principal.collections,
        via: principal.via,
        ...(input.c.get('csrf') ? { csrf: input.c.get('csrf') } : {}),
      };
    },
  }),
  defineRoute({
    method: 'GET', path: '/api/ingest/queue', tag: 'system', access: 'users:manage',
    summary: "A distributed ingest's progress (PostgreSQL): files queued, being read and by how many workers, done, failed by reason, the last minute's throughput; null on the embedded store",
    handle: async ({ vigil }) => ({ queue: await vigil.queueStatus() }),
  }),
  defineRoute({
    method: 'GET', path: '/api/summary', tag: 'system', access: 'haul:read',
    summary: 'Counts of what the store holds: sources, documents, entities by type, watchlist entries',
    handle: async (input) => input.vigil.summary(readerOf(input)),
  }),
];
