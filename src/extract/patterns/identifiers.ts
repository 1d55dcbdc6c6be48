// Identifiers found by pattern: phone numbers (libphonenumber-js), e-mail addresses and passport numbers in context.
import { findNumbers } from 'libphonenumber-js/max';
import type { ExtractedMention } from '../mention.js';

export function findPhones(text: string): ExtractedMention[] {
  // Without a country to assume, only international (+CC) numbers are recognised; local ones need the
  // document's country, which the extraction issue infers.
  return findNumbers(text, { v2: true }).map((found) => ({
    type: 'PHONE' as const,
    text: text.slice(found.startsAt, found.endsAt),
    start: found.startsAt,
    end: found.endsAt,
    confidence: found.number.isValid() ? 0.95 : 0.7,
    method: 'pattern:phone',
    value: found.number.number,
  }));
}

const email = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;

export function findEmails(text: string): ExtractedMention[] {
  return [...text.matchAll(email)].map((m) => ({
    type: 'EMAIL' as const,
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
    confidence: 0.95,
    method: 'pattern:email',
    value: m[0].toLowerCase(),
  }));
}

// "passport number N04318872", "Syrian passport no. 011234567", "travelling on Iraqi passport A7731905".
const passport = /\bpassports?\b(?:\s+(?:number|no\.?|num\.?|nr\.?|#))?\s*:?\s*((?=[A-Z0-9]*\d)[A-Z0-9]{6,9})\b/gi;

export function findPassportNumbers(text: string): ExtractedMention[] {
  const out: ExtractedMention[] = [];
  for (const m of text.matchAll(passport)) {
    const number = m[1]!;
    if (!/\d{4}/.test(number) || number !== number.toUpperCase()) continue;
    const start = m.index + m[0].length - number.length;
    out.push({ type: 'PASSPORT', text: number, start, end: start + number.length, confidence: 0.85, method: 'pattern:passport-context', value: number });
  }
  return out;
}
