// Screens one traveller against watchlist entries: every name and alias of every entry is compared,
// then birth date and nationality raise or lower the score. Each candidate says why it was returned.
import { z } from 'zod';
import { VigilError } from '../errors.js';
import { normaliseDate } from '../extract/index.js';
import { compareTokenisedNames, explainComparison, tokeniseName, type NameComparison, type NameToken } from '../names/index.js';
import type { WatchlistEntry } from '../store/index.js';

export const travellerInput = z.object({
  name: z.string().trim().min(1, 'a name is required'),
  dob: z.string().trim().min(1).optional(),
  nationality: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{1,3}$/, 'a country code such as "SYR"'))
    .optional(),
});
export type Traveller = z.output<typeof travellerInput>;

export interface ScreeningCandidate {
  entryId: string;
  list: string;
  ref: string | null;
  name: string;
  /** The entry name or alias that matched best. */
  matchedName: string;
  score: number;
  nameScore: number;
  reason: string;
}

export interface ScreenOptions {
  /** Candidates scoring below this are not returned. */
  minScore?: number;
  limit?: number;
}

/** The tokens of an entry's names, primary first; an index passes its own, tokenised once. */
export type EntryNameTokens = (entry: WatchlistEntry) => NameToken[][];

const tokeniseEntryNames: EntryNameTokens = (entry) => [entry.name, ...entry.aliases].map(tokeniseName);

/** A name must reach this before birth date or nationality can lift it: they support a name, never replace it. */
export const minNameScore = 0.75;

export function screenTraveller(
  entries: WatchlistEntry[],
  input: unknown,
  options: ScreenOptions = {},
  nameTokens: EntryNameTokens = tokeniseEntryNames,
): ScreeningCandidate[] {
  const parsed = travellerInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new VigilError('input', 'screen.invalid-traveller', `traveller ${issue.path.join('.') || ''}: ${issue.message}`.replace(' :', ':'));
  }
  const traveller = parsed.data;
  const dob = traveller.dob === undefined ? null : normaliseDate(traveller.dob);
  if (traveller.dob !== undefined && dob === null) {
    throw new VigilError('input', 'screen.invalid-dob', `traveller dob: "${traveller.dob}" is not a date (use YYYY-MM-DD)`);
  }
  const minScore = options.minScore ?? 0.7;
  const candidates: ScreeningCandidate[] = [];
  const travellerTokens = tokeniseName(traveller.name);
  for (const entry of entries) {
    let best: { name: string; comparison: NameComparison } | null = null;
    const names = [entry.name, ...entry.aliases];
    const tokenised = nameTokens(entry);
    for (let i = 0; i < names.length; i++) {
      const comparison = compareTokenisedNames(travellerTokens, tokenised[i]!);
      if (!best || comparison.score > best.comparison.score) best = { name: names[i]!, comparison };
    }
    if (!best || best.comparison.score < minNameScore) continue;
    const nameScore = best.comparison.score;
    let score = nameScore;
    const reasons = [`name ${nameScore.toFixed(2)} vs "${best.name}" (${explainComparison(best.comparison)})`];
    if (dob && entry.birthDates.length > 0) {
      // Only a full date can match exactly; a shared year alone is weaker evidence and only "fits".
      const exact = dob.length === 10 ? entry.birthDates.find((d) => d === dob) : undefined;
      // Either side may be partial (a listed year, a travel document with only a year of birth): agreeing as far as both go fits.
      const compatible = entry.birthDates.find((d) => dob.startsWith(d) || d.startsWith(dob));
      if (exact) {
        score += (1 - score) * 0.5;
        reasons.push(`birth date ${exact} matches`);
      } else if (compatible) {
        score += (1 - score) * 0.25;
        reasons.push(`birth date ${dob} fits listed ${compatible}`);
      } else {
        const years = entry.birthDates.map((d) => Math.abs(Number(d.slice(0, 4)) - Number(dob.slice(0, 4))));
        const close = Math.min(...years) <= 1;
        score *= close ? 0.9 : 0.75;
        reasons.push(`birth date ${dob} differs from listed ${entry.birthDates.join(', ')}`);
      }
    }
    if (traveller.nationality && entry.nationalities.length > 0) {
      if (entry.nationalities.includes(traveller.nationality)) {
        score += (1 - score) * 0.2;
        reasons.push(`nationality ${traveller.nationality} matches`);
      } else {
        // Dual nationals and forged documents are common; a different nationality weakens, never clears.
        score *= 0.95;
        reasons.push(`nationality ${traveller.nationality} not among listed ${entry.nationalities.join(', ')}`);
      }
    }
    score = Math.round(Math.min(1, score) * 1000) / 1000;
    if (score < minScore) continue;
    candidates.push({
      entryId: entry.id,
      list: entry.list,
      ref: entry.ref,
      name: entry.name,
      matchedName: best.name,
      score,
      nameScore,
      reason: reasons.join('; '),
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.entryId.localeCompare(b.entryId));
  return candidates.slice(0, options.limit ?? 10);
}
