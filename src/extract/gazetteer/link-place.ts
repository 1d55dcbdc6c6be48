// Linking a place mention to the one gazetteer record it means, or to none: the rules below keep ordinary words that
// happen to name small towns ("Of", "Police", "Hope") unlinked, and say when a name is too ambiguous to pick.
import { placeNamedCommonWords } from './common-words.js';
import { contextCountries } from './countries.js';
import { placeGazetteer, type PlaceGazetteer } from './gazetteer.js';
import type { LinkConfidence, PlaceContext, LinkedPlace, PlaceMatch } from './place-match.js';

/** A one-word name of an uncurated city smaller than this links only inside the context's countries. */
export const minOneWordPopulation = 10_000;
/**
 * An inexact match of an uncurated city links only when the city is at least this large: a variant of any name, or a
 * spelling of a one-word name ("Sinai" is not Sinnai in Sardinia; "Grozny" is Groznyy).
 */
export const minInexactPopulation = 100_000;
/** The runner-up's population as a share of the best's: below `clearLead` the best is clear; below `fairLead`, a low-confidence pick. */
export const clearLead = 0.1;
export const fairLead = 0.5;

/** How many candidates the rules read: enough to see every serious namesake. */
const candidatesRead = 25;

/**
 * The record a place mention means, or null. In order:
 * 1. Written as a name: a name in a cased script needs a capital letter ("mosul", "police" do not link).
 * 2. Something matched (`PlaceGazetteer.lookup`: exact, then spelling, then variants), and the best candidate is:
 * 3. not a lone common English word ("Of", "Mobile", "Van") unless it lies in a context country;
 * 4. not a lone word for an uncurated place of fewer than `minOneWordPopulation` people unless in a context country;
 * 5. for a variant match, or a lone word matched by spelling only, a country, a curated place, or a city of
 *    `minInexactPopulation` or more (a variant's confidence is low);
 * 6. clear of its namesakes at the same level (in the context's countries, when it lies there): a country rivalled by
 *    another country ("Congo") is ambiguous; otherwise the runner-up's population against the best's decides
 *    ("Paris": France by far, high; "Tripoli": Libya over Lebanon, low; two of similar size or both unknown: null).
 *    A curated place is rivalled only by other curated places, a country only by countries.
 */
export function linkPlace(name: string, context: PlaceContext = {}, gazetteer: PlaceGazetteer = placeGazetteer()): LinkedPlace | null {
  if (!writtenAsName(name)) return null;
  const { matches, words } = gazetteer.find(name, context, candidatesRead);
  const best = matches[0];
  if (!best) return null;
  const inContext = contextCountries(context);
  const bestInContext = inContext.has(best.country);
  const oneWord = words.length === 1;
  if (oneWord && !bestInContext && placeNamedCommonWords.has(words[0]!)) return null;
  const minor = best.kind === 'city' && !best.curated && (best.population ?? 0) < minOneWordPopulation;
  if (oneWord && !bestInContext && minor) return null;
  const strong = best.kind === 'country' || best.curated || (best.population ?? 0) >= minInexactPopulation;
  const inexact = best.matchedBy === 'variant' || (oneWord && best.matchedBy === 'spelling');
  if (inexact && !strong) return null;
  const rivals = matches.slice(1).filter((m) => rivalsBest(best, m, bestInContext, inContext));
  const lead = leadOver(best, rivals);
  if (lead === null) return null;
  const confidence: LinkConfidence = best.matchedBy === 'variant' ? 'low' : lead;
  return { ...best, confidence, alternatives: matches.length - 1 };
}

/** A capital letter, or no cased letters at all (Arabic script has no case). */
function writtenAsName(name: string): boolean {
  return /\p{Lu}/u.test(name) || !/\p{Ll}/u.test(name);
}

function rivalsBest(best: PlaceMatch, other: PlaceMatch, bestInContext: boolean, inContext: ReadonlySet<string>): boolean {
  if (other.matchedBy !== best.matchedBy) return false;
  if (bestInContext && !inContext.has(other.country)) return false;
  if (best.kind === 'country') return other.kind === 'country';
  if (best.curated) return other.curated && other.kind === best.kind;
  return other.kind !== 'country';
}

/** How clearly the best leads its rivals: 'high', 'low', or null when it does not lead. */
function leadOver(best: PlaceMatch, rivals: readonly PlaceMatch[]): LinkConfidence | null {
  if (rivals.length === 0) return 'high';
  if (best.kind === 'country') return null;
  const bestPopulation = best.population ?? 0;
  if (bestPopulation === 0) return null;
  const share = Math.max(...rivals.map((r) => r.population ?? 0)) / bestPopulation;
  return share < clearLead ? 'high' : share < fairLead ? 'low' : null;
}
