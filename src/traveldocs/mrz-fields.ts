// Interpreting each data element once its characters are read: codes, country codes, names, sex and dates.
import { mrzCountry } from './countries.js';
import { readMrzDate, type MrzDateRole } from './mrz-dates.js';
import type { MrzLayout } from './mrz-layouts.js';
import type { MrzCountryField, MrzDateField, MrzError, MrzNameField, MrzSexField, MrzTextField, MrzWarning } from './mrz-types.js';

export interface Findings {
  errors: MrzError[];
  warnings: MrzWarning[];
}

export function fieldError(findings: Findings, field: string, expected: string, found: string, label = field): void {
  findings.errors.push({ field, expected, found, message: `${label}: expected ${expected}, found ${found}` });
}

/** Trailing fillers dropped, inner fillers turned to spaces (ICAO 9303-3 §4.5: "<" is a filler). */
export function fillersOut(text: string): string | null {
  const value = text.replace(/<+$/, '').replace(/</g, ' ').trim();
  return value === '' ? null : value;
}

export function readText(raw: string, read: string): MrzTextField {
  return { raw, value: fillersOut(read) };
}

// ICAO 9303-4 §4.2.2, 9303-5 §4.2.2, 9303-6 §4.2.2, 9303-7 §4.2.2: the first character names the kind of document
// (P passport; A, C or I other official travel documents; V visa), the second is the issuer's choice or a filler.
export function readDocumentCode(raw: string, read: string, layout: MrzLayout, findings: Findings): MrzTextField {
  const first = read[0] ?? '';
  if (!layout.documentCodeFirst.includes(first)) {
    const allowed = [...layout.documentCodeFirst].join(', ');
    fieldError(findings, 'documentCode', `${allowed} as the first character for ${layout.format} (${layout.clause})`, read, 'document code');
  } else if (!/^[A-Z<]$/.test(read[1] ?? '')) {
    fieldError(findings, 'documentCode', 'a letter or < as the second character', read, 'document code');
  }
  return readText(raw, read);
}

export function readCountry(field: 'issuingState' | 'nationality', raw: string, read: string, findings: Findings): MrzCountryField {
  const code = read.replace(/<+$/, '');
  const label = field === 'issuingState' ? 'issuing state' : 'nationality';
  const country = /^[A-Z]+$/.test(code) ? mrzCountry(code) : null;
  if (country === null) {
    fieldError(findings, field, 'a code of ICAO 9303-3 §5 (ISO 3166-1 alpha-3 or one of ICAO’s own)', `"${read}"`, label);
  }
  return { raw, value: code === '' ? null : code, name: country?.name ?? null };
}

// ICAO 9303-3 §4.6: primary identifier, two fillers, then the secondary identifier; fillers separate name components.
export function readNames(raw: string, read: string, findings: Findings): MrzNameField {
  const bad = /[^A-Z<]/.exec(read);
  if (bad) fieldError(findings, 'names', 'only letters and < (ICAO 9303-3 §4.6)', `"${bad[0]}" at position ${bad.index + 1} of the name`, 'name');
  const split = read.indexOf('<<');
  const primary = split < 0 ? read : read.slice(0, split);
  const secondary = split < 0 ? '' : read.slice(split + 2);
  const parts = (text: string) => text.split('<').filter((p) => p !== '');
  const primaryParts = parts(primary);
  const secondaryParts = parts(secondary);
  if (primaryParts.length === 0 || read.startsWith('<')) fieldError(findings, 'names', 'a primary identifier at the start of the name field', `"${read}"`, 'name');
  return {
    raw,
    value: {
      primary: primaryParts.join(' '),
      secondary: secondaryParts.join(' '),
      primaryParts,
      secondaryParts,
      possiblyTruncated: !read.endsWith('<'),
    },
  };
}

// ICAO 9303-3 §4.7 (and each part's data-element table): F, M, or < for unspecified; X is accepted as its reading.
export function readSex(raw: string, read: string, findings: Findings): MrzSexField {
  if (read === 'M' || read === 'F' || read === 'X') return { raw, value: read };
  if (read === '<') return { raw, value: 'X' };
  fieldError(findings, 'sex', 'M, F or < (unspecified)', `"${read}"`, 'sex');
  return { raw, value: null };
}

export function readDate(field: 'birthDate' | 'expiryDate', raw: string, read: string, today: Date | undefined, findings: Findings): MrzDateField {
  const role: MrzDateRole = field === 'birthDate' ? 'birth' : 'expiry';
  const date = readMrzDate(read, role, today);
  const label = field === 'birthDate' ? 'birth date' : 'expiry date';
  if (date.error) fieldError(findings, field, date.error.expected, date.error.found, `${label} "${read}"`);
  if (date.unknown) findings.warnings.push({ field, found: read, corrected: null, message: `${label} "${read}": not known in full (fillers)` });
  return { raw, value: date.iso };
}
