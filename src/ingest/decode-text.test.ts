import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../errors.js';
import { cleanText, decodeText, looksLikeText } from './decode-text.js';

describe('decodeText', () => {
  it('reads UTF-8 and strips its byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Rêzan Hacî')]);
    assert.deepEqual(decodeText(bytes), { text: 'Rêzan Hacî', encoding: 'utf-8' });
  });

  it('reads UTF-8 without a byte-order mark', () => {
    assert.deepEqual(decodeText(new TextEncoder().encode('Şanlıurfa')), { text: 'Şanlıurfa', encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8, losing nothing', () => {
    // "Café “Antep” €" as a legacy Windows editor saves it.
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x41, 0x6e, 0x74, 0x65, 0x70, 0x94, 0x20, 0x80]);
    assert.deepEqual(decodeText(bytes), { text: 'Café “Antep” €', encoding: 'windows-1252' });
  });

  it('maps the whole Windows-1252 range 0x80–0x9F as the WHATWG table does, keeping its five undefined bytes', () => {
    const bytes = new Uint8Array([0xff, ...Array.from({ length: 32 }, (_, i) => 0x80 + i)]);
    const expected = '\u00ff€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    assert.deepEqual(decodeText(bytes), { text: expected, encoding: 'windows-1252' });
  });

  it('reads UTF-16 in either byte order when it starts with a byte-order mark', () => {
    assert.deepEqual(decodeText(new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00])), { text: 'Hi', encoding: 'utf-16le' });
    assert.deepEqual(decodeText(new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69])), { text: 'Hi', encoding: 'utf-16be' });
  });

  it('reads UTF-16 without a byte-order mark, Latin or Arabic, in either byte order', () => {
    const le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
    const be = (text: string) => new Uint8Array(le(text).map((_, i, all) => all[i ^ 1]!));
    assert.deepEqual(decodeText(le('Abu Omar called +963 944 123 456.')), { text: 'Abu Omar called +963 944 123 456.', encoding: 'utf-16le' });
    assert.deepEqual(decodeText(be('Raqqa, 2 June 2017')), { text: 'Raqqa, 2 June 2017', encoding: 'utf-16be' });
    assert.deepEqual(decodeText(le('أبو عمر الشيشاني في الرقة')), { text: 'أبو عمر الشيشاني في الرقة', encoding: 'utf-16le' });
    assert.equal(looksLikeText(le('a plain note')), true);
  });

  it('reads broken UTF-16 with replacement characters where it is broken, and the rest as it is', () => {
    const lone = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x00, 0xd8, 0x69, 0x00, 0x21]);
    assert.deepEqual(decodeText(lone), { text: 'H\ufffdi\ufffd', encoding: 'utf-16le' });
  });

  it('does not take binary with scattered zeros, or UTF-8, for UTF-16', () => {
    assert.equal(decodeText(new TextEncoder().encode('Mosul, Tal Afar and Sinjar')).encoding, 'utf-8');
    const binary = new Uint8Array(512).map((_, i) => (i % 7 === 0 ? 0 : (i * 37) & 0xff));
    assert.notEqual(decodeText(binary).encoding, 'utf-16le');
    assert.equal(looksLikeText(binary), false);
  });

  it('reads no bytes as empty UTF-8 text', () => {
    assert.deepEqual(decodeText(new Uint8Array([])), { text: '', encoding: 'utf-8' });
  });
});

describe('cleanText', () => {
  it('turns Windows and old Mac line endings into \\n', () => {
    assert.equal(cleanText('one\r\ntwo\rthree\n', '/haul/a.txt'), 'one\ntwo\nthree\n');
  });

  it('refuses text holding a NUL byte, naming the file and the position', () => {
    assert.throws(
      () => cleanText('MZ\u0000\u0000binary', '/haul/setup.txt'),
      (error: unknown) => {
        assert.ok(error instanceof VigilError);
        assert.equal(error.kind, 'input');
        assert.equal(error.code, 'ingest.binary');
        assert.match(error.message, /^\/haul\/setup\.txt: byte 2 is NUL/);
        return true;
      },
    );
  });
});
