// The query parameters that filter the haul's documents, one schema for every view that lists or counts them
// (search, places): comma-separated lists, values within one parameter alternatives (OR), parameters all at once (AND).
import { z } from 'zod';
import { entityTypes, type DocumentFilter, type EntityType } from '../../store/index.js';

/** The words the UI and people use for entity types, besides the stored names (PERSON, ORG, …) in any case. */
const typeWords: Record<string, EntityType> = {
  ...Object.fromEntries(entityTypes.map((t) => [t.toLowerCase(), t])),
  person: 'PERSON', people: 'PERSON',
  organisation: 'ORG', organization: 'ORG',
  place: 'LOCATION',
  'e-mail': 'EMAIL',
  coordinate: 'COORDINATES',
};
const typeNames = 'person, organisation, place, phone, email, passport, date, money, count, url, coordinates';

const split = (value: string) => [...new Set(value.split(',').map((v) => v.trim()).filter((v) => v !== ''))];

/** A comma-separated list of up to `max` values (ids, codes), each of at most 200 characters. */
export function listParameter(max: number) {
  return z
    .string()
    .transform(split)
    .refine((values) => values.length <= max, `give at most ${max} values`)
    .refine((values) => values.every((v) => v.length <= 200), 'a value is over 200 characters')
    .optional();
}

/** Entity types, comma-separated, by their stored names or the usual words for them. */
export const typeListParameter = z
  .string()
  .transform((value, ctx) => {
    const types: EntityType[] = [];
    for (const word of split(value)) {
      const type = typeWords[word.toLowerCase()];
      if (type) types.push(type);
      else ctx.addIssue({ code: 'custom', message: `unknown entity type "${word.slice(0, 40)}": use ${typeNames}` });
    }
    return [...new Set(types)];
  })
  .optional();

const calendarDay = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  return day === undefined || (day >= 1 && day <= new Date(Date.UTC(year!, month, 0)).getUTCDate());
};

/** A day, month or year: YYYY-MM-DD, YYYY-MM or YYYY. */
export const dateParameter = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY-MM-DD, YYYY-MM or YYYY')
  .refine(calendarDay, 'is not a date on the calendar')
  .optional();

/** from must not come after to (compared at the precision of the less precise of the two). */
export function datesInOrder(query: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (query.from === undefined || query.to === undefined) return;
  const length = Math.min(query.from.length, query.to.length);
  if (query.from.slice(0, length) > query.to.slice(0, length)) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `${query.to} is before from (${query.from})` });
  }
}

/** The filter parameters, to spread into a route's query schema (which then refines with datesInOrder). */
export const documentFilterShape = {
  /** The search box; absent or blank: every leaf document. */
  q: z.string().max(1000).optional(),
  /** Entity ids: the document mentions all of them. */
  entity: listParameter(20),
  /** Entity types: it mentions an entity of one of them. */
  type: typeListParameter,
  /** Place entity ids: it mentions one of them. */
  place: listParameter(50),
  from: dateParameter,
  to: dateParameter,
  collection: listParameter(50),
  language: listParameter(50),
  format: listParameter(50),
};

type FilterQuery = z.output<z.ZodObject<typeof documentFilterShape>>;

/** The store's filter from the parsed parameters (absent ones left out). */
export function documentFilterOf(query: FilterQuery): DocumentFilter {
  const filter: DocumentFilter = {};
  if (query.entity?.length) filter.entities = query.entity;
  if (query.type?.length) filter.types = query.type;
  if (query.place?.length) filter.places = query.place;
  if (query.from) filter.from = query.from;
  if (query.to) filter.to = query.to;
  if (query.collection?.length) filter.collections = query.collection;
  if (query.language?.length) filter.languages = query.language;
  if (query.format?.length) filter.formats = query.format;
  return filter;
}
