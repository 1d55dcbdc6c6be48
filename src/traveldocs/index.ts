// traveldocs: reading and checking travel documents: ICAO 9303 machine-readable zones (TD1, TD2, TD3, visas),
// the stolen, lost and blank document registry (an index over single numbers and serial ranges), and UN/EDIFACT
// PAXLST passenger manifests. Pure: no I/O, no clock (today is passed in), no imports from other Vigil modules.
export { checkDigit, characterValue } from './check-digit.js';
export { parseMrz } from './mrz.js';
export { mrzLayouts, type MrzFormat, type MrzFieldName, type MrzLayout, type MrzFieldLayout } from './mrz-layouts.js';
export { mrzCountry, icaoCodes, type MrzCountry } from './countries.js';
export type { MrzResult, MrzReading, MrzUnrecognised, MrzOptions, MrzFields, MrzError, MrzWarning, MrzCheck, MrzName } from './mrz-types.js';
export { parseTd3, type Td3 } from './td3.js';
export { normaliseDocumentNumber, normaliseIssuingState, splitDocumentNumber, maxSerialDigits, type SerialNumber } from './document-number.js';
export { DocumentRegistryIndex, type RegistryHit, type RegistryMatch, type RegistryRow } from './registry.js';
export {
  validateRegistryEntry,
  rangeProblem,
  registryEntryId,
  documentsInEntry,
  registryStatuses,
  registryDocumentTypes,
  type RegistryEntryFields,
  type RegistryStatus,
  type RegistryDocumentType,
  type FieldLabel,
} from './registry-entry.js';
export { parseRegistryCsv, registryCsvColumns, type RegistryCsvRecord, type RegistryCsvProblem, type ParsedRegistryCsv } from './registry-csv.js';
export { readMrzDocument, type MrzDocument } from './registry-mrz.js';
export { parsePaxlst } from './paxlst.js';
export type { ParsedPaxlst, PaxlstOptions, PaxlstTraveller, PaxlstDocument, PaxlstProblem, PaxlstSex, Flight, FlightEnd } from './paxlst-types.js';
