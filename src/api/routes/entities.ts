import { Hono } from 'hono';
import { z } from 'zod';
import type { Vigil } from '../../app.js';
import { entityTypes } from '../../store/index.js';
import { validBody, validQuery } from '../validate.js';

const listQuery = z.object({
  type: z.enum(entityTypes as [string, ...string[]]).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const mergeBody = z.object({
  target: z.string().min(1),
  others: z.array(z.string().min(1)).min(1).max(100),
  note: z.string().max(2000).optional(),
});
const splitBody = z
  .object({
    names: z.array(z.string().min(1)).max(100).optional(),
    documents: z.array(z.string().min(1)).max(1000).optional(),
    note: z.string().max(2000).optional(),
  })
  .refine((b) => (b.names?.length ?? 0) + (b.documents?.length ?? 0) > 0, { message: 'give names and/or documents saying which mentions to split off' });

// Until sign-in exists (issue 7) a decision can only say that it came through the API.
const apiActor = 'api';

export function entityRoutes(vigil: Vigil): Hono {
  return new Hono()
    .get('/', async (c) => {
      const { type, cursor, limit } = validQuery(c, listQuery);
      return c.json(await vigil.entities({ type: type as (typeof entityTypes)[number] | undefined }, { cursor, limit }));
    })
    .get('/decisions', async (c) => c.json({ results: await vigil.entityDecisions() }))
    .post('/merge', async (c) => {
      const { target, others, note } = await validBody(c, mergeBody);
      return c.json(await vigil.mergeEntities(target, others, { actor: apiActor, note }));
    })
    .get('/:id', async (c) => c.json(await vigil.entity(c.req.param('id'))))
    .get('/:id/mentions', async (c) => c.json({ results: await vigil.entityMentions(c.req.param('id')) }))
    .get('/:id/decisions', async (c) => c.json({ results: await vigil.entityDecisions(c.req.param('id')) }))
    .post('/:id/split', async (c) => {
      const { names, documents, note } = await validBody(c, splitBody);
      return c.json(await vigil.splitEntity(c.req.param('id'), { names, documents }, { actor: apiActor, note }), 201);
    });
}
