// What may be reported to the stolen, lost and blank document registry: one document or a serial range of
// booklets, validated with messages that name the field and the value.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { maxSerialDigits, normaliseDocumentNumber, normaliseIssuingState, splitDocumentNumber } from './document-number.js';

export const registryStatuses = ['stolen-blank', 'stolen-personalised', 'lost', 'revoked', 'invalid'] as const;
export type RegistryStatus = (typeof registryStatuses)[number];

export const registryDocumentTypes = ['passport', 'id-card', 'visa', 'residence-permit', 'travel-document'] as const;
export type RegistryDocumentType = (typeof registryDocumentTypes)[number];

/** One report: a document, or the booklets `number`…`numberEnd` (same prefix, same length, inclusive). */
export interface RegistryEntryFields {
  /** ICAO issuing state: "SYR", "D". */
  country: string;
  type: RegistryDocumentType;
  /** Normalised (see normaliseDocumentNumber). */
  number: string;
  /** Last booklet of a serial range; null for a single document. */
  numberEnd: string | null;
  status: RegistryStatus;
  /** YYYY-MM-DD, when the loss or theft was reported. */
  reported: string | null;
  /** Who reported it: an agency, a consulate, a police report number. */
  source: string | null;
  notes: string | null;
}

/** The longest number accepted (TD1 numbers run to 22 characters with their extension, ICAO 9303-5 §4.2.4). */
const maxNumberLength = 30;

const required = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = (value: unknown) => (value === '' || value === undefined ? null : value);

const documentNumber = z.preprocess(
  required,
  z.string({ error: 'is required' }).transform((value, ctx) => {
    const number = normaliseDocumentNumber(value);
    const bad = /[^A-Z0-9]/.exec(number);
    if (bad) ctx.addIssue({ code: 'custom', message: `"${value}" has "${bad[0]}": only letters and digits make a document number` });
    else if (number.length === 0) ctx.addIssue({ code: 'custom', message: 'is required' });
    else if (number.length > maxNumberLength) ctx.addIssue({ code: 'custom', message: `"${value}" is longer than ${maxNumberLength} characters` });
    return number;
  }),
);

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? required(v.trim().toLowerCase()) : v),
    z.enum(values, { error: (issue) => (issue.input === undefined ? 'is required' : `"${String(issue.input)}" is not one of ${values.join(', ')}`) }),
  );

const isoDate = z.string().transform((value, ctx) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.toISOString().slice(0, 10) !== value.trim()) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a date (use YYYY-MM-DD)` });
    return z.NEVER;
  }
  return value.trim();
});

const optionalText = z.preprocess((v) => (typeof v === 'string' ? optional(v.trim()) : optional(v)), z.string().nullable());

const registryEntryInput = z.object({
  country: z.preprocess(
    required,
    z.string({ error: 'is required' }).transform((value, ctx) => {
      const code = normaliseIssuingState(value);
      if (!/^[A-Z]{1,3}$/.test(code)) ctx.addIssue({ code: 'custom', message: `"${value}" is not an issuing state (1–3 letters, as ICAO writes them: "SYR", "D")` });
      return code;
    }),
  ),
  type: oneOf(registryDocumentTypes),
  number: documentNumber,
  numberEnd: z.preprocess(optional, documentNumber.nullable()),
  status: oneOf(registryStatuses),
  reported: z.preprocess(optional, isoDate.nullable()),
  source: optionalText,
  notes: optionalText,
});

/** How a field is called where the input came from: `number_end` in a CSV file, `--number-end` on the command line. */
export type FieldLabel = (field: keyof RegistryEntryFields) => string;

/** Validates one report; the problem names the field by `label` and quotes the value. */
export function validateRegistryEntry(input: unknown, label: FieldLabel = (f) => f): { entry: RegistryEntryFields } | { problem: string } {
  const parsed = registryEntryInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path[0];
    return { problem: typeof field === 'string' ? `${label(field as keyof RegistryEntryFields)} ${issue.message}` : issue.message };
  }
  const entry = parsed.data;
  if (entry.numberEnd !== null) {
    const problem = rangeProblem(entry.number, entry.numberEnd, label);
    if (problem) return { problem };
  }
  return { entry };
}

/** Why `start`…`end` is not a serial range, or null when it is. Both are normalised. */
export function rangeProblem(start: string, end: string, label: FieldLabel = (f) => f): string | null {
  const first = splitDocumentNumber(start);
  const last = splitDocumentNumber(end);
  const from = `${label('number')} "${start}"`;
  const to = `${label('numberEnd')} "${end}"`;
  if (first.serial === null) return `${from} does not end in digits, so it cannot start a range`;
  if (last.serial === null) return `${to} does not end in digits, so it cannot end a range`;
  if (first.length !== last.length) return `${to} has ${last.length} characters and ${from} has ${first.length}: both ends of a range have the same length`;
  if (first.prefix !== last.prefix) {
    // Prefixes that differ only in digits: the ends differ beyond the serial's last 15 digits.
    const lettersOf = (prefix: string) => prefix.replace(/\d+$/, '');
    const why = lettersOf(first.prefix) === lettersOf(last.prefix) ? ` (a range counts at most the last ${maxSerialDigits} digits)` : '';
    return `${to} has a different prefix than ${from}${why}`;
  }
  if (last.serial! < first.serial) return `${to} comes before ${from}`;
  return null;
}

/** The same report always gets the same id, so importing a file twice adds nothing the second time. */
export function registryEntryId(entry: RegistryEntryFields): string {
  const { country, type, number, numberEnd, status, reported, source, notes } = entry;
  const content = JSON.stringify([country, type, number, numberEnd, status, reported, source, notes]);
  return 'r_' + createHash('sha256').update(content).digest('hex').slice(0, 20);
}

/** How many documents an entry stands for: 1, or the booklets of its range. */
export function documentsInEntry(entry: Pick<RegistryEntryFields, 'number' | 'numberEnd'>): number {
  if (entry.numberEnd === null) return 1;
  return splitDocumentNumber(entry.numberEnd).serial! - splitDocumentNumber(entry.number).serial! + 1;
}
