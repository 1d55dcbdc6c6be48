import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzip, tarArchive, zipArchive } from './containers/archive-fixtures.js';
import { detectFormat, type Format } from './detect-format.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0x40, 0, 0, 0, 0xc8, 8, 2, 0, 0, 0]);
const cfb = new Uint8Array(4096);
cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const text = (s: string) => new TextEncoder().encode(s);
const summary = (format: Format) => [format.kind, format.mediaType, format.note];

const tar = await tarArchive([{ name: 'a.txt', data: 'a' }]);

describe('detectFormat', () => {
  for (const [path, bytes, expected] of [
    ['/h/report.txt', text('Plain report.\n'), ['parser', 'text/plain', null]],
    ['/h/page.html', text('<html><body>hi</body></html>'), ['parser', 'text/html', null]],
    ['/h/box.zip', zipArchive([{ name: 'a.txt', data: 'a' }]), ['container', 'application/zip', null]],
    ['/h/logs.tgz', gzip('x'), ['container', 'application/gzip', null]],
    ['/h/logs.tgz', gzip(tar), ['container', 'application/gzip', null]],
    ['/h/logs.tar.gz', gzip(tar), ['container', 'application/gzip', null]],
    ['/h/photo.jpeg.zip', zipArchive([{ name: 'a.txt', data: 'a' }]), ['container', 'application/zip', null]],
    // An encrypted DOCX is an OLE compound file, a damaged one may still look like a ZIP: the DOCX parser says which.
    ['/h/locked.docx', cfb, ['parser', docx, null]],
    ['/h/damaged.docx', zipArchive([{ name: 'word/x.txt', data: 'a' }]), ['parser', docx, null]],
    // file-type knows neither e-mail format (both are text): the name says which.
    ['/h/mail/Re- plan.EML', text('From: a@example.org\r\nSubject: plan\r\n\r\nbody\r\n'), ['parser', 'message/rfc822', null]],
    ['/h/mail/inbox.mbox', text('From a@example.org Tue May  2 10:15:00 2017\nSubject: plan\n\nbody\n\n'), ['container', 'application/mbox', null]],
    // A message without a name that says so (a Maildir file) is read as the text it is, not guessed at.
    ['/h/Maildir/cur/1493712900.M1P2.host:2,S', text('Return-Path: <a@example.org>\nFrom: a@example.org\n\nbody\n'), ['parser', 'text/plain', null]],
    // Named nothing, but a whole header block: a message (Maildir), a mailbox (Thunderbird's Inbox, Apple Mail's mbox).
    ['/h/Maildir/cur/1493712901.M2P2.host:2,S', text('Return-Path: <a@example.org>\nReceived: from mx.example.org\n\tby host; Tue, 2 May 2017 10:15:00 +0300\nFrom: Abu Omar <a@example.org>\nDate: Tue, 2 May 2017 10:15:00 +0300\nSubject: plan\n\nbody\n'), ['parser', 'message/rfc822', null]],
    ['/h/Thunderbird/Inbox', text('From - Tue May  2 10:15:00 2017\nX-Mozilla-Status: 0001\nFrom: a@example.org\nDate: Tue, 2 May 2017 10:15:00 +0300\n\nbody\n'), ['container', 'application/mbox', null]],
    ['/h/notes.txt', text('From London at 10:30 the convoy left.\nDate: unknown\n'), ['parser', 'text/plain', null]],
    ['/h/memo.txt', text('Subject: Ledger\nDate: 2017-06-02\nAnalyst: R. Khan\n\nbody\n'), ['parser', 'text/plain', null]],
    ['/h/photo.png', png, ['parser', 'image/png', null]],
    ['/h/holiday.jpg', zipArchive([{ name: 'a.txt', data: 'a' }]), ['container', 'application/zip', 'named .jpg but its content is application/zip; read as application/zip']],
    ['/h/notes.txt', png, ['parser', 'image/png', 'named .txt but its content is image/png; read as image/png']],
    ['/h/etc/passwd', text('root:x:0:0:root:/root:/bin/bash\n'), ['parser', 'text/plain', null]],
    ['/h/server.log', text('2017-06-02 10:00 \u001b[31mERROR\u001b[0m login from 5.1.2.3\n'), ['parser', 'text/plain', null]],
    ['/h/blob.bin', new Uint8Array([1, 2, 3, 0, 250, 17, 0, 4]), ['unsupported', 'application/octet-stream', null]],
    ['/h/empty', new Uint8Array(0), ['unsupported', 'application/octet-stream', null]],
    // Phone exports (docs/phone-exports.md): by name or by their first member; CSV by its header line alone.
    ['/h/khalid.phone.json', text('{"device": {}, "vigilPhoneExport": 1}'), ['parser', 'application/vnd.vigil.phone-export+json', null]],
    ['/h/khalid.json', text('\n  { "vigilPhoneExport" : 1, "calls": [] }'), ['parser', 'application/vnd.vigil.phone-export+json', null]],
    ['/h/digest.json', text('{"title": "vigilPhoneExport", "text": "x"}'), ['parser', 'application/json', null]],
    ['/h/Call Log.csv', text('direction,timestamp,number,durationSeconds\nmissed,2017-06-02T10:00Z,+963944123456,\n'), ['parser', 'text/vnd.vigil.phone-export+csv', null]],
    ['/h/export/chats.txt', text('app,direction,timestamp,fromNumber,text\n'), ['parser', 'text/vnd.vigil.phone-export+csv', null]],
    ['/h/ledger.csv', text('name,number,amount\nAbu Omar,+963944123456,4000\n'), ['parser', 'text/csv', null]],
  ] as const) {
    it(`reads ${path} as ${expected[0]} ${expected[1]}`, async () => {
      assert.deepEqual(summary(await detectFormat(path, bytes)), expected);
    });
  }
});
