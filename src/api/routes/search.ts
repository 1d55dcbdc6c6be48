import { Hono } from 'hono';
import { z } from 'zod';
import type { Vigil } from '../../app.js';
import { validQuery } from '../validate.js';

const searchQuery = z.object({
  q: z.string().min(1, 'is required'),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export function searchRoutes(vigil: Vigil): Hono {
  return new Hono().get('/', async (c) => {
    const { q, cursor, limit } = validQuery(c, searchQuery);
    return c.json(await vigil.search({ query: q, cursor, limit }));
  });
}
