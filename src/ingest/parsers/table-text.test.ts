import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTable, tableRenderer } from './table-text.js';

describe('renderTable', () => {
  it('labels each value with its column header and leaves empty cells out', () => {
    const table = renderTable([
      ['Name', 'Phone', 'City'],
      ['Abu Khalid', '+963 944 123 456', 'Raqqa'],
      ['Umm Layla', '', 'Hajin'],
    ]);
    assert.deepEqual(table, {
      lines: ['Name: Abu Khalid; Phone: +963 944 123 456; City: Raqqa', 'Name: Umm Layla; City: Hajin'],
      rows: 2,
      truncated: false,
    });
  });

  it('takes the first non-empty row as headers, skips blank rows, and names unnamed columns by position', () => {
    const table = renderTable([[], ['', ''], ['Ref', ''], ['', ''], ['R-1', 'cash', 'extra']]);
    assert.deepEqual(table.lines, ['Ref: R-1; Column 2: cash; Column 3: extra']);
  });

  it('keeps one line per row when a cell holds line breaks, and trims cells', () => {
    assert.deepEqual(renderTable([['Note'], ['  met at the\nborder\r\ncrossing ']]).lines, ['Note: met at the border crossing']);
  });

  it('keeps the header row as the text of a table without data rows', () => {
    assert.deepEqual(renderTable([['Name', '', 'Phone']]), { lines: ['Name; Phone'], rows: 0, truncated: false });
    assert.deepEqual(renderTable([]), { lines: [], rows: 0, truncated: false });
  });

  it('stops at the row limit, says so, and tells the reader to stop', () => {
    const table = tableRenderer(2);
    const answers = [['H'], ['a'], ['b'], ['c'], ['d']].map((row) => table.add(row));
    assert.deepEqual(answers, [true, true, true, false, false]);
    assert.deepEqual(table.finish(), { lines: ['H: a', 'H: b'], rows: 2, truncated: true });
    assert.equal(renderTable([['H'], ['a'], ['b']], 2).truncated, false);
  });
});
