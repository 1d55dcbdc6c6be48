import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { VigilError } from '../../errors.js';
import type { ParsedDocument } from '../parser.js';
import { docxParser } from './docx.js';
import { buildDocx, encryptedOfficeFile, legacyOfficeFile, paragraph, table } from './office.fixture.js';

const path = '/haul/docs/report.docx';

async function parseDocx(bytes: Uint8Array, maxExpandedBytes?: number): Promise<ParsedDocument[]> {
  const docs: ParsedDocument[] = [];
  const limits = maxExpandedBytes === undefined ? {} : { maxExpandedBytes };
  for await (const doc of docxParser.parse(bytes, { path, mediaType: docxParser.mediaType, size: bytes.byteLength, limits })) docs.push(doc);
  return docs;
}

async function assertRejects(bytes: Uint8Array, code: string, pattern: RegExp, maxExpandedBytes?: number): Promise<void> {
  await assert.rejects(parseDocx(bytes, maxExpandedBytes), (error: unknown) => {
    assert.ok(error instanceof VigilError, String(error));
    assert.equal(error.kind, 'input');
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  });
}

const body = paragraph('Courier network in Deir ez-Zor', 'Title') +
  paragraph('Summary', 'Heading1') +
  paragraph('Abu Khalid met the courier <twice> & paid him.') +
  table([['Name', 'Phone'], ['Abu Khalid', '0944 123 456'], ['Umm Layla', '0933 000 111']]) +
  paragraph('Annex', 'Heading1') +
  paragraph('End of report.');

describe('docxParser', () => {
  it('reads headings and paragraphs as lines and each table row as one line', async () => {
    const [doc, ...rest] = await parseDocx(await buildDocx(body));
    assert.equal(rest.length, 0);
    assert.equal(doc!.text, [
      'Courier network in Deir ez-Zor',
      'Summary',
      'Abu Khalid met the courier <twice> & paid him.',
      'Name | Phone',
      'Abu Khalid | 0944 123 456',
      'Umm Layla | 0933 000 111',
      'Annex',
      'End of report.',
    ].join('\n'));
  });

  it('takes title, author and date from the core properties', async () => {
    const [doc] = await parseDocx(await buildDocx(body, { title: 'CTFC report 17/03', creator: 'Nadia Okafor', created: '2017-03-14T09:30:00Z' }));
    assert.deepEqual([doc!.title, doc!.author, doc!.date], ['CTFC report 17/03', 'Nadia Okafor', '2017-03-14']);
  });

  it('falls back to the Title paragraph and a byline when the core properties are empty', async () => {
    const bytes = await buildDocx(paragraph('Cash couriers', 'Title') + paragraph('By Sam Reyes, March 3, 2018') + paragraph('Body text here.'), {});
    const [doc] = await parseDocx(bytes);
    assert.deepEqual([doc!.title, doc!.author, doc!.date], ['Cash couriers', 'Sam Reyes', '2018-03-03']);
  });

  it('refuses an encrypted (password-protected) document, which is an OLE compound file', async () => {
    await assertRejects(encryptedOfficeFile(), 'ingest.encrypted', /^\/haul\/docs\/report\.docx: the DOCX is encrypted \(password-protected\); it cannot be read without the password$/);
  });

  it('refuses a Word 97–2003 file under a .docx name, saying what it is', async () => {
    await assertRejects(legacyOfficeFile(), 'ingest.docx-unreadable', /report\.docx: not a readable DOCX: it is an OLE compound file, the binary format of Office 97–2003 \(\.doc\)/);
  });

  it('refuses bytes that are not a ZIP package', async () => {
    await assertRejects(new TextEncoder().encode('{\\rtf1 an RTF file renamed}'), 'ingest.docx-unreadable', /report\.docx: not a readable DOCX: it is not a ZIP package/);
  });

  it('refuses a truncated package, with the ZIP reader\u2019s reason', async () => {
    const bytes = await buildDocx(body);
    await assertRejects(bytes.subarray(0, bytes.byteLength - 40), 'ingest.docx-unreadable', /report\.docx: not a readable DOCX: the ZIP package is truncated or corrupt \(.*end of central directory/);
  });

  it('refuses a ZIP with no Word document in it', async () => {
    const zip = new JSZip();
    zip.file('notes.txt', 'not a document');
    await assertRejects(await zip.generateAsync({ type: 'uint8array' }), 'ingest.docx-unreadable', /report\.docx: not a readable DOCX: .*main document/);
  });

  it('refuses a package that unpacks to more than the limit, as a possible ZIP bomb', async () => {
    const bytes = await buildDocx(paragraph('A'.repeat(200_000)));
    assert.ok(bytes.byteLength < 5_000);
    await assertRejects(bytes, 'ingest.too-large', /report\.docx: the DOCX unpacks to more than 0\.1 MiB \(a ZIP bomb, or a file too large to read\); refused/, 100_000);
  });
});
