import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../errors.js';
import { cleanText, decodeText } from './decode-text.js';

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
