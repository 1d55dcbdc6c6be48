import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMrz } from './mrz.js';
import { overwrite, reading, specimens, today } from './mrz.fixtures.js';
import { checkDigit } from './check-digit.js';
import { confusableReadings } from './mrz-ocr.js';

describe('OCR confusions in alphanumeric fields, settled by the check digit', () => {
  it('reads O as 0 in a passport number when only that reading passes its check digit', () => {
    const mrz = reading(parseMrz(overwrite(specimens.TD3, 1, 5, 'O'), { today }));
    assert.equal(mrz.valid, true);
    assert.deepEqual(mrz.fields.documentNumber, { raw: 'L8989O2C3', value: 'L898902C3' });
    assert.deepEqual(mrz.warnings.map((w) => [w.field, w.found, w.corrected]), [['documentNumber', 'L8989O2C3', 'L898902C3']]);
    assert.equal(mrz.lines[1], specimens.TD3[1]);
  });

  it('reads B as 8 between digits', () => {
    const mrz = reading(parseMrz(overwrite(specimens.TD3, 1, 3, 'B')));
    assert.equal(mrz.valid, true);
    assert.equal(mrz.fields.documentNumber.value, 'L898902C3');
  });

  it('settles a visa number, which has no composite, the same way', () => {
    const mrz = reading(parseMrz(overwrite(specimens['MRV-A'], 1, 6, 'O')));
    assert.equal(mrz.valid, true);
    assert.equal(mrz.fields.documentNumber.value, 'L8988901C');
    assert.equal(mrz.warnings[0]!.field, 'documentNumber');
  });

  it('corrects the optional data of a passport', () => {
    const mrz = reading(parseMrz(overwrite(specimens.TD3, 1, 31, 'B')));
    assert.equal(mrz.valid, true);
    assert.equal(mrz.fields.optionalData.value, 'ZE184226B');
    assert.deepEqual(mrz.warnings.map((w) => w.field), ['optionalData']);
  });

  it('leaves a swap its neighbours do not support as an error, with no correction', () => {
    // "LB98902C3": B next to the letter L could as well be a B.
    const mrz = parseMrz(overwrite(specimens.TD3, 1, 1, 'B'));
    assert.equal(mrz.valid, false);
    assert.deepEqual(mrz.warnings, []);
    assert.ok(mrz.errors.some((e) => e.field === 'documentNumberCheckDigit'));
  });

  it('does not invent a reading for a character that is no known confusion', () => {
    const mrz = parseMrz(overwrite(specimens.TD3, 1, 4, 'O')); // 9 read as O: no reading of O gives 9
    assert.equal(mrz.valid, false);
    assert.deepEqual(mrz.warnings, []);
  });

  it('lists the fewest-swap readings that pass a check', () => {
    assert.deepEqual(confusableReadings('L8989O2C3', (c) => checkDigit(c) === '6'), ['L898902C3']);
    assert.deepEqual(confusableReadings('L898902C3', () => false), []);
  });
});

describe('OCR confusions in fields of one character class', () => {
  it('undoes letters in dates and check digits and digits in codes and names, with a warning each', () => {
    const zone = ['P<UT0ER1KSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C3GUTO74O8122F12O4159ZE184226B<<<<<1O'];
    const mrz = reading(parseMrz(zone, { today }));
    assert.deepEqual(mrz.errors, []);
    assert.equal(mrz.valid, true);
    assert.deepEqual(
      mrz.warnings.map((w) => [w.field, w.found, w.corrected]),
      [
        ['issuingState', 'UT0', 'UTO'],
        ['names', 'ER1KSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<'],
        ['birthDate', '74O812', '740812'],
        ['expiryDate', '12O415', '120415'],
        ['documentNumberCheckDigit', 'G', '6'],
        ['compositeCheckDigit', 'O', '0'],
      ],
    );
    assert.equal(mrz.fields.names.value.primary, 'ERIKSSON');
    assert.deepEqual(mrz.fields.birthDate, { raw: '74O812', value: '1974-08-12' });
  });

  it('still holds a corrected date to its check digit', () => {
    const mrz = parseMrz(overwrite(specimens.TD3, 1, 13, 'Z'), { today }); // "Z40812": 2 for 7 is no OCR slip
    assert.equal(mrz.valid, false);
    assert.ok(mrz.warnings.some((w) => w.field === 'birthDate' && w.corrected === '240812'));
    assert.ok(mrz.errors.some((e) => e.field === 'birthDateCheckDigit'));
  });

  it('reads 1 as I in the document code of an identity card', () => {
    const mrz = reading(parseMrz(overwrite(specimens.TD1, 0, 0, '1')));
    assert.equal(mrz.format, 'TD1');
    assert.equal(mrz.fields.documentCode.value, 'I');
    assert.deepEqual(mrz.warnings.map((w) => w.field), ['documentCode']);
  });
});
