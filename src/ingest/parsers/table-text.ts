// Tables (spreadsheet sheets, CSV and TSV files) as text: the first non-empty row names the columns, and each
// later row becomes one line `Header: value; Header2: value2`, empty cells left out. Each line then carries its
// own labels, so "Phone: 0944 123 456" reads as a phone number and a search hit shows what the value was.

export interface TableText {
  /** One line per data row; the header row alone when there are none; empty for a table with no cells. */
  lines: string[];
  /** Data rows rendered (not counting the header row). */
  rows: number;
  /** True when a data row came after `maxRows` of them and was left out. */
  truncated: boolean;
}

export interface TableRenderer {
  /** Takes the next row's cell texts; returns false once the table is full, when the caller should stop reading. */
  add(row: readonly string[]): boolean;
  finish(): TableText;
}

function cellText(value: string): string {
  // A cell may hold line breaks (a quoted CSV field, Alt+Enter in Excel): one row stays one line.
  return value.replace(/\s+/g, ' ').trim();
}

/** Rows are fed one at a time, so a streamed sheet is never held whole; at most `maxRows` data rows are kept. */
export function tableRenderer(maxRows: number): TableRenderer {
  let headers: string[] | null = null;
  const lines: string[] = [];
  let truncated = false;
  return {
    add(row) {
      if (truncated) return false;
      const cells = row.map(cellText);
      if (cells.every((c) => c === '')) return true;
      if (headers === null) {
        headers = cells;
        return true;
      }
      if (lines.length >= maxRows) {
        truncated = true;
        return false;
      }
      const named: string[] = headers;
      lines.push(cells.flatMap((value, index) => (value === '' ? [] : [`${named[index] || `Column ${index + 1}`}: ${value}`])).join('; '));
      return true;
    },
    finish() {
      const rows = lines.length;
      const out = headers !== null && rows === 0 ? [headers.filter((h) => h !== '').join('; ')] : lines;
      return { lines: out, rows, truncated };
    },
  };
}

/** All rows at once, for callers that have them in hand. */
export function renderTable(rows: Iterable<readonly string[]>, maxRows = Number.POSITIVE_INFINITY): TableText {
  const table = tableRenderer(maxRows);
  for (const row of rows) if (!table.add(row)) break;
  return table.finish();
}
