import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDigit } from './check-digit.js';
import { parseTd3 } from './td3.js';

// The ICAO 9303-4 specimen passport (Utopia, Anna Maria Eriksson).
const specimen = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'] as const;

describe('ICAO 9303 check digits', () => {
  it('computes the weights 7-3-1 over digits, letters and fillers', () => {
    assert.equal(checkDigit('L898902C3'), '6');
    assert.equal(checkDigit('740812'), '2');
    assert.equal(checkDigit('120415'), '9');
    assert.equal(checkDigit('ZE184226B<<<<<'), '1');
    assert.equal(checkDigit('<<<<'), '0');
  });
});

describe('parseTd3, the flat passport reading kept for earlier callers', () => {
  it('reads every field of the specimen and finds it valid', () => {
    const mrz = parseTd3(...specimen);
    assert.deepEqual(mrz.errors, []);
    assert.deepEqual(
      { ...mrz, errors: undefined },
      {
        documentCode: 'P',
        issuingState: 'UTO',
        primaryIdentifier: 'ERIKSSON',
        secondaryIdentifier: 'ANNA MARIA',
        documentNumber: 'L898902C3',
        nationality: 'UTO',
        birthDate: '740812',
        sex: 'F',
        expiryDate: '120415',
        optionalData: 'ZE184226B',
        valid: true,
        errors: undefined,
      },
    );
  });

  it('names the field whose check digit is wrong', () => {
    const mrz = parseTd3(specimen[0], specimen[1].replace('7408122', '7408132'));
    assert.equal(mrz.valid, false);
    assert.deepEqual(mrz.errors.map((e) => [e.field, e.expected, e.found]), [
      ['birthDateCheckDigit', '3', '2'],
      ['compositeCheckDigit', '7', '0'],
    ]);
  });

  it('finds a visa zone of the same size invalid as a passport', () => {
    const mrz = parseTd3('V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<');
    assert.equal(mrz.valid, false);
    assert.deepEqual(mrz.errors.map((e) => e.field), ['format']);
  });

  it('reports a short line and still reads what it can', () => {
    const mrz = parseTd3(specimen[0].slice(0, 42), specimen[1]);
    assert.equal(mrz.valid, false);
    assert.equal(mrz.errors[0]!.found, '42 characters');
    assert.equal(mrz.documentNumber, 'L898902C3');
  });
});
