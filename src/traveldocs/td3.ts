// The passport-only reading of earlier callers (two TD3 lines in, flat fields out), kept on top of `parseMrz`.
import { parseMrz } from './mrz.js';
import type { MrzError } from './mrz-types.js';

export interface Td3 {
  documentCode: string;
  issuingState: string;
  primaryIdentifier: string;
  secondaryIdentifier: string;
  documentNumber: string;
  nationality: string;
  /** YYMMDD as printed; `parseMrz` with `today` gives ISO dates. */
  birthDate: string;
  sex: 'M' | 'F' | 'X';
  expiryDate: string;
  optionalData: string;
  valid: boolean;
  errors: MrzError[];
}

/** Reads two TD3 lines; anything but a TD3 passport zone is invalid. Prefer `parseMrz` for new code. */
export function parseTd3(line1: string, line2: string): Td3 {
  const mrz = parseMrz([line1, line2]);
  const errors = [...mrz.errors];
  if (mrz.format !== 'TD3') {
    const found = mrz.format ?? 'no MRZ';
    errors.push({ field: 'format', expected: 'a TD3 passport zone (ICAO 9303-4)', found, message: `format: expected a TD3 passport zone, found ${found}` });
  }
  const f = mrz.fields;
  return {
    documentCode: f?.documentCode.value ?? '',
    issuingState: f?.issuingState.value ?? '',
    primaryIdentifier: f?.names.value.primary ?? '',
    secondaryIdentifier: f?.names.value.secondary ?? '',
    documentNumber: f?.documentNumber.value ?? '',
    nationality: f?.nationality.value ?? '',
    birthDate: f?.birthDate.raw ?? '',
    sex: f?.sex.value ?? 'X',
    expiryDate: f?.expiryDate.raw ?? '',
    optionalData: f?.optionalData.value ?? '',
    valid: errors.length === 0,
    errors,
  };
}
