import { z } from 'zod';
import { entityTypes, type EntityType } from '../../store/index.js';
import { defineRoute, readerOf } from '../route.js';

const listQuery = z.object({
  type: z.enum(entityTypes as [EntityType, ...EntityType[]]).optional(),
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
const tag = 'entities';

export const entityRoutes = [
  defineRoute({
    method: 'GET', path: '/api/entities', tag, access: 'haul:read', query: listQuery,
    summary: 'Entities, most mentioned first, of one type when asked',
    handle: async (input) => input.vigil.entities({ type: input.query.type }, { cursor: input.query.cursor, limit: input.query.limit }, readerOf(input)),
  }),
  defineRoute({
    method: 'GET', path: '/api/entities/decisions', tag, access: 'haul:read',
    summary: "Analysts' merges and splits, oldest first",
    handle: async (input) => ({ results: await input.vigil.entityDecisions(undefined, readerOf(input)) }),
  }),
  defineRoute({
    method: 'POST', path: '/api/entities/merge', tag, access: 'entities:decide', body: mergeBody,
    summary: 'Merge entities into one (kept and replayed when documents are read again)',
    handle: async (input) => {
      const { actor, scope } = readerOf(input);
      return input.vigil.mergeEntities(input.body.target, input.body.others, { actor, scope, note: input.body.note });
    },
  }),
  defineRoute({
    method: 'GET', path: '/api/entities/:id', tag, access: 'haul:read',
    summary: 'One entity: canonical name, aliases, type and counts',
    handle: async (input) => input.vigil.entity(input.params.id!, readerOf(input)),
  }),
  defineRoute({
    method: 'GET', path: '/api/entities/:id/mentions', tag, access: 'haul:read',
    summary: "Every mention of an entity, with its document, offsets and sentence",
    handle: async (input) => ({ results: await input.vigil.entityMentions(input.params.id!, readerOf(input)) }),
  }),
  defineRoute({
    method: 'GET', path: '/api/entities/:id/decisions', tag, access: 'haul:read',
    summary: "Analysts' merges and splits about one entity",
    handle: async (input) => ({ results: await input.vigil.entityDecisions(input.params.id!, readerOf(input)) }),
  }),
  defineRoute({
    method: 'POST', path: '/api/entities/:id/split', tag, access: 'entities:decide', body: splitBody, status: 201,
    summary: 'Split mentions off an entity, by spelling and/or document',
    handle: async (input) => {
      const { actor, scope } = readerOf(input);
      return input.vigil.splitEntity(input.params.id!, { names: input.body.names, documents: input.body.documents }, { actor, scope, note: input.body.note });
    },
  }),
];
