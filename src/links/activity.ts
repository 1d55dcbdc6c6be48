// Where and when: the places the matching documents mention, for the map, and an entity's activity by month.
import { queryOf } from '../search/index.js';
import type { DocumentFilter, EntityTimeline, PlaceActivity, Scope, Store } from '../store/index.js';

export interface PlacesRequest {
  /** The search box's query; absent or blank for every document. */
  query?: string;
  filter?: DocumentFilter;
}

/** The places with coordinates mentioned in the documents a search matches, most documents first. */
export async function placesOfDocuments(store: Store, request: PlacesRequest, scope: Scope): Promise<{ results: PlaceActivity[]; documents: number }> {
  const { places, documents } = await store.placesInDocuments(queryOf(request.query), request.filter ?? {}, scope);
  return { results: places, documents };
}

/** An entity's mentions by the month of their documents' dates (years apart, for documents dated only to a year). */
export async function entityTimeline(store: Store, id: string, scope: Scope): Promise<{ results: EntityTimeline['periods']; years: EntityTimeline['years']; undated: EntityTimeline['undated'] }> {
  const timeline = await store.entityTimeline(id, scope);
  return { results: timeline.periods, years: timeline.years, undated: timeline.undated };
}
