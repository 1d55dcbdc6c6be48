import { Hono } from 'hono';
import { z } from 'zod';
import type { Vigil } from '../../app.js';
import { validQuery } from '../validate.js';

const listQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export function documentRoutes(vigil: Vigil): Hono {
  return new Hono()
    .get('/', async (c) => {
      const page = await vigil.documents(validQuery(c, listQuery));
      // Lists carry provenance, not full texts; GET /api/documents/:id has the text.
      return c.json({ ...page, results: page.results.map(({ text, ...rest }) => ({ ...rest, characters: text.length })) });
    })
    .get('/:id', async (c) => c.json(await vigil.document(c.req.param('id'))))
    .get('/:id/mentions', async (c) => c.json({ results: await vigil.documentMentions(c.req.param('id')) }));
}
