// Excel workbooks (.xlsx) as one document: each sheet under a `Sheet: NAME` line, its rows rendered with their
// headers (table-text.ts). exceljs's streaming reader reads rows one at a time and the row limit stops each sheet,
// so a sheet of millions of rows is never held whole; the package's unpacked size is bounded before it starts.
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { VigilError } from '../../errors.js';
import { parseLimits, type Parser } from '../parser.js';
import { openOfficePackage, readCoreProperties } from './office-package.js';
import { tableRenderer } from './table-text.js';

/** An Excel date as ISO 8601: the day alone at midnight, else day and time (Excel keeps no time zone). */
export function isoDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith(':00.000Z') ? iso.slice(0, 16) : iso.slice(0, 19);
}

/** A cell's value as the text a reader sees: rich text joined, a formula's last result, a link's text. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDateTime(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return '';
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  return '';
}

interface SheetText {
  name: string;
  lines: string[];
  rows: number;
  truncated: boolean;
}

async function readSheets(bytes: Uint8Array, maxTableRows: number): Promise<SheetText[]> {
  // Loaded on first use: exceljs costs every command a sixth of a second at start-up, and few read workbooks.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell which numbers are dates; hyperlinks would replace a cell's value by its link.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets: SheetText[] = [];
  for await (const sheet of reader) {
    const { name, id } = sheet as unknown as { name?: string; id?: number | string };
    const table = tableRenderer(maxTableRows);
    for await (const row of sheet) {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = cellText(cell.value);
      });
      // Cells missing before the last one are empty, not holes, for the renderer.
      if (!table.add(Array.from(cells, (c) => c ?? ''))) break;
    }
    sheets.push({ name: name ?? `Sheet ${id ?? sheets.length + 1}`, ...table.finish() });
  }
  return sheets;
}

export const xlsxParser: Parser = {
  mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extensions: ['.xlsx', '.xlsm'],
  async *parse(bytes, meta) {
    const limits = parseLimits(meta);
    const zip = await openOfficePackage(bytes, meta.path, 'XLSX', limits.maxExpandedBytes);
    if (!zip.file('xl/workbook.xml')) {
      throw new VigilError('input', 'ingest.xlsx-unreadable', `${meta.path}: not a readable XLSX: the package has no workbook part (xl/workbook.xml)`);
    }
    const core = await readCoreProperties(zip);
    let sheets: SheetText[];
    try {
      sheets = await readSheets(bytes, limits.maxTableRows);
    } catch (error) {
      // The package opened and unpacked, so what exceljs fails on is a part's XML.
      const reason = error instanceof Error ? error.message : String(error);
      throw new VigilError('input', 'ingest.xlsx-unreadable', `${meta.path}: not a readable XLSX: ${reason}`, { cause: error });
    }
    const text = sheets
      .filter((sheet) => sheet.lines.length > 0)
      .map((sheet) => [`Sheet: ${sheet.name}`, ...sheet.lines].join('\n'))
      .join('\n\n');
    const metadata: Record<string, string> = {
      sheets: JSON.stringify(sheets.map((s) => s.name)),
      rows: String(sheets.reduce((sum, s) => sum + s.rows, 0)),
    };
    const truncated = sheets.filter((s) => s.truncated).map((s) => s.name);
    if (truncated.length > 0) {
      metadata.truncated = 'true';
      metadata.truncatedSheets = JSON.stringify(truncated);
      metadata.maxTableRows = String(limits.maxTableRows);
    }
    yield { title: core.title, author: core.author, date: core.date, language: null, text, metadata };
  },
};
