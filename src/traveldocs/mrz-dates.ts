// Dates in machine-readable zones are YYMMDD (ICAO 9303-3 §4.8); the century is not written, so it is inferred
// against a "today" the caller passes in: a birth date is the latest such day not after today, an expiry date the one
// within 50 years either side of today.

export type MrzDateRole = 'birth' | 'expiry';

export interface MrzDateReading {
  /** YYYY-MM-DD, or null when the date is unknown, wrong, or no `today` was given to place the century. */
  iso: string | null;
  /** Filler characters stand for a part not known (allowed for birth dates, ICAO 9303-3 §4.8). */
  unknown: boolean;
  error: { expected: string; found: string } | null;
}

/** How far an expiry date may lie from today, in years, before the other century is taken. */
export const expiryWindowYears = 50;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The UTC calendar date of `today` as YYYY-MM-DD. */
export function isoDay(today: Date): string {
  return `${pad(today.getUTCFullYear(), 4)}-${pad(today.getUTCMonth() + 1, 2)}-${pad(today.getUTCDate(), 2)}`;
}

export function readMrzDate(yymmdd: string, role: MrzDateRole, today?: Date): MrzDateReading {
  if (role === 'birth' && /^\d\d(?:\d\d|<<)(?:\d\d|<<)$|^<{6}$/.test(yymmdd) && yymmdd.includes('<')) {
    return { iso: null, unknown: true, error: null };
  }
  if (!/^\d{6}$/.test(yymmdd)) return wrong('a date YYMMDD in digits', yymmdd);
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return wrong('a month 01–12', `month ${yymmdd.slice(2, 4)}`);

  const year = today === undefined ? null : resolveYear(yy, month, day, role, today);
  // Without a century, 29 February is possible whenever the two digits are a multiple of 4 (2000 was a leap year).
  const leap = year === null ? yy % 4 === 0 : isLeap(year);
  const lastDay = month === 2 && leap ? 29 : monthLengths[month - 1]!;
  if (day < 1 || day > lastDay) {
    const where = year === null ? `month ${pad(month, 2)}` : `${pad(month, 2)}/${year}`;
    return wrong(`a day 01–${lastDay} for ${where}`, `day ${yymmdd.slice(4, 6)}`);
  }
  return { iso: year === null ? null : `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, unknown: false, error: null };
}

function resolveYear(yy: number, month: number, day: number, role: MrzDateRole, today: Date): number {
  const thisYear = today.getUTCFullYear();
  if (role === 'expiry') {
    const earliest = thisYear - expiryWindowYears;
    return earliest + (((yy - earliest) % 100) + 100) % 100;
  }
  let year = thisYear - (((thisYear % 100) - yy + 100) % 100);
  const candidate = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (candidate > isoDay(today)) year -= 100;
  return year;
}

function wrong(expected: string, found: string): MrzDateReading {
  return { iso: null, unknown: false, error: { expected, found } };
}
