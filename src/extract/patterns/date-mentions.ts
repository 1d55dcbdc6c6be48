// Dates in running text: full and partial dates ("3 March 2018", "July of 2013", "in 2014"), seasons and
// parts of a year ("the summer of 2014", "mid-2015"), and, given the document's date, relative ones
// ("yesterday", "two months ago"). Absolute dates are read by normaliseDate, the one reader of written dates.
import { type DateValue, type Part, partRange, readReferenceDate, type ReferenceDate, type Season, seasonRange } from './calendar.js';
import { normaliseDate } from './dates.js';
import { type Found, withoutOverlaps } from './found.js';
import { findRelativeDates } from './relative-dates.js';

export type DateFound = Found<'DATE', DateValue>;

export interface DateOptions {
  /** The document's date, ISO 8601 ("2019-04-12", or partial): relative dates are found only when it is given. */
  reference?: string;
}

// Capitalised month names only, so that the verbs "may" and "march" are not months.
export const monthPattern = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?![\p{L}])`;
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ordinal = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const year = String.raw`(?:1[89]|20)\d\d(?!\d)`;

// The lookbehind shared by every alternative stands once, before the alternation: repeated at the head of each,
// it kept the engine from skipping ahead, and the pattern cost seven times as much on ordinary text.
const absolutePattern = new RegExp(
  String.raw`(?<![\p{L}\d-])(?:` +
  [
    String.raw`(?<dayMonthYear>${ordinal}\s+(?:of\s+)?${monthPattern},?\s+${year})`,
    String.raw`(?<monthDayYear>${monthPattern}\s+${ordinal},?\s+${year})`,
    String.raw`(?<iso>${year}-\d\d-\d\d(?![\d-]))`,
    String.raw`(?<part>(?<partWord>[Ee]arly|[Mm]id|[Ll]ate|the\s+(?:beginning|start|middle|end)\s+of)[-\s]+(?:(?<partMonth>${monthPattern})\s+)?(?:of\s+)?(?<partYear>${year}))`,
    String.raw`(?<season>(?:(?<seasonPart>[Ee]arly|[Mm]id|[Ll]ate)[-\s]+)?(?<seasonName>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:of\s+)?(?<seasonYear>${year}))`,
    String.raw`(?<monthYear>${monthPattern},?\s+(?:of\s+)?${year})`,
    String.raw`(?<dayMonth>${ordinal}\s+(?:of\s+)?${monthPattern}|${monthPattern}\s+${ordinal}(?![\d:]))`,
    String.raw`(?<yearRange>(?:[Bb]etween\s+(?<rangeFrom>${year})\s+and|[Ff]rom\s+(?<rangeFrom2>${year})\s+to|(?<rangeFrom3>${year})\s?[-–])\s?(?<rangeTo>${year}))`,
    // A bare year only after a word that makes it one: "in 2014", not "2014 fighters".
    String.raw`(?<=\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Ff]rom|[Bb]efore|[Aa]fter|[Tt]hroughout|[Ee]nd\s+of|[Yy]ear)\s)(?<year>${year})(?![\p{L}\d,.]\d|[-–]\d)`,
  ].join('|') + ')',
  'gu',
);

const partWords: Record<string, Part> = { early: 'early', mid: 'mid', late: 'late', beginning: 'early', start: 'early', middle: 'mid', end: 'late' };

export function findDates(text: string, options: DateOptions = {}): DateFound[] {
  const reference = options.reference === undefined ? undefined : readReferenceDate(options.reference);
  const found = findAbsoluteDates(text, reference);
  if (reference) found.push(...findRelativeDates(text, reference));
  return withoutOverlaps(found);
}

function findAbsoluteDates(text: string, reference: ReferenceDate | undefined): DateFound[] {
  const found: DateFound[] = [];
  const referenceDay = reference && new Date(Date.UTC(reference.year, (reference.month ?? 1) - 1, reference.day ?? 1));
  for (const m of text.matchAll(absolutePattern)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    let value: DateValue | null = null;
    let method = 'pattern:date';
    let confidence = 0.9;
    if (g.part !== undefined) {
      const part = partWords[/early|mid|late|beginning|start|middle|end/.exec(g.partWord!.toLowerCase())![0]]!;
      value = partRange(part, Number(g.partYear), g.partMonth === undefined ? undefined : monthNumber(g.partMonth));
      method = 'pattern:date-part';
      confidence = 0.8;
    } else if (g.season !== undefined) {
      const name = g.seasonName!.toLowerCase();
      const season = (name === 'fall' ? 'autumn' : name) as Season;
      value = seasonRange(season, Number(g.seasonYear), g.seasonPart === undefined ? undefined : partWords[g.seasonPart.toLowerCase()]);
      method = 'pattern:date-season';
      confidence = 0.8;
    } else if (g.yearRange !== undefined) {
      const [from, to] = [g.rangeFrom ?? g.rangeFrom2 ?? g.rangeFrom3!, g.rangeTo!];
      if (Number(to) <= Number(from)) continue;
      value = { precision: 'range', start: from, end: to };
      method = 'pattern:date-years';
      confidence = 0.8;
    } else if (g.year !== undefined) {
      value = { precision: 'year', date: g.year };
      method = 'pattern:date-year';
      confidence = 0.75;
    } else if (g.dayMonth !== undefined) {
      // Without a year the date needs the document's: "on 12 March" in a 2019 report is 2019-03-12.
      if (!referenceDay) continue;
      value = asValue(normaliseDate(m[0], referenceDay));
      if (value) value.relative = true;
      method = 'pattern:date-no-year';
      confidence = 0.7;
    } else value = asValue(normaliseDate(m[0]));
    if (value) found.push({ type: 'DATE', text: m[0], start, end, value, confidence, method });
  }
  return found;
}

function monthNumber(name: string): number {
  return months.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function asValue(iso: string | null): DateValue | null {
  if (iso === null) return null;
  const precision = iso.length === 10 ? 'day' : iso.length === 7 ? 'month' : 'year';
  return { precision, date: iso };
}
