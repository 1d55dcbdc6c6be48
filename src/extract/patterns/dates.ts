// Dates as Vigil stores them: ISO 8601, as precise as the source was and no more ("2013-07", not "2013-07-01").
import * as chrono from 'chrono-node';

const isoDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

// The written shapes the date finder hands over most ("3 March 2018", "March 3, 2018", "3rd of March 2018",
// "July 2013", "July of 2013"), read without chrono, which took a tenth of extraction's time; any other text, and a
// day the month does not have, is left to chrono. dates.test.ts checks that both read every such shape alike.
const monthNumbers = new Map(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
    .flatMap((name, i) => [[name, i + 1], [name.slice(0, 3), i + 1]] as [string, number][])
    .concat([['sept', 9]]),
);
// A month is a name, or an abbreviation with or without its full stop ("Sept.", "Jan"; chrono reads no "May.").
const dayMonthYear = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9}\.?),?\s+((?:1[89]|20)\d\d)$/;
const monthDayYear = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:1[89]|20)\d\d)$/;
const monthYear = /^([A-Za-z]{3,9}\.?),?\s+(?:of\s+)?((?:1[89]|20)\d\d)$/;
const abbreviatedMonth = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$/;

/** A date in one of the common written shapes, or undefined for chrono to read. */
function commonWrittenDate(text: string): string | undefined {
  let m = dayMonthYear.exec(text);
  const [day, month, year] = m ? [m[1], m[2], m[3]] : (m = monthDayYear.exec(text)) ? [m[2], m[1], m[3]] : (m = monthYear.exec(text)) ? [undefined, m[1], m[2]] : [];
  const word = month?.toLowerCase();
  if (word === undefined || (word.endsWith('.') && !abbreviatedMonth.test(word))) return undefined;
  const number = monthNumbers.get(word.replace(/\.$/, ''));
  if (number === undefined || year === undefined) return undefined;
  const mm = String(number).padStart(2, '0');
  if (day === undefined) return `${year}-${mm}`;
  return validIso(year, mm, day.padStart(2, '0')) ?? undefined;
}

/**
 * Reads one date written by a person ("March 3, 2018", "3 March 2018", "2018-03-03", "July of 2013")
 * and returns it as partial ISO 8601, or null when the text holds no recognisable date.
 */
export function normaliseDate(text: string, reference?: Date): string | null {
  const trimmed = text.trim();
  const iso = isoDate.exec(trimmed);
  if (iso) return validIso(iso[1]!, iso[2], iso[3]);
  return commonWrittenDate(trimmed) ?? readDateWithChrono(trimmed, reference);
}

/** What chrono reads in `text` (already trimmed): the reader of every shape, and the reference for the common ones. */
export function readDateWithChrono(trimmed: string, reference?: Date): string | null {
  const input = trimmed.replace(/\bof\s+(?=\d{4}\b)/i, '');
  const at = reference ?? new Date(Date.UTC(2000, 0, 1));
  // chrono's strict mode has no month-and-year parser ("July 2013"): take that one reading from casual mode,
  // and only that one, so that "today" or "last week" never become dates.
  const first =
    chrono.strict.parse(input, at)[0] ?? chrono.casual.parse(input, at).find((r) => r.tags().has('parser/ENMonthNameParser'));
  if (!first) return null;
  const c = first.start;
  const year = c.get('year');
  if (year === null || year === undefined) return null;
  const y = String(year).padStart(4, '0');
  const month = c.isCertain('month') ? String(c.get('month')).padStart(2, '0') : undefined;
  const day = month && c.isCertain('day') ? String(c.get('day')).padStart(2, '0') : undefined;
  if (!c.isCertain('year') && !reference) return null;
  return validIso(y, month, day);
}

function validIso(year: string, month?: string, day?: string): string | null {
  if (month === undefined) return year;
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  if (day === undefined) return `${year}-${month}`;
  const d = Number(day);
  const probe = new Date(Date.UTC(Number(year), m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return `${year}-${month}-${day}`;
}
