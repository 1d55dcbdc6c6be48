import { z } from 'zod';
import { defaultList, watchlistEntryInput } from '../../watchlist/index.js';
import { defineRoute, readerOf, signedIn } from '../route.js';

const listQuery = z.object({ list: z.string().optional(), status: z.enum(['active', 'removed']).optional() });
const addBody = watchlistEntryInput.extend({ list: z.string().trim().min(1).default(defaultList) });
const thresholdsBody = z.object({ match: z.number().gt(0).max(1), review: z.number().gt(0).max(1) });
const promoteBody = z.object({ entityId: z.string().min(1), list: z.string().trim().min(1).default(defaultList) });
const tag = 'watchlist';

export const watchlistRoutes = [
  defineRoute({
    method: 'GET', path: '/api/watchlist/thresholds', tag, access: 'watchlist:read',
    summary: "Each list's match and review thresholds, and the defaults",
    handle: async ({ vigil }) => vigil.thresholds(),
  }),
  defineRoute({
    method: 'PUT', path: '/api/watchlist/thresholds/:list', tag, access: 'watchlist:edit', body: thresholdsBody,
    summary: "Set a list's thresholds (0 < review ≤ match ≤ 1)",
    handle: async (input) => input.vigil.setThresholds(input.params.list!, input.body, signedIn(input).actor),
  }),
  defineRoute({
    method: 'GET', path: '/api/watchlist/:id/history', tag, access: 'watchlist:read',
    summary: "An entry's versions: who changed what, when",
    handle: async (input) => ({ results: await input.vigil.watchlistHistory(input.params.id!, readerOf(input)) }),
  }),
  defineRoute({
    method: 'GET', path: '/api/watchlist', tag, access: 'watchlist:read', query: listQuery,
    summary: 'Watchlist entries, of one list or status when asked',
    handle: async (input) => ({ results: await input.vigil.watchlist(input.query, readerOf(input)) }),
  }),
  defineRoute({
    method: 'POST', path: '/api/watchlist', tag, access: 'watchlist:edit', body: addBody, status: 201,
    summary: 'Add an entry (names in every script, birth dates, nationalities, documents)',
    handle: async (input) => {
      const { list, ...entry } = input.body;
      return input.vigil.addWatchlistEntry(entry, list, signedIn(input).actor);
    },
  }),
  defineRoute({
    method: 'POST', path: '/api/watchlist/promote', tag, access: 'watchlist:propose', body: promoteBody,
    summary: 'Promote a person from the haul to a list (201 when the entry is new)',
    handle: async (input) => {
      const { actor, scope } = readerOf(input);
      const result = await input.vigil.promote(input.body.entityId, input.body.list, actor, scope);
      return input.c.json(result, result.created ? 201 : 200);
    },
  }),
];
