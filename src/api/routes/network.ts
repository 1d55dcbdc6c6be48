import { z } from 'zod';
import { defineRoute, readerOf } from '../route.js';
import { dateParameter, datesInOrder, listParameter, typeListParameter } from './document-filter.js';

const networkQuery = z
  .object({
    entities: listParameter(20).refine((ids) => ids !== undefined && ids.length > 0, 'give one or more entity ids'),
    limit: z.coerce.number().int().min(0).max(200).optional(),
    types: typeListParameter,
    from: dateParameter,
    to: dateParameter,
    minWeight: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .superRefine(datesInOrder);
const pathQuery = z.object({
  from: z.string().min(1, 'give the entity id the path starts from').max(200),
  to: z.string().min(1, 'give the entity id the path ends at').max(200),
  maxDepth: z.coerce.number().int().min(1).max(6).optional(),
  types: typeListParameter,
});
const tag = 'network';

export const networkRoutes = [
  defineRoute({
    method: 'GET', path: '/api/network', tag, access: 'haul:read', query: networkQuery,
    summary: 'Seed entities, their most co-mentioned neighbours and the links among them all (weight: documents mentioning both)',
    handle: async (input) => {
      const { entities, limit, types, from, to, minWeight } = input.query;
      return input.vigil.network({ entities: entities ?? [], limit, types, from, to, minWeight }, readerOf(input));
    },
  }),
  defineRoute({
    method: 'GET', path: '/api/network/path', tag, access: 'haul:read', query: pathQuery,
    summary: 'A shortest chain of co-mentions between two entities (null when none within maxDepth links)',
    handle: async (input) => input.vigil.networkPath(input.query, readerOf(input)),
  }),
];
