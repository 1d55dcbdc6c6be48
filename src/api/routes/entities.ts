import { z } from 'zod';
import { VigilError } from '../../errors.js';
import { defineRoute, readerOf } from '../route.js';
import { typeListParameter } from './document-filter.js';

const listQuery = z.object({
  /** A piece of a name or alias (any case, with or without accents); absent: every entity, most mentioned first. */
  q: z.string().min(1).max(200).optional(),
  type: typeListParameter,
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const relatedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  types: typeListParameter,
});
const mentionsQuery = z.object({
  context: z.enum(['0', '1']).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
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
    summary: 'Entities, most mentioned first, of one type when asked; with q, those a spelling of which contains q (names starting with it first)',
    handle: async (input) => {
      const { q, type, cursor, limit } = input.query;
      if (q !== undefined) return input.vigil.findEntities(q, { types: type }, { cursor, limit }, readerOf(input));
      if (type !== undefined && type.length > 1) throw new VigilError('input', 'api.invalid-query', 'query parameter type: give one type, or several with q');
      return input.vigil.entities({ type: type?.[0] }, { cursor, limit }, readerOf(input));
    },
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
    method: 'GET', path: '/api/entities/:id/mentions', tag, access: 'haul:read', query: mentionsQuery,
    summary: "Every mention of an entity, with its document, offsets and sentence; with context=1, the first `limit` (default 500) with the sentence's text and the document's title, and the total",
    handle: async (input) => {
      const { id } = input.params;
      if (input.query.context !== '1') return { results: await input.vigil.entityMentions(id!, readerOf(input)) };
      return input.vigil.entityMentionsInContext(id!, input.query.limit ?? 500, readerOf(input));
    },
  }),
  defineRoute({
    method: 'GET', path: '/api/entities/:id/related', tag, access: 'haul:read', query: relatedQuery,
    summary: 'Entities mentioned in the same documents, most shared documents first (types: default every type but dates, sums and counts)',
    handle: async (input) => ({ results: await input.vigil.relatedEntities(input.params.id!, input.query, readerOf(input)) }),
  }),
  defineRoute({
    method: 'GET', path: '/api/entities/:id/timeline', tag, access: 'haul:read',
    summary: "An entity's mentions and documents by month of the document's date; year-only and undated apart",
    handle: async (input) => input.vigil.entityTimeline(input.params.id!, readerOf(input)),
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
