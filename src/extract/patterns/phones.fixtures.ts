// For the phone tests: what the finders found, as a table to compare.
import assert from 'node:assert/strict';
import { findPhones, type PhoneOptions } from './identifiers.js';

/** [text, E.164, method] of every phone number found, checking that each text is exactly its offsets' slice. */
export function phones(text: string, options: PhoneOptions = {}): [string, string | undefined, string][] {
  return findPhones(text, options).map((m) => {
    assert.equal(text.slice(m.start, m.end), m.text);
    return [m.text, m.value, m.method];
  });
}
