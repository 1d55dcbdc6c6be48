import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../../errors.js';
import { findPhoneNumbers, findPhones } from './identifiers.js';
import { phones } from './phones.fixtures.js';

const local = 'pattern:phone-local';
const inferred = 'pattern:phone-local-inferred';

describe('local phone numbers in the country the caller gives', () => {
  const cases: [country: string, text: string, number: string, value: string][] = [
    ['SY', 'Call 0944 123 456 after dark.', '0944 123 456', '+963944123456'],
    ['SY', 'Tel: 011 234 5678 (office).', '011 234 5678', '+963112345678'],
    ['SY', 'Mobile 0944-123-456.', '0944-123-456', '+963944123456'],
    ['SY', 'new number 0944.123.456', '0944.123.456', '+963944123456'],
    ['SY', 'رقم الهاتف: ٠٩٤٤ ١٢٣ ٤٥٦', '٠٩٤٤ ١٢٣ ٤٥٦', '+963944123456'],
    ['IQ', 'He answered on 0770 123 4567.', '0770 123 4567', '+9647701234567'],
    ['IQ', 'The office, (01) 234 5678, was closed.', '(01) 234 5678', '+96412345678'],
    ['TR', 'Cep: 0532 111 22 33', '0532 111 22 33', '+905321112233'],
    ['TR', 'or 0 (532) 111 22 33 at night', '0 (532) 111 22 33', '+905321112233'],
    ['GB', 'Ring (020) 7946-0958 today.', '(020) 7946-0958', '+442079460958'],
    ['GB', 'Ring 020 7946 0958 today.', '020 7946 0958', '+442079460958'],
    ['gb', 'his mobile, 07911 123456.', '07911 123456', '+447911123456'],
  ];
  for (const [country, text, number, value] of cases) {
    it(`reads "${number}" in ${country} as ${value}`, () => {
      assert.deepEqual(phones(text, { country }), [[number, value, local]]);
    });
  }

  it('leaves the prose brackets around a number out of it', () => {
    assert.deepEqual(phones('His number (0944 123 456) changed.', { country: 'SY' }), [['0944 123 456', '+963944123456', local]]);
  });

  it('reads a number without the trunk prefix only after a phone word', () => {
    assert.deepEqual(phones('tel. 944 123 456', { country: 'SY' }), [['944 123 456', '+963944123456', local]]);
    assert.deepEqual(phones('واتساب 944123456', { country: 'SY' }), [['944123456', '+963944123456', local]]);
    // Valid Syrian numbers too, but without a phone word they are as likely a figure.
    assert.deepEqual(phones('he sent 944 123 456 and 12345678 more', { country: 'SY' }), []);
  });

  it('reads nothing in a number that is not valid there', () => {
    assert.deepEqual(phones('Call 0944 123 456.', { country: 'TR' }), []);
    assert.deepEqual(phones('Call 0770 123 4567.', { country: 'SY' }), []);
  });

  it('reads every number of a list of them on one line, and none of a run that goes on past them', () => {
    const list = 'Numbers: 0944 123 456 0944 123 457 0955 000 111.';
    assert.deepEqual(phones(list, { country: 'SY' }).map(([, value]) => value), ['+963944123456', '+963944123457', '+963955000111']);
    // A group left over beside a number makes it a longer figure: "12 0944 123 456", "0944 123 458 78".
    assert.deepEqual(phones('see 12 0944 123 456; 0944 123 457 0944 123 458 78', { country: 'SY' }).map(([, value]) => value), ['+963944123457']);
  });
});

describe('what is not a local phone number', () => {
  const cases: [what: string, text: string][] = [
    ['a year range', 'Between 2014-2017 he was in Raqqa; call logs 2014 - 2017.'],
    ['a date', 'He left on 01.02.2019 or 01-02-2019.'],
    ['a sum', 'He paid $0944123456, SYP 2 000 000 and 1.000.000 lira.'],
    ['an invoice or account number', 'Invoice 0944123456; account no. 0944 123 456; رقم الفاتورة 0944123456'],
    ['a passport number', 'Syrian passport 011234567, passport no. 0944123456'],
    ['digits inside a code or a word', 'INV-0944123456 x0944123456 0944123456kg 3.0944123456 0944123456/2 #0944123456'],
    ['a run longer than any number', '09441234560944123456, 0944 123 456 7, 0944 123 456 0944 1'],
  ];
  for (const [what, text] of cases) {
    it(`reads none in ${what}`, () => {
      assert.deepEqual(phones(text, { country: 'SY' }), []);
    });
  }
});

describe('the country local numbers are read in', () => {
  it('is inferred from the country most of the document’s international numbers belong to', () => {
    const text = 'Abu Omar used +963 944 111 222 and +963 11 234 5678, then +90 532 111 2233. His brother: 0944 123 456.';
    assert.deepEqual(findPhoneNumbers(text).country, { country: 'SY', how: 'inferred' });
    assert.deepEqual(phones(text).slice(-1), [['0944 123 456', '+963944123456', inferred]]);
  });

  it('counts each distinct number once: a number repeated down a call log is one vote', () => {
    const log = 'Called +90 532 111 2233, +90 532 111 2233, +90 532 111 2233; +963 944 111 222 and +963 944 111 333. Home: 0944 123 456.';
    assert.deepEqual(findPhoneNumbers(log).country, { country: 'SY', how: 'inferred' });
  });

  it('is none when the document has no international number, or as many of one country as of another', () => {
    assert.deepEqual(phones('His brother: 0944 123 456.'), []);
    const tied = 'He used +963 944 111 222 and +90 532 111 2233. His brother: 0944 123 456.';
    assert.equal(findPhoneNumbers(tied).country, null);
    assert.deepEqual(phones(tied).map(([number]) => number), ['+963 944 111 222', '+90 532 111 2233']);
  });

  it('is the one the caller gives over the one the document suggests', () => {
    const text = 'He used +963 944 111 222 and +963 944 111 333. His brother in Iraq: 0770 123 4567, not 0944 123 456.';
    assert.deepEqual(phones(text, { country: 'IQ' }).slice(2), [['0770 123 4567', '+9647701234567', local]]);
    assert.deepEqual(phones(text).slice(2), [['0944 123 456', '+963944123456', inferred]]);
  });

  it('gives a local number next to an international one the same value when they are the same number', () => {
    const text = 'Call +963 944 123 456 or 0944 123 456.';
    assert.deepEqual(phones(text, { country: 'SY' }), [
      ['+963 944 123 456', '+963944123456', 'pattern:phone'],
      ['0944 123 456', '+963944123456', local],
    ]);
  });

  it('never reads the digits of an international number as a local one', () => {
    assert.deepEqual(phones('tel +963 944 123 456', { country: 'SY' }), [['+963 944 123 456', '+963944123456', 'pattern:phone']]);
  });

  it('is an error that names a code libphonenumber does not know, and nothing when empty', () => {
    for (const country of ['Syria', 'SYR', 'XX']) {
      assert.throws(
        () => findPhones('Call 0944 123 456.', { country }),
        (error: unknown) => error instanceof VigilError && error.kind === 'input' && error.code === 'extract.unknown-country' && error.message.includes(`"${country}"`),
      );
    }
    assert.deepEqual(phones('Call 0944 123 456.', { country: '' }), []);
    assert.deepEqual(phones('Call 0944 123 456.', { country: null }), []);
  });
});
