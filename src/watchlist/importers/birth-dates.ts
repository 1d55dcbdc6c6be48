// Birth dates as the lists write them ("28 Jul 1971", "circa 1962", "1961 to 1964", "Aug 1971") → partial ISO 8601,
// as precise as the list was and no more, and a range as an ISO 8601 interval ("1961/1964"). One date reader for all
// of Vigil: extract's normaliseDate.
import { normaliseDate } from '../../extract/index.js';

const approximately = /^(?:circa|approximately|approx\.?|about|ca\.?|c\.)\s+/i;
const yearSpan = /^(\d{4})\s*-\s*(\d{4})$/;
const rangeWords = /\s+(?:to|-|–|and)\s+/i;
/** An interval as Vigil writes it (and exports it to CSV): two partial ISO dates around a slash. */
const isoInterval = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)\/(\d{4}(?:-\d{2}(?:-\d{2})?)?)$/;

/** Years outside this span are typing errors in a birth date, not people. */
const plausibleYears = { from: 1850, to: 2100 };

function singleDate(text: string): string | null {
  const iso = normaliseDate(text);
  if (iso === null) return null;
  const year = Number(iso.slice(0, 4));
  return year >= plausibleYears.from && year <= plausibleYears.to ? iso : null;
}

/**
 * The ISO dates a written birth date stands for, or null when it is not a date.
 * "circa" keeps the date (the scorer already tolerates nearby years); a range gives one interval "from/to", its ends
 * reduced to years when it runs from 1 January to 31 December ("01 Jan 1961 to 31 Dec 1964" → "1961/1964"), and one
 * date when both ends are equal.
 */
export function parseBirthDate(written: string): string[] | null {
  const text = written.trim().replace(/\.$/, '').replace(approximately, '').replace(/^between\s+/i, '');
  if (text.length === 0) return null;
  const span = yearSpan.exec(text) ?? isoInterval.exec(text);
  const parts = span ? [span[1]!, span[2]!] : text.split(rangeWords);
  if (parts.length > 2) return null;
  const dates = parts.map((part) => singleDate(part.replace(approximately, '')));
  if (dates.some((d) => d === null)) return null;
  let [from, to] = dates as string[];
  if (to === undefined) return [from!];
  if (from!.endsWith('-01-01') && to.endsWith('-12-31')) [from, to] = [from!.slice(0, 4), to.slice(0, 4)];
  if (from! > to) return null;
  return from === to ? [from!] : [`${from}/${to}`];
}
