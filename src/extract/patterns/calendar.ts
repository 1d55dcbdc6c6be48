// Calendar arithmetic for dates found in text: the value a date mention carries, the document date that
// relative dates are read against, and the Gregorian ranges of seasons, weeks and parts of a year.
import { VigilError } from '../../errors.js';

/** A date as precise as the text made it: a day, a month, a year, or a range between two such dates (ISO 8601). */
export type DateValue =
  | { precision: 'day' | 'month' | 'year'; date: string; relative?: true }
  | { precision: 'range'; start: string; end: string; relative?: true };

/** The document's own date, which "yesterday" and "last week" count from; month and day may be unknown. */
export interface ReferenceDate {
  year: number;
  month?: number;
  day?: number;
}

const referencePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Reads a document date ("2019-04-12", "2019-04", "2019") given as the reference for relative dates. */
export function readReferenceDate(iso: string): ReferenceDate {
  const m = referencePattern.exec(iso.trim());
  const [year, month, day] = [m?.[1], m?.[2], m?.[3]].map((part) => (part === undefined ? undefined : Number(part)));
  if (!m || year === undefined || (month !== undefined && (month < 1 || month > 12)) || (day !== undefined && day > daysInMonth(year, month!)) || day === 0) {
    throw new VigilError('input', 'extract.bad-reference-date', `reference date "${iso}" is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  return { year, ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day } : {}) };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The day `offset` days from year-month-day, as "YYYY-MM-DD" (months and days may overflow; Date.UTC carries them). */
export function isoDay(year: number, month: number, day: number, offset = 0): string {
  const d = new Date(Date.UTC(year, month - 1, day + offset));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The month `offset` months from year-month, as "YYYY-MM". */
export function isoMonth(year: number, month: number, offset = 0): string {
  const d = new Date(Date.UTC(year, month - 1 + offset, 1));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`;
}

/** Monday to Sunday (ISO 8601 weeks) of the week holding the given day, shifted by `weeks`. */
export function isoWeek(year: number, month: number, day: number, weeks = 0): DateValue {
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  const monday = day - weekday + 7 * weeks;
  return { precision: 'range', start: isoDay(year, month, monday), end: isoDay(year, month, monday + 6) };
}

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

// Meteorological seasons of the northern hemisphere, where the documents' places are; winter runs from
// December of the named year into February of the next ("the winter of 2014" is 2014-12 to 2015-02).
const seasonFirstMonth: Record<Season, number> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

export type Part = 'early' | 'mid' | 'late';
const partIndex: Record<Part, number> = { early: 0, mid: 1, late: 2 };

/** A season of a year, or its early/mid/late month: "late summer 2014" is 2014-08. */
export function seasonRange(season: Season, year: number, part?: Part): DateValue {
  const first = seasonFirstMonth[season];
  if (part !== undefined) return { precision: 'month', date: isoMonth(year, first, partIndex[part]) };
  return { precision: 'range', start: isoMonth(year, first), end: isoMonth(year, first, 2) };
}

/** Thirds of a year by months ("mid-2015" is May to August) or of a month by days ("early July 2013" is the 1st to the 10th). */
export function partRange(part: Part, year: number, month?: number): DateValue {
  const i = partIndex[part];
  if (month === undefined) return { precision: 'range', start: isoMonth(year, 1 + 4 * i), end: isoMonth(year, 4 + 4 * i) };
  const last = i === 2 ? daysInMonth(year, month) : 10 * (i + 1);
  return { precision: 'range', start: isoDay(year, month, 1 + 10 * i), end: isoDay(year, month, last) };
}
