// The facts OFAC's legacy CSV keeps inside an entry's remarks: "DOB 28 Jul 1971; POB Baghdad, Iraq; nationality Iraq;
// Gender Male; Passport A1234567 (Iraq); a.k.a. 'ABU KHALID'." Clauses we don't read stay in the remarks text.
import { parseBirthDate } from './birth-dates.js';
import { countryCode } from './countries.js';
import type { DocumentType, ImportedDocument } from './imported-entry.js';

export interface OfacRemarkFacts {
  birthDates: string[];
  birthPlaces: string[];
  nationalities: string[];
  gender: 'M' | 'F' | null;
  documents: ImportedDocument[];
  /** Names from "a.k.a. '…'" clauses: OFAC's weak a.k.a.s, which the legacy files keep only in the remarks. */
  weakAliases: string[];
  /** Each says what was wrong, naming the clause. */
  problems: string[];
}

/**
 * Identity documents by the label OFAC writes before the number, longest label first when one starts another.
 * Registration, tax and company numbers are left in the remarks: no traveller presents them at a border.
 */
const documentLabels = ([
  { label: 'Diplomatic Passport', type: 'diplomatic-passport' },
  { label: 'British National Overseas Passport', type: 'passport' },
  { label: 'Stateless Person Passport', type: 'travel-document' },
  { label: 'Passport Booklet', type: 'passport' },
  { label: 'Passport', type: 'passport' },
  { label: 'Travel Document Number', type: 'travel-document' },
  { label: 'National ID No.', type: 'national-id' },
  { label: 'National Foreign ID Number', type: 'residence-permit' },
  { label: 'Personal ID Card', type: 'national-id' },
  { label: "Citizen's Card Number", type: 'national-id' },
  { label: 'Cedula No.', type: 'national-id' },
  { label: 'D.N.I.', type: 'national-id' },
  { label: 'C.U.R.P.', type: 'national-id' },
  { label: 'C.U.I.', type: 'national-id' },
  { label: 'Numero de Identidad', type: 'national-id' },
  { label: 'Turkish Identification Number', type: 'national-id' },
  { label: 'Kenyan ID No.', type: 'national-id' },
  { label: 'Tazkira National ID Card', type: 'national-id' },
  { label: 'Moroccan Personal ID No.', type: 'national-id' },
  { label: 'Bosnian Personal ID No.', type: 'national-id' },
  { label: 'CNP (Personal Numerical Code)', type: 'national-id' },
  { label: 'LE Number', type: 'national-id' },
  { label: 'Stateless Person ID Card', type: 'national-id' },
  { label: 'Refugee ID Card', type: 'travel-document' },
  { label: 'Identification Number', type: 'other-id' },
  { label: 'Residency Number', type: 'residence-permit' },
  { label: 'N.I.E.', type: 'residence-permit' },
  { label: 'Electoral Registry No.', type: 'voter-id' },
  { label: 'Credencial electoral', type: 'voter-id' },
  { label: 'I.F.E.', type: 'voter-id' },
  { label: "Driver's License No.", type: 'driving-licence' },
  { label: 'SSN', type: 'social-security' },
  { label: 'Birth Certificate Number', type: 'birth-certificate' },
  { label: 'Cartilla de Servicio Militar Nacional', type: 'military-id' },
  { label: "Seafarer's Identification Document", type: 'seafarer-id' },
  { label: 'VisaNumberID', type: 'visa' },
] satisfies { label: string; type: DocumentType }[]).sort((a, b) => b.label.length - a.label.length);

/** Splits on semicolons outside parentheses ("Passport 123 (issued; Iraq)" stays whole). */
function splitClauses(remarks: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of remarks) {
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ';' && depth === 0) {
      clauses.push(current);
      current = '';
    } else current += char;
  }
  clauses.push(current);
  return clauses.map((c) => c.trim()).filter((c) => c.length > 0);
}

/** The legacy CSV cuts remarks at 1,000 characters; a cut one does not end with OFAC's closing full stop. */
export const remarksLimit = 1000;

export function readOfacRemarks(remarks: string): OfacRemarkFacts {
  const facts: OfacRemarkFacts = { birthDates: [], birthPlaces: [], nationalities: [], gender: null, documents: [], weakAliases: [], problems: [] };
  const text = remarks.trim();
  if (text.length >= remarksLimit && !text.endsWith('.')) {
    facts.problems.push(`remarks stop at ${remarksLimit} characters without a closing full stop: the file cut them short and what followed is lost`);
  }
  for (const rawClause of splitClauses(text.replace(/\.$/, ''))) {
    const clause = rawClause.replace(/^alt\.\s+/i, '');
    readClause(clause, facts);
  }
  return facts;
}

function readClause(clause: string, facts: OfacRemarkFacts): void {
  let m: RegExpExecArray | null;
  if ((m = /^DOB\s+(.+)$/.exec(clause))) {
    const dates = parseBirthDate(m[1]!);
    if (dates === null) facts.problems.push(`DOB "${m[1]}" is not a date`);
    else facts.birthDates.push(...dates);
  } else if ((m = /^POB\s+(.+)$/.exec(clause))) {
    facts.birthPlaces.push(m[1]!.trim());
  } else if ((m = /^(?:nationality|citizen)\s+(.+)$/.exec(clause))) {
    // "possibly Palestinian": kept, because a nationality is evidence only ever used to rank, and dropping it could
    // count against the right person.
    const written = m[1]!.replace(/^possibly\s+/i, '');
    const code = countryCode(written);
    if (code === null) facts.problems.push(`nationality "${m[1]}" is not a country we know`);
    else facts.nationalities.push(code);
  } else if ((m = /^Gender\s+(\S+)$/.exec(clause))) {
    const gender = { male: 'M', female: 'F' }[m[1]!.toLowerCase()] as 'M' | 'F' | undefined;
    if (gender === undefined) facts.problems.push(`Gender "${m[1]}" is neither Male nor Female`);
    else if (facts.gender !== null && facts.gender !== gender) facts.problems.push('two different genders; neither is kept');
    else facts.gender = gender;
  } else if ((m = /^[afn]\.k\.a\.\s+(.*)$/.exec(clause))) {
    const quoted = /^'(.+)'$/.exec(m[1]!.trim());
    if (quoted === null) facts.problems.push(`"${clause}" has no closing quote; the name is not kept`);
    else facts.weakAliases.push(quoted[1]!.trim());
  } else {
    const label = documentLabels.find((d) => clause.startsWith(d.label) && /^:?\s/.test(clause.slice(d.label.length)));
    if (label !== undefined) readDocument(clause, clause.slice(label.label.length).replace(/^:?\s*/, ''), label.type, facts);
  }
}

function readDocument(clause: string, rest: string, type: DocumentType, facts: OfacRemarkFacts): void {
  // "No.: 0310857", "# 12345", "CNIC: 35202-5400413-9"
  const body = rest.replace(/^(?:No\.|No:|Number\b|#)\s*:?\s*/, '').replace(/^[A-Z]{2,6}:\s*/, '');
  // What follows the number and its country: "issued 20 Mar 2001", "expires 30 Oct 2012", "Issue Date …".
  let head = body
    .split(/\s(?:issued|issue date|expires|expire date|expired|expiring)\b/i)[0]!
    .replace(/[\s,;]+$/, '')
    .trim();
  // The country is the last parenthesised group ("K357514(4) (Hong Kong)" keeps its check digit), else ", Eritrea".
  let countryText: string | undefined;
  const inParentheses = /\s\(([^()]*)\)$/.exec(head);
  if (inParentheses !== null) {
    countryText = inParentheses[1];
    head = head.slice(0, inParentheses.index);
  } else {
    const afterComma = /,\s*([^,]+)$/.exec(head);
    if (afterComma !== null && countryCode(afterComma[1]!) !== null) countryText = afterComma[1];
  }
  const number = head.split(',')[0]!.trim();
  if (!/\d/.test(number)) {
    facts.problems.push(`"${clause}" has no document number`);
    return;
  }
  let country: string | null = null;
  if (countryText !== undefined) {
    // "(Cabo Verde.  Previously Cape Verde.)": the first sentence names the country.
    country = countryCode(countryText) ?? countryCode(countryText.split(/\.\s/)[0]!);
    if (country === null) facts.problems.push(`"${clause}": "${countryText.trim()}" is not a country we know`);
  }
  facts.documents.push({ type, number, country });
}
