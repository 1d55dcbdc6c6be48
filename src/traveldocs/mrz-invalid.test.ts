import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMrz } from './mrz.js';
import { overwrite, reading, specimens, today } from './mrz.fixtures.js';
import type { MrzFormat } from './mrz-layouts.js';

const fieldsOf = (errors: { field: string }[]) => errors.map((e) => e.field);

// Where each check digit stands (0-based line and index), read off the ICAO 9303 parts, independent of the layout tables.
const checkDigits: Record<MrzFormat, [string, number, number][]> = {
  TD3: [['documentNumber', 1, 9], ['birthDate', 1, 19], ['expiryDate', 1, 27], ['optionalData', 1, 42]],
  TD1: [['documentNumber', 0, 14], ['birthDate', 1, 6], ['expiryDate', 1, 14]],
  TD2: [['documentNumber', 1, 9], ['birthDate', 1, 19], ['expiryDate', 1, 27]],
  'MRV-A': [['documentNumber', 1, 9], ['birthDate', 1, 19], ['expiryDate', 1, 27]],
  'MRV-B': [['documentNumber', 1, 9], ['birthDate', 1, 19], ['expiryDate', 1, 27]],
};
const composites: Partial<Record<MrzFormat, [number, number]>> = { TD3: [1, 43], TD1: [1, 29], TD2: [1, 35] };

describe('a wrong check digit is named with what was expected and found', () => {
  for (const [format, positions] of Object.entries(checkDigits) as [MrzFormat, [string, number, number][]][]) {
    for (const [field, line, index] of positions) {
      it(`${format}: ${field}`, () => {
        const zone = specimens[format];
        const printed = zone[line]![index]!;
        const wrong = String((Number(printed) + 1) % 10);
        const mrz = parseMrz(overwrite(zone, line, index, wrong), { today });
        assert.equal(mrz.valid, false);
        // The composite covers the field check digits too, so it fails with them; visas have none.
        assert.deepEqual(fieldsOf(mrz.errors), composites[format] ? [`${field}CheckDigit`, 'compositeCheckDigit'] : [`${field}CheckDigit`]);
        assert.equal(mrz.errors[0]!.expected, printed);
        assert.equal(mrz.errors[0]!.found, wrong);
        assert.match(mrz.errors[0]!.message, new RegExp(`line ${line + 1}, position ${index + 1}`));
        assert.deepEqual(mrz.checks.find((c) => c.field === field), { field, expected: printed, found: wrong, ok: false });
      });
    }
  }

  for (const [format, [line, index]] of Object.entries(composites) as [MrzFormat, [number, number]][]) {
    it(`${format}: the composite alone`, () => {
      const zone = specimens[format];
      const mrz = parseMrz(overwrite(zone, line, index, String((Number(zone[line]![index]) + 3) % 10)));
      assert.deepEqual(fieldsOf(mrz.errors), ['compositeCheckDigit']);
    });
  }

  it('TD1: optional data on line 2 is guarded by the composite only', () => {
    const mrz = parseMrz(overwrite(specimens.TD1, 1, 20, 'B'));
    assert.deepEqual(fieldsOf(mrz.errors), ['compositeCheckDigit']);
    assert.equal(mrz.errors[0]!.found, '6');
    assert.notEqual(mrz.errors[0]!.expected, '6');
  });

  it('TD3: a filler as check digit of non-empty optional data is wrong', () => {
    const mrz = parseMrz(overwrite(specimens.TD3, 1, 42, '<'));
    assert.ok(fieldsOf(mrz.errors).includes('optionalDataCheckDigit'));
  });

  it('TD3: empty optional data may carry 0 or a filler as its check digit', () => {
    assert.deepEqual(parseMrz([specimens.TD3[0], 'L898902C36UTO7408122F1204159<<<<<<<<<<<<<<08']).errors, []);
    assert.deepEqual(parseMrz([specimens.TD3[0], 'L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<8']).errors, []);
  });
});

describe('field contents that the check digits cannot catch', () => {
  it('a month that does not exist, with correct check digits', () => {
    const mrz = parseMrz([specimens.TD3[0], 'L898902C36UTO7413128F1204159ZE184226B<<<<<10'], { today });
    assert.equal(mrz.valid, false);
    assert.deepEqual(mrz.errors.map((e) => [e.field, e.expected, e.found]), [['birthDate', 'a month 01–12', 'month 13']]);
    assert.ok(mrz.checks.every((c) => c.ok));
  });

  it('31 April as expiry date', () => {
    const mrz = reading(parseMrz([specimens.TD3[0], 'L898902C36UTO7408122F1204311ZE184226B<<<<<14'], { today }));
    assert.deepEqual(fieldsOf(mrz.errors), ['expiryDate']);
    assert.equal(mrz.errors[0]!.found, 'day 31');
    assert.equal(mrz.fields.expiryDate.value, null);
  });

  it('a sex other than M, F or <', () => {
    const mrz = reading(parseMrz(overwrite(specimens.TD3, 1, 20, 'Q')));
    assert.deepEqual(mrz.errors.map((e) => [e.field, e.found]), [['sex', '"Q"']]);
    assert.equal(mrz.fields.sex.value, null);
    assert.equal(reading(parseMrz(overwrite(specimens.TD1, 1, 7, '<'))).fields.sex.value, 'X');
  });

  it('a nationality that is no ISO or ICAO code', () => {
    const mrz = reading(parseMrz(overwrite(specimens.TD3, 1, 10, 'QQQ')));
    assert.deepEqual(fieldsOf(mrz.errors), ['nationality']);
    assert.equal(mrz.errors[0]!.found, '"QQQ"');
    assert.equal(mrz.fields.nationality.name, null);
  });

  it('an issuing state written with ISO alpha-2 instead of alpha-3', () => {
    const mrz = parseMrz(overwrite(specimens.TD2, 0, 2, 'GB<'));
    assert.deepEqual(fieldsOf(mrz.errors), ['issuingState']);
  });

  it("Germany's D followed by fillers is a valid code", () => {
    const mrz = reading(parseMrz(overwrite(specimens.TD1, 0, 2, 'D<<')));
    assert.deepEqual(mrz.errors, []);
    assert.deepEqual(mrz.fields.issuingState, { raw: 'D<<', value: 'D', name: 'Germany' });
  });

  it('a document code that does not belong to the format', () => {
    assert.deepEqual(fieldsOf(parseMrz(overwrite(specimens.TD3, 0, 0, 'Q')).errors), ['documentCode']);
    assert.deepEqual(fieldsOf(parseMrz(overwrite(specimens.TD1, 0, 0, 'P')).errors), ['documentCode']);
  });

  it('a digit in a name that no OCR confusion explains', () => {
    const mrz = parseMrz(overwrite(specimens.TD3, 0, 8, '3'));
    assert.deepEqual(fieldsOf(mrz.errors), ['names']);
  });

  it('an empty document number', () => {
    const mrz = parseMrz(overwrite(specimens['MRV-B'], 1, 0, '<<<<<<<<<0'));
    assert.deepEqual(fieldsOf(mrz.errors), ['documentNumber']);
  });
});

describe('structure', () => {
  it('a line a character short is read as the nearest format and reported', () => {
    const mrz = parseMrz([specimens.TD3[0], specimens.TD3[1].slice(0, 43)]);
    assert.equal(mrz.format, 'TD3');
    assert.equal(mrz.valid, false);
    assert.deepEqual(mrz.errors[0], {
      field: 'line2',
      expected: '44 characters (TD3, ICAO 9303-4 §4.2.2)',
      found: '43 characters',
      message: 'line 2: expected 44 characters for TD3, found 43',
    });
  });

  it('lines of no known length make an unrecognised zone, each line reported', () => {
    const mrz = parseMrz(['P<UTOERIKSSON', 'L898902C36UTO']);
    assert.equal(mrz.format, null);
    assert.equal(mrz.fields, null);
    assert.equal(mrz.valid, false);
    assert.deepEqual(fieldsOf(mrz.errors), ['line1', 'line2']);
    assert.match(mrz.errors[0]!.expected, /36 \(TD2, MRV-B\) or 44 \(TD3, MRV-A\)/);
  });

  it('lines of two different formats', () => {
    const mrz = parseMrz([specimens.TD3[0], specimens.TD2[1]]);
    assert.equal(mrz.format, null);
    assert.deepEqual(fieldsOf(mrz.errors), ['lines']);
  });

  it('a wrong number of lines, or nothing at all', () => {
    assert.deepEqual(parseMrz('HELLO').errors.map((e) => e.found), ['1 line']);
    assert.deepEqual(parseMrz([...specimens.TD1, specimens.TD1[0]]).errors.map((e) => e.found), ['4 lines']);
    assert.deepEqual(parseMrz('  \n ').errors.map((e) => e.found), ['no text']);
    assert.deepEqual(parseMrz([]).errors.map((e) => e.found), ['no text']);
  });

  it('characters that cannot be in an MRZ, by line and position', () => {
    const mrz = parseMrz(overwrite(specimens.TD3, 1, 20, 'é'));
    assert.equal(mrz.format, 'TD3');
    assert.deepEqual(mrz.errors.map((e) => [e.field, e.found]).slice(0, 1), [['line2', '"É" at position 21']]);
    assert.equal(mrz.valid, false);
  });

  it('never throws, whatever it is given', () => {
    // A seeded generator of zone-like junk: right and wrong lengths, MRZ and other characters.
    let seed = 9303;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = 'ABCOI0158<<<<<< -é\t';
    for (let i = 0; i < 300; i++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        Array.from({ length: [30, 36, 44, 10, 43][Math.floor(next() * 5)]! }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
      );
      const mrz = parseMrz(lines, { today });
      assert.equal(typeof mrz.valid, 'boolean');
      if (!mrz.valid) assert.ok(mrz.errors.length > 0, lines.join('\n'));
    }
  });
});
