// The UN Security Council consolidated sanctions list, XML layout of sc-sanctions.xsd: INDIVIDUALS/INDIVIDUAL and
// ENTITIES/ENTITY. Every variant in the published file is read: dates as DATE, YEAR, FROM_YEAR/TO_YEAR or only a
// NOTE; aliases with several names separated by ";"; aliases carrying their own date and place of birth; document
// numbers written as prose (un-documents.ts).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { VigilError } from '../../errors.js';
import { parseBirthDate } from './birth-dates.js';
import { countryCode, isUnknownCountry } from './countries.js';
import {
  locate,
  uniqueAliases,
  uniqueDocuments,
  uniqueValues,
  type ImportedDocument,
  type ImportedEntry,
  type ImportedName,
  type ImportOptions,
  type ImportProblem,
  type ImportResult,
} from './imported-entry.js';
import { importedNames } from './name-script.js';
import { readUnDocument } from './un-documents.js';

/** An element as fast-xml-parser gives it with every child in an array: a text, or children by tag. */
type XmlNode = string | { [tag: string]: XmlNode[] };

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  // Keep every value a string: "001206" is a document number, not 1206.
  parseTagValue: false,
  trimValues: true,
  isArray: (_tag, _path, _isLeaf, isAttribute) => !isAttribute,
});

function children(node: XmlNode | undefined, tag: string): XmlNode[] {
  return node === undefined || typeof node === 'string' ? [] : (node[tag] ?? []);
}

function textOf(node: XmlNode | undefined): string {
  return typeof node === 'string' ? node.replace(/\s+/g, ' ').trim() : '';
}

/** The text of the first child with this tag, '' when it is absent or empty. */
function text(node: XmlNode | undefined, tag: string): string {
  return textOf(children(node, tag)[0]);
}

/** Texts of NATIONALITY/VALUE, DESIGNATION/VALUE …, empty ones dropped. */
function values(node: XmlNode, tag: string): string[] {
  return children(node, tag).flatMap((list) => children(list, 'VALUE').map(textOf)).filter((v) => v.length > 0);
}

function readXml(text: string, source: string | undefined): XmlNode {
  const xml = text.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new VigilError('input', 'watchlist.import-syntax', `${locate(source, `line ${line}, column ${col}`)}: XML is not well formed: ${msg}`);
  }
  let document: { [tag: string]: XmlNode[] };
  try {
    document = parser.parse(xml) as { [tag: string]: XmlNode[] };
  } catch (error) {
    // Well formed but refused by the parser, e.g. entity expansion past its limits (a "billion laughs" file).
    throw new VigilError('input', 'watchlist.import-syntax', `${source ?? 'the file'}: XML could not be read: ${(error as Error).message}`, { cause: error });
  }
  const roots = Object.keys(document);
  if (roots.length !== 1 || roots[0] !== 'CONSOLIDATED_LIST') {
    throw new VigilError('input', 'watchlist.import-syntax', `${source ?? 'the file'}: the root element is ${roots.join(', ') || 'missing'}, not CONSOLIDATED_LIST: not a UN consolidated list`);
  }
  return document['CONSOLIDATED_LIST']![0]!;
}

export function parseUnXml(xml: string, options: ImportOptions = {}): ImportResult {
  const list = readXml(xml, options.source);
  const problems: ImportProblem[] = [];
  const entries: ImportedEntry[] = [];
  const seen = new Map<string, string>();
  const subjects = [
    ...children(children(list, 'INDIVIDUALS')[0], 'INDIVIDUAL').map((node, i) => ({ node, tag: 'INDIVIDUAL', index: i + 1 })),
    ...children(children(list, 'ENTITIES')[0], 'ENTITY').map((node, i) => ({ node, tag: 'ENTITY', index: i + 1 })),
  ];
  for (const { node, tag, index } of subjects) {
    // XPath numbering: INDIVIDUAL[1] is the first.
    const reference = text(node, 'REFERENCE_NUMBER');
    const where = locate(options.source, `${tag}[${index}]${reference ? ` (${reference})` : ''}`);
    const report = (reason: string) => problems.push({ where, reason });
    if (reference === '') {
      report('REFERENCE_NUMBER is empty; the element is not imported');
      continue;
    }
    const earlier = seen.get(reference);
    if (earlier !== undefined) {
      report(`REFERENCE_NUMBER ${reference} is already used by ${earlier}; the element is not imported`);
      continue;
    }
    seen.set(reference, `${tag}[${index}]`);
    const entry = tag === 'INDIVIDUAL' ? readIndividual(node, reference, report) : readEntity(node, reference, report);
    if (entry !== null) entries.push(entry);
  }
  return { entries, problems };
}

type Report = (reason: string) => void;

function primaryName(node: XmlNode, report: Report): string | null {
  // "na" (not available) stands in for an absent part in a few entries; it is not part of the name.
  const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((t) => text(node, t));
  const name = parts.filter((p) => p.length > 0 && p.toLowerCase() !== 'na').join(' ');
  if (name === '') report('FIRST_NAME to FOURTH_NAME are all empty; the element is not imported');
  return name === '' ? null : name;
}

/** QUALITY as the list writes it: Good and a.k.a./f.k.a. are strong, Low is weak ("low quality" in the UN's words). */
function aliasQuality(quality: string, report: Report): ImportedName['quality'] {
  const q = quality.toLowerCase();
  if (q === 'low') return 'weak';
  if (!['good', 'a.k.a.', 'f.k.a.', ''].includes(q)) report(`alias QUALITY "${quality}" is not Good, Low, a.k.a. or f.k.a.; read as Good`);
  return 'strong';
}

interface AliasFacts {
  aliases: ImportedName[];
  birthDates: string[];
  birthPlaces: string[];
}

function readAliases(node: XmlNode, tag: string, report: Report): AliasFacts {
  const facts: AliasFacts = { aliases: [], birthDates: [], birthPlaces: [] };
  for (const alias of children(node, tag)) {
    const name = text(alias, 'ALIAS_NAME');
    if (name === '') continue; // <QUALITY /><ALIAS_NAME /> is how the list says "no alias"
    const quality = aliasQuality(text(alias, 'QUALITY'), report);
    // "Azim Adhajani; Azim Agha-Jani": one element, several names.
    for (const one of name.split(';')) facts.aliases.push(...importedNames(one, quality));
    // Some aliases carry the birth date or place used under that name; the entry is screened on all of them.
    const date = text(alias, 'DATE_OF_BIRTH');
    if (date !== '') facts.birthDates.push(...readDate(date, `alias "${name}" DATE_OF_BIRTH`, report));
    const place = [text(alias, 'CITY_OF_BIRTH'), text(alias, 'COUNTRY_OF_BIRTH')].filter((p) => p !== '').join(', ');
    if (place !== '') facts.birthPlaces.push(place);
  }
  return facts;
}

function readDate(written: string, field: string, report: Report): string[] {
  const dates = parseBirthDate(written);
  if (dates === null) report(`${field} "${written}" is not a date`);
  return dates ?? [];
}

const dateTypes = new Set(['EXACT', 'APPROXIMATELY', 'BETWEEN', '']);

function readBirthDates(node: XmlNode, report: Report): string[] {
  return children(node, 'INDIVIDUAL_DATE_OF_BIRTH').flatMap((dob, i) => {
    const field = `DATE_OF_BIRTH[${i + 1}]`;
    const type = text(dob, 'TYPE_OF_DATE').toUpperCase();
    if (!dateTypes.has(type)) report(`${field} TYPE_OF_DATE "${text(dob, 'TYPE_OF_DATE')}" is not EXACT, APPROXIMATELY or BETWEEN`);
    const [date, year, from, to, note] = ['DATE', 'YEAR', 'FROM_YEAR', 'TO_YEAR', 'NOTE'].map((t) => text(dob, t)) as [string, string, string, string, string];
    if (date !== '') return readDate(date, field, report);
    if (year !== '') return readDate(year, field, report);
    if (from !== '' || to !== '') {
      if (from === '' || to === '') {
        report(`${field} BETWEEN needs both FROM_YEAR and TO_YEAR, found "${from}" and "${to}"`);
        return readDate(from || to, field, report);
      }
      return readDate(`${from} to ${to}`, field, report);
    }
    // Only a NOTE: "Nov. 1973" is a date, "30-35 years old" is not.
    if (note !== '') return readDate(note, field, report);
    if (type !== '') report(`${field} is ${type} but gives no date`);
    return [];
  });
}

function readPlaces(node: XmlNode): string[] {
  return children(node, 'INDIVIDUAL_PLACE_OF_BIRTH').map((place) => {
    const parts = ['STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY'].map((t) => text(place, t)).filter((p) => p !== '');
    return parts.length > 0 ? parts.join(', ') : text(place, 'NOTE');
  });
}

function readNationalities(node: XmlNode, report: Report): string[] {
  return values(node, 'NATIONALITY').flatMap((written) => {
    if (isUnknownCountry(written)) return [];
    const code = countryCode(written);
    if (code === null) report(`NATIONALITY "${written}" is not a country we know`);
    return code === null ? [] : [code];
  });
}

function readDocuments(node: XmlNode, report: Report): ImportedDocument[] {
  return children(node, 'INDIVIDUAL_DOCUMENT').flatMap((doc, i) => {
    const fields = {
      type: text(doc, 'TYPE_OF_DOCUMENT'),
      type2: text(doc, 'TYPE_OF_DOCUMENT2'),
      number: text(doc, 'NUMBER'),
      issuingCountry: text(doc, 'ISSUING_COUNTRY') || text(doc, 'COUNTRY_OF_ISSUE'),
    };
    if (Object.values(fields).every((v) => v === '')) return []; // <INDIVIDUAL_DOCUMENT />
    const { document, problems } = readUnDocument(fields);
    for (const problem of problems) report(`INDIVIDUAL_DOCUMENT[${i + 1}] ${problem}`);
    return document === null ? [] : [document];
  });
}

function readGender(node: XmlNode, report: Report): 'M' | 'F' | null {
  const written = text(node, 'GENDER');
  const gender = { male: 'M', female: 'F' }[written.toLowerCase()] as 'M' | 'F' | undefined;
  if (written !== '' && gender === undefined) report(`GENDER "${written}" is neither Male nor Female`);
  return gender ?? null;
}

/** COMMENTS1, then the designations and titles the entry shape has no slot for, labelled. */
function remarksOf(node: XmlNode): string | null {
  const parts = [text(node, 'COMMENTS1')];
  const designations = uniqueValues(values(node, 'DESIGNATION'));
  if (designations.length > 0) parts.push(`Designation: ${designations.join('; ')}`);
  const titles = uniqueValues(values(node, 'TITLE'));
  if (titles.length > 0) parts.push(`Title: ${titles.join('; ')}`);
  const remarks = parts.filter((p) => p !== '').join('\n');
  return remarks === '' ? null : remarks;
}

function readIndividual(node: XmlNode, reference: string, report: Report): ImportedEntry | null {
  const name = primaryName(node, report);
  if (name === null) return null;
  const original = text(node, 'NAME_ORIGINAL_SCRIPT');
  const aliasFacts = readAliases(node, 'INDIVIDUAL_ALIAS', report);
  const aliases = [...(original === '' ? [] : importedNames(original, 'strong')), ...aliasFacts.aliases];
  return {
    sourceId: reference,
    schema: 'person',
    name,
    aliases: uniqueAliases(name, aliases),
    birthDates: uniqueValues([...readBirthDates(node, report), ...aliasFacts.birthDates]),
    birthPlaces: uniqueValues([...readPlaces(node), ...aliasFacts.birthPlaces]),
    nationalities: uniqueValues(readNationalities(node, report)),
    gender: readGender(node, report),
    documents: uniqueDocuments(readDocuments(node, report)),
    programs: uniqueValues([text(node, 'UN_LIST_TYPE')]),
    listingReason: null,
    remarks: remarksOf(node),
  };
}

function readEntity(node: XmlNode, reference: string, report: Report): ImportedEntry | null {
  const name = primaryName(node, report);
  if (name === null) return null;
  const original = text(node, 'NAME_ORIGINAL_SCRIPT');
  const aliases = [...(original === '' ? [] : importedNames(original, 'strong')), ...readAliases(node, 'ENTITY_ALIAS', report).aliases];
  return {
    sourceId: reference,
    schema: 'organisation',
    name,
    aliases: uniqueAliases(name, aliases),
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    gender: null,
    documents: [],
    programs: uniqueValues([text(node, 'UN_LIST_TYPE')]),
    listingReason: null,
    remarks: remarksOf(node),
  };
}
