import { Hono } from 'hono';
import { z } from 'zod';
import type { Vigil } from '../../app.js';
import { entityTypes } from '../../store/index.js';
import { validQuery } from '../validate.js';

const listQuery = z.object({
  type: z.enum(entityTypes as [string, ...string[]]).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export function entityRoutes(vigil: Vigil): Hono {
  return new Hono()
    .get('/', async (c) => {
      const { type, cursor, limit } = validQuery(c, listQuery);
      return c.json(await vigil.entities({ type: type as (typeof entityTypes)[number] | undefined }, { cursor, limit }));
    })
    .get('/:id', async (c) => c.json(await vigil.entity(c.req.param('id'))));
}
