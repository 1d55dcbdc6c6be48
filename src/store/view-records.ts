// The records of the haul's views: filters over documents and their facets, places on a map, entities mentioned
// together, and an entity's activity over time. Built by the store from documents and mentions; never stored.
import type { EntityType } from './records.js';

/** Types whose entities are values rather than actors: every report has dates, and they would crowd out the people. */
export const valueEntityTypes: readonly EntityType[] = ['DATE', 'COUNT', 'MONEY'];

/**
 * Which leaf documents a view reads. Within one field the values are alternatives (OR), across fields all must
 * hold (AND); an absent or empty field does not filter.
 */
export interface DocumentFilter {
  /** The document mentions every one of these entities. */
  entities?: string[];
  /** It mentions at least one entity of one of these types. */
  types?: EntityType[];
  /** It mentions at least one of these places (entity ids). */
  places?: string[];
  /**
   * Dated within from … to, both inclusive, each a day, month or year (YYYY-MM-DD, YYYY-MM, YYYY). A document dated
   * only to a month or a year is in when that month or year overlaps the range. Undated documents are out when either
   * bound is given.
   */
  from?: string;
  to?: string;
  /** In one of these collections (the caller's scope still applies). */
  collections?: string[];
  /** One of these languages, as stored (ISO 639 codes). */
  languages?: string[];
  /** One of these media types, as stored. */
  formats?: string[];
}

export interface FacetCount {
  value: string;
  /** Matching documents. */
  count: number;
}

export interface EntityFacet {
  id: string;
  name: string;
  type: EntityType;
  count: number;
}

/** How the matching documents divide, each count a number of documents. */
export interface DocumentFacets {
  /** The most mentioned entities (by documents), values that are not actors (dates, sums, counts) left out. */
  entity: EntityFacet[];
  type: FacetCount[];
  /** The most mentioned places. */
  place: { id: string; name: string; count: number }[];
  /** By month of the document's date (YYYY-MM), ascending; documents dated only to a year are not counted here. */
  date: FacetCount[];
  collection: FacetCount[];
  language: FacetCount[];
  format: FacetCount[];
}

/** A place with a gazetteer record, and how much the matching documents say of it. */
export interface PlaceActivity {
  /** The place's entity id. */
  id: string;
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  documents: number;
  mentions: number;
}

/** Which co-mentions a graph query counts. */
export interface LinkFilter {
  /** Only other entities of these types. */
  types?: EntityType[];
  /** Only other entities among these ids. */
  among?: string[];
  /** Only documents dated in this range (as in DocumentFilter). */
  from?: string;
  to?: string;
}

/** `to` is mentioned in `documents` of the documents that mention `from`, `mentions` times in them. */
export interface CoMention {
  from: string;
  to: string;
  /** The type of `to`. */
  type: EntityType;
  documents: number;
  mentions: number;
}

/** An entity's name and how often it is mentioned (in a date range, when one was given). */
export interface EntityActivity {
  id: string;
  name: string;
  type: EntityType;
  mentions: number;
  documents: number;
}

export interface PeriodCount {
  /** YYYY-MM; YYYY for documents dated only to a year. */
  period: string;
  mentions: number;
  documents: number;
}

/** An entity's mentions by the month of their document's date. */
export interface EntityTimeline {
  /** Ascending; months only. */
  periods: PeriodCount[];
  /** Documents dated only to a year, by year, ascending. */
  years: PeriodCount[];
  undated: { mentions: number; documents: number };
}
