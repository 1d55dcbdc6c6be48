// Dates as Vigil stores them: ISO 8601, as precise as the source was and no more ("2013-07", not "2013-07-01").
import * as chrono from 'chrono-node';

const isoDate = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Reads one date written by a person ("March 3, 2018", "3 March 2018", "2018-03-03", "July of 2013")
 * and returns it as partial ISO 8601, or null when the text holds no recognisable date.
 */
export function normaliseDate(text: string, reference?: Date): string | null {
  const trimmed = text.trim();
  const iso = isoDate.exec(trimmed);
  if (iso) return validIso(iso[1]!, iso[2], iso[3]);
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
