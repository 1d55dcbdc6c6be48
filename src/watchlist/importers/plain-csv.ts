// Vigil's own simple list format, documented here: a CSV of people with a header row.
//   id,name                     required
//   aliases, dob, nationality   optional, several values separated by ";"
//                               dob as YYYY-MM-DD, YYYY-MM or YYYY (or written: "28 Jul 1971", "circa 1961", "1961 to 1964")
//   gender                      M, F, male or female (any case)
//   document_number, document_country, document_type, reason
// nationality and document_country take ISO alpha-3, alpha-2 or an English country name. A column not listed here
// refuses the whole file: a misspelt "nationalty" would otherwise silently drop evidence from every entry.
import { VigilError } from '../../errors.js';
import { parseBirthDate } from './birth-dates.js';
import { countryCode } from './countries.js';
import { readCsvRecords } from './csv-records.js';
import { documentTypes, locate, uniqueAliases, uniqueValues, type ImportedEntry, type ImportOptions, type ImportProblem, type ImportResult } from './imported-entry.js';
import { importedNames } from './name-script.js';

export const plainCsvColumns = ['id', 'name', 'aliases', 'dob', 'nationality', 'gender', 'document_number', 'document_country', 'document_type', 'reason'] as const;
type Column = (typeof plainCsvColumns)[number];
const requiredColumns: Column[] = ['id', 'name'];

function syntaxError(message: string): VigilError {
  return new VigilError('input', 'watchlist.import-syntax', message);
}

function readHeader(header: string[], where: string): Map<Column, number> {
  const columns = new Map<Column, number>();
  const unknown: string[] = [];
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (!(plainCsvColumns as readonly string[]).includes(name)) unknown.push(`"${raw.trim()}"`);
    else if (columns.has(name as Column)) throw syntaxError(`${where}: column "${name}" appears twice`);
    else columns.set(name as Column, index);
  });
  if (unknown.length > 0) throw syntaxError(`${where}: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; the columns are ${plainCsvColumns.join(', ')}`);
  const missing = requiredColumns.filter((c) => !columns.has(c));
  if (missing.length > 0) throw syntaxError(`${where}: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  return columns;
}

const list = (value: string): string[] => uniqueValues(value.split(';'));

export function parsePlainCsv(text: string, options: ImportOptions = {}): ImportResult {
  const records = readCsvRecords(text, options.source);
  const [header, ...rows] = records;
  if (header === undefined) throw syntaxError(`${options.source ?? 'the file'} is empty; expected a header row with at least id,name`);
  const columns = readHeader(header.fields, locate(options.source, `line ${header.line}`));
  const problems: ImportProblem[] = [];
  const entries: ImportedEntry[] = [];
  const seen = new Map<string, number>();

  for (const { line, fields } of rows) {
    const where = locate(options.source, `line ${line}`);
    if (fields.length !== header.fields.length) {
      problems.push({ where, reason: `expected ${header.fields.length} columns, found ${fields.length}` });
      continue;
    }
    const cell = (column: Column): string => {
      const index = columns.get(column);
      return index === undefined ? '' : (fields[index] ?? '').replace(/\s+/g, ' ').trim();
    };
    const id = cell('id');
    const name = cell('name');
    if (id === '' || name === '') {
      problems.push({ where, reason: `${id === '' ? 'id' : 'name'} is empty; the row is not imported` });
      continue;
    }
    const located = `${where} (id ${id})`;
    const report = (reason: string) => problems.push({ where: located, reason });
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      report(`id ${id} is already used on line ${earlier}; the row is not imported`);
      continue;
    }
    seen.set(id, line);
    entries.push(readRow(id, name, cell, report));
  }
  return { entries, problems };
}

function readRow(id: string, name: string, cell: (column: Column) => string, report: (reason: string) => void): ImportedEntry {
  const birthDates = list(cell('dob')).flatMap((written) => {
    const dates = parseBirthDate(written);
    if (dates === null) report(`dob "${written}" is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)`);
    return dates ?? [];
  });
  const country = (written: string, column: Column): string[] => {
    const code = countryCode(written);
    if (code === null) report(`${column} "${written}" is not a country we know`);
    return code === null ? [] : [code];
  };
  const nationalities = uniqueValues(list(cell('nationality')).flatMap((n) => country(n, 'nationality')));
  const gender = readGender(cell('gender'), report);
  const number = cell('document_number');
  const documentCountry = cell('document_country');
  let documentType = cell('document_type').toLowerCase() || 'passport';
  if (!(documentTypes as readonly string[]).includes(documentType)) {
    report(`document_type "${cell('document_type')}" is not one of ${documentTypes.join(', ')}; the document is kept as other-id`);
    documentType = 'other-id';
  }
  if (number === '' && (documentCountry !== '' || cell('document_type') !== '')) report('document_country or document_type is given without a document_number');
  const documents =
    number === '' ? [] : [{ type: documentType, number, country: documentCountry === '' ? null : (country(documentCountry, 'document_country')[0] ?? null) }];
  const reason = cell('reason');
  return {
    sourceId: id,
    schema: 'person',
    name,
    aliases: uniqueAliases(name, list(cell('aliases')).flatMap((alias) => importedNames(alias, 'strong'))),
    birthDates: uniqueValues(birthDates),
    birthPlaces: [],
    nationalities,
    gender,
    documents,
    programs: [],
    listingReason: reason === '' ? null : reason,
    remarks: null,
  };
}

function readGender(written: string, report: (reason: string) => void): 'M' | 'F' | null {
  const gender = { m: 'M', male: 'M', f: 'F', female: 'F' }[written.toLowerCase()] as 'M' | 'F' | undefined;
  if (written !== '' && gender === undefined) report(`gender "${written}" is not M, F, male or female`);
  return gender ?? null;
}
