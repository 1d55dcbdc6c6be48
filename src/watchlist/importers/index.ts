// Watchlist importers: pure parsers from a list file's text to ImportedEntry values plus every problem found.
// They do no I/O and touch no store; deciding whether a file with problems is imported (`--partial`) is the caller's.
export type { ImportedEntry, ImportedName, ImportedDocument, ImportedSchema, ImportProblem, ImportResult, ImportOptions, NameScript, DocumentType } from './imported-entry.js';
export { documentTypes } from './imported-entry.js';
export { parseOfacCsv, givenNameFirst, type OfacCsvFiles, type OfacCsvOptions } from './ofac-csv.js';
export { parseUnXml } from './un-xml.js';
export { parseFtmJsonLines } from './ftm-jsonl.js';
export { parsePlainCsv, plainCsvColumns } from './plain-csv.js';
export { readCsvRecords, type CsvRecord } from './csv-records.js';
export { ftmCountry } from './countries.js';
