import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPhones } from './identifiers.js';
import { phones } from './phones.fixtures.js';

describe('international phone numbers', () => {
  const cases: [text: string, number: string, value: string][] = [
    ['Call +963 944 123 456 now.', '+963 944 123 456', '+963944123456'],
    ['Call +963944123456.', '+963944123456', '+963944123456'],
    ['رقمه +٩٦٣ ٩٤٤ ١٢٣ ٤٥٦', '+٩٦٣ ٩٤٤ ١٢٣ ٤٥٦', '+963944123456'],
    ['London desk: +44 (0)20 7946 0958.', '+44 (0)20 7946 0958', '+442079460958'],
    ['office (+963) 11-234-5678', '(+963) 11-234-5678', '+963112345678'],
    ['full-width ＋90 532 111 22 33', '＋90 532 111 22 33', '+905321112233'],
    ['Call 00963 944 123 456 tonight.', '00963 944 123 456', '+963944123456'],
    ['Call 00963944123456.', '00963944123456', '+963944123456'],
    ['Mobile: 0090 532 111 22 33', '0090 532 111 22 33', '+905321112233'],
  ];
  for (const [text, number, value] of cases) {
    it(`reads "${number}" as ${value}`, () => {
      assert.deepEqual(phones(text), [[number, value, 'pattern:phone']]);
    });
  }

  it('ends a number after a plus sign at its longest valid run: a year or a count after it is not its digits', () => {
    assert.deepEqual(phones('called +963 944 123 456 2019 times').map(([t]) => t), ['+963 944 123 456']);
  });

  it('keeps a number the numbering plan does not know but its country code allows, less sure', () => {
    const [found] = findPhones('He used +90 526 820 06 31 twice.');
    assert.deepEqual([found?.text, found?.value, found?.method], ['+90 526 820 06 31', '+905268200631', 'pattern:phone-unverified']);
    assert.ok(found!.confidence < 0.9);
  });

  it('reads the local number after an international one in the same run of digits', () => {
    assert.deepEqual(phones('Tel +963 944 111 222 0944 123 456', { country: 'SY' }).map(([, value]) => value), ['+963944111222', '+963944123456']);
  });

  const none: [what: string, text: string][] = [
    ['a plus sign inside a word or a sum', 'a+1 202 555 0123, C++ 11, x+963944123456'],
    ['too few digits for any number', 'up +12 or + 2019, +1234567'],
    ['"00" inside a code or a longer figure', 'INV-00963944123456 100963944123456 #00963944123456 $00963944123456'],
    ['"00" before what is no valid number', 'Ref 00123 4567 890, 00963 944 123 456 7'],
  ];
  for (const [what, text] of none) {
    it(`reads none in ${what}`, () => {
      assert.deepEqual(phones(text), []);
    });
  }
});
