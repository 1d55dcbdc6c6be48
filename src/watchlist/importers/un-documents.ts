// Identity documents of the UN consolidated list. NUMBER is free text as often as not ("CAR diplomatic passport no.
// D00000898", "Libya B/002210", "403062567 (US)", "R00012098, South Sudan"): the number is the run of code-like tokens
// at its end, and a country written around it is the issuing country when the element names none.
import { countryCode } from './countries.js';
import type { DocumentType, ImportedDocument } from './imported-entry.js';

export interface UnDocumentFields {
  type: string;
  type2: string;
  number: string;
  issuingCountry: string;
}

/** First match wins; tested against the document's type, second type and the words before its number. */
const typeByWording: { pattern: RegExp; type: DocumentType }[] = [
  { pattern: /diplomatic passport/i, type: 'diplomatic-passport' },
  { pattern: /laissez-passer|travel document/i, type: 'travel-document' },
  { pattern: /social security/i, type: 'social-security' },
  { pattern: /military|ex-serviceman|armed forces/i, type: 'military-id' },
  { pattern: /residen/i, type: 'residence-permit' },
  { pattern: /passport|passeport|pasaporte/i, type: 'passport' },
  { pattern: /national identi|identity card|tazkira|personal identification/i, type: 'national-id' },
];

/** A token of a document number: capitals, digits and the separators lists use ("B/002210", "N°235/MISPAT", "SE-011697"). */
const codeToken = /^[A-Z0-9°][A-Z0-9°\-/.]*$/;

interface SplitNumber {
  number: string;
  before: string;
  country: string | null;
}

function splitNumber(text: string): SplitNumber | null {
  let rest = text.replace(/\s+/g, ' ').trim();
  let country: string | null = null;
  // "403062567 (US)", "381110042 (Expired 25 Jan. 2016)": a country, or a note that is not part of the number.
  const inParentheses = /\s*\(([^()]+)\)$/.exec(rest);
  if (inParentheses !== null) {
    country = countryCode(inParentheses[1]!);
    rest = rest.slice(0, inParentheses.index).trim();
  }
  // "R00012098, South Sudan"
  const afterComma = /,\s*([^,]+)$/.exec(rest);
  if (afterComma !== null && countryCode(afterComma[1]!) !== null) {
    country ??= countryCode(afterComma[1]!);
    rest = rest.slice(0, afterComma.index).trim();
  }
  const tokens = rest.split(' ');
  let start = tokens.length;
  let sawDigit = false;
  // Walk back from the end: digit-bearing code tokens, and short letter prefixes such as "D 000974" or "OA 454044".
  while (start > 0) {
    const token = tokens[start - 1]!;
    if (!codeToken.test(token)) break;
    const hasDigit = /\d/.test(token);
    if (!hasDigit && (token.length > 3 || !sawDigit)) break;
    sawDigit ||= hasDigit;
    start -= 1;
  }
  if (!sawDigit) {
    // "No34409/129": not code-like, but the list means it as the number.
    return /\d/.test(rest) && !rest.includes(' ') ? { number: rest, before: '', country } : null;
  }
  const before = tokens.slice(0, start).join(' ');
  return { number: tokens.slice(start).join(' '), before, country: country ?? leadingCountry(before) };
}

/** "Libya 428720", "CAR diplomatic passport no. D00000898", "Congo service passport number SA0020249". */
function leadingCountry(words: string): string | null {
  const parts = words.split(' ').filter((w) => w.length > 0);
  for (let n = Math.min(parts.length, 4); n > 0; n -= 1) {
    const code = countryCode(parts.slice(0, n).join(' '));
    if (code !== null) return code;
  }
  return null;
}

/** The document when it has a number, and what was wrong with it. */
export function readUnDocument(fields: UnDocumentFields): { document: ImportedDocument | null; problems: string[] } {
  const source = fields.number !== '' ? fields.number : fields.type2;
  const split = splitNumber(source);
  if (split === null) return { document: null, problems: [`has no document number ("${source || fields.type}")`] };
  const wording = [fields.type2, split.before, fields.type].join(' | ');
  const type = typeByWording.find((t) => t.pattern.test(wording))?.type ?? 'other-id';
  const problems: string[] = [];
  let country = split.country;
  if (fields.issuingCountry !== '') {
    const issuing = countryCode(fields.issuingCountry);
    if (issuing === null) problems.push(`issuing country "${fields.issuingCountry}" is not a country we know`);
    else country = issuing;
  }
  return { document: { type, number: split.number, country }, problems };
}
