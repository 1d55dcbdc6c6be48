import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readMrzDocument } from './registry-mrz.js';

// ICAO 9303-4 Appendix B specimen (Utopia).
const line1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
const line2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';

describe('reading an MRZ for a registry check', () => {
  it('reads the number and issuing state whether the lines are split by a line break, a space or not at all', () => {
    for (const input of [`${line1}\n${line2}`, `${line1} ${line2}`, `  ${line1}\r\n${line2}\n`, line1 + line2]) {
      const read = readMrzDocument(input);
      assert.deepEqual([read.reading.valid, read.documentNumber, read.issuingState], [true, 'L898902C3', 'UTO'], JSON.stringify(input));
    }
  });

  it('still gives the number of a zone that fails its check digits, marked invalid', () => {
    const read = readMrzDocument(`${line1}\n${line2.slice(0, 43)}1`);
    assert.deepEqual([read.reading.valid, read.documentNumber], [false, 'L898902C3']);
  });

  it('does not call a zone with a third line valid', () => {
    assert.equal(readMrzDocument(`${line1}\n${line2}\n${'<'.repeat(44)}`).reading.valid, false);
  });

  it('reads a TD1 identity card (three lines of 30) as well as a passport', () => {
    const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
    const read = readMrzDocument(td1.join('\n'));
    assert.deepEqual([read.reading.format, read.reading.valid, read.documentNumber, read.issuingState], ['TD1', true, 'D23145890', 'UTO']);
  });
});
