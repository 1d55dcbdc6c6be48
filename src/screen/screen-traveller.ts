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
      /** Expiry date (YYYY-MM-DD), as a manifest gives it: checked by the document verdict. */
      expiry: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').optional(),
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

/** The tokens of an entry's names, primary first (given the entry and its position in the list screened); an index passes its own, tokenised once. */
export type EntryNameTokens = (entry: WatchlistEntry, position: number) => (readonly NameToken[])[];

/** Every name screened for an entry, primary first, then aliases, then weak aliases. */
export function entryNames(entry: WatchlistEntry): { name: string; weak: boolean }[] {
  return [
    { name: entry.name, weak: false },
    ...entry.aliases.map((name) => ({ name, weak: false })),
    ...(entry.weakAliases ?? []).map((name) => ({ name, weak: true })),
  ];
}

const unmatched: TokenComparison = { similarity: 0, kind: 'similar' };

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
  // In order of strength: only a full date can match exactly; either side may be partial (a listed year, a document
  // with only a year of birth), and agreeing as far as both go fits, as does a date within a listed range; day and
  // month swapped (03/07 read as 07/03) is a common data-entry error, not a different person; else the years tell
  // how far apart.
  let fits = false;
  let swapped = false;
  let closest = Infinity;
  const year = yearOf(dob);
  for (const d of listed) {
    if (d === dob && dob.length === 10) return 'exact';
    if (fitsListed(dob, d)) fits = true;
    else if (isSwapped(d, dob)) swapped = true;
    closest = Math.min(closest, yearsApart(year, d));
  }
  if (fits) return 'fits';
  if (swapped) return 'swapped';
  return closest <= 1 ? 'near' : closest <= namesakeYears ? 'apart' : 'far';
}

/** Whether a birth date agrees with a listed one as far as both go, or falls within a listed range ("1961/1964"). */
function fitsListed(dob: string, listed: string): boolean {
  const slash = listed.indexOf('/');
  if (slash < 0) return dob.startsWith(listed) || listed.startsWith(dob);
  const from = listed.slice(0, slash);
  const to = listed.slice(slash + 1);
  // ISO dates order as text; a partial end or date covers every date it begins.
  const afterFrom = dob >= from || from.startsWith(dob);
  const beforeTo = dob <= to || dob.startsWith(to) || to.startsWith(dob);
  return afterFrom && beforeTo;
}

/** Years between a birth year and a listed date or range (0 within a range). */
function yearsApart(year: number, listed: string): number {
  const slash = listed.indexOf('/');
  if (slash < 0) return Math.abs(yearOf(listed) - year);
  const from = yearOf(listed);
  const to = yearOf(listed.slice(slash + 1));
  return year < from ? from - year : year > to ? year - to : 0;
}

/** A listed date or range as an officer reads it: "1961/1964" is "1961 to 1964". */
const shownDate = (listed: string) => listed.replace('/', ' to ');

/** The year of a normalised date (YYYY, YYYY-MM or YYYY-MM-DD). */
const yearOf = (date: string) =>
  (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);

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
      return `birth date ${dob} fits listed ${shownDate(listed.find((d) => fitsListed(dob, d))!)}`;
    case 'swapped':
      return `birth date ${dob} is listed ${listed.find((d) => isSwapped(d, dob))} with day and month swapped`;
    case 'far':
      return `birth date ${dob} differs from listed ${listed.map(shownDate).join(', ')} by more than ${namesakeYears} years (a namesake)`;
    default:
      return `birth date ${dob} differs from listed ${listed.map(shownDate).join(', ')}`;
  }
}

/**
 * A ceiling on the record score of entries without a matching document, from an upper bound of the name score and
 * the entry's first and last listed birth year (0 when none) alone, the rest taken at best (the traveller's
 * nationality listed, gender agreeing, a birth date within the listed years matching exactly), and the lowest
 * threshold in play. An index skips, unread, every entry whose ceiling is below that threshold: it could not be
 * returned, so screening every entry does not return it either.
 */
export function recordCeiling(traveller: ParsedTraveller, options: ScreenOptions = {}): { lowest: number; of(nameBound: number, firstYear: number, lastYear: number): number } {
  const reviews = [options.thresholds?.review ?? reviewThreshold, ...Object.values(options.thresholdsByList ?? {}).map((t) => t.review ?? reviewThreshold)];
  const lowest = options.minScore ?? Math.min(...reviews);
  const bestCase = { birthDates: ['0000'], nationalities: traveller.nationality ? [traveller.nationality] : [], gender: null } as unknown as WatchlistEntry;
  const year = traveller.birthDate ? yearOf(traveller.birthDate) : 0;
  return {
    lowest,
    of(nameBound, firstYear, lastYear) {
      let agreement: BirthDateAgreement | null = null;
      if (year > 0 && firstYear > 0) {
        const apart = year < firstYear ? firstYear - year : year > lastYear ? year - lastYear : 0;
        agreement = apart === 0 ? 'exact' : apart <= 1 ? 'near' : apart <= namesakeYears ? 'apart' : 'far';
      }
      // Scores are rounded to three decimals: the name score may round up past its bound by half a unit.
      return recordScore(traveller, bestCase, Math.min(1, nameBound + 0.0005), null, agreement, null);
    },
  };
}

/** The first and last listed birth year of an entry (0, 0 when none). */
export function birthYearSpan(entry: WatchlistEntry): [number, number] {
  if (entry.birthDates.length === 0) return [0, 0];
  const years = entry.birthDates.flatMap((d) => d.split('/').map(yearOf));
  return [Math.min(...years), Math.max(...years)];
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

/**
 * Whether the traveller's token at `position` (in tokeniseName order) may match a listed token at all: false only
 * when their comparison is known to fall below the token threshold (a candidate index knows this from its query).
 */
export type TokenMayMatch = (position: number, listed: NameToken) => boolean;

/** screenTraveller for a traveller already parsed (an index parses once, then scores its candidates). */
export function screenParsedTraveller(
  entries: WatchlistEntry[],
  traveller: ParsedTraveller,
  options: ScreenOptions = {},
  nameTokens: EntryNameTokens = tokeniseEntryNames,
  mayMatch: TokenMayMatch | null = null,
): ScreeningCandidate[] {
  const thresholdsByList = new Map<string, Thresholds>();
  const thresholdsFor = (list: string): Thresholds => {
    let thresholds = thresholdsByList.get(list);
    if (!thresholds) {
      thresholds = {
        match: options.thresholdsByList?.[list]?.match ?? options.thresholds?.match ?? matchThreshold,
        review: options.thresholdsByList?.[list]?.review ?? options.thresholds?.review ?? reviewThreshold,
      };
      thresholdsByList.set(list, thresholds);
    }
    return thresholds;
  };
  const travellerTokens = tokeniseName(traveller.name);
  // Lists repeat names (namesakes, and the same alias under several entries): each is compared once, and each
  // listed token (shared objects, when an index tokenised the names) once with each token of the traveller.
  const comparisons = new Map<string, NameComparison>();
  const tokenComparisons = new Map<NameToken, { position: number; known: Map<NameToken, TokenComparison> }>(
    travellerTokens.map((t, position) => [t, { position, known: new Map() }]),
  );
  const compareToken = (a: NameToken, b: NameToken): TokenComparison => {
    const { position, known } = tokenComparisons.get(a)!;
    let result = known.get(b);
    if (!result) known.set(b, (result = mayMatch && !mayMatch(position, b) ? unmatched : compareTokens(a, b)));
    return result;
  };
  // First every entry is scored, without words; only the candidates returned are then explained.
  const scored: { entry: WatchlistEntry; best: BestName; document: WatchlistDocument | null; birthDate: BirthDateAgreement | null; score: number }[] = [];
  for (let position = 0; position < entries.length; position++) {
    const entry = entries[position]!;
    const minScore = options.minScore ?? thresholdsFor(entry.list).review;
    const document = matchingDocument(entry, traveller.document);
    const birthDate = traveller.birthDate && entry.birthDates.length > 0 ? birthDateAgreement(traveller.birthDate, entry.birthDates) : null;
    // The record score only grows with the name score: if a perfect name could not reach the threshold with this
    // entry's birth date, nationality and gender, no name comparison is needed (a namesake born decades apart).
    if (recordScore(traveller, entry, 1, document, birthDate, null) < minScore) continue;
    let tokenised: (readonly NameToken[])[] | null = null;
    let best: BestName | null = null;
    const aliases = entry.aliases.length;
    const names = 1 + aliases + (entry.weakAliases?.length ?? 0);
    for (let i = 0; i < names; i++) {
      const weak = i > aliases;
      const name = i === 0 ? entry.name : weak ? entry.weakAliases![i - 1 - aliases]! : entry.aliases[i - 1]!;
      let comparison = comparisons.get(name);
      if (!comparison) {
        tokenised ??= nameTokens(entry, position);
        comparison = compareTokenisedNames(travellerTokens, tokenised[i]!, compareToken);
        comparisons.set(name, comparison);
      }
      const score = round(weak ? comparison.score * weakAliasFactor : comparison.score);
      if (!best || score > best.score) best = { name, weak, score, comparison };
    }
    if (!best) continue;
    // A listed document number is evidence on its own: a forged identity keeps the stolen booklet's number.
    if (best.score < minNameScore && !document) continue;
    const score = recordScore(traveller, entry, best.score, document, birthDate, null);
    if (score < minScore) continue;
    scored.push({ entry, best, document, birthDate, score });
  }
  // Ties in a fixed order (by id, code unit by code unit: no locale), so that the same request gives the same page.
  scored.sort((a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0));
  return scored.slice(0, options.limit ?? 10).map(({ entry, best, document, birthDate, score }) => {
    const which = best.weak ? 'weak alias ' : '';
    const factors: FactorContribution[] = [
      { factor: 'name', effect: best.score, detail: `name ${best.score.toFixed(2)} vs ${which}"${best.name}" (${explainComparison(best.comparison) || 'no token in common'})` },
    ];
    recordScore(traveller, entry, best.score, document, birthDate, factors);
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
function explained(explain: FactorContribution[], factor: Factor, before: number, after: number, detail: string): number {
  explain.push({ factor, effect: round(after - before), detail });
  return after;
}

function recordScore(
  traveller: ParsedTraveller,
  entry: WatchlistEntry,
  nameScore: number,
  document: WatchlistDocument | null,
  birthDate: BirthDateAgreement | null,
  explain: FactorContribution[] | null,
): number {
  // Scoring runs for every candidate, explaining for the few returned: the words are only made when asked for.
  let score = nameScore;
  if (birthDate && traveller.birthDate) {
    const next = birthDateEffect[birthDate](score);
    score = explain ? explained(explain, 'birthDate', score, next, birthDateDetail(birthDate, traveller.birthDate, entry.birthDates)) : next;
  }
  const nationality = traveller.nationality;
  if (nationality && entry.nationalities.length > 0) {
    if (entry.nationalities.includes(nationality)) {
      const next = score + (1 - score) * 0.2;
      score = explain ? explained(explain, 'nationality', score, next, `nationality ${nationality} matches`) : next;
    } else {
      // Dual nationals and forged documents are common: a different nationality weakens, never clears.
      const next = score * 0.95;
      score = explain ? explained(explain, 'nationality', score, next, `nationality ${nationality} not among listed ${entry.nationalities.join(', ')}`) : next;
    }
  }
  const gender = traveller.gender;
  if (gender && gender !== 'X' && entry.gender && gender !== entry.gender) {
    const next = score * 0.85;
    score = explain ? explained(explain, 'gender', score, next, `gender ${gender} differs from listed ${entry.gender}`) : next;
  }
  if (document) {
    const next = Math.max(score, 0.95);
    score = explain ? explained(explain, 'document', score, next, `${document.type} ${document.number}${document.country ? ` (${document.country})` : ''} is listed for this entry`) : next;
  }
  return round(Math.min(1, score));
}
