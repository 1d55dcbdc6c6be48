// CSV records with the line each starts on, for importers' problem reports. csv-parse does the quoting (RFC 4180);
// a file it cannot read to the end (an unclosed quote, a stray quote inside a field) is refused whole.
import { CsvError, parse } from 'csv-parse/sync';
import { VigilError } from '../../errors.js';
import { locate } from './imported-entry.js';

export interface CsvRecord {
  /** 1-based line the record starts on; a quoted field may carry it over several lines. */
  line: number;
  fields: string[];
}

interface ParsedWithInfo {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** MS-DOS end-of-file marker that OFAC's legacy files still end with. */
const dosEndOfFile = /\x1a[\r\n]*$/;

/** Reads every record, blank lines skipped; throws `watchlist.import-syntax` naming the file and line when it can't. */
export function readCsvRecords(text: string, fileName?: string, errorCode = 'watchlist.import-syntax'): CsvRecord[] {
  let parsed: ParsedWithInfo[];
  try {
    // One kind of line break: csv-parse counts a CR LF inside a quoted field as two lines.
    parsed = parse(text.replace(dosEndOfFile, '').replace(/\r\n?/g, '\n'), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as unknown as ParsedWithInfo[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      const where = line === undefined ? (fileName ?? 'the file') : locate(fileName, `line ${line}`);
      throw new VigilError('input', errorCode, `${where}: not readable as CSV: ${error.message}`, { cause: error });
    }
    throw error;
  }
  return parsed.map(({ record, raw, info }) => {
    const newlinesInside = raw.replace(/^\n+|\n+$/g, '').split('\n').length - 1;
    return { line: info.lines - newlinesInside, fields: record };
  });
}
