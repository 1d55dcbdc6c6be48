// Where each data element of a machine-readable zone stands, per format, as data (STYLE §18).
// Positions are 0-based here; the comments give ICAO's 1-based positions so they can be read against the standard.

export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRV-A' | 'MRV-B';

export type MrzFieldName =
  | 'documentCode'
  | 'issuingState'
  | 'names'
  | 'documentNumber'
  | 'nationality'
  | 'birthDate'
  | 'sex'
  | 'expiryDate'
  | 'optionalData'
  | 'optionalData2';

/** How a field's characters are read: which OCR confusions can be undone and how the value is interpreted. */
export type MrzFieldKind = 'documentCode' | 'country' | 'name' | 'alphanumeric' | 'date' | 'sex';

export interface MrzSpan {
  line: number;
  start: number;
  length: number;
}

export interface MrzFieldLayout extends MrzSpan {
  field: MrzFieldName;
  kind: MrzFieldKind;
  /** The check digit over this field; `fillerWhenEmpty` allows "<" there when the field holds only fillers. */
  check?: { line: number; at: number; fillerWhenEmpty?: boolean };
}

export interface MrzLayout {
  format: MrzFormat;
  /** The ICAO 9303 part and clause the positions come from. */
  clause: string;
  lineCount: number;
  lineLength: number;
  /** Letters allowed as the first character of the document code. */
  documentCodeFirst: string;
  fields: MrzFieldLayout[];
  /** The composite check digit and the character ranges it covers, in order; visas have none. */
  composite: { line: number; at: number; covers: MrzSpan[] } | null;
  /**
   * The optional-data field a document number longer than nine characters continues into, when the format allows it:
   * a filler in the check-digit position, the remaining characters, then the check digit over the whole number
   * (ICAO 9303-5 §4.2.4 for TD1, 9303-6 §4.2.4 for TD2).
   */
  longNumberIn: MrzFieldName | null;
}

// ICAO 9303-5 §4.2.2: TD1, three lines of 30.
const td1: MrzLayout = {
  format: 'TD1',
  clause: 'ICAO 9303-5 §4.2.2',
  lineCount: 3,
  lineLength: 30,
  documentCodeFirst: 'ACI',
  fields: [
    { field: 'documentCode', kind: 'documentCode', line: 0, start: 0, length: 2 }, // line 1, 1–2
    { field: 'issuingState', kind: 'country', line: 0, start: 2, length: 3 }, // 3–5
    { field: 'documentNumber', kind: 'alphanumeric', line: 0, start: 5, length: 9, check: { line: 0, at: 14 } }, // 6–14, check 15
    { field: 'optionalData', kind: 'alphanumeric', line: 0, start: 15, length: 15 }, // 16–30
    { field: 'birthDate', kind: 'date', line: 1, start: 0, length: 6, check: { line: 1, at: 6 } }, // line 2, 1–6, check 7
    { field: 'sex', kind: 'sex', line: 1, start: 7, length: 1 }, // 8
    { field: 'expiryDate', kind: 'date', line: 1, start: 8, length: 6, check: { line: 1, at: 14 } }, // 9–14, check 15
    { field: 'nationality', kind: 'country', line: 1, start: 15, length: 3 }, // 16–18
    { field: 'optionalData2', kind: 'alphanumeric', line: 1, start: 18, length: 11 }, // 19–29
    { field: 'names', kind: 'name', line: 2, start: 0, length: 30 }, // line 3, 1–30
  ],
  // Composite (line 2, position 30) over line 1 6–30, line 2 1–7, 9–15 and 19–29.
  composite: {
    line: 1,
    at: 29,
    covers: [
      { line: 0, start: 5, length: 25 },
      { line: 1, start: 0, length: 7 },
      { line: 1, start: 8, length: 7 },
      { line: 1, start: 18, length: 11 },
    ],
  },
  longNumberIn: 'optionalData',
};

// ICAO 9303-6 §4.2.2: TD2, two lines of 36.
const td2: MrzLayout = {
  format: 'TD2',
  clause: 'ICAO 9303-6 §4.2.2',
  lineCount: 2,
  lineLength: 36,
  documentCodeFirst: 'ACI',
  fields: [
    { field: 'documentCode', kind: 'documentCode', line: 0, start: 0, length: 2 }, // line 1, 1–2
    { field: 'issuingState', kind: 'country', line: 0, start: 2, length: 3 }, // 3–5
    { field: 'names', kind: 'name', line: 0, start: 5, length: 31 }, // 6–36
    { field: 'documentNumber', kind: 'alphanumeric', line: 1, start: 0, length: 9, check: { line: 1, at: 9 } }, // line 2, 1–9, check 10
    { field: 'nationality', kind: 'country', line: 1, start: 10, length: 3 }, // 11–13
    { field: 'birthDate', kind: 'date', line: 1, start: 13, length: 6, check: { line: 1, at: 19 } }, // 14–19, check 20
    { field: 'sex', kind: 'sex', line: 1, start: 20, length: 1 }, // 21
    { field: 'expiryDate', kind: 'date', line: 1, start: 21, length: 6, check: { line: 1, at: 27 } }, // 22–27, check 28
    { field: 'optionalData', kind: 'alphanumeric', line: 1, start: 28, length: 7 }, // 29–35
  ],
  // Composite (line 2, position 36) over line 2 1–10, 14–20 and 22–35.
  composite: {
    line: 1,
    at: 35,
    covers: [
      { line: 1, start: 0, length: 10 },
      { line: 1, start: 13, length: 7 },
      { line: 1, start: 21, length: 14 },
    ],
  },
  longNumberIn: 'optionalData',
};

// ICAO 9303-4 §4.2.2: TD3 (passport), two lines of 44.
const td3: MrzLayout = {
  format: 'TD3',
  clause: 'ICAO 9303-4 §4.2.2',
  lineCount: 2,
  lineLength: 44,
  documentCodeFirst: 'P',
  fields: [
    { field: 'documentCode', kind: 'documentCode', line: 0, start: 0, length: 2 }, // line 1, 1–2
    { field: 'issuingState', kind: 'country', line: 0, start: 2, length: 3 }, // 3–5
    { field: 'names', kind: 'name', line: 0, start: 5, length: 39 }, // 6–44
    { field: 'documentNumber', kind: 'alphanumeric', line: 1, start: 0, length: 9, check: { line: 1, at: 9 } }, // line 2, 1–9, check 10
    { field: 'nationality', kind: 'country', line: 1, start: 10, length: 3 }, // 11–13
    { field: 'birthDate', kind: 'date', line: 1, start: 13, length: 6, check: { line: 1, at: 19 } }, // 14–19, check 20
    { field: 'sex', kind: 'sex', line: 1, start: 20, length: 1 }, // 21
    { field: 'expiryDate', kind: 'date', line: 1, start: 21, length: 6, check: { line: 1, at: 27 } }, // 22–27, check 28
    // Personal number or other optional data, 29–42; its check digit (43) may be "<" when the field is empty.
    { field: 'optionalData', kind: 'alphanumeric', line: 1, start: 28, length: 14, check: { line: 1, at: 42, fillerWhenEmpty: true } },
  ],
  // Composite (line 2, position 44) over line 2 1–10, 14–20 and 22–43.
  composite: {
    line: 1,
    at: 43,
    covers: [
      { line: 1, start: 0, length: 10 },
      { line: 1, start: 13, length: 7 },
      { line: 1, start: 21, length: 22 },
    ],
  },
  longNumberIn: null,
};

/** The visa layouts share their first 28 positions of line 2 and differ in the width of the optional data. */
function visa(format: 'MRV-A' | 'MRV-B', clause: string, lineLength: number): MrzLayout {
  return {
    format,
    clause,
    lineCount: 2,
    lineLength,
    documentCodeFirst: 'V',
    fields: [
      { field: 'documentCode', kind: 'documentCode', line: 0, start: 0, length: 2 }, // line 1, 1–2
      { field: 'issuingState', kind: 'country', line: 0, start: 2, length: 3 }, // 3–5
      { field: 'names', kind: 'name', line: 0, start: 5, length: lineLength - 5 }, // 6–end
      { field: 'documentNumber', kind: 'alphanumeric', line: 1, start: 0, length: 9, check: { line: 1, at: 9 } }, // line 2, 1–9, check 10
      { field: 'nationality', kind: 'country', line: 1, start: 10, length: 3 }, // 11–13
      { field: 'birthDate', kind: 'date', line: 1, start: 13, length: 6, check: { line: 1, at: 19 } }, // 14–19, check 20
      { field: 'sex', kind: 'sex', line: 1, start: 20, length: 1 }, // 21
      { field: 'expiryDate', kind: 'date', line: 1, start: 21, length: 6, check: { line: 1, at: 27 } }, // valid until, 22–27, check 28
      { field: 'optionalData', kind: 'alphanumeric', line: 1, start: 28, length: lineLength - 28 }, // 29–end
    ],
    // Visas carry no composite check digit.
    composite: null,
    longNumberIn: null,
  };
}

export const mrzLayouts: readonly MrzLayout[] = [
  td1,
  td2,
  td3,
  visa('MRV-A', 'ICAO 9303-7 §4.2.2', 44), // full-size visa, two lines of 44
  visa('MRV-B', 'ICAO 9303-7 §5.2.2', 36), // small-format visa, two lines of 36
];

export function layoutOf(format: MrzFormat): MrzLayout {
  return mrzLayouts.find((l) => l.format === format)!;
}
