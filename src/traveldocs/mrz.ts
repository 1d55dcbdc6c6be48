// Reading an ICAO 9303 machine-readable zone of any format (TD1, TD2, TD3, MRV-A, MRV-B) against its layout table.
// `valid` means structure, field contents and every check digit are right; expiry is reported apart, as `expired`.
import { checkDigit } from './check-digit.js';
import { isoDay } from './mrz-dates.js';
import { fieldError, readCountry, readDate, readDocumentCode, readNames, readSex, readText, type Findings } from './mrz-fields.js';
import type { MrzFieldLayout, MrzFieldName, MrzLayout } from './mrz-layouts.js';
import { readMrzShape } from './mrz-input.js';
import { confusableReadings, digitToLetter, letterToDigit, undoConfusions } from './mrz-ocr.js';
import type { MrzCheck, MrzFields, MrzOptions, MrzResult } from './mrz-types.js';

interface Position {
  line: number;
  index: number;
}

/** A check digit and the characters it covers, positions resolved (a long document number spans two fields). */
interface CheckedRun {
  field: MrzCheck['field'];
  positions: Position[];
  at: Position;
  fillerWhenEmpty: boolean;
  /** Letters and digits both belong here, so only the check digit can settle an OCR confusion. */
  alphanumeric: boolean;
}

const labels: Record<MrzCheck['field'], string> = {
  documentNumber: 'document number',
  birthDate: 'birth date',
  expiryDate: 'expiry date',
  optionalData: 'optional data',
  composite: 'composite',
};

/** The lines of a zone as characters, read and corrected in place; `original` keeps what was scanned. */
class Zone {
  readonly chars: string[][];
  constructor(readonly original: string[]) {
    this.chars = original.map((l) => [...l]);
  }
  text(positions: Position[]): string {
    return positions.map((p) => this.chars[p.line]![p.index]!).join('');
  }
  originalText(positions: Position[]): string {
    return positions.map((p) => this.original[p.line]![p.index]!).join('');
  }
  write(positions: Position[], text: string): void {
    positions.forEach((p, i) => (this.chars[p.line]![p.index] = text[i]!));
  }
  lines(): string[] {
    return this.chars.map((l) => l.join(''));
  }
}

const span = (line: number, start: number, length: number): Position[] => Array.from({ length }, (_, i) => ({ line, index: start + i }));
const where = (p: Position) => `line ${p.line + 1}, position ${p.index + 1}`;

/**
 * Reads a machine-readable zone: lines as one string (separated by newlines) or as an array; surrounding whitespace
 * and lower case are tolerated. Never throws: input that is no MRZ comes back with `format: null` and the reason.
 */
export function parseMrz(input: string | readonly string[], options: MrzOptions = {}): MrzResult {
  const shape = readMrzShape(input);
  const findings: Findings = { errors: shape.errors, warnings: shape.warnings };
  const layout = shape.layout;
  if (layout === null) {
    return { format: null, valid: false, fields: null, checks: [], errors: findings.errors, warnings: findings.warnings, expired: null, lines: shape.lines };
  }
  const zone = new Zone(shape.lines);
  const field = (name: MrzFieldName) => layout.fields.find((f) => f.field === name);
  const spanOf = (f: MrzFieldLayout) => span(f.line, f.start, f.length);

  // Fields of one character class: a digit among letters or a letter among digits can only be a misreading.
  for (const f of layout.fields) {
    if (f.kind === 'date') undo(zone, spanOf(f), letterToDigit, f.field, findings);
    if (f.kind === 'documentCode' || f.kind === 'country' || f.kind === 'name') undo(zone, spanOf(f), digitToLetter, f.field, findings);
  }

  const runs = checkedRuns(layout, zone);
  const extension = runs.extension;
  for (const run of runs.list) undoInCheckDigit(zone, run.at, `${run.field}CheckDigit`, findings);
  if (layout.composite) undoInCheckDigit(zone, { line: layout.composite.line, index: layout.composite.at }, 'compositeCheckDigit', findings);

  const composite: CheckedRun | null = layout.composite && {
    field: 'composite',
    positions: layout.composite.covers.flatMap((c) => span(c.line, c.start, c.length)),
    at: { line: layout.composite.line, index: layout.composite.at },
    fillerWhenEmpty: false,
    alphanumeric: false,
  };
  settleConfusions(zone, runs.list, composite, findings);

  const checks: MrzCheck[] = [];
  for (const run of [...runs.list, composite]) {
    if (run === null) continue;
    const covered = zone.text(run.positions);
    const found = zone.text([run.at]);
    const expected = checkDigit(covered);
    // An empty field may carry a filler as its check digit (ICAO 9303-4 §4.2.2, personal number).
    const ok = found === expected || (run.fillerWhenEmpty && found === '<' && /^<*$/.test(covered));
    checks.push({ field: run.field, expected, found, ok });
    if (!ok) fieldError(findings, `${run.field}CheckDigit`, expected, found, `${labels[run.field]} check digit over "${covered}" (${where(run.at)})`);
  }

  const fields = readFields(layout, zone, field, spanOf, extension, options.today, findings);
  const expiry = fields.expiryDate.value;
  const expired = options.today === undefined || expiry === null ? null : expiry < isoDay(options.today);
  return { format: layout.format, valid: findings.errors.length === 0, fields, checks, errors: findings.errors, warnings: findings.warnings, expired, lines: zone.lines() };
}

/** The characters of a long document number that stand in the optional data, and how many positions it takes there. */
interface Extension {
  number: Position[];
  taken: number;
}

/** The check-digit runs of a layout, with a TD1/TD2 document number continued in the optional data when it is. */
function checkedRuns(layout: MrzLayout, zone: Zone): { list: CheckedRun[]; extension: Extension } {
  const list: CheckedRun[] = [];
  let extension: Extension = { number: [], taken: 0 };
  for (const f of layout.fields) {
    if (!f.check) continue;
    let positions = span(f.line, f.start, f.length);
    let at: Position = { line: f.check.line, index: f.check.at };
    if (f.field === 'documentNumber' && layout.longNumberIn && zone.text([at]) === '<') {
      // ICAO 9303-5 §4.2.4 / 9303-6 §4.2.4: a filler where the check digit belongs means the number goes on in the
      // optional data, up to its first filler; the last of those characters is the check digit over the whole number.
      const holder = layout.fields.find((o) => o.field === layout.longNumberIn)!;
      const tail = span(holder.line, holder.start, holder.length);
      const length = zone.text(tail).indexOf('<');
      const run = length < 0 ? tail.length : length;
      if (run >= 2) {
        extension = { number: tail.slice(0, run - 1), taken: Math.min(run + 1, tail.length) };
        positions = [...positions, ...extension.number];
        at = tail[run - 1]!;
      }
    }
    list.push({ field: f.field as MrzCheck['field'], positions, at, fillerWhenEmpty: f.check.fillerWhenEmpty === true, alphanumeric: f.kind === 'alphanumeric' });
  }
  return { list, extension };
}

function undo(zone: Zone, positions: Position[], map: Readonly<Record<string, string>>, field: string, findings: Findings): void {
  const before = zone.text(positions);
  const after = undoConfusions(before, map);
  if (!after.changed) return;
  zone.write(positions, after.text);
  findings.warnings.push({ field, found: before, corrected: after.text, message: `${field}: read "${before}" as "${after.text}" (OCR confusion)` });
}

function undoInCheckDigit(zone: Zone, at: Position, field: string, findings: Findings): void {
  undo(zone, [at], letterToDigit, field, findings);
}

/**
 * Document numbers and optional data may hold letters and digits alike, so a confusion there (O for 0) is undone only
 * when exactly one reading with the fewest swaps, each fitting its neighbours, makes the field's check digit hold and
 * keeps the composite holding. (The composite weighs a field's characters as its own check digit does, except for
 * the part of a long TD1/TD2 document number in the optional data, so it rarely adds evidence; it must not object.)
 */
function settleConfusions(zone: Zone, runs: CheckedRun[], composite: CheckedRun | null, findings: Findings): void {
  const failing = runs.filter((r) => r.alphanumeric && /^\d$/.test(zone.text([r.at])) && checkDigit(zone.text(r.positions)) !== zone.text([r.at]));
  if (failing.length === 0) return;
  const options = failing.map((r) => confusableReadings(zone.text(r.positions), (c) => checkDigit(c) === zone.text([r.at])));
  if (options.some((o) => o.length === 0)) return;
  const combinations = options.reduce<string[][]>((acc, o) => acc.flatMap((combo) => o.map((c) => [...combo, c])), [[]]);
  if (combinations.length > 64) return;
  const before = failing.map((r) => zone.text(r.positions));
  const holds = combinations.filter((combo) => {
    failing.forEach((r, i) => zone.write(r.positions, combo[i]!));
    const ok = composite === null || checkDigit(zone.text(composite.positions)) === zone.text([composite.at]);
    failing.forEach((r, i) => zone.write(r.positions, before[i]!));
    return ok;
  });
  if (holds.length !== 1) return;
  failing.forEach((r, i) => {
    const corrected = holds[0]![i]!;
    zone.write(r.positions, corrected);
    findings.warnings.push({ field: r.field, found: before[i]!, corrected, message: `${r.field}: read "${before[i]}" as "${corrected}", which its check digit confirms (OCR confusion)` });
  });
}

function readFields(
  layout: MrzLayout,
  zone: Zone,
  field: (name: MrzFieldName) => MrzFieldLayout | undefined,
  spanOf: (f: MrzFieldLayout) => Position[],
  extension: Extension,
  today: Date | undefined,
  findings: Findings,
): MrzFields {
  const part = (name: MrzFieldName) => {
    const f = field(name)!;
    let positions = spanOf(f);
    // The document number's continuation, its check digit and the filler after it are not optional data.
    if (name === layout.longNumberIn) positions = positions.slice(extension.taken);
    if (name === 'documentNumber') positions = [...positions, ...extension.number];
    return { raw: zone.originalText(positions), read: zone.text(positions) };
  };
  const text = (name: MrzFieldName) => {
    const p = part(name);
    return readText(p.raw, p.read);
  };
  const code = part('documentCode');
  const issuer = part('issuingState');
  const names = part('names');
  const nationality = part('nationality');
  const birth = part('birthDate');
  const sex = part('sex');
  const expiry = part('expiryDate');
  const fields: MrzFields = {
    documentCode: readDocumentCode(code.raw, code.read, layout, findings),
    issuingState: readCountry('issuingState', issuer.raw, issuer.read, findings),
    names: readNames(names.raw, names.read, findings),
    documentNumber: text('documentNumber'),
    nationality: readCountry('nationality', nationality.raw, nationality.read, findings),
    birthDate: readDate('birthDate', birth.raw, birth.read, today, findings),
    sex: readSex(sex.raw, sex.read, findings),
    expiryDate: readDate('expiryDate', expiry.raw, expiry.read, today, findings),
    optionalData: text('optionalData'),
  };
  if (field('optionalData2')) fields.optionalData2 = text('optionalData2');
  if (fields.documentNumber.value === null) fieldError(findings, 'documentNumber', 'a document number', `"${fields.documentNumber.raw}"`, 'document number');
  return fields;
}
