import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Vigil } from '../../app.js';
import { travellerInput } from '../../screen/index.js';
import { validBody, validQuery } from '../validate.js';

const screenOptions = {
  limit: z.number().int().min(1).max(100).optional(),
  minScore: z.number().min(0).max(1).optional(),
};
// A machine-readable zone alone is enough: the name, birth date, nationality and document are read from it.
const screenBody = travellerInput
  .extend({ name: travellerInput.shape.name.optional(), mrz: z.string().trim().min(1).max(300).optional(), ...screenOptions })
  .refine((body) => body.name !== undefined || body.mrz !== undefined, { message: 'a name or an MRZ is required', path: ['name'] });
// Each traveller is checked by the screener itself, so that one bad row is reported in its place, not as a 400.
const batchBody = z.object({
  travellers: z
    .array(z.looseObject({ id: z.string().min(1, 'each traveller needs an id') }))
    .min(1, 'at least one traveller')
    .max(10_000, 'at most 10,000 travellers a request'),
  ...screenOptions,
});

const decisionBody = z.object({
  travellerKey: z.string().min(1),
  entryId: z.string().min(1),
  decision: z.enum(['true-match', 'false-match']),
  note: z.string().max(2000).optional(),
});
const decisionsQuery = z.object({ travellerKey: z.string().min(1, 'is required') });

export function screenRoutes(vigil: Vigil): Hono {
  return new Hono()
    // Until sign-in exists (issue 7) a decision can only record that it came through the API.
    .post('/decisions', async (c) => c.json(await vigil.decide(await validBody(c, decisionBody), 'api'), 201))
    .get('/decisions', async (c) => c.json({ results: await vigil.decisions(validQuery(c, decisionsQuery).travellerKey) }))
    .post('/', async (c) => {
      const { limit, minScore, ...traveller } = await validBody(c, screenBody);
      const started = performance.now();
      const result = await vigil.screen(traveller, { limit, minScore });
      return c.json({ ...result, tookMs: Math.round((performance.now() - started) * 100) / 100 });
    })
    .post(
      '/batch',
      // A manifest is larger than one traveller: up to 16 MiB.
      bodyLimit({ maxSize: 16 * 1024 * 1024, onError: (c) => c.json({ error: { code: 'api.too-large', message: 'request body over 16 MiB' } }, 413) }),
      async (c) => {
        const { travellers, limit, minScore } = await validBody(c, batchBody);
        const started = performance.now();
        const results = await vigil.screenBatch(
          travellers.map(({ id, ...traveller }) => ({ id, traveller })),
          { limit, minScore },
        );
        return c.json({ results, tookMs: Math.round((performance.now() - started) * 100) / 100 });
      },
    );
}
