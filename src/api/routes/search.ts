import { z } from 'zod';
import { defineRoute, readerOf } from '../route.js';
import { datesInOrder, documentFilterOf, documentFilterShape } from './document-filter.js';

const searchQuery = z
  .object({
    ...documentFilterShape,
    /** 1: also count the matching documents by entity, type, place, month, collection, language and format. */
    facets: z.enum(['0', '1']).optional(),
    cursor: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .superRefine(datesInOrder);
const placesQuery = z.object(documentFilterShape).superRefine(datesInOrder);

export const searchRoutes = [
  defineRoute({
    method: 'GET', path: '/api/search', tag: 'search', access: 'haul:read', query: searchQuery,
    summary: 'Search: "phrases", -exclusions, OR, and filters by entity, type, place, date, collection, language and format; results with snippets, highlights, a total and (facets=1) facets',
    handle: async (input) => {
      const { q, cursor, limit, facets } = input.query;
      return input.vigil.search({ query: q, filter: documentFilterOf(input.query), facets: facets === '1', cursor, limit }, readerOf(input));
    },
  }),
  defineRoute({
    method: 'GET', path: '/api/places', tag: 'search', access: 'haul:read', query: placesQuery,
    summary: 'The places with coordinates that the documents matching the search filters mention, most documents first',
    handle: async (input) => input.vigil.places({ query: input.query.q, filter: documentFilterOf(input.query) }, readerOf(input)),
  }),
];
