// Identifiers found by pattern: phone numbers (libphonenumber-js), e-mail addresses and passport numbers in context.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { parseTd3 } from '../../traveldocs/index.js';
import type { ExtractedMention } from '../mention.js';
import { findLocalPhones, givenPhoneCountry, inferPhoneCountry, type LocalPhoneCountry } from './local-phones.js';
import { asciiDigits, joins, withOwnBrackets } from './phone-text.js';

// International numbers need no country: written after a plus sign ("+963 944 123 456", the full-width "＋" too) or
// dialled with the international prefix "00" ("00963 944 123 456", as the region writes them). We read the digit
// groups after the prefix ourselves and hand the library only those, longest first, one parse each: its own text
// matcher, given a window at each plus sign, tried every sub-run of a number that is not valid, each failure an error
// thrown and caught inside it (a tenth of extraction's time on reports full of numbers). Local numbers
// ("0944 123 456") are read against the document's country by local-phones.ts.
//  - After a plus sign, the longest run of groups the library says is valid, else the longest it says is possible
//    (the right length for its country code): a number the numbering plan does not know yet, an old allocation, a
//    typing slip; it is still the link between the documents that write it, so it is kept, less sure.
//  - After "00", only a valid number that takes the whole run: "00" also starts invoice and account numbers.
const internationalPrefix = /[+\uFF0B]|(?<![\p{L}\p{N}\p{Sc}.,/#_-])00(?=[1-9])/gu;
const digitsAt = /[0-9\u0660-\u0669\u06F0-\u06F9]+/y;
const isDigit = (c: string | undefined) => c !== undefined && /[0-9\u0660-\u0669\u06F0-\u06F9]/.test(c);
/** E.164's 15 digits and a trunk prefix some write in brackets ("+44 (0)20 …"). */
const maxDigits = 17;
const minDigits = 7;
const maxGroups = 8;

export interface PhoneOptions {
  /**
   * The document's country (ISO 3166-1 alpha-2, "SY") its local numbers are read in. Absent or null: the country
   * most of its valid international numbers belong to, and no local numbers when there is no such country.
   */
  country?: string | null;
}

export interface PhonesFound {
  /** Numbers written after a plus sign. */
  international: ExtractedMention[];
  /** National-format numbers valid in `country`, none inside an international one. */
  local: ExtractedMention[];
  /** The country local numbers were read in, and how it was chosen; null when none was given or could be inferred. */
  country: LocalPhoneCountry | null;
}

/** International and local phone numbers, each list in text order; throws VigilError when `country` is no known code. */
export function findPhoneNumbers(text: string, options: PhoneOptions = {}): PhonesFound {
  const given = givenPhoneCountry(options.country);
  const international: ExtractedMention[] = [];
  const countries = new Map<string, CountryCode>(); // of each distinct valid number
  let readTo = -1;
  for (const prefix of text.matchAll(internationalPrefix)) {
    if (prefix.index < readTo) continue; // inside a number found already
    const found = numberAfter(text, prefix.index, prefix[0] === '00');
    if (!found) continue;
    international.push(phoneMention(text, found));
    if (found.valid && found.country) countries.set(found.value, found.country);
    readTo = found.end;
  }
  const inferred = given ? null : inferPhoneCountry(countries.values());
  const country: LocalPhoneCountry | null = given ? { country: given, how: 'given' } : inferred ? { country: inferred, how: 'inferred' } : null;
  if (!country) return { international, local: [], country };
  const local = findLocalPhones(text, country, international);
  return { international, local, country };
}

/** Every phone number in the text, international and local, in text order (see findPhoneNumbers). */
export function findPhones(text: string, options: PhoneOptions = {}): ExtractedMention[] {
  const { international, local } = findPhoneNumbers(text, options);
  return [...international, ...local].sort((a, b) => a.start - b.start);
}

interface Found {
  start: number;
  end: number;
  /** E.164. */
  value: string;
  valid: boolean;
  country: CountryCode | undefined;
}

/**
 * The number whose international prefix starts at `at`, if any. Nothing of a word may touch a plus sign ("a+1 202…",
 * "C++"), a number may ("+963 944 123 456+963 944 123 457"); digit groups follow it joined as local-phones.ts joins them, and the longest run the library accepts is
 * the number (see the rules above).
 */
function numberAfter(text: string, at: number, dialled: boolean): Found | undefined {
  if (!dialled && at > 0 && /\p{L}/u.test(text[at - 1]!)) return undefined;
  const digitsStart = at + (dialled ? 2 : 1);
  const ends: number[] = [];
  let digits = dialled ? 2 : 0;
  for (let from = digitsStart; ends.length < maxGroups; ) {
    digitsAt.lastIndex = from;
    const group = digitsAt.exec(text);
    if (!group) break;
    digits += group[0].length;
    if (digits > maxDigits) break;
    const end = from + group[0].length;
    ends.push(end);
    const gap = [1, 2].find((n) => isDigit(text[end + n]) && joins(text, end, end + n));
    if (gap === undefined) break;
    from = end + gap;
  }
  let possible: Found | undefined;
  for (let k = ends.length - 1; k >= 0; k--) {
    const end = ends[k]!;
    const written = text.slice(digitsStart, end);
    if (asciiDigits(written).replace(/\D/g, '').length < minDigits) break;
    const parsed = parsePhoneNumberFromString(`+${written}`);
    if (!parsed) continue;
    const found = { start: at, end, value: parsed.number, valid: parsed.isValid(), country: parsed.country };
    if (dialled) return found.valid && k === ends.length - 1 ? found : undefined;
    if (found.valid) return found;
    if (!possible && parsed.isPossible()) possible = found;
  }
  return possible;
}

function phoneMention(text: string, found: Found): ExtractedMention {
  // A bracket at an edge is the number's own when it closes one inside: "(+963) 11 234 5678", not "(+90 532 111 2233)".
  const { start, end } = withOwnBrackets(text, found.start, found.end);
  return {
    type: 'PHONE',
    text: text.slice(start, end),
    start,
    end,
    confidence: found.valid ? 0.95 : 0.7,
    method: found.valid ? 'pattern:phone' : 'pattern:phone-unverified',
    value: found.value,
  };
}

// Parts bounded by RFC 5321 §4.5.3.1 (local part 64 octets, domain 255) and RFC 1034 §3.1 (a label 63): unbounded,
// a long run of letters and dots with no "@" after it ("a.a.a.…") was read again from every position, quadratic.
const email = /\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,63}\b/g;

export function findEmails(text: string): ExtractedMention[] {
  if (!text.includes('@')) return [];
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
const passport = /\bpassports?\b(?:\s+(?:number|no\.?|num\.?|nr\.?|#))?\s*:?\s*((?=[A-Z0-9]{0,8}\d)[A-Z0-9]{6,9})\b/gi;

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

// Two consecutive 44-character lines of MRZ characters, the first starting with P: a passport's TD3 zone.
const td3Zone = /^[ \t]*(P[A-Z0-9<]{43})[ \t]*\n[ \t]*([A-Z0-9<]{44})[ \t]*$/gm;

/** Passport numbers read from machine-readable zones pasted into documents (ICAO 9303 TD3). */
export function findMrzPassports(text: string): ExtractedMention[] {
  const out: ExtractedMention[] = [];
  for (const m of text.matchAll(td3Zone)) {
    const mrz = parseTd3(m[1]!, m[2]!);
    if (!mrz.documentNumber) continue;
    const start = m.index + m[0].indexOf(m[2]!);
    out.push({
      type: 'PASSPORT',
      text: mrz.documentNumber,
      start,
      end: start + mrz.documentNumber.length,
      // Check digits that hold make a misread all but impossible; ones that fail still say "a passport was here".
      confidence: mrz.valid ? 0.99 : 0.6,
      method: mrz.valid ? 'pattern:mrz' : 'pattern:mrz-unverified',
      value: mrz.documentNumber,
    });
  }
  return out;
}
