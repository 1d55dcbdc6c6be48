// Reading DTM values (C507: 2380 value, 2379 format code) into ISO dates, and choosing the century of a two-digit year.
// Pure: "today" is always passed in.

interface DateFormat {
  pattern: 'YYMMDD' | 'CCYYMMDD' | 'YYMMDDHHMM' | 'CCYYMMDDHHMM';
}

// UN/EDIFACT code list 2379, the formats the WCO/IATA/ICAO PAXLST guide uses (§4.10 DTM gr. 3, §4.13 gr. 4, §4.22 gr. 5).
export const dateFormats: Record<string, DateFormat> = {
  '101': { pattern: 'YYMMDD' },
  '102': { pattern: 'CCYYMMDD' },
  '201': { pattern: 'YYMMDDHHMM' },
  '203': { pattern: 'CCYYMMDDHHMM' },
};

// The guide sends birth and expiry dates without 2379 (§4.13, §4.22); the length then says which pattern is meant.
const patternByLength: Record<number, DateFormat['pattern']> = { 6: 'YYMMDD', 8: 'CCYYMMDD', 10: 'YYMMDDHHMM', 12: 'CCYYMMDDHHMM' };

/** 'past': a birth date, the latest such date not after today. 'nearest': travel and expiry dates, the closest to today. */
export type CenturyRule = 'past' | 'nearest';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Throws RangeError unless `today` is a real 'YYYY-MM-DD' date: it is the caller's setting, not the sender's data. */
export function checkToday(today: string): void {
  const m = isoDate.exec(today);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new RangeError(`today must be a YYYY-MM-DD date, not "${today}"`);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const dayNumber = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;

/** The four-digit year for a two-digit one, by the rule, relative to `today` ('YYYY-MM-DD'). */
export function resolveCentury(twoDigitYear: number, month: number, day: number, rule: CenturyRule, today: string): number {
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const sameCentury = Math.floor(ty / 100) * 100 + twoDigitYear;
  if (rule === 'past') {
    const later = month > tm || (month === tm && day > td);
    return sameCentury > ty || (sameCentury === ty && later) ? sameCentury - 100 : sameCentury;
  }
  const now = dayNumber(ty, tm, td);
  const candidates = [sameCentury - 100, sameCentury, sameCentury + 100];
  const distance = (year: number) => Math.abs(dayNumber(year, month, day) - now);
  return candidates.reduce((best, year) => (distance(year) < distance(best) ? year : best));
}

export type DateReading = { iso: string } | { error: string };

/** Reads a DTM value in the given 2379 format (or, when none is sent, the one its length implies) as an ISO date or date-time. */
export function readEdifactDate(value: string, formatCode: string, rule: CenturyRule, today: string): DateReading {
  let pattern: DateFormat['pattern'] | undefined;
  if (formatCode !== '') {
    pattern = dateFormats[formatCode]?.pattern;
    if (pattern === undefined) return { error: `date format code "${formatCode}" is not one PAXLST uses (${Object.keys(dateFormats).join(', ')})` };
    if (value.length !== pattern.length) return { error: `"${value}" does not have the ${pattern.length} digits of format ${formatCode} (${pattern})` };
  } else {
    pattern = patternByLength[value.length];
    if (pattern === undefined) return { error: `"${value}" is not a date of 6, 8, 10 or 12 digits` };
  }
  if (!/^\d+$/.test(value)) return { error: `"${value}" is not all digits` };
  const withCentury = pattern.startsWith('CC');
  const digits = (from: number, length: number) => Number(value.slice(from, from + length));
  const yearLength = withCentury ? 4 : 2;
  const month = digits(yearLength, 2);
  const day = digits(yearLength + 2, 2);
  const year = withCentury ? digits(0, 4) : resolveCentury(digits(0, 2), month, day, rule, today);
  if (!isRealDate(year, month, day)) return { error: `"${value}" is not a real date (${year}-${pad(month, 2)}-${pad(day, 2)})` };
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (rule === 'past' && date > today) return { error: `"${value}" is after today (${today})` };
  if (!pattern.endsWith('HHMM')) return { iso: date };
  const hour = digits(yearLength + 4, 2);
  const minute = digits(yearLength + 6, 2);
  if (hour > 23 || minute > 59) return { error: `"${value}" has no such time of day (${pad(hour, 2)}:${pad(minute, 2)})` };
  return { iso: `${date}T${pad(hour, 2)}:${pad(minute, 2)}` };
}
