// Screens one traveller against watchlist entries: every name and alias of an entry is compared, then birth date,
// nationality, gender and travel document count for or against. Each candidate carries its verdict and the
// contribution of every factor, so an officer can check why it was raised.
import { z } from 'zod';
import { VigilError } from '../errors.js';
import { normaliseDate } from '../extract/index.js';
import { compareTokenisedNames, compareTokens, explainComparison, tokeniseName, type NameComparison, type NameToken, type TokenComparison } from '../names/index.js';
import type { WatchlistDocument, WatchlistEntry } from '../store/index.js';

/** Document numbers compare without spaces, dashes or MRZ fillers, in upper case. */
export const normaliseDocumentNumber = (n: string) => n.replace(/[\s<-]/g, '').toUpperCase();

const countryCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{1,3}$/, 'a country code such as "SYR"'));

export const travellerInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'a name is required')
    .max(300, 'a name of at most 300 characters')
    // Control characters are never part of a name: this is binary or a broken export.
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'a name without control characters'),
  dob: z.string().trim().min(1).max(40).optional(),
  nationality: countryCode.optional(),
  gender: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase().slice(0, 1))
    .pipe(z.enum(['M', 'F', 'X'], { message: 'M, F or X' }))
    .optional(),
  document: z
    .object({
      number: z
        .string()
        .transform((v) => normaliseDocumentNumber(v))
        .pipe(z.string().min(1, 'a document number is required').max(40)),
      country: countryCode.optional(),
    })
    .optional(),
});
export type Traveller = z.output<typeof travellerInput>;

export type Verdict = 'match' | 'review';

export type Factor = 'name' | 'birthDate' | 'nationality' | 'gender' | 'document';

export interface FactorContribution {
  factor: Factor;
  /** How much this factor moved the score (the name's is the name score itself). */
  effect: number;
  detail: string;
}

export interface ScreeningCandidate {
  entryId: string;
  /** The entry's version: a reviewer's decision refers to it. */
  entryVersion: number;
  list: string;
  ref: string | null;
  name: string;
  /** The entry name or alias that matched best. */
  matchedName: string;
  score: number;
  nameScore: number;
  verdict: Verdict;
  factors: FactorContribution[];
  /** The factors as one line of text. */
  reason: string;
}

export interface Thresholds {
  /** At or above: a likely match, stop the traveller for a check. */
  match: number;
  /** At or above: someone must look before the traveller goes on. Below: not returned. */
  review: number;
}

/** A name must reach this before other evidence can lift it: birth date and nationality support a name, never replace it. */
export const minNameScore = 0.75;
export const reviewThreshold = 0.7;
export const matchThreshold = 0.92;

export interface ScreenOptions {
  /** Candidates scoring below this are not returned (default: the review threshold). */
  minScore?: number;
  thresholds?: Partial<Thresholds>;
  /** Thresholds set for particular watchlists; they override `thresholds` for those lists' entries. */
  thresholdsByList?: Record<string, Partial<Thresholds>>;
  limit?: number;
}

/** The tokens of an entry's names, primary first; an index passes its own, tokenised once. */
export type EntryNameTokens = (entry: WatchlistEntry) => NameToken[][];

/** Every name screened for an entry, primary first, then aliases, then weak aliases. */
export function entryNames(entry: WatchlistEntry): { name: string; weak: boolean }[] {
  return [
    { name: entry.name, weak: false },
    ...entry.aliases.map((name) => ({ name, weak: false })),
    ...(entry.weakAliases ?? []).map((name) => ({ name, weak: true })),
  ];
}

/** A match on a weak alias counts for less: lists mark an alias weak when it alone should not stop anyone. */
const weakAliasFactor = 0.9;

const tokeniseEntryNames: EntryNameTokens = (entry) => entryNames(entry).map((n) => tokeniseName(n.name));

export type ParsedTraveller = Traveller & { birthDate: string | null };

export function parseTraveller(input: unknown): ParsedTraveller {
  const parsed = travellerInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    throw new VigilError('input', 'screen.invalid-traveller', `traveller${field ? ' ' + field : ''}: ${issue.message}`);
  }
  const traveller = parsed.data;
  const birthDate = traveller.dob === undefined ? null : normaliseDate(traveller.dob);
  if (traveller.dob !== undefined && birthDate === null) {
    throw new VigilError('input', 'screen.invalid-dob', `traveller dob: "${traveller.dob}" is not a date (use YYYY-MM-DD)`);
  }
  return { ...traveller, birthDate };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * How a traveller's birth date agrees with an entry's. A birth date many years apart is what tells a namesake from
 * the listed person (as in airline watchlist matching, where the date of birth is collected to clear namesakes):
 * more than `namesakeYears` apart, a name match alone no longer reaches review. Closer, it only weakens the match,
 * since listed birth dates are often estimates.
 */
type BirthDateAgreement = 'exact' | 'fits' | 'swapped' | 'near' | 'apart' | 'far';
export const namesakeYears = 5;

function birthDateAgreement(dob: string, listed: string[]): BirthDateAgreement {
  // Only a full date can match exactly; a shared year alone is weaker evidence and only "fits".
  if (dob.length === 10 && listed.includes(dob)) return 'exact';
  // Either side may be partial (a listed year, a document with only a year of birth): agreeing as far as both go fits.
  if (listed.some((d) => dob.startsWith(d) || d.startsWith(dob))) return 'fits';
  // Day and month swapped (03/07 read as 07/03) is a common data-entry error, not a different person.
  if (listed.some((d) => isSwapped(d, dob))) return 'swapped';
  const year = Number(dob.slice(0, 4));
  let closest = Infinity;
  for (const d of listed) closest = Math.min(closest, Math.abs(Number(d.slice(0, 4)) - year));
  return closest <= 1 ? 'near' : closest <= namesakeYears ? 'apart' : 'far';
}

const isSwapped = (d: string, dob: string) =>
  d.length === 10 && dob.length === 10 && d.slice(0, 4) === dob.slice(0, 4) && d.slice(5, 7) === dob.slice(8, 10) && d.slice(8, 10) === dob.slice(5, 7);

const birthDateEffect: Record<BirthDateAgreement, (score: number) => number> = {
  exact: (s) => s + (1 - s) * 0.5,
  fits: (s) => s + (1 - s) * 0.25,
  swapped: (s) => s + (1 - s) * 0.2,
  near: (s) => s * 0.9,
  apart: (s) => s * 0.75,
  far: (s) => s * 0.6,
};

function birthDateDetail(agreement: BirthDateAgreement, dob: string, listed: string[]): string {
  switch (agreement) {
    case 'exact':
      return `birth date ${dob} matches`;
    case 'fits':
      return `birth date ${dob} fits listed ${listed.find((d) => dob.startsWith(d) || d.startsWith(dob))}`;
    case 'swapped':
      return `birth date ${dob} is listed ${listed.find((d) => isSwapped(d, dob))} with day and month swapped`;
    case 'far':
      return `birth date ${dob} differs from listed ${listed.join(', ')} by more than ${namesakeYears} years (a namesake)`;
    default:
      return `birth date ${dob} differs from listed ${listed.join(', ')}`;
  }
}

/** The entry document the traveller's document is, if any: same number, and same country when both say. */
export function matchingDocument(entry: WatchlistEntry, document: Traveller['document']): WatchlistDocument | null {
  if (!document) return null;
  return (
    entry.documents.find(
      (d) => normaliseDocumentNumber(d.number) === document.number && (d.country === null || document.country === undefined || d.country === document.country),
    ) ?? null
  );
}

export function screenTraveller(
  entries: WatchlistEntry[],
  input: unknown,
  options: ScreenOptions = {},
  nameTokens: EntryNameTokens = tokeniseEntryNames,
): ScreeningCandidate[] {
  return screenParsedTraveller(entries, parseTraveller(input), options, nameTokens);
}

interface BestName {
  name: string;
  weak: boolean;
  score: number;
  comparison: NameComparison;
}

/** screenTraveller for a traveller already parsed (an index parses once, then scores its candidates). */
export function screenParsedTraveller(
  entries: WatchlistEntry[],
  traveller: ParsedTraveller,
  options: ScreenOptions = {},
  nameTokens: EntryNameTokens = tokeniseEntryNames,
): ScreeningCandidate[] {
  const thresholdsFor = (list: string): Thresholds => ({
    match: options.thresholdsByList?.[list]?.match ?? options.thresholds?.match ?? matchThreshold,
    review: options.thresholdsByList?.[list]?.review ?? options.thresholds?.review ?? reviewThreshold,
  });
  const travellerTokens = tokeniseName(traveller.name);
  // Lists repeat names (namesakes, and the same alias under several entries): each is compared once, and each
  // listed token (shared objects, when an index tokenised the names) once with each token of the traveller.
  const comparisons = new Map<string, NameComparison>();
  const tokenComparisons = new Map<NameToken, Map<NameToken, TokenComparison>>(travellerTokens.map((t) => [t, new Map()]));
  const compareToken = (a: NameToken, b: NameToken): TokenComparison => {
    const known = tokenComparisons.get(a)!;
    let result = known.get(b);
    if (!result) known.set(b, (result = compareTokens(a, b)));
    return result;
  };
  // First every entry is scored, without words; only the candidates returned are then explained.
  const scored: { entry: WatchlistEntry; best: BestName; document: WatchlistDocument | null; score: number }[] = [];
  for (const entry of entries) {
    const minScore = options.minScore ?? thresholdsFor(entry.list).review;
    const document = matchingDocument(entry, traveller.document);
    // The record score only grows with the name score: if a perfect name could not reach the threshold with this
    // entry's birth date, nationality and gender, no name comparison is needed (a namesake born decades apart).
    if (recordScore(traveller, entry, 1, document, null) < minScore) continue;
    const names = entryNames(entry);
    let tokenised: NameToken[][] | null = null;
    let best: BestName | null = null;
    for (let i = 0; i < names.length; i++) {
      let comparison = comparisons.get(names[i]!.name);
      if (!comparison) {
        tokenised ??= nameTokens(entry);
        comparison = compareTokenisedNames(travellerTokens, tokenised[i]!, compareToken);
        comparisons.set(names[i]!.name, comparison);
      }
      const score = round(names[i]!.weak ? comparison.score * weakAliasFactor : comparison.score);
      if (!best || score > best.score) best = { name: names[i]!.name, weak: names[i]!.weak, score, comparison };
    }
    if (!best) continue;
    // A listed document number is evidence on its own: a forged identity keeps the stolen booklet's number.
    if (best.score < minNameScore && !document) continue;
    const score = recordScore(traveller, entry, best.score, document, null);
    if (score < minScore) continue;
    scored.push({ entry, best, document, score });
  }
  // Ties in a fixed order (by id, code unit by code unit: no locale), so that the same request gives the same page.
  scored.sort((a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0));
  return scored.slice(0, options.limit ?? 10).map(({ entry, best, document, score }) => {
    const which = best.weak ? 'weak alias ' : '';
    const factors: FactorContribution[] = [
      { factor: 'name', effect: best.score, detail: `name ${best.score.toFixed(2)} vs ${which}"${best.name}" (${explainComparison(best.comparison) || 'no token in common'})` },
    ];
    recordScore(traveller, entry, best.score, document, factors);
    return {
      entryId: entry.id,
      entryVersion: entry.version ?? 0,
      list: entry.list,
      ref: entry.ref,
      name: entry.name,
      matchedName: best.name,
      score,
      nameScore: best.score,
      verdict: score >= thresholdsFor(entry.list).match ? 'match' : 'review',
      factors,
      reason: factors.map((f) => f.detail).join('; '),
    };
  });
}

/**
 * The record score: the name score, then birth date, nationality, gender and travel document as evidence for or
 * against. When `explain` is given, each factor's contribution and why is added to it.
 */
function recordScore(traveller: ParsedTraveller, entry: WatchlistEntry, nameScore: number, document: WatchlistDocument | null, explain: FactorContribution[] | null): number {
  let score = nameScore;
  const step = (factor: Factor, next: number, detail: () => string) => {
    explain?.push({ factor, effect: round(next - score), detail: detail() });
    score = next;
  };
  if (traveller.birthDate && entry.birthDates.length > 0) {
    const dob = traveller.birthDate;
    const agreement = birthDateAgreement(dob, entry.birthDates);
    step('birthDate', birthDateEffect[agreement](score), () => birthDateDetail(agreement, dob, entry.birthDates));
  }
  const nationality = traveller.nationality;
  if (nationality && entry.nationalities.length > 0) {
    if (entry.nationalities.includes(nationality)) step('nationality', score + (1 - score) * 0.2, () => `nationality ${nationality} matches`);
    // Dual nationals and forged documents are common: a different nationality weakens, never clears.
    else step('nationality', score * 0.95, () => `nationality ${nationality} not among listed ${entry.nationalities.join(', ')}`);
  }
  const gender = traveller.gender;
  if (gender && gender !== 'X' && entry.gender && gender !== entry.gender) {
    step('gender', score * 0.85, () => `gender ${gender} differs from listed ${entry.gender}`);
  }
  if (document) {
    step('document', Math.max(score, 0.95), () => `${document.type} ${document.number}${document.country ? ` (${document.country})` : ''} is listed for this entry`);
  }
  return round(Math.min(1, score));
}
