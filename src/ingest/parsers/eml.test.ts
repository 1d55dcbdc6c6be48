import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../../errors.js';
import { extractMentions } from '../../extract/index.js';
import type { ParsedDocument } from '../parser.js';
import { arabicGreeting, arabicMessage, crlf, htmlMessageWithForward, multipartMessage, reportText, tinyPng } from './eml.fixture.js';
import { emlParser } from './eml.js';

async function parse(message: string | Uint8Array, path = '/haul/mail.eml'): Promise<ParsedDocument> {
  const bytes = typeof message === 'string' ? new TextEncoder().encode(message) : message;
  const docs: ParsedDocument[] = [];
  for await (const doc of emlParser.parse(bytes, { path, mediaType: emlParser.mediaType, size: bytes.byteLength })) docs.push(doc);
  assert.equal(docs.length, 1);
  return docs[0]!;
}

const decoded = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('e-mail parser', () => {
  it('reads a multipart message: header block and plain body as text, headers as metadata, attachments and inline images apart', async () => {
    const doc = await parse(multipartMessage());
    assert.equal(doc.title, 'Crossing at Tal Abyad');
    assert.equal(doc.author, 'Abu Omar');
    assert.equal(doc.date, '2017-05-03', "the sender's own day, not UTC's");
    assert.equal(doc.text, [
      'From: Abu Omar <abu.omar@example.org>',
      'To: Leila Haddad <leila.haddad@example.net>, khalid@example.com',
      'Cc: Yusuf al-Masri <y.masri@example.org>',
      'Date: Wed, 03 May 2017 01:30:00 +0300',
      'Subject: Crossing at Tal Abyad',
      '',
      'The courier will meet Abu Bakr in Mosul tomorrow, and the money goes to Leila Haddad — as agreed.',
    ].join('\n'));
    assert.deepEqual(doc.metadata, {
      from: 'abu.omar@example.org',
      to: 'leila.haddad@example.net, khalid@example.com',
      cc: 'y.masri@example.org',
      messageId: '<m1.2017@example.org>',
      inReplyTo: '<m0.2017@example.net>',
      references: '<m0.2017@example.net>',
      subject: 'Crossing at Tal Abyad',
      date: 'Wed, 03 May 2017 01:30:00 +0300',
      sentAt: '2017-05-02T22:30:00.000Z',
      attachments: '2',
    });
    assert.deepEqual(doc.attachments?.map((a) => a.name), ['inline-1.png', 'report.txt']);
    assert.deepEqual(doc.attachments?.[0]?.bytes, tinyPng);
    assert.equal(decoded(doc.attachments![1]!.bytes), reportText);
  });

  it('gives the extractor the correspondents: a From line yields the address as EMAIL and the display name as PERSON', async () => {
    const doc = await parse(multipartMessage());
    const found = extractMentions(doc.text).map((m) => `${m.type} ${m.text}`);
    for (const expected of ['EMAIL abu.omar@example.org', 'PERSON Abu Omar', 'EMAIL leila.haddad@example.net', 'PERSON Leila Haddad', 'EMAIL khalid@example.com', 'PERSON Yusuf al-Masri', 'PERSON Abu Bakr']) {
      assert.ok(found.includes(expected), `${expected} in ${JSON.stringify(found)}`);
    }
  });

  it('reads an HTML-only body as text and hands on a forwarded message as an .eml attachment', async () => {
    const doc = await parse(htmlMessageWithForward());
    assert.equal(doc.author, 'khalid@example.com', 'the address when the sender gave no name');
    assert.equal(doc.text.split('\n\n')[1], 'See below.\nYusuf al-Masri | +963 944 123 456');
    assert.deepEqual(doc.attachments?.map((a) => a.name), ['message-1.eml']);
    const forwarded = await parse(doc.attachments![0]!.bytes, '/haul/mail.eml!/message-1.eml');
    assert.equal(forwarded.title, 'the list');
    assert.equal(forwarded.author, 'Yusuf al-Masri');
    assert.match(forwarded.text, /\n\nNames for the crossing\.$/);
  });

  it('decodes Arabic: an RFC 2047 subject and sender name, and a windows-1256 body', async () => {
    const doc = await parse(arabicMessage());
    assert.equal(doc.title, 'اجتماع في الرقة');
    assert.equal(doc.author, 'أبو عمر');
    assert.equal(doc.text, `From: أبو عمر <abu.omar@example.org>\nTo: leila.haddad@example.net\nDate: Sat, 06 May 2017 12:00:00 +0300\nSubject: اجتماع في الرقة\n\n${arabicGreeting}`);
  });

  it('decodes koi8-r and windows-1252 words and bodies (curly quotes and the euro sign included)', async () => {
    const doc = await parse(crlf(
      // "Привет" in koi8-r, quoted-printable
      'Subject: =?koi8-r?Q?=F0=D2=C9=D7=C5=D4?=',
      'From: "Ivan Petrov" <ivan@example.ru>',
      'Content-Type: text/plain; charset=windows-1252',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '=93Paid=94 =80500 to the caf=E9.',
    ));
    assert.equal(doc.title, 'Привет');
    assert.match(doc.text, /\n\n“Paid” €500 to the café\.$/);
  });

  it('refuses what is not a message, saying why', async () => {
    for (const [bytes, why] of [
      [new TextEncoder().encode('Shopping list\n\nbread, eggs\n'), 'no header such as From, To, Date or Subject before its first blank line'],
      [new TextEncoder().encode('Note: call back\n\nTomorrow.\n'), 'no header such as From, To, Date or Subject before its first blank line'],
      [new Uint8Array([0x50, 0x4b, 0, 0, 0xff, 0xfe, 1, 2, 3, 0, 0, 7, 0x0a, 0x0a, 9]), 'binary content, no header lines'],
      [new Uint8Array(0), 'the file is empty'],
    ] as const) {
      await assert.rejects(parse(bytes, '/haul/odd.eml'), (error: unknown) => {
        assert.ok(error instanceof VigilError);
        assert.equal(error.kind, 'input');
        assert.equal(error.code, 'ingest.email-unreadable');
        assert.equal(error.message, `/haul/odd.eml: not an e-mail message (${why})`);
        return true;
      });
    }
  });

  it('names attachments sent without a file name by their Content-ID or kind, and keeps a message with no body', async () => {
    const doc = await parse(crlf(
      'From: a@example.org',
      'Subject: pictures',
      'Content-Type: multipart/mixed; boundary="x"',
      '',
      '--x',
      'Content-Type: image/jpeg',
      'Content-ID: <image001.jpg@01D2C3A4.5B6C7D80>',
      'Content-Transfer-Encoding: base64',
      '',
      '/9j/4AAQ',
      '--x',
      'Content-Type: application/octet-stream',
      'Content-Disposition: attachment',
      '',
      'raw',
      '--x--',
    ));
    assert.equal(doc.text, 'From: a@example.org\nSubject: pictures');
    assert.deepEqual(doc.attachments?.map((a) => a.name), ['image001.jpg', 'attachment-2.bin']);
  });
});
