// Screens one traveller against watchlist entries: every name and alias of an entry is compared, then birth date,
// nationality, gender and travel document count for or against. Each candidate carries its verdict and the
// contribution of every factor, so an officer can check why it was raised.
import { z } from 'zod';
import { VigilError } from '../errors.js';
import { normaliseDate } from '../extract/index.js';
import { compareTokenisedNames, explainComparison, tokeniseName, type NameComparison, type NameToken } from '../names/index.js';
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

export function parseTraveller(input: unknown): Traveller & { birthDate: string | null } {
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

function birthDateEvidence(dob: string, listed: string[]): { apply: (s: number) => number; detail: string } {
  // Only a full date can match exactly; a shared year alone is weaker evidence and only "fits".
  if (dob.length === 10 && listed.includes(dob)) return { apply: (s) => s + (1 - s) * 0.5, detail: `birth date ${dob} matches` };
  // Either side may be partial (a listed year, a document with only a year of birth): agreeing as far as both go fits.
  const fits = listed.find((d) => dob.startsWith(d) || d.startsWith(dob));
  if (fits) return { apply: (s) => s + (1 - s) * 0.25, detail: `birth date ${dob} fits listed ${fits}` };
  // Day and month swapped (03/07 read as 07/03) is a common data-entry error, not a different person.
  const swapped = listed.find((d) => d.length === 10 && dob.length === 10 && d.slice(0, 4) === dob.slice(0, 4) && d.slice(5, 7) === dob.slice(8, 10) && d.slice(8, 10) === dob.slice(5, 7));
  if (swapped) return { apply: (s) => s + (1 - s) * 0.2, detail: `birth date ${dob} is listed ${swapped} with day and month swapped` };
  const closest = Math.min(...listed.map((d) => Math.abs(Number(d.slice(0, 4)) - Number(dob.slice(0, 4)))));
  return {
    apply: (s) => s * (closest <= 1 ? 0.9 : 0.75),
    detail: `birth date ${dob} differs from listed ${listed.join(', ')}`,
  };
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
  const traveller = parseTraveller(input);
  const thresholdsFor = (list: string): Thresholds => ({
    match: options.thresholdsByList?.[list]?.match ?? options.thresholds?.match ?? matchThreshold,
    review: options.thresholdsByList?.[list]?.review ?? options.thresholds?.review ?? reviewThreshold,
  });
  const travellerTokens = tokeniseName(traveller.name);
  const candidates: ScreeningCandidate[] = [];
  for (const entry of entries) {
    let best: { name: string; weak: boolean; score: number; comparison: NameComparison } | null = null;
    const names = entryNames(entry);
    const tokenised = nameTokens(entry);
    for (let i = 0; i < names.length; i++) {
      const comparison = compareTokenisedNames(travellerTokens, tokenised[i]!);
      const score = round(names[i]!.weak ? comparison.score * weakAliasFactor : comparison.score);
      if (!best || score > best.score) best = { ...names[i]!, score, comparison };
    }
    if (!best) continue;
    const document = matchingDocument(entry, traveller.document);
    // A listed document number is evidence on its own: a forged identity keeps the stolen booklet's number.
    if (best.score < minNameScore && !document) continue;
    const nameScore = best.score;
    const which = best.weak ? 'weak alias ' : '';
    const factors: FactorContribution[] = [
      { factor: 'name', effect: nameScore, detail: `name ${nameScore.toFixed(2)} vs ${which}"${best.name}" (${explainComparison(best.comparison) || 'no token in common'})` },
    ];
    let score = nameScore;
    const apply = (factor: Factor, next: number, detail: string) => {
      factors.push({ factor, effect: round(next - score), detail });
      score = next;
    };
    if (traveller.birthDate && entry.birthDates.length > 0) {
      const evidence = birthDateEvidence(traveller.birthDate, entry.birthDates);
      apply('birthDate', evidence.apply(score), evidence.detail);
    }
    if (traveller.nationality && entry.nationalities.length > 0) {
      if (entry.nationalities.includes(traveller.nationality)) apply('nationality', score + (1 - score) * 0.2, `nationality ${traveller.nationality} matches`);
      // Dual nationals and forged documents are common: a different nationality weakens, never clears.
      else apply('nationality', score * 0.95, `nationality ${traveller.nationality} not among listed ${entry.nationalities.join(', ')}`);
    }
    if (traveller.gender && traveller.gender !== 'X' && entry.gender && traveller.gender !== entry.gender) {
      apply('gender', score * 0.85, `gender ${traveller.gender} differs from listed ${entry.gender}`);
    }
    if (document) {
      apply('document', Math.max(score, 0.95), `${document.type} ${document.number}${document.country ? ` (${document.country})` : ''} is listed for this entry`);
    }
    score = round(Math.min(1, score));
    const thresholds = thresholdsFor(entry.list);
    if (score < (options.minScore ?? thresholds.review)) continue;
    candidates.push({
      entryId: entry.id,
      entryVersion: entry.version ?? 0,
      list: entry.list,
      ref: entry.ref,
      name: entry.name,
      matchedName: best.name,
      score,
      nameScore,
      verdict: score >= thresholds.match ? 'match' : 'review',
      factors,
      reason: factors.map((f) => f.detail).join('; '),
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.entryId.localeCompare(b.entryId));
  return candidates.slice(0, options.limit ?? 10);
}
