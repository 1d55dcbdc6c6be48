// What a person or a file may submit as a watchlist entry, validated with messages that name the field.
import { z } from 'zod';
import { VigilError } from '../errors.js';
import { normaliseDate } from '../extract/index.js';

// A birth date, or a range of them as an ISO 8601 interval ("1961/1964": born between those years).
const isoInterval = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)\/(\d{4}(?:-\d{2}(?:-\d{2})?)?)$/;
const partialDate = z.string().transform((value, ctx) => {
  const interval = isoInterval.exec(value.trim());
  const ends = interval ? [normaliseDate(interval[1]!), normaliseDate(interval[2]!)] : [normaliseDate(value)];
  if (ends.some((end) => end === null) || (ends.length === 2 && ends[0]! > ends[1]!)) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a date (use YYYY-MM-DD, YYYY-MM or YYYY, or FROM/TO for a range)` });
    return z.NEVER;
  }
  return ends.length === 2 && ends[0] !== ends[1] ? `${ends[0]}/${ends[1]}` : ends[0]!;
});
// ISO 3166-1 alpha-3, plus ICAO 9303's one- and two-letter forms such as "D" for Germany.
const countryCode = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{1,3}$/, 'a country code such as "SYR" or "IRQ"'));
// A single value or a list of them; wrapping first keeps the item's own error message (a union would only say "Invalid input").
const oneOrMany = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item));

export const watchlistEntryInput = z.object({
  ref: z.string().trim().min(1).nullish(),
  name: z.string().trim().min(1, 'a name is required'),
  aliases: z.array(z.string().trim().min(1)).default([]),
  weakAliases: z.array(z.string().trim().min(1)).default([]),
  dob: oneOrMany(partialDate).default([]),
  nationality: oneOrMany(countryCode).default([]),
  gender: z.enum(['M', 'F']).nullish(),
  documents: z
    .array(
      z.object({
        type: z.string().trim().min(1).default('passport'),
        // Kept as the list writes it (upper case, spaces and dashes removed): lists print check digits in brackets
        // ("K357514(4)") and a stricter rule here would drop the whole person for one odd number.
        number: z
          .string()
          .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
          .pipe(z.string().min(1, 'a document number is required').max(40, 'a document number of at most 40 characters')),
        country: countryCode.nullish(),
      }),
    )
    .default([]),
  notes: z.string().nullish(),
});
export type WatchlistEntryInput = z.input<typeof watchlistEntryInput>;
export type ValidWatchlistEntry = z.output<typeof watchlistEntryInput>;

export const watchlistFile = z.object({
  list: z.string().trim().min(1).regex(/^[\w.-]+$/, 'a list name of letters, digits, dot, dash or underscore'),
  entries: z.array(z.unknown()),
});

export function describeIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${prefix}${issue.path.length > 0 ? issue.path.join('.') + ': ' : ''}${issue.message}`)
    .join('; ');
}

export function validateEntryInput(input: unknown, where: string): ValidWatchlistEntry {
  const parsed = watchlistEntryInput.safeParse(input);
  if (!parsed.success) throw new VigilError('input', 'watchlist.invalid-entry', `${where}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
