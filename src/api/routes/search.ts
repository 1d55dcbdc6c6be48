import { z } from 'zod';
import { defineRoute, readerOf } from '../route.js';

const searchQuery = z.object({
  q: z.string().min(1, 'is required'),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const searchRoutes = [
  defineRoute({
    method: 'GET', path: '/api/search', tag: 'search', access: 'haul:read', query: searchQuery,
    summary: 'Full-text search: "phrases", -exclusions, OR; results with snippets, highlights and a total',
    handle: async (input) => input.vigil.search({ query: input.query.q, cursor: input.query.cursor, limit: input.query.limit }, readerOf(input)),
  }),
];
