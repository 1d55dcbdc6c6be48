// The CSV forms of a phone export (docs/phone-exports.md): one file per kind of record — contacts, messages or
// calls — told apart by its header line alone, whatever the file is called, since the tools' own CSV exports
// come named contacts.csv, Chats.csv, "Call Log.csv" or anything else once an analyst has mapped their columns.
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { VigilError } from '../../errors.js';
import { sniffCsvDelimiter } from './delimited-text.js';
import { checkRecords, type Party, type PhoneExport, type RecordKind } from './phone-export-schema.js';

interface CsvShape {
  /** Columns the header must name. */
  required: readonly string[];
  /** Columns it may name; no other is allowed, so a misspelt column is never silently empty. */
  optional: readonly string[];
}

// The required columns tell the shapes apart: only messages have "text", only calls "durationSeconds", only
// contacts "numbers" without "direction".
export const csvShapes: Record<RecordKind, CsvShape> = {
  contacts: { required: ['name', 'numbers'], optional: ['emails', 'notes', 'deleted'] },
  messages: {
    required: ['app', 'direction', 'timestamp', 'text'],
    optional: ['thread', 'threadName', 'fromNumber', 'fromHandle', 'fromName', 'toNumbers', 'toHandles', 'toNames', 'attachments', 'deleted'],
  },
  calls: { required: ['direction', 'timestamp', 'durationSeconds'], optional: ['app', 'number', 'handle', 'name', 'deleted'] },
};

/** Cells holding several values separate them with semicolons (quote the cell in a semicolon-separated file). */
const listSeparator = ';';

const firstLine = (text: string) => text.split('\n').find((line) => line.trim() !== '') ?? '';

/** The kind of records a CSV file holds, judged by its header line; null when it is none of the shapes. */
export function csvShapeOf(text: string): RecordKind | null {
  const header = firstLine(text);
  let columns: string[];
  try {
    columns = (parse(header, { delimiter: sniffCsvDelimiter(header), relax_quotes: true }) as string[][])[0] ?? [];
  } catch (error) {
    if (error instanceof CsvError) return null;
    throw error;
  }
  const names = new Set(columns.map((c) => c.trim()));
  if (names.size !== columns.length) return null;
  for (const kind of Object.keys(csvShapes) as RecordKind[]) {
    const { required, optional } = csvShapes[kind];
    if (required.every((c) => names.has(c)) && [...names].every((c) => required.includes(c) || optional.includes(c))) return kind;
  }
  return null;
}

const cell = (row: Record<string, string>, column: string): string | undefined => {
  const value = row[column]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

const list = (value: string | undefined): string[] => (value === undefined ? [] : value.split(listSeparator).map((v) => v.trim()));

/** "true"/"false" (and yes/no, 1/0); anything else is left as written for the schema to refuse by name. */
function flag(value: string | undefined): boolean | string | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (['true', 'yes', '1'].includes(lower)) return true;
  if (['false', 'no', '0'].includes(lower)) return false;
  return value;
}

function party(number: string | undefined, handle: string | undefined, name: string | undefined): Partial<Party> | undefined {
  if (number === undefined && handle === undefined && name === undefined) return undefined;
  return { ...(number ? { number } : {}), ...(handle ? { handle } : {}), ...(name ? { name } : {}) };
}

/** One row as the record the JSON form would hold, for the same schema to check. */
function record(kind: RecordKind, row: Record<string, string>): unknown {
  const get = (column: string) => cell(row, column);
  if (kind === 'contacts') return { name: get('name'), numbers: list(get('numbers')).filter(Boolean), emails: list(get('emails')).filter(Boolean), notes: get('notes'), deleted: flag(get('deleted')) };
  if (kind === 'calls') {
    const seconds = get('durationSeconds');
    return {
      app: get('app'), direction: get('direction'), timestamp: get('timestamp'), number: get('number'), handle: get('handle'), name: get('name'),
      durationSeconds: seconds !== undefined && /^\d+$/.test(seconds) ? Number(seconds) : seconds,
      deleted: flag(get('deleted')),
    };
  }
  // Recipients are read across toNumbers, toHandles and toNames by position: the second name is the second number's.
  const [numbers, handles, names] = [list(get('toNumbers')), list(get('toHandles')), list(get('toNames'))];
  const to = Array.from({ length: Math.max(numbers.length, handles.length, names.length) }, (_, i) => party(numbers[i] || undefined, handles[i] || undefined, names[i] || undefined) ?? {});
  return {
    app: get('app'), thread: get('thread'), threadName: get('threadName'), direction: get('direction'), timestamp: get('timestamp'),
    from: party(get('fromNumber'), get('fromHandle'), get('fromName')), to, text: row['text'] ?? '', attachments: list(get('attachments')).filter(Boolean), deleted: flag(get('deleted')),
  };
}

const partyColumns: Record<string, string> = { number: 'Number', handle: 'Handle', name: 'Name' };

/** `line 14: toNames (item 2): `: where in the file an issue inside one row is, by column. */
const csvPlace = (line: number) => (path: PropertyKey[]) => {
  const [field, index, inner] = path;
  let column = field === undefined ? '' : String(field);
  if (field === 'from' && typeof index === 'string') column = `from${partyColumns[index] ?? index}`;
  if (field === 'to' && typeof index === 'number') {
    column = typeof inner === 'string' ? `to${partyColumns[inner] ?? inner}s (item ${index + 1})` : `toNumbers/toHandles/toNames (item ${index + 1})`;
  } else if (typeof index === 'number') column += ` (item ${index + 1})`;
  return `line ${line}: ${column ? `${column}: ` : ''}`;
};

/** The records of a CSV file of the given shape, each row checked on its own. */
export function readPhoneExportCsv(text: string, kind: RecordKind, path: string): PhoneExport {
  let rows: { record: Record<string, string>; raw: string; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter: sniffCsvDelimiter(text),
      columns: (header: string[]) => header.map((c) => c.trim()),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as unknown as typeof rows;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new VigilError('input', 'ingest.csv-syntax', `${path}: not readable as a phone export's ${kind} CSV: ${error.message}`, { cause: error });
  }
  const skipped: string[] = [];
  const values = rows.map((row) => record(kind, row.record));
  // csv-parse gives the line a record ends on; a quoted cell may run over several.
  const start = (index: number) => rows[index]!.info.lines - (rows[index]!.raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
  const good = checkRecords(kind, values, (index) => csvPlace(start(index)), skipped);
  return {
    device: null,
    contacts: kind === 'contacts' ? (good as PhoneExport['contacts']) : [],
    messages: kind === 'messages' ? (good as PhoneExport['messages']) : [],
    calls: kind === 'calls' ? (good as PhoneExport['calls']) : [],
    skipped,
    records: rows.length,
  };
}
