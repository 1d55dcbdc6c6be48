// Dates written relative to the document's own date: "yesterday", "last week", "two months ago",
// "on Tuesday", "earlier this year". Each rule says how precise a reference it needs; a document dated
// only "2019-04" still resolves "last month", never "yesterday".
import { type DateValue, daysInMonth, isoDay, isoMonth, isoWeek, type ReferenceDate } from './calendar.js';
import type { Found } from './found.js';
import { numberWordPattern, readNumberWord } from './numbers.js';

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const monthAhead = String.raw`(?!,?\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))`;

// The lookarounds shared by every alternative stand once, around the alternation (see absolutePattern in date-mentions.ts).
const relativePattern = new RegExp(
  String.raw`(?<![\p{L}\d])(?:` +
  [
    String.raw`(?<dayWord>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight|last\s+night)`,
    String.raw`(?<rolling>the\s+(?:past|last|previous)\s+(?:(?<rollingCount>\d{1,3}|${numberWordPattern})\s+)?(?<rollingUnit>days?|weeks?|months?|years?))`,
    String.raw`(?<calendar>(?<calendarWhich>last|this|next|earlier\s+this|later\s+this)\s+(?<calendarUnit>week|month|year))`,
    String.raw`(?<ago>(?<agoCount>\d{1,3}|${numberWordPattern})\s+(?<agoUnit>days?|weeks?|months?|years?)\s+ago)`,
    String.raw`(?<weekday>(?:(?<weekdayCue>on|last|next|this|since|by|until)\s+)?(?<weekdayName>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\p{L})${monthAhead})`,
  ].join('|') + String.raw`)(?![\p{L}])`,
  'giu',
);

type Unit = 'day' | 'week' | 'month' | 'year';
const unitOf = (word: string): Unit => word.toLowerCase().replace(/s$/, '') as Unit;

/** Relative dates resolved against the reference; those that need a finer reference than given are skipped. */
export function findRelativeDates(text: string, reference: ReferenceDate): Found<'DATE', DateValue>[] {
  const found: Found<'DATE', DateValue>[] = [];
  for (const m of text.matchAll(relativePattern)) {
    const g = m.groups!;
    let value: DateValue | undefined;
    let confidence = 0.8;
    if (g.dayWord !== undefined) {
      const word = g.dayWord.toLowerCase().replace(/\s+/g, ' ');
      const offset = { 'the day before yesterday': -2, yesterday: -1, 'last night': -1, today: 0, tonight: 0, tomorrow: 1, 'the day after tomorrow': 2 }[word];
      value = offset === undefined ? undefined : days(reference, offset);
    } else if (g.rolling !== undefined) {
      const count = g.rollingCount === undefined ? 1 : readCount(g.rollingCount);
      value = count === undefined ? undefined : rolling(reference, count, unitOf(g.rollingUnit!));
      confidence = 0.7;
    } else if (g.calendar !== undefined) {
      value = calendar(reference, g.calendarWhich!.toLowerCase().replace(/\s+/g, ' '), unitOf(g.calendarUnit!));
    } else if (g.ago !== undefined) {
      const count = readCount(g.agoCount!);
      value = count === undefined ? undefined : ago(reference, count, unitOf(g.agoUnit!));
    } else if (g.weekday !== undefined) {
      value = weekday(reference, weekdays.indexOf(g.weekdayName!.toLowerCase()), g.weekdayCue?.toLowerCase());
      // A weekday without "on", "last" or "next" may name a habit or a thing ("Friday prayers"): trusted less.
      confidence = g.weekdayCue === undefined ? 0.6 : 0.75;
    }
    if (!value) continue;
    value.relative = true;
    found.push({ type: 'DATE', text: m[0], start: m.index, end: m.index + m[0].length, value, confidence, method: 'pattern:date-relative' });
  }
  return found;
}

function readCount(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : readNumberWord(text);
}

function days(r: ReferenceDate, offset: number): DateValue | undefined {
  if (r.month === undefined || r.day === undefined) return undefined;
  return { precision: 'day', date: isoDay(r.year, r.month, r.day, offset) };
}

/** "the past two weeks": from that long before the reference up to it. */
function rolling(r: ReferenceDate, count: number, unit: Unit): DateValue | undefined {
  if (unit === 'year' && r.month === undefined) return { precision: 'range', start: String(r.year - count), end: String(r.year) };
  if (r.month === undefined) return undefined;
  if (r.day === undefined) {
    if (unit !== 'month' && unit !== 'year') return undefined;
    return { precision: 'range', start: isoMonth(r.year, r.month, -(unit === 'year' ? 12 : 1) * count), end: isoMonth(r.year, r.month) };
  }
  const end = isoDay(r.year, r.month, r.day);
  if (unit === 'day' || unit === 'week') return { precision: 'range', start: isoDay(r.year, r.month, r.day, -(unit === 'week' ? 7 : 1) * count), end };
  const back = (unit === 'year' ? 12 : 1) * count;
  const [y, mo] = isoMonth(r.year, r.month, -back).split('-').map(Number) as [number, number];
  return { precision: 'range', start: isoDay(y, mo, Math.min(r.day, daysInMonth(y, mo))), end };
}

/** "last week", "this month", "next year", "earlier this year" (start of the period to the reference). */
function calendar(r: ReferenceDate, which: string, unit: Unit): DateValue | undefined {
  if (which === 'earlier this' || which === 'later this') return partOfPeriod(r, unit, which === 'earlier this');
  const shift = which === 'last' ? -1 : which === 'next' ? 1 : 0;
  if (unit === 'year') return { precision: 'year', date: String(r.year + shift) };
  if (r.month === undefined) return undefined;
  if (unit === 'month') return { precision: 'month', date: isoMonth(r.year, r.month, shift) };
  if (r.day === undefined) return undefined;
  return isoWeek(r.year, r.month, r.day, shift);
}

function partOfPeriod(r: ReferenceDate, unit: Unit, earlier: boolean): DateValue | undefined {
  if (r.month === undefined) return undefined;
  if (r.day === undefined) {
    if (unit !== 'year') return undefined;
    const month = isoMonth(r.year, r.month);
    return earlier ? { precision: 'range', start: `${r.year}-01`, end: month } : { precision: 'range', start: month, end: `${r.year}-12` };
  }
  const today = isoDay(r.year, r.month, r.day);
  const period: DateValue =
    unit === 'year'
      ? { precision: 'range', start: `${r.year}-01-01`, end: `${r.year}-12-31` }
      : unit === 'month'
        ? { precision: 'range', start: isoDay(r.year, r.month, 1), end: isoDay(r.year, r.month, daysInMonth(r.year, r.month)) }
        : isoWeek(r.year, r.month, r.day);
  if (period.precision !== 'range') return undefined;
  return earlier ? { precision: 'range', start: period.start, end: today } : { precision: 'range', start: today, end: period.end };
}

/** "two days ago" is a day, "three weeks ago" the week it fell in, "two months ago" a month, "five years ago" a year. */
function ago(r: ReferenceDate, count: number, unit: Unit): DateValue | undefined {
  if (unit === 'year') return { precision: 'year', date: String(r.year - count) };
  if (r.month === undefined) return undefined;
  if (unit === 'month') return { precision: 'month', date: isoMonth(r.year, r.month, -count) };
  if (r.day === undefined) return undefined;
  if (unit === 'day') return days(r, -count);
  return isoWeek(r.year, r.month, r.day - 7 * count);
}

/**
 * News reports name the day of an event within the past week: "said on Tuesday" is the latest Tuesday up to
 * the document's date (that day itself included, as wire copy does); "last Tuesday" is strictly before it and
 * "next Tuesday" strictly after.
 */
function weekday(r: ReferenceDate, target: number, cue: string | undefined): DateValue | undefined {
  if (r.month === undefined || r.day === undefined || target < 0) return undefined;
  const current = (new Date(Date.UTC(r.year, r.month - 1, r.day)).getUTCDay() + 6) % 7;
  if (cue === 'next') return days(r, ((target - current + 6) % 7) + 1);
  const back = (current - target + 7) % 7;
  return days(r, cue === 'last' && back === 0 ? -7 : -back);
}
