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

describe('TD3 passport MRZ', () => {
  it('reads every field of the specimen and finds it valid', () => {
    const mrz = parseTd3(...specimen);
    assert.deepEqual(mrz.errors, []);
    assert.equal(mrz.valid, true);
    assert.equal(mrz.documentCode, 'P');
    assert.equal(mrz.issuingState, 'UTO');
    assert.equal(mrz.primaryIdentifier, 'ERIKSSON');
    assert.equal(mrz.secondaryIdentifier, 'ANNA MARIA');
    assert.equal(mrz.documentNumber, 'L898902C3');
    assert.equal(mrz.nationality, 'UTO');
    assert.equal(mrz.birthDate, '740812');
    assert.equal(mrz.sex, 'F');
    assert.equal(mrz.expiryDate, '120415');
    assert.equal(mrz.optionalData, 'ZE184226B');
  });

  it('tolerates surrounding whitespace and lower case from a scanner', () => {
    assert.equal(parseTd3(`  ${specimen[0].toLowerCase()} `, specimen[1] + '\r').valid, true);
  });

  it('names the field whose check digit is wrong, with what was expected and found', () => {
    const tampered = specimen[1].slice(0, 13) + '740813' + specimen[1].slice(19);
    const mrz = parseTd3(specimen[0], tampered);
    assert.equal(mrz.valid, false);
    assert.deepEqual(
      mrz.errors.map((e) => e.field),
      ['birthDateCheckDigit', 'compositeCheckDigit'],
    );
    assert.deepEqual(mrz.errors[0], { field: 'birthDateCheckDigit', expected: '3', found: '2' });
  });

  it('reports a line of the wrong length and a character that cannot be in an MRZ', () => {
    const mrz = parseTd3(specimen[0].slice(0, 40), specimen[1].replace('F', 'é'));
    assert.equal(mrz.valid, false);
    assert.ok(mrz.errors.some((e) => e.field === 'line1' && e.found === '40 characters'));
    assert.ok(mrz.errors.some((e) => e.field === 'line2' && /position 21/.test(e.found)));
  });

  it('accepts a filler check digit for empty optional data', () => {
    const line2 = 'L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<<';
    const composite = checkDigit(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43));
    const mrz = parseTd3(specimen[0], line2.slice(0, 43) + composite);
    assert.deepEqual(mrz.errors, []);
  });
});
