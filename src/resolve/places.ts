// The resolution rule for places, "gazetteer identity first": a place mention that links to a gazetteer record takes
// the record's id as its identity, so every spelling of one place ("Deir ez-Zor", "Dayr az-Zawr", "دير الزور") shares
// one key and one map point; a mention that links to none is left to the name keys.
import { linkPlace, type ExtractedMention, type LinkConfidence, type PlaceContext, type PlaceGazetteer } from '../extract/index.js';
import type { PlaceLink } from '../store/index.js';

export interface PlaceIdentity {
  /** The identity key: the gazetteer record's id ("geonames:170794", "country:SYR", "vigil:baghuz"). */
  key: string;
  /** The record as an entity keeps it (EntityRecord.place). */
  place: PlaceLink;
  /** 'low' when a namesake was a fair second (Tripoli without a context) or the spelling only a variant. */
  confidence: LinkConfidence;
}

type PlaceMention = Pick<ExtractedMention, 'type' | 'text'>;

/** The gazetteer identity of a LOCATION mention, or null (another type, or no record fits: see linkPlace). */
export function placeIdentity(mention: PlaceMention, context: PlaceContext = {}, gazetteer?: PlaceGazetteer): PlaceIdentity | null {
  if (mention.type !== 'LOCATION') return null;
  const linked = linkPlace(mention.text, context, gazetteer);
  if (!linked) return null;
  const { id, name, country, lat, lon } = linked;
  return { key: id, place: { id, name, country, lat, lon }, confidence: linked.confidence };
}

/** The identity key of a LOCATION mention when it links to a gazetteer record ("geonames:170794"), else null. */
export function placeIdentityKey(mention: PlaceMention, context: PlaceContext = {}, gazetteer?: PlaceGazetteer): string | null {
  return placeIdentity(mention, context, gazetteer)?.key ?? null;
}

/**
 * The countries a document's places lie in, read from its place mentions that link clearly without any context
 * ("Syria", "Raqqa", "Mosul"): the context for linking the rest ("Hit" is the Iraqi town only beside them).
 */
export function placeContextOf(mentions: readonly PlaceMention[], gazetteer?: PlaceGazetteer): PlaceContext {
  const countries = new Set<string>();
  // A document names its places many times over: each spelling is linked once.
  for (const text of new Set(mentions.filter((m) => m.type === 'LOCATION').map((m) => m.text))) {
    const identity = placeIdentity({ type: 'LOCATION', text }, {}, gazetteer);
    if (identity?.confidence === 'high' && identity.place.country) countries.add(identity.place.country);
  }
  return { countries: [...countries].sort() };
}
