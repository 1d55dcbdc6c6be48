// CSV and TSV files as one document each, rows rendered with their headers (table-text.ts). csv-parse does the
// quoting (RFC 4180); the delimiter comes from the extension, and a .csv whose header line has semicolons and no
// commas (what European Excel writes) is read with semicolons.
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { VigilError } from '../../errors.js';
import { cleanText, decodeText } from '../decode-text.js';
import { parseLimits, type Parser } from '../parser.js';
import { tableRenderer } from './table-text.js';

type Delimiter = ',' | ';' | '\t';

const delimiterNames: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** The delimiter of a .csv file, judged from its first non-empty line. */
export function sniffCsvDelimiter(text: string): Delimiter {
  const header = text.split('\n').find((line) => line.trim() !== '') ?? '';
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  if (header.includes('\t')) return '\t';
  return ',';
}

/** The text in slices, so the parser reads only as far as the rows taken (a row limit stops a huge file early). */
function* slices(text: string, size = 1 << 16): Generator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

function delimitedTextParser(mediaType: string, extensions: string[], delimiterFor: (text: string) => Delimiter): Parser {
  return {
    mediaType,
    extensions,
    async *parse(bytes, meta) {
      const decoded = decodeText(bytes);
      const text = cleanText(decoded.text, meta.path);
      const delimiter = delimiterFor(text);
      const { maxTableRows } = parseLimits(meta);
      const table = tableRenderer(maxTableRows);
      // Quotes inside an unquoted field (`5" pipe`) are kept as written; only a quote that opens a field must close.
      let lastLine = 0;
      const source = Readable.from(slices(text));
      const records = source.pipe(parse({
        delimiter,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        // Called as each record is parsed, before a later error can drop the records not yet read.
        on_record: (record: string[], context) => {
          lastLine = context.lines;
          return record;
        },
      }));
      try {
        for await (const record of records as AsyncIterable<string[]>) if (!table.add(record)) break;
      } catch (error) {
        if (!(error instanceof CsvError)) throw error;
        // csv-parse reports an unclosed quote where the file ends; the record it spoils starts after the last good one.
        const unclosed = error.code === 'CSV_QUOTE_NOT_CLOSED';
        const line = unclosed ? lastLine + 1 : (error as CsvError & { lines?: number }).lines ?? lastLine + 1;
        const why = unclosed ? 'a quoted field that starts on this line is never closed' : error.message;
        throw new VigilError('input', 'ingest.csv-syntax', `${meta.path} line ${line}: not readable as ${delimiterNames[delimiter]}-separated text: ${why}`, { cause: error });
      } finally {
        source.destroy();
        records.destroy();
      }
      const { lines, rows, truncated } = table.finish();
      const metadata: Record<string, string> = { encoding: decoded.encoding, delimiter: delimiterNames[delimiter], rows: String(rows) };
      if (truncated) {
        metadata.truncated = 'true';
        metadata.maxTableRows = String(maxTableRows);
      }
      yield { title: null, author: null, date: null, language: null, text: lines.join('\n'), metadata };
    },
  };
}

export const csvParser = delimitedTextParser('text/csv', ['.csv'], sniffCsvDelimiter);
export const tsvParser = delimitedTextParser('text/tab-separated-values', ['.tsv'], () => '\t');
