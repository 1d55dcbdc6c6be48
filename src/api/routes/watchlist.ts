import { Hono } from 'hono';
import { z } from 'zod';
import type { Vigil } from '../../app.js';
import { defaultList, watchlistEntryInput } from '../../watchlist/index.js';
import { validBody, validQuery } from '../validate.js';

const listQuery = z.object({ list: z.string().optional(), status: z.enum(['active', 'removed']).optional() });
const addBody = watchlistEntryInput.extend({ list: z.string().trim().min(1).default(defaultList) });
const thresholdsBody = z.object({ match: z.number().gt(0).max(1), review: z.number().gt(0).max(1) });
const promoteBody = z.object({ entityId: z.string().min(1), list: z.string().trim().min(1).default(defaultList) });

// Until sign-in exists (issue 7) the history can only say that a change came through the API.
const apiActor = 'api';

export function watchlistRoutes(vigil: Vigil): Hono {
  return new Hono()
    .get('/thresholds', async (c) => c.json(await vigil.thresholds()))
    .put('/thresholds/:list', async (c) => c.json(await vigil.setThresholds(c.req.param('list'), await validBody(c, thresholdsBody), apiActor)))
    .get('/:id/history', async (c) => c.json({ results: await vigil.watchlistHistory(c.req.param('id')) }))
    .get('/', async (c) => {
      const { list, status } = validQuery(c, listQuery);
      return c.json({ results: await vigil.watchlist({ list, status }) });
    })
    .post('/', async (c) => {
      const { list, ...entry } = await validBody(c, addBody);
      return c.json(await vigil.addWatchlistEntry(entry, list, apiActor), 201);
    })
    .post('/promote', async (c) => {
      const { entityId, list } = await validBody(c, promoteBody);
      const result = await vigil.promote(entityId, list, apiActor);
      return c.json(result, result.created ? 201 : 200);
    });
}
