import { Hono } from 'hono';
import { z } from 'zod';
import type { Vigil } from '../../app.js';
import { travellerInput } from '../../screen/index.js';
import { validBody } from '../validate.js';

const screenBody = travellerInput.extend({
  limit: z.number().int().min(1).max(100).optional(),
  minScore: z.number().min(0).max(1).optional(),
});

export function screenRoutes(vigil: Vigil): Hono {
  return new Hono().post('/', async (c) => {
    const { limit, minScore, ...traveller } = await validBody(c, screenBody);
    const started = performance.now();
    const candidates = await vigil.screen(traveller, { limit, minScore });
    return c.json({ candidates, tookMs: Math.round((performance.now() - started) * 100) / 100 });
  });
}
