import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedDocument } from '../parser.js';
import { parserForPath, parsers, supportedExtensions } from './index.js';

describe('parserForPath', () => {
  const cases: [string, string | null][] = [
    ['/haul/notes/2017-04-13-courier.txt', 'text/plain'],
    ['/haul/README.TEXT', 'text/plain'],
    ['/haul/notes/triage.md', 'text/markdown'],
    ['/haul/notes/triage.markdown', 'text/markdown'],
    ['/haul/web/index.html', 'text/html'],
    ['C:\\HAUL\\WEB\\PAGE.HTM', 'text/html'],
    ['/haul/web/page.xhtml', 'text/html'],
    ['/haul/json/digest.json', 'application/json'],
    ['/haul/phones/khalid.PHONE.json', 'application/vnd.vigil.phone-export+json'],
    ['/haul/scan.pdf', 'application/pdf'],
    ['/haul/docs/Memo.DOCX', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['/haul/docs/old.doc', null],
    ['/haul/tables/ledger.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['/haul/tables/ledger.xls', null],
    ['/haul/tables/calls.csv', 'text/csv'],
    ['/haul/tables/CALLS.TSV', 'text/tab-separated-values'],
    ['/haul/mail/Re- plan.EML', 'message/rfc822'],
    ['/haul/SCAN.PDF', 'application/pdf'],
    ['/haul/digest.json.bak', null],
    ['/haul/Makefile', null],
    ['/haul/notes.md/contacts.txt', 'text/plain'],
    ['/haul/scans/fax-0042.TIF', 'image/tiff'],
    ['/haul/phone/DCIM/IMG_0001.jpeg', 'image/jpeg'],
    ['/haul/phone/screenshot.png', 'image/png'],
  ];
  for (const [path, mediaType] of cases) {
    it(`picks ${mediaType ?? 'no parser'} for ${path}`, () => assert.equal(parserForPath(path)?.mediaType ?? null, mediaType));
  }
});

describe('supportedExtensions', () => {
  it('lists every extension of every registered parser, once', () => {
    assert.deepEqual(supportedExtensions, parsers.flatMap((p) => p.extensions));
    assert.equal(new Set(supportedExtensions).size, supportedExtensions.length);
    for (const ext of supportedExtensions) assert.match(ext, /^(\.[a-z]+)+$/);
  });
});

describe('plain-text parser', () => {
  it('reads title, byline and text from a UTF-8 file', async () => {
    const parser = parserForPath('/haul/report.txt')!;
    const text = 'Raid in Mayadin yields laptop\r\n\r\nBy Nadia Okafor, March 14, 2017\r\n\r\nA laptop was seized.\r\n';
    const bytes = new TextEncoder().encode(text);
    const docs: ParsedDocument[] = [];
    for await (const doc of parser.parse(bytes, { path: '/haul/report.txt', mediaType: parser.mediaType, size: bytes.byteLength })) docs.push(doc);
    assert.deepEqual(docs, [{
      title: 'Raid in Mayadin yields laptop',
      author: 'Nadia Okafor',
      date: '2017-03-14',
      language: null,
      text: 'Raid in Mayadin yields laptop\n\nBy Nadia Okafor, March 14, 2017\n\nA laptop was seized.\n',
      metadata: { encoding: 'utf-8' },
    }]);
  });
});
