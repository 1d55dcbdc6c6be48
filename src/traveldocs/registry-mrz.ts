// The document number and issuing state read from a machine-readable zone in any ICAO 9303 format (TD1, TD2,
// TD3, MRV-A, MRV-B): the one place that does it, for a registry check and for screening a traveller by MRZ.
import { parseMrz } from './mrz.js';
import type { MrzResult } from './mrz-types.js';

export interface MrzDocument {
  /** The whole reading: format, validity, fields, errors and warnings (the registry is checked either way). */
  reading: MrzResult;
  /** The document number as read (corrected when the check digit confirmed an OCR correction); '' when none. */
  documentNumber: string;
  /** The issuing state as read; '' when none. */
  issuingState: string;
}

/** Reads an MRZ given as its lines (separated by line breaks or spaces) or as one run of characters. */
export function readMrzDocument(input: string, today?: Date): MrzDocument {
  const reading = parseMrz(mrzLines(input), today ? { today } : {});
  return {
    reading,
    documentNumber: reading.fields?.documentNumber.value ?? '',
    issuingState: reading.fields?.issuingState.value ?? '',
  };
}

const mrzLines = (input: string): string[] => input.trim().split(/\s+/).filter(Boolean);
