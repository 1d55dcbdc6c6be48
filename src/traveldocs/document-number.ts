// Document numbers as registries and MRZs compare them: one spelling per number, and the serial it ends in.

/** Longest numeric tail kept as a number: every integer up to 15 digits is exact in a double. */
export const maxSerialDigits = 15;

// Spaces, hyphens and dashes of any kind, and the MRZ filler "<" (ICAO 9303-3 §4.3: "<" pads a short field).
const separators = /[\s\-\u2010-\u2015\u2212<]/g;

/** Upper case, without spaces, dashes or MRZ fillers: "p 120-0000<<" and "P1200000" are one number. */
export function normaliseDocumentNumber(value: string): string {
  return value.replace(separators, '').toUpperCase();
}

/** An issuing state as ICAO writes it (1–3 letters: "SYR", "D"), upper case, without MRZ fillers ("D<<" is "D"). */
export function normaliseIssuingState(value: string): string {
  return value.replace(separators, '').toUpperCase();
}

export interface SerialNumber {
  /** Everything before the serial: "P" in "P1200000", "" in "123456789". */
  prefix: string;
  /** The trailing digits as a number (at most `maxSerialDigits` of them); null when the number does not end in a digit. */
  serial: number | null;
  /** Characters in the whole (normalised) number: "P0012" and "P012" are different documents. */
  length: number;
}

/**
 * Splits a normalised number into the prefix and the numeric serial booklets are counted by. When more than
 * `maxSerialDigits` digits end the number, the leading ones count as prefix.
 */
export function splitDocumentNumber(normalised: string): SerialNumber {
  let start = normalised.length;
  while (start > 0 && normalised.length - start < maxSerialDigits && isDigit(normalised.charCodeAt(start - 1))) start--;
  const digits = normalised.slice(start);
  return { prefix: normalised.slice(0, start), serial: digits === '' ? null : Number(digits), length: normalised.length };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
