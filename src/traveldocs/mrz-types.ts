// What reading a machine-readable zone returns: named fields (raw and interpreted), every check digit, errors and warnings.
import type { MrzFieldName, MrzFormat } from './mrz-layouts.js';

export interface MrzOptions {
  /**
   * The day to read two-digit years against (its UTC calendar date): birth dates fall on or before it, expiry dates
   * within 50 years either side. Without it dates keep their raw YYMMDD, `value` is null and `expired` is null.
   */
  today?: Date;
}

/** A problem that makes the zone invalid: which field (or line), what the standard expects and what was found. */
export interface MrzError {
  field: string;
  expected: string;
  found: string;
  message: string;
}

/** A reading that was adjusted or is unusual without being wrong (an OCR confusion undone, an unknown birth date). */
export interface MrzWarning {
  field: string;
  found: string;
  /** The reading used instead, when one was. */
  corrected: string | null;
  message: string;
}

export interface MrzCheck {
  field: 'documentNumber' | 'birthDate' | 'expiryDate' | 'optionalData' | 'composite';
  /** The digit computed over the field as finally read. */
  expected: string;
  /** The check character in the zone (after undoing an OCR confusion of the check digit itself). */
  found: string;
  ok: boolean;
}

export interface MrzTextField {
  /** The characters as they stand in the zone, upper-cased. */
  raw: string;
  /** Fillers removed (trailing) or turned to spaces (inside); null when the field is empty. */
  value: string | null;
}

export interface MrzCountryField extends MrzTextField {
  /** English name of the state or organisation, from ISO 3166-1 or the codes of ICAO 9303-3 §5; null when unknown. */
  name: string | null;
}

export interface MrzDateField {
  raw: string;
  /** ISO 8601 YYYY-MM-DD with the century resolved against `today`; null without `today` or when not a date. */
  value: string | null;
}

export interface MrzSexField {
  raw: string;
  /** "<" (unspecified) reads as X. */
  value: 'M' | 'F' | 'X' | null;
}

export interface MrzName {
  /** Primary identifier (surname), fillers turned to spaces: "VAN DER BERG". */
  primary: string;
  /** Secondary identifier (given names), fillers turned to spaces: "ANNA MARIA". */
  secondary: string;
  primaryParts: string[];
  secondaryParts: string[];
  /** The name runs to the last position of its field, so the issuer may have truncated it (ICAO 9303-3 §4.6). */
  possiblyTruncated: boolean;
}

export interface MrzNameField {
  raw: string;
  value: MrzName;
}

export interface MrzFields {
  documentCode: MrzTextField;
  issuingState: MrzCountryField;
  names: MrzNameField;
  /** The whole document number, including a TD1/TD2 extension carried in the optional data. */
  documentNumber: MrzTextField;
  nationality: MrzCountryField;
  birthDate: MrzDateField;
  sex: MrzSexField;
  expiryDate: MrzDateField;
  /** Optional data (TD3: personal number), less any document-number extension. */
  optionalData: MrzTextField;
  /** TD1 only: the optional data of line 2. */
  optionalData2?: MrzTextField;
}

export interface MrzReading {
  format: MrzFormat;
  /** Structure, every field's characters and every check digit are right. Expiry is not part of validity. */
  valid: boolean;
  fields: MrzFields;
  checks: MrzCheck[];
  errors: MrzError[];
  warnings: MrzWarning[];
  /** Whether the expiry date is before `today`; null without `today` or without a readable expiry date. */
  expired: boolean | null;
  /** The lines as finally read (upper case, OCR confusions undone), for display and for audit. */
  lines: string[];
}

/** Input that is no known MRZ shape (line count or lengths): nothing could be read, and the errors say why. */
export interface MrzUnrecognised {
  format: null;
  valid: false;
  fields: null;
  checks: [];
  errors: MrzError[];
  warnings: MrzWarning[];
  expired: null;
  lines: string[];
}

export type MrzResult = MrzReading | MrzUnrecognised;

export type { MrzFieldName, MrzFormat };
