// Reading a passport's machine-readable zone (TD3: two lines of 44 characters, ICAO 9303-4 §4.2).
// The layout is data (STYLE §18); `valid` means structure and check digits, never expiry.
import { checkDigit } from './check-digit.js';

interface FieldSpec {
  field: string;
  line: 0 | 1;
  start: number;
  end: number;
}

// ICAO 9303-4 §4.2.2, figure 3 (data element positions, 0-based, end exclusive).
const td3Fields: FieldSpec[] = [
  { field: 'documentCode', line: 0, start: 0, end: 2 },
  { field: 'issuingState', line: 0, start: 2, end: 5 },
  { field: 'names', line: 0, start: 5, end: 44 },
  { field: 'documentNumber', line: 1, start: 0, end: 9 },
  { field: 'nationality', line: 1, start: 10, end: 13 },
  { field: 'birthDate', line: 1, start: 13, end: 19 },
  { field: 'sex', line: 1, start: 20, end: 21 },
  { field: 'expiryDate', line: 1, start: 21, end: 27 },
  { field: 'optionalData', line: 1, start: 28, end: 42 },
];

// Each check digit: where it stands and the characters it covers (ICAO 9303-4 §4.2.2.2).
const td3Checks: { field: string; at: number; covers: [number, number][] }[] = [
  { field: 'documentNumber', at: 9, covers: [[0, 9]] },
  { field: 'birthDate', at: 19, covers: [[13, 19]] },
  { field: 'expiryDate', at: 27, covers: [[21, 27]] },
  { field: 'optionalData', at: 42, covers: [[28, 42]] },
  { field: 'composite', at: 43, covers: [[0, 10], [13, 20], [21, 43]] },
];

export interface MrzError {
  field: string;
  expected: string;
  found: string;
}

export interface Td3 {
  documentCode: string;
  issuingState: string;
  primaryIdentifier: string;
  secondaryIdentifier: string;
  documentNumber: string;
  nationality: string;
  /** YYMMDD as printed; the travel-documents issue resolves centuries. */
  birthDate: string;
  sex: 'M' | 'F' | 'X';
  expiryDate: string;
  optionalData: string;
  valid: boolean;
  errors: MrzError[];
}

const trimFiller = (s: string) => s.replace(/<+$/, '').replace(/</g, ' ').trim();

/** Parses two TD3 lines (surrounding whitespace and lower case tolerated). Structure errors and check-digit errors are listed by field. */
export function parseTd3(line1: string, line2: string): Td3 {
  const lines = [line1, line2].map((l) => l.trim().toUpperCase());
  const errors: MrzError[] = [];
  lines.forEach((line, i) => {
    if (line.length !== 44) errors.push({ field: `line${i + 1}`, expected: '44 characters', found: `${line.length} characters` });
    const bad = /[^A-Z0-9<]/.exec(line);
    if (bad) errors.push({ field: `line${i + 1}`, expected: 'only A–Z, 0–9 and <', found: `"${bad[0]}" at position ${bad.index + 1}` });
  });
  const padded = lines.map((l) => l.padEnd(44, '<').slice(0, 44).replace(/[^A-Z0-9<]/g, '<'));
  const value: Record<string, string> = {};
  for (const spec of td3Fields) value[spec.field] = padded[spec.line]!.slice(spec.start, spec.end);
  const second = padded[1]!;
  for (const check of td3Checks) {
    const covered = check.covers.map(([a, b]) => second.slice(a, b)).join('');
    const found = second[check.at]!;
    // An empty optional-data field may carry "<" as its check digit (ICAO 9303-4 §4.2.2.2, note).
    if (check.field === 'optionalData' && found === '<' && /^<*$/.test(covered)) continue;
    const expected = checkDigit(covered);
    if (found !== expected) errors.push({ field: `${check.field}CheckDigit`, expected, found });
  }
  const sex = value.sex === 'M' || value.sex === 'F' ? value.sex : 'X';
  if (!/^[MF<X]$/.test(value.sex!)) errors.push({ field: 'sex', expected: 'M, F or <', found: value.sex! });
  if (!value.documentCode!.startsWith('P')) errors.push({ field: 'documentCode', expected: 'P… for a passport', found: value.documentCode! });
  const primary = value.names!.split('<<')[0] ?? '';
  return {
    documentCode: trimFiller(value.documentCode!),
    issuingState: trimFiller(value.issuingState!),
    primaryIdentifier: trimFiller(primary),
    secondaryIdentifier: trimFiller(value.names!.slice(primary.length + 2)),
    documentNumber: trimFiller(value.documentNumber!),
    nationality: trimFiller(value.nationality!),
    birthDate: value.birthDate!,
    sex,
    expiryDate: value.expiryDate!,
    optionalData: trimFiller(value.optionalData!),
    valid: errors.length === 0,
    errors,
  };
}
