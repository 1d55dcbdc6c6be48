import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../../errors.js';
import type { ParsedDocument, Parser } from '../parser.js';
import { csvParser, sniffCsvDelimiter, tsvParser } from './delimited-text.js';

async function parseWith(parser: Parser, path: string, bytes: Uint8Array, maxTableRows?: number): Promise<ParsedDocument[]> {
  const docs: ParsedDocument[] = [];
  const meta = { path, mediaType: parser.mediaType, size: bytes.byteLength, limits: maxTableRows === undefined ? {} : { maxTableRows } };
  for await (const doc of parser.parse(bytes, meta)) docs.push(doc);
  return docs;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('csvParser', () => {
  it('renders each row with its headers, quoted fields and all', async () => {
    const csv = 'Name,Phone,Note\r\nAbu Khalid,0944 123 456,"met in Raqqa, twice"\r\n\r\n"Umm ""Layla""",,"left\r\nfor Hajin"\r\n';
    assert.deepEqual(await parseWith(csvParser, '/haul/contacts.csv', utf8(csv)), [{
      title: null,
      author: null,
      date: null,
      language: null,
      text: 'Name: Abu Khalid; Phone: 0944 123 456; Note: met in Raqqa, twice\nName: Umm "Layla"; Note: left for Hajin',
      metadata: { encoding: 'utf-8', delimiter: 'comma', rows: '2' },
    }]);
  });

  it('reads a semicolon-separated CSV when the header line has semicolons and no commas', async () => {
    const [doc] = await parseWith(csvParser, '/haul/betalingen.csv', utf8('Naam;Bedrag;Datum\nA. Haddad;1.250,00;14-03-2017\n'));
    assert.equal(doc!.text, 'Naam: A. Haddad; Bedrag: 1.250,00; Datum: 14-03-2017');
    assert.equal(doc!.metadata.delimiter, 'semicolon');
  });

  it('decodes UTF-16 with a byte-order mark', async () => {
    const text = '\ufeffالاسم,المدينة\nأبو خالد,الرقة\n';
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'));
    const [doc] = await parseWith(csvParser, '/haul/names.csv', bytes);
    assert.equal(doc!.text, 'الاسم: أبو خالد; المدينة: الرقة');
    assert.equal(doc!.metadata.encoding, 'utf-16le');
  });

  it('decodes Windows-1252 bytes that are not UTF-8', async () => {
    const [doc] = await parseWith(csvParser, '/haul/legacy.csv', Uint8Array.from([...utf8('Name,Amount\nCaf'), 0xe9, ...utf8(',5 '), 0x80, 0x0a]));
    assert.equal(doc!.text, 'Name: Café; Amount: 5 €');
    assert.equal(doc!.metadata.encoding, 'windows-1252');
  });

  it('refuses an unclosed quote, naming the line the broken record starts on', async () => {
    const csv = 'name,phone\nAbu Khalid,0944\n"Open quote,123\nnext,456\n';
    await assert.rejects(parseWith(csvParser, '/haul/broken.csv', utf8(csv)), (error: unknown) => {
      assert.ok(error instanceof VigilError, String(error));
      assert.equal(error.kind, 'input');
      assert.equal(error.code, 'ingest.csv-syntax');
      assert.equal(error.message, '/haul/broken.csv line 3: not readable as comma-separated text: a quoted field that starts on this line is never closed');
      return true;
    });
  });

  it('keeps a stray quote inside an unquoted field as written', async () => {
    const [doc] = await parseWith(csvParser, '/haul/pipes.csv', utf8('Item,Size\nPipe,5" wide\n'));
    assert.equal(doc!.text, 'Item: Pipe; Size: 5" wide');
  });

  it('stops at the row limit and marks the document truncated', async () => {
    const csv = 'Ref\n' + Array.from({ length: 10 }, (_, i) => `R-${i + 1}`).join('\n');
    const [doc] = await parseWith(csvParser, '/haul/long.csv', utf8(csv), 3);
    assert.equal(doc!.text, 'Ref: R-1\nRef: R-2\nRef: R-3');
    assert.deepEqual(doc!.metadata, { encoding: 'utf-8', delimiter: 'comma', rows: '3', truncated: 'true', maxTableRows: '3' });
  });

  it('refuses NUL bytes as a binary file', async () => {
    await assert.rejects(parseWith(csvParser, '/haul/x.csv', Uint8Array.from([0x61, 0x00, 0x62])), (error: unknown) => error instanceof VigilError && error.code === 'ingest.binary');
  });
});

describe('tsvParser', () => {
  it('splits on tabs whatever the header holds', async () => {
    const [doc] = await parseWith(tsvParser, '/haul/calls.tsv', utf8('Caller\tCallee\tNote\n+963944123456\t+905321234567\tcash, 4,500 USD\n'));
    assert.equal(doc!.text, 'Caller: +963944123456; Callee: +905321234567; Note: cash, 4,500 USD');
    assert.equal(doc!.metadata.delimiter, 'tab');
  });
});

describe('sniffCsvDelimiter', () => {
  const cases: [string, string][] = [
    ['a,b\n1,2', ','],
    ['a;b\n1;2', ';'],
    ['a;b,c\n', ','],
    ['\n\na\tb\n', '\t'],
    ['single\n', ','],
  ];
  for (const [text, expected] of cases) it(`reads ${JSON.stringify(text)} with ${JSON.stringify(expected)}`, () => assert.equal(sniffCsvDelimiter(text), expected));
});
