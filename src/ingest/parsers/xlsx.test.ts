import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { VigilError } from '../../errors.js';
import type { ParsedDocument } from '../parser.js';
import { encryptedOfficeFile, legacyOfficeFile } from './office.fixture.js';
import { cellText, isoDateTime, xlsxParser } from './xlsx.js';

const path = '/haul/sheets/payments.xlsx';

async function parseXlsx(bytes: Uint8Array, limits: { maxTableRows?: number; maxExpandedBytes?: number } = {}): Promise<ParsedDocument[]> {
  const docs: ParsedDocument[] = [];
  for await (const doc of xlsxParser.parse(bytes, { path, mediaType: xlsxParser.mediaType, size: bytes.byteLength, limits })) docs.push(doc);
  return docs;
}

async function assertRejects(bytes: Uint8Array, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(parseXlsx(bytes), (error: unknown) => {
    assert.ok(error instanceof VigilError, String(error));
    assert.equal(error.kind, 'input');
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  });
}

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const ledger = workbookBytes((workbook) => {
  workbook.title = 'Hawala ledger, Gaziantep';
  workbook.creator = 'CTFC finance cell';
  workbook.created = new Date(Date.UTC(2017, 2, 14, 9, 30));
  const payments = workbook.addWorksheet('Payments');
  payments.addRow([]);
  payments.addRow(['Date', 'Payer', 'Amount', 'Paid']);
  payments.addRow([new Date(Date.UTC(2017, 2, 3)), 'Abu Khalid', 4500, true]);
  payments.addRow([new Date(Date.UTC(2017, 2, 5, 14, 45)), { richText: [{ text: 'Umm ' }, { font: { bold: true }, text: 'Layla' }] }, { formula: 'C3*2', result: 9000 }, false]);
  payments.addRow([null, 'Unknown', null, null]);
  payments.getColumn(1).numFmt = 'yyyy-mm-dd';
  workbook.addWorksheet('Empty');
  const contacts = workbook.addWorksheet('Contacts');
  contacts.addRow(['Name', 'Phone']);
  contacts.addRow(['Abu Khalid', '+963 944 123 456']);
});

describe('xlsxParser', () => {
  it('renders each sheet under its name, rows with their headers, dates as ISO dates', async () => {
    const [doc, ...rest] = await parseXlsx(await ledger);
    assert.equal(rest.length, 0);
    assert.equal(doc!.text, [
      'Sheet: Payments',
      'Date: 2017-03-03; Payer: Abu Khalid; Amount: 4500; Paid: TRUE',
      'Date: 2017-03-05T14:45; Payer: Umm Layla; Amount: 9000; Paid: FALSE',
      'Payer: Unknown',
      '',
      'Sheet: Contacts',
      'Name: Abu Khalid; Phone: +963 944 123 456',
    ].join('\n'));
    assert.deepEqual(doc!.metadata, { sheets: '["Payments","Empty","Contacts"]', rows: '4' });
  });

  it('takes title, author and date from the core properties', async () => {
    const [doc] = await parseXlsx(await ledger);
    assert.deepEqual([doc!.title, doc!.author, doc!.date], ['Hawala ledger, Gaziantep', 'CTFC finance cell', '2017-03-14']);
  });

  it('stops each sheet at the row limit and records which sheets were cut', async () => {
    const bytes = await workbookBytes((workbook) => {
      const calls = workbook.addWorksheet('Calls');
      calls.addRow(['Number']);
      for (let i = 0; i < 50; i++) calls.addRow([`+90532${String(i).padStart(7, '0')}`]);
      workbook.addWorksheet('Notes').addRow(['Note']);
    });
    const [doc] = await parseXlsx(bytes, { maxTableRows: 2 });
    assert.equal(doc!.text, 'Sheet: Calls\nNumber: +905320000000\nNumber: +905320000001\n\nSheet: Notes\nNote');
    assert.deepEqual(doc!.metadata, { sheets: '["Calls","Notes"]', rows: '2', truncated: 'true', truncatedSheets: '["Calls"]', maxTableRows: '2' });
  });

  it('refuses an encrypted (password-protected) workbook', async () => {
    await assertRejects(encryptedOfficeFile(), 'ingest.encrypted', /^\/haul\/sheets\/payments\.xlsx: the XLSX is encrypted \(password-protected\); it cannot be read without the password$/);
  });

  it('refuses an Excel 97–2003 file under an .xlsx name', async () => {
    await assertRejects(legacyOfficeFile(), 'ingest.xlsx-unreadable', /payments\.xlsx: not a readable XLSX: it is an OLE compound file, the binary format of Office 97–2003 \(\.xls\)/);
  });

  it('refuses a truncated workbook, with the ZIP reader\u2019s reason', async () => {
    const bytes = await ledger;
    await assertRejects(bytes.subarray(0, Math.floor(bytes.byteLength / 2)), 'ingest.xlsx-unreadable', /payments\.xlsx: not a readable XLSX: the ZIP package is truncated or corrupt/);
  });

  it('refuses a ZIP package that holds no workbook', async () => {
    const { buildDocx, paragraph } = await import('./office.fixture.js');
    await assertRejects(await buildDocx(paragraph('a Word file renamed')), 'ingest.xlsx-unreadable', /payments\.xlsx: not a readable XLSX: the package has no workbook part/);
  });

  it('refuses a workbook that unpacks to more than the limit', async () => {
    const bytes = await workbookBytes((workbook) => workbook.addWorksheet('Big').addRow(['x'.repeat(300_000)]));
    await assert.rejects(parseXlsx(bytes, { maxExpandedBytes: 200_000 }), (error: unknown) => error instanceof VigilError && error.code === 'ingest.too-large');
  });
});

describe('xlsx cell text', () => {
  it('writes dates at midnight as days, others with their time', () => {
    assert.equal(isoDateTime(new Date(Date.UTC(2017, 2, 3))), '2017-03-03');
    assert.equal(isoDateTime(new Date(Date.UTC(2017, 2, 3, 8, 5))), '2017-03-03T08:05');
    assert.equal(isoDateTime(new Date(Date.UTC(2017, 2, 3, 8, 5, 9))), '2017-03-03T08:05:09');
  });

  it('reads links, errors and formulas without a result', () => {
    assert.equal(cellText({ text: 'site', hyperlink: 'https://example.org' }), 'site');
    assert.equal(cellText({ error: '#N/A' }), '#N/A');
    assert.equal(cellText({ formula: 'A1+1' } as ExcelJS.CellFormulaValue), '');
    assert.equal(cellText(null), '');
  });
});
