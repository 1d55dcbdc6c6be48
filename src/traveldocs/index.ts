// traveldocs: reading and checking travel documents (ICAO 9303 machine-readable zones).
// Pure: no I/O and no imports from other Vigil modules. TD1/TD2/visas and the stolen-document registry follow.
export { checkDigit, characterValue } from './check-digit.js';
export { parseTd3, type Td3, type MrzError } from './td3.js';
