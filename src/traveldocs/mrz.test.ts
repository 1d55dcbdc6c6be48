import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDigit } from './check-digit.js';
import { parseMrz } from './mrz.js';
import { reading, specimens, today } from './mrz.fixtures.js';

describe('check digits of the specimens, computed independently of the parser', () => {
  it('holds for every checked field of the TD3 passport', () => {
    const l = specimens.TD3[1];
    assert.deepEqual(
      [checkDigit('L898902C3'), checkDigit('740812'), checkDigit('120415'), checkDigit('ZE184226B<<<<<'), checkDigit(l.slice(0, 10) + l.slice(13, 20) + l.slice(21, 43))],
      ['6', '2', '9', '1', '0'],
    );
  });

  it('holds for the TD1 card, whose composite spans two lines', () => {
    const [l1, l2] = specimens.TD1;
    assert.deepEqual([checkDigit('D23145890'), checkDigit(l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29))], ['7', '6']);
  });

  it('holds for the TD2 composite and the visa document number and dates', () => {
    const l = specimens.TD2[1];
    assert.equal(checkDigit(l.slice(0, 10) + l.slice(13, 20) + l.slice(21, 35)), '6');
    assert.deepEqual([checkDigit('L8988901C'), checkDigit('400907'), checkDigit('961210')], ['4', '8', '9']);
  });
});

describe('ICAO 9303 specimen documents', () => {
  it('reads the TD3 passport: every field, every check digit, valid', () => {
    const mrz = reading(parseMrz([...specimens.TD3], { today }));
    assert.equal(mrz.format, 'TD3');
    assert.deepEqual(mrz.errors, []);
    assert.equal(mrz.valid, true);
    const f = mrz.fields;
    assert.deepEqual(f.documentCode, { raw: 'P<', value: 'P' });
    assert.deepEqual(f.issuingState, { raw: 'UTO', value: 'UTO', name: 'Utopia' });
    assert.deepEqual(f.names.value, { primary: 'ERIKSSON', secondary: 'ANNA MARIA', primaryParts: ['ERIKSSON'], secondaryParts: ['ANNA', 'MARIA'], possiblyTruncated: false });
    assert.deepEqual(f.documentNumber, { raw: 'L898902C3', value: 'L898902C3' });
    assert.equal(f.nationality.value, 'UTO');
    assert.deepEqual(f.birthDate, { raw: '740812', value: '1974-08-12' });
    assert.deepEqual(f.sex, { raw: 'F', value: 'F' });
    assert.deepEqual(f.expiryDate, { raw: '120415', value: '2012-04-15' });
    assert.deepEqual(f.optionalData, { raw: 'ZE184226B<<<<<', value: 'ZE184226B' });
    assert.deepEqual(
      mrz.checks.map((c) => [c.field, c.expected, c.found, c.ok]),
      [
        ['documentNumber', '6', '6', true],
        ['birthDate', '2', '2', true],
        ['expiryDate', '9', '9', true],
        ['optionalData', '1', '1', true],
        ['composite', '0', '0', true],
      ],
    );
  });

  it('reads the TD1 identity card with its names on line 3 and two optional-data fields', () => {
    const mrz = reading(parseMrz([...specimens.TD1], { today }));
    assert.equal(mrz.format, 'TD1');
    assert.deepEqual(mrz.errors, []);
    assert.equal(mrz.fields.documentCode.value, 'I');
    assert.equal(mrz.fields.documentNumber.value, 'D23145890');
    assert.equal(mrz.fields.names.value.primary, 'ERIKSSON');
    assert.equal(mrz.fields.names.value.secondary, 'ANNA MARIA');
    assert.equal(mrz.fields.birthDate.value, '1974-08-12');
    assert.equal(mrz.fields.expiryDate.value, '2012-04-15');
    assert.equal(mrz.fields.optionalData.value, null);
    assert.deepEqual(mrz.fields.optionalData2, { raw: '<<<<<<<<<<<', value: null });
    assert.deepEqual(mrz.checks.map((c) => `${c.field}:${c.found}`), ['documentNumber:7', 'birthDate:2', 'expiryDate:9', 'composite:6']);
  });

  it('reads the TD2 document', () => {
    const mrz = reading(parseMrz([...specimens.TD2], { today }));
    assert.equal(mrz.format, 'TD2');
    assert.deepEqual(mrz.errors, []);
    assert.equal(mrz.fields.documentNumber.value, 'D23145890');
    assert.equal(mrz.fields.sex.value, 'F');
    assert.equal(mrz.fields.nationality.name, 'Utopia');
    assert.deepEqual(mrz.checks.map((c) => `${c.field}:${c.found}`), ['documentNumber:7', 'birthDate:2', 'expiryDate:9', 'composite:6']);
  });

  it('reads the MRV-A visa, which has no composite check digit', () => {
    const mrz = reading(parseMrz([...specimens['MRV-A']], { today }));
    assert.equal(mrz.format, 'MRV-A');
    assert.deepEqual(mrz.errors, []);
    assert.equal(mrz.fields.documentCode.value, 'V');
    assert.equal(mrz.fields.documentNumber.value, 'L8988901C');
    assert.deepEqual(mrz.fields.nationality, { raw: 'XXX', value: 'XXX', name: 'Person of unspecified nationality' });
    assert.equal(mrz.fields.birthDate.value, '1940-09-07');
    assert.equal(mrz.fields.expiryDate.value, '1996-12-10');
    assert.equal(mrz.fields.optionalData.value, '6ZE184226B');
    assert.deepEqual(mrz.checks.map((c) => c.field), ['documentNumber', 'birthDate', 'expiryDate']);
  });

  it('reads the MRV-B visa with its eight characters of optional data', () => {
    const mrz = reading(parseMrz([...specimens['MRV-B']], { today }));
    assert.equal(mrz.format, 'MRV-B');
    assert.deepEqual(mrz.errors, []);
    assert.deepEqual(mrz.fields.optionalData, { raw: '<<<<<<<<', value: null });
    assert.equal(mrz.fields.names.value.secondary, 'ANNA MARIA');
    assert.equal(mrz.checks.some((c) => c.field === 'composite'), false);
  });
});

describe('document numbers longer than nine characters (ICAO 9303-5 / 9303-6 §4.2.4)', () => {
  // D23145890AB112: check digit 4 over all 14 characters, carried after "AB112" in the optional data.
  const td1Long = ['I<UTOD23145890<AB1124<ZZ9<<<<<', '7408122F1204159UTO<<<<<<<<<<<5', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];

  it('joins the TD1 number from its field and the optional data, and keeps the rest as optional data', () => {
    const mrz = reading(parseMrz(td1Long, { today }));
    assert.deepEqual(mrz.errors, []);
    assert.equal(mrz.fields.documentNumber.value, 'D23145890AB112');
    assert.equal(mrz.fields.optionalData.value, 'ZZ9');
    assert.deepEqual(mrz.checks[0], { field: 'documentNumber', expected: '4', found: '4', ok: true });
  });

  it('checks the long number over all its characters', () => {
    const mrz = parseMrz([td1Long[0]!.replace('AB1124', 'AB1134'), ...td1Long.slice(1)], { today });
    assert.equal(mrz.valid, false);
    assert.ok(mrz.errors.some((e) => e.field === 'documentNumberCheckDigit' && e.found === '4'));
  });

  it('joins a TD2 long number the same way', () => {
    const mrz = reading(parseMrz(['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D23145890<UTO7408122F1204159AB11<<<8'], { today }));
    assert.deepEqual(mrz.errors, []);
    assert.equal(mrz.fields.documentNumber.value, 'D23145890AB1');
    assert.equal(mrz.fields.optionalData.value, null);
  });
});

describe('input as scanners and people give it', () => {
  it('takes one string with the lines separated by newlines (CRLF too)', () => {
    assert.equal(parseMrz(specimens.TD3.join('\n')).valid, true);
    assert.equal(parseMrz(specimens.TD1.join('\r\n') + '\r\n').valid, true);
  });

  it('tolerates lower case, surrounding whitespace and blank lines', () => {
    const mrz = reading(parseMrz(`\n  ${specimens.TD2[0].toLowerCase()}  \n\n\t${specimens.TD2[1]} \n`));
    assert.equal(mrz.valid, true);
    assert.equal(mrz.fields.names.value.primary, 'ERIKSSON');
  });

  it('cuts a zone pasted as one run of characters into its lines', () => {
    assert.equal(parseMrz(specimens.TD1.join('')).format, 'TD1');
    assert.equal(parseMrz(specimens.TD3.join('')).valid, true);
  });

  it('drops spaces inside a line and says so', () => {
    const mrz = parseMrz([specimens.TD3[0], specimens.TD3[1].slice(0, 10) + ' ' + specimens.TD3[1].slice(10)]);
    assert.equal(mrz.valid, true);
    assert.deepEqual(mrz.warnings.map((w) => w.field), ['line2']);
  });

  it('splits multi-part names into their components', () => {
    const mrz = reading(parseMrz(['P<UTOVAN<DER<BERG<<JAN<PIETER'.padEnd(44, '<'), specimens.TD3[1]]));
    assert.deepEqual(mrz.fields.names.value.primaryParts, ['VAN', 'DER', 'BERG']);
    assert.equal(mrz.fields.names.value.primary, 'VAN DER BERG');
    assert.equal(mrz.fields.names.value.secondary, 'JAN PIETER');
  });

  it('flags a name that fills its whole field as possibly truncated', () => {
    const mrz = reading(parseMrz(['P<UTOWOLFESCHLEGELSTEINHAUSEN<<HUBERTUS<BLAI', specimens.TD3[1]]));
    assert.equal(mrz.fields.names.value.possiblyTruncated, true);
    assert.equal(mrz.valid, true);
  });
});
