// From what a scanner or a user hands over to lines of MRZ characters and the layout they fit (or why none fits).
import { mrzLayouts, type MrzLayout } from './mrz-layouts.js';
import type { MrzError, MrzWarning } from './mrz-types.js';

export interface MrzShape {
  /** The layout the lines fit (exactly, or within a character or two, which is then an error); null when none does. */
  layout: MrzLayout | null;
  /** Upper-cased, trimmed lines; characters outside A–Z, 0–9 and < replaced by < and lines padded or cut to length. */
  lines: string[];
  errors: MrzError[];
  warnings: MrzWarning[];
}

/** Lines that are a character or two short or long are still read against the nearest layout (and reported). */
const lengthSlack = 2;

const describe = (n: number) => `${n} character${n === 1 ? '' : 's'}`;

/** Splits, trims and upper-cases the input; a zone pasted as one run (90, 88 or 72 characters) is cut into its lines. */
export function splitMrzLines(input: string | readonly string[]): string[] {
  const pieces = (typeof input === 'string' ? [input] : [...input]).flatMap((s) => String(s).split(/\r\n|\r|\n/));
  const lines = pieces.map((l) => l.trim().toUpperCase()).filter((l) => l.length > 0);
  if (lines.length === 1) {
    const run = lines[0]!.replace(/\s+/g, '');
    for (const layout of mrzLayouts) {
      if (run.length !== layout.lineCount * layout.lineLength) continue;
      return Array.from({ length: layout.lineCount }, (_, i) => run.slice(i * layout.lineLength, (i + 1) * layout.lineLength));
    }
  }
  return lines;
}

export function readMrzShape(input: string | readonly string[]): MrzShape {
  const errors: MrzError[] = [];
  const warnings: MrzWarning[] = [];
  const lines = splitMrzLines(input).map((line, i) => {
    // OCR output sometimes breaks a line with spaces; no MRZ character is a space, so they can only be noise.
    const joined = line.replace(/\s+/g, '');
    if (joined !== line) {
      warnings.push({ field: `line${i + 1}`, found: line, corrected: joined, message: `line ${i + 1}: spaces inside the line removed` });
    }
    return joined;
  });
  const layout = chooseLayout(lines, errors);
  if (layout === null) return { layout, lines, errors, warnings };

  const cleaned = lines.map((line, i) => {
    const field = `line${i + 1}`;
    if (line.length !== layout.lineLength) {
      errors.push({
        field,
        expected: `${describe(layout.lineLength)} (${layout.format}, ${layout.clause})`,
        found: describe(line.length),
        message: `line ${i + 1}: expected ${layout.lineLength} characters for ${layout.format}, found ${line.length}`,
      });
    }
    const bad = [...line.matchAll(/[^A-Z0-9<]/g)].map((m) => `"${m[0]}" at position ${m.index + 1}`);
    if (bad.length > 0) {
      // ICAO 9303-3 §4.3: the zone holds only A–Z, 0–9 and the filler.
      errors.push({ field, expected: 'only A–Z, 0–9 and < (ICAO 9303-3 §4.3)', found: bad.join(', '), message: `line ${i + 1}: ${bad.join(', ')} cannot stand in an MRZ` });
    }
    return line.replace(/[^A-Z0-9<]/g, '<').padEnd(layout.lineLength, '<').slice(0, layout.lineLength);
  });
  return { layout, lines: cleaned, errors, warnings };
}

function chooseLayout(lines: string[], errors: MrzError[]): MrzLayout | null {
  const counts = [...new Set(mrzLayouts.map((l) => l.lineCount))].sort((a, b) => a - b);
  const byCount = mrzLayouts.filter((l) => l.lineCount === lines.length);
  if (byCount.length === 0) {
    errors.push({
      field: 'lines',
      expected: '2 lines (TD2, TD3, MRV-A, MRV-B) or 3 lines (TD1)',
      found: lines.length === 0 ? 'no text' : `${lines.length} line${lines.length === 1 ? '' : 's'}`,
      message: `expected ${counts.join(' or ')} MRZ lines, found ${lines.length}`,
    });
    return null;
  }
  const fits = byCount.filter((l) => lines.every((line) => Math.abs(line.length - l.lineLength) <= lengthSlack));
  if (fits.length === 0) {
    const lengths = [...new Set(byCount.map((l) => l.lineLength))];
    const formats = (n: number) => byCount.filter((l) => l.lineLength === n).map((l) => l.format).join(', ');
    const expected = lengths.map((n) => `${n} (${formats(n)})`).join(' or ') + ' characters per line';
    lines.forEach((line, i) => {
      if (lengths.includes(line.length)) return;
      errors.push({ field: `line${i + 1}`, expected, found: describe(line.length), message: `line ${i + 1}: expected ${expected}, found ${line.length}` });
    });
    if (!errors.some((e) => e.field.startsWith('line'))) {
      // Every line has a known length, but not the same one.
      errors.push({ field: 'lines', expected: `all lines of one length: ${expected}`, found: lines.map((l) => l.length).join(' and '), message: `lines of different lengths: ${lines.map((l) => l.length).join(' and ')}` });
    }
    return null;
  }
  // Same shape, told apart by the document code: V for visas (ICAO 9303-7), anything else for the other documents.
  const first = lines[0]![0];
  return fits.find((l) => (first === 'V') === (l.documentCodeFirst === 'V')) ?? fits[0]!;
}
