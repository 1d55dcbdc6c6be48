// Identifiers found by pattern: phone numbers (libphonenumber-js), e-mail addresses and passport numbers in context.
import { searchPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import { parseTd3 } from '../../traveldocs/index.js';
import type { ExtractedMention } from '../mention.js';
import { findLocalPhones, givenPhoneCountry, inferPhoneCountry, type LocalPhoneCountry } from './local-phones.js';
import { withoutProseBrackets } from './phone-brackets.js';

// International numbers, written after a plus sign ("+" or the full-width "＋"), need no country. The matcher is
// handed only a window at each plus sign, not the text: elsewhere every year, date and sum would be a candidate
// that fails, each failure an error thrown and caught inside the library (whole lines of reports that name a number
// took a tenth of extraction's time). Local numbers ("0944 123 456") are read against the document's country by
// local-phones.ts, which hands the library only digit runs shaped like a phone number, for the same reason.
const plusSign = /[+\uFF0B]/g;
/**
 * What a window holds after its plus sign: the longest number (15 digits, E.164) written with a separator between
 * every digit and an extension ("ext. 12345") after it. A number still running at the window's end is read again
 * in the longer one.
 */
const windowAfterPlus = 64;
const longWindowAfterPlus = 256;

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
  for (const plus of text.matchAll(plusSign)) {
    if (plus.index < readTo) continue; // inside a number found already
    const found = numberAt(text, plus.index, windowAfterPlus);
    if (!found) continue;
    international.push(phoneMention(text, found.start, found.end, found.number));
    if (found.number.country && found.number.isValid()) countries.set(found.number.number, found.number.country);
    readTo = found.end;
  }
  const inferred = given ? null : inferPhoneCountry(countries.values());
  const country: LocalPhoneCountry | null = given ? { country: given, how: 'given' } : inferred ? { country: inferred, how: 'inferred' } : null;
  if (!country) return { international, local: [], country };
  const local: ExtractedMention[] = [];
  let i = 0;
  for (const m of findLocalPhones(text, country)) {
    while (i < international.length && international[i]!.end <= m.start) i++;
    if (i < international.length && international[i]!.start < m.end) continue; // digits of an international number
    local.push(m);
  }
  return { international, local, country };
}

/** Every phone number in the text, international and local, in text order (see findPhoneNumbers). */
export function findPhones(text: string, options: PhoneOptions = {}): ExtractedMention[] {
  const { international, local } = findPhoneNumbers(text, options);
  return [...international, ...local].sort((a, b) => a.start - b.start);
}

/** What phoneMention reads of the library's parsed number. */
type ParsedNumber = { isValid(): boolean; number: string; country?: CountryCode | undefined };
type Found = { start: number; end: number; number: ParsedNumber };

/**
 * The number that starts at the plus sign at `plus`, if any. The window starts a character early and never crosses
 * a line break (no number does): the library checks what stands before a number ("a+1 202…" is none) and
 * takes a bracket before the plus as the number's own ("(+963) 11 234 5678").
 */
function numberAt(text: string, plus: number, after: number): Found | undefined {
  const lineStart = text.lastIndexOf('\n', plus) + 1;
  let lineEnd = text.indexOf('\n', plus);
  if (lineEnd < 0) lineEnd = text.length;
  const start = Math.max(lineStart, plus - 1);
  const end = Math.min(lineEnd, plus + after);
  // One number at a time: the library's parsed numbers are large, and a line of 400,000 of them held at once took
  // half a gigabyte.
  for (const match of searchPhoneNumbersInText(text.slice(start, end))) {
    if (start + match.startsAt > plus) return undefined; // a later plus sign's number: read from its own window
    if (start + match.endsAt === end && end < lineEnd && after < longWindowAfterPlus) return numberAt(text, plus, longWindowAfterPlus);
    return { start: start + match.startsAt, end: start + match.endsAt, number: match.number };
  }
  return undefined;
}

function phoneMention(text: string, start: number, end: number, number: ParsedNumber): ExtractedMention {
  // libphonenumber keeps an opening bracket that belongs to the prose around the number.
  ({ start, end } = withoutProseBrackets(text, start, end));
  return {
    type: 'PHONE',
    text: text.slice(start, end),
    start,
    end,
    confidence: number.isValid() ? 0.95 : 0.7,
    method: 'pattern:phone',
    value: number.number,
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
