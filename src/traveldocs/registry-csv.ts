// Registry reports from CSV (docs/formats.md): a header naming the columns, then one report a row.
//   country,type,number,number_end,status,reported,source,notes
// Takes records already split by a CSV reader (with the line each starts on), so it stays pure; every problem
// names its line, and a header problem stops the whole file.
import { validateRegistryEntry, type FieldLabel, type RegistryEntryFields } from './registry-entry.js';

export const registryCsvColumns = ['country', 'type', 'number', 'number_end', 'status', 'reported', 'source', 'notes'] as const;
type Column = (typeof registryCsvColumns)[number];
const requiredColumns: readonly Column[] = ['country', 'type', 'number', 'status'];

export interface RegistryCsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
}

export interface RegistryCsvProblem {
  line: number;
  reason: string;
}

export interface ParsedRegistryCsv {
  entries: { line: number; entry: RegistryEntryFields }[];
  problems: RegistryCsvProblem[];
}

const fieldOfColumn: Record<Column, keyof RegistryEntryFields> = {
  country: 'country',
  type: 'type',
  number: 'number',
  number_end: 'numberEnd',
  status: 'status',
  reported: 'reported',
  source: 'source',
  notes: 'notes',
};
const csvLabel: FieldLabel = (field) => (field === 'numberEnd' ? 'number_end' : field);

/** Rows read between two progress reports. */
const progressEvery = 5000;

export function parseRegistryCsv(records: readonly RegistryCsvRecord[], onProgress?: (done: number, total: number) => void): ParsedRegistryCsv {
  const [header, ...rows] = records;
  if (!header) return { entries: [], problems: [{ line: 1, reason: `the file is empty; its first line names the columns: ${registryCsvColumns.join(',')}` }] };
  const columns = readHeader(header);
  if (typeof columns === 'string') return { entries: [], problems: [{ line: header.line, reason: columns }] };
  const parsed: ParsedRegistryCsv = { entries: [], problems: [] };
  for (const [done, { line, fields }] of rows.entries()) {
    if (done % progressEvery === 0) onProgress?.(done, rows.length);
    if (fields.length !== columns.length) {
      parsed.problems.push({ line, reason: `has ${fields.length} fields where the header has ${columns.length}` });
      continue;
    }
    const input: Partial<Record<keyof RegistryEntryFields, string>> = {};
    columns.forEach((column, i) => (input[fieldOfColumn[column]] = fields[i]!));
    const result = validateRegistryEntry(input, csvLabel);
    if ('problem' in result) parsed.problems.push({ line, reason: result.problem });
    else parsed.entries.push({ line, entry: result.entry });
  }
  onProgress?.(rows.length, rows.length);
  return parsed;
}

/** The columns in file order, or why the header cannot be read. */
function readHeader(header: RegistryCsvRecord): Column[] | string {
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const known = registryCsvColumns as readonly string[];
  const unknown = names.find((n) => !known.includes(n));
  if (unknown !== undefined) return `unknown column "${unknown}" in the header (the columns are ${registryCsvColumns.join(',')})`;
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) return `column "${twice}" appears twice in the header`;
  const missing = requiredColumns.filter((c) => !names.includes(c));
  if (missing.length > 0) return `the header lacks ${missing.map((c) => `"${c}"`).join(', ')} (the columns are ${registryCsvColumns.join(',')})`;
  return names as Column[];
}
