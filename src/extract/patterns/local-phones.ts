// Local phone numbers, written in a country's national format ("0944 123 456" in a Syrian document), read against
// the document's country and given as E.164 like international ones. Precision before recall: analysts link people
// by phone number, and a year range or an invoice number read as one is a false link. So a local number is kept only
//  - when libphonenumber says it is valid for the country (its own validity, not a length check of ours);
//  - when it is written as phones are: digit groups joined by single spaces, dashes, dots or brackets, the whole
//    group sequence (a number never ends or starts inside a group), and nothing of letters, digits, currency signs,
//    "+", "#" or "/" touching it;
//  - when it starts with the country's trunk prefix ("0" in SY, IQ, TR, GB), or else a phone word stands within a few
//    words before it ("Tel.", "mobile", "whatsapp", "هاتف", "جوال": a bare "12345678" is a valid Syrian fixed line, and
//    also any eight-digit figure); and the nearest cue word before it is not one of an identifier ("invoice",
//    "account", "passport", "فاتورة", "حساب"); the Arabic "رقم" and the English "number" are neither, as they precede both;
//  - when the digit groups next to it in the same run are themselves a number: "0944 123 456 78" is some longer figure.
// Dates, sums and identifiers found by the other finders win over a local number (extract-mentions.ts); so do
// international numbers. Not read: numbers dialled with an international prefix ("00963 …") and ones cut by slashes.
import { getExampleNumber, isSupportedCountry, Metadata, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/mobile/examples';
import { VigilError } from '../../errors.js';
import type { ExtractedMention } from '../mention.js';
import { asciiDigits, digitRun, joins, withOwnBrackets } from './phone-text.js';

/** The country local numbers are read against, and how it was chosen (the mention's method says which). */
export interface LocalPhoneCountry {
  country: CountryCode;
  /** `given`: by the caller (ExtractOptions.country); `inferred`: the most common country of the document's international numbers. */
  how: 'given' | 'inferred';
}

/**
 * The caller's country (ISO 3166-1 alpha-2, any case), checked: a code libphonenumber does not know would silently
 * read no local numbers at all, so it is an error that names it. Empty or absent: none given.
 */
export function givenPhoneCountry(given: string | null | undefined): CountryCode | null {
  if (given === undefined || given === null || given.trim() === '') return null;
  const code = given.trim().toUpperCase();
  if (!isSupportedCountry(code)) {
    throw new VigilError('input', 'extract.unknown-country', `country "${given}" is not an ISO 3166-1 alpha-2 code with a telephone numbering plan (e.g. "SY", "IQ", "TR", "GB")`);
  }
  return code;
}

/**
 * The country a document's local numbers are read in when the caller gave none: the one most of its distinct valid
 * international numbers belong to (+963 … → SY; a number repeated down a call log counts once), and none on a tie
 * or without any: a wrong country makes wrong numbers, so a document that names as many Syrian numbers as Turkish
 * ones gets no local ones.
 */
export function inferPhoneCountry(countries: Iterable<CountryCode>): CountryCode | null {
  const counts = new Map<CountryCode, number>();
  for (const country of countries) counts.set(country, (counts.get(country) ?? 0) + 1);
  let best: CountryCode | null = null;
  let bestCount = 0;
  let tied = false;
  for (const [country, count] of counts) {
    if (count > bestCount) [best, bestCount, tied] = [country, count, false];
    else if (count === bestCount) tied = true;
  }
  return tied ? null : best;
}

/** What the finder needs of a country's numbering plan. */
interface NumberingPlan {
  country: CountryCode;
  callingCode: string;
  /** The trunk prefix as national format writes it ("0"), from the library's example number; "" where it writes none (US). */
  trunk: string;
  /** Possible lengths of a national significant number (libphonenumber metadata). */
  lengths: ReadonlySet<number>;
}

const plans = new Map<CountryCode, NumberingPlan>();

function numberingPlan(country: CountryCode): NumberingPlan {
  let plan = plans.get(country);
  if (plan) return plan;
  const metadata = new Metadata();
  metadata.selectNumberingPlan(country);
  const example = getExampleNumber(country, mobileExamples);
  const written = example ? asciiDigits(example.formatNational()).replace(/\D/g, '') : '';
  const trunk = example && written.endsWith(example.nationalNumber) ? written.slice(0, written.length - example.nationalNumber.length) : '';
  plan = {
    country,
    callingCode: example?.countryCallingCode ?? '',
    trunk,
    lengths: new Set(metadata.numberingPlan?.possibleLengths() ?? []),
  };
  plans.set(country, plan);
  return plan;
}

/** E.164 allows 15 digits with the country code; a trunk prefix adds at most two. Longer runs are other figures. */
const maxDigits = 17;
const minDigits = 7;
/** "0 532 111 22 33" has five groups; a number never has more than six, nor a group of one digit after its first. */
const maxGroups = 6;

interface DigitGroup {
  start: number;
  end: number;
  /** ASCII digits; empty when the group is longer than any number (the group itself is then never read). */
  digits: string;
  /** Joined to the group before it by a single separator: the same run. */
  joined: boolean;
}

/**
 * The digit groups of `text` outside the `skip` spans (sorted, not overlapping: the international numbers, whose
 * digits are never a local number's); the group after a skipped span starts a run of its own.
 */
function* digitGroups(text: string, skip: readonly { start: number; end: number }[]): Generator<DigitGroup> {
  let previousEnd = -1;
  let s = 0;
  for (const m of text.matchAll(digitRun)) {
    const start = m.index;
    const end = start + m[0].length;
    while (s < skip.length && skip[s]!.end <= start) s++;
    if (s < skip.length && skip[s]!.start < end) {
      previousEnd = -1;
      continue;
    }
    const joined = previousEnd >= 0 && joins(text, previousEnd, start);
    previousEnd = end;
    yield { start, end, digits: m[0].length <= maxDigits ? asciiDigits(m[0]) : '', joined };
  }
}

// What may not touch a number: letters and digits (part of a word or code), currency signs (a sum), "+" (an
// international number), "#", "/", "@", "%", "_", "&", "=" (references, paths, rates).
const touching = /[\p{L}\p{M}\p{N}\p{Sc}_+#/@%&=\\]/u;
const wordCharacter = /[\p{L}\p{N}]/u;

/** Nothing before `start` makes the digits part of something else ("INV-0944…", "3.0944…", "$0944…", "(#0944"). */
function freeBefore(text: string, start: number): boolean {
  let at = start - 1;
  if (text[at] === '(') at--;
  const c = text[at];
  if (c === undefined) return true;
  if (touching.test(c)) return false;
  return !('.,-'.includes(c) && at > 0 && wordCharacter.test(text[at - 1]!));
}

function freeAfter(text: string, end: number): boolean {
  let at = end;
  if (text[at] === ')') at++;
  const c = text[at];
  if (c === undefined) return true;
  if (touching.test(c)) return false;
  return !('.,-'.includes(c) && at + 1 < text.length && wordCharacter.test(text[at + 1]!));
}

// Cue words, lower case. Arabic words carry prefixes ("الهاتف", "وجوال"), so Arabic cues are stems found inside a word.
const phoneWords = new Set([
  'tel', 'tele', 'telephone', 'phone', 'phones', 'phoned', 'ph', 'mob', 'mobile', 'cell', 'cellphone', 'cellular',
  'call', 'called', 'calling', 'calls', 'dial', 'dialed', 'dialled', 'whatsapp', 'telegram', 'viber', 'signal', 'fax',
  'sms', 'hotline', 'telefon', 'cep', 'gsm', 'tél', 'téléphone', 'portable',
]);
const phoneStems = ['هاتف', 'جوال', 'موبايل', 'تلفون', 'تليفون', 'واتس', 'خلوي', 'فاكس', 'اتصل', 'تلغرام', 'تيليغرام'];
const identifierWords = new Set([
  'invoice', 'inv', 'receipt', 'account', 'acct', 'iban', 'swift', 'bic', 'ref', 'reference', 'order', 'passport', 'id',
  'identity', 'serial', 'case', 'file', 'registration', 'reg', 'licence', 'license', 'plate', 'policy', 'transaction',
  'txn', 'tracking', 'imei', 'imsi', 'iccid', 'card', 'cheque', 'ticket', 'booking', 'pnr', 'voucher', 'docket',
]);
const identifierStems = ['فاتورة', 'حساب', 'جواز', 'هوية', 'إيصال', 'ايصال', 'وصل', 'بطاقة', 'مرجع', 'سجل'];
const cueWord = /[\p{L}\p{M}]+/gu;
/** How far back a cue is looked for: a few words ("mobile number is", "Tel. (office):"). */
const cueReach = 40;
const cueWords = 4;

/** The nearest cue word in the few words before `start` on its line: a phone word, an identifier word, or none. */
function cueBefore(text: string, start: number): 'phone' | 'identifier' | undefined {
  let before = text.slice(Math.max(0, start - cueReach), start);
  before = before.slice(before.lastIndexOf('\n') + 1);
  const words = before.match(cueWord) ?? [];
  for (const word of words.slice(-cueWords).reverse()) {
    const lower = word.toLowerCase();
    if (phoneWords.has(lower) || phoneStems.some((s) => lower.includes(s))) return 'phone';
    if (identifierWords.has(lower) || identifierStems.some((s) => lower.includes(s))) return 'identifier';
  }
  return undefined;
}

/** Three groups with one dot or dash between each and a middle of one or two digits: "01.02.2019", "2019-03-04". */
function dateShaped(text: string, groups: readonly DigitGroup[]): boolean {
  if (groups.length !== 3 || groups[1]!.digits.length > 2) return false;
  const first = text.slice(groups[0]!.end, groups[1]!.start);
  return (first === '.' || first === '-') && text.slice(groups[1]!.end, groups[2]!.start) === first;
}

interface LocalNumber {
  /** How many digit groups it spans. */
  groups: number;
  start: number;
  end: number;
  value: string;
  trunk: boolean;
}

/**
 * Local numbers in `text`, read against `country`, none in the `international` numbers' spans (sorted). Linear in the text: each digit group starts at most
 * `maxGroups` combinations, each at most one parse, and the groups are read through a buffer of a few dozen.
 */
export function findLocalPhones(text: string, country: LocalPhoneCountry, international: readonly { start: number; end: number }[] = []): ExtractedMention[] {
  const plan = numberingPlan(country.country);
  const out: ExtractedMention[] = [];
  const source = digitGroups(text, international);
  let buffer: DigitGroup[] = [];
  let exhausted = false;
  const groupAt = (i: number): DigitGroup | undefined => {
    while (!exhausted && buffer.length <= i) {
      const next = source.next();
      if (next.done) exhausted = true;
      else buffer.push(next.value);
    }
    return buffer[i];
  };

  /** The longest number starting at group `first` (and written as one), if any. */
  const numberFrom = (first: number): LocalNumber | undefined => {
    const head = groupAt(first)!;
    if (head.digits === '' || (!head.joined && !freeBefore(text, head.start))) return undefined;
    const spans: { last: number; digits: string }[] = [];
    let digits = '';
    for (let i = first; i < first + maxGroups; i++) {
      const g = groupAt(i);
      if (!g || (i > first && (!g.joined || g.digits.length < 2))) break;
      digits += g.digits;
      if (digits.length > maxDigits || g.digits === '') break;
      if (digits.length >= minDigits) spans.push({ last: i, digits });
    }
    let cue: ReturnType<typeof cueBefore> | null = null; // looked up once, when first needed
    for (const span of spans.reverse()) {
      const prefixed = plan.trunk !== '' && span.digits.startsWith(plan.trunk) && plan.lengths.has(span.digits.length - plan.trunk.length);
      const bare = plan.lengths.has(span.digits.length);
      if (!prefixed && !bare) continue;
      cue ??= cueBefore(text, head.start);
      if (cue === 'identifier' || (!prefixed && cue !== 'phone')) continue;
      const groups = buffer.slice(first, span.last + 1);
      const end = groups[groups.length - 1]!.end;
      if (dateShaped(text, groups) || (!groupAt(span.last + 1)?.joined && !freeAfter(text, end))) continue;
      const parsed = parsePhoneNumberFromString(span.digits, plan.country);
      if (!parsed || !parsed.isValid() || parsed.countryCallingCode !== plan.callingCode) continue;
      const stripped = parsed.nationalNumber.length < span.digits.length;
      if (stripped ? !prefixed : cue !== 'phone') continue;
      return { groups: span.last - first + 1, start: head.start, end, value: parsed.number, trunk: stripped };
    }
    return undefined;
  };

  let at = 0;
  let previousLeftOver = false; // the group before `at` was read as no number
  let next: { at: number; found: LocalNumber | undefined } | undefined;
  while (groupAt(at)) {
    if (at > 1_024) {
      buffer = buffer.slice(at);
      if (next) next.at -= at;
      at = 0;
    }
    const found = next?.at === at ? next.found : numberFrom(at);
    next = undefined;
    if (!found) {
      previousLeftOver = true;
      at++;
      continue;
    }
    // Both neighbours in the run must be numbers too: "12 0944 123 456" and "0944 123 456 78" are other figures.
    const leftClear = !groupAt(at)!.joined || !previousLeftOver;
    const after = at + found.groups;
    let rightClear = true;
    if (groupAt(after)?.joined) {
      next = { at: after, found: numberFrom(after) };
      rightClear = next.found !== undefined;
    }
    if (leftClear && rightClear) out.push(localMention(text, found, country.how));
    previousLeftOver = false;
    at = after;
  }
  return out;
}

function localMention(text: string, found: LocalNumber, how: LocalPhoneCountry['how']): ExtractedMention {
  // A bracket at an edge is the number's own when it closes or opens one inside: "(020) 7946 0958", not "(0944 123 456)".
  const { start, end } = withOwnBrackets(text, found.start, found.end);
  return {
    type: 'PHONE',
    text: text.slice(start, end),
    start,
    end,
    // A country the caller knows is surer than one inferred; a number read on its context alone, less sure again.
    confidence: (how === 'given' ? 0.9 : 0.8) - (found.trunk ? 0 : 0.05),
    method: how === 'given' ? 'pattern:phone-local' : 'pattern:phone-local-inferred',
    value: found.value,
  };
}
