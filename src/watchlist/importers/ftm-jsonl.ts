// FollowTheMoney entities, one JSON object a line: {"id", "schema", "properties": {"name": [...], ...}}, every
// property a list of strings. People, organisations, vessels and aircraft become entries; Passport and
// Identification entities add their number to their holder, Sanction entities their program and reason to the
// sanctioned entity; relations (Ownership, Family …) and addresses are not watchlist entries and are passed over.
import { VigilError } from '../../errors.js';
import { parseBirthDate } from './birth-dates.js';
import { countryCode } from './countries.js';
import {
  locate,
  uniqueAliases,
  uniqueDocuments,
  uniqueValues,
  type DocumentType,
  type ImportedDocument,
  type ImportedEntry,
  type ImportedName,
  type ImportedSchema,
  type ImportOptions,
  type ImportProblem,
  type ImportResult,
} from './imported-entry.js';
import { importedNames } from './name-script.js';

const subjectSchemata: Record<string, ImportedSchema> = {
  Person: 'person',
  Organization: 'organisation',
  Company: 'organisation',
  LegalEntity: 'organisation',
  PublicBody: 'organisation',
  Vessel: 'vessel',
  Airplane: 'aircraft',
  Vehicle: 'other',
};

/** FtM schemata that describe something other than a listed subject; a line of any other schema is reported. */
const passedOverSchemata = new Set([
  'Address', 'Associate', 'Family', 'Membership', 'Ownership', 'Directorship', 'Employment', 'Representation',
  'Succession', 'UnknownLink', 'Occupancy', 'Position', 'Note', 'Documentation', 'Payment', 'Debt', 'BankAccount',
  'CryptoWallet', 'Security', 'Asset', 'Article', 'Document', 'Event', 'Mention', 'Contract', 'ContractAward',
  'CourtCase', 'CourtCaseParty', 'Project', 'ProjectParticipant', 'Thing', 'Interval',
]);

type Properties = Record<string, string[]>;

interface FtmEntity {
  id: string;
  schema: string;
  properties: Properties;
  line: number;
  where: string;
}

export function parseFtmJsonLines(text: string, options: ImportOptions = {}): ImportResult {
  const problems: ImportProblem[] = [];
  const subjects = new Map<string, { entity: FtmEntity; entry: ImportedEntry }>();
  const linked: FtmEntity[] = [];

  text.replace(/^\uFEFF/, '').split('\n').forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '') return;
    const entity = readLine(line, index + 1, options.source, problems);
    if (entity === null) return;
    const report = (reason: string) => problems.push({ where: entity.where, reason });
    const schema = subjectSchemata[entity.schema];
    if (schema !== undefined) {
      const earlier = subjects.get(entity.id);
      if (earlier !== undefined) return report(`id "${entity.id}" is already used on line ${earlier.entity.line}; this line is not imported`);
      const entry = readSubject(entity, schema, report);
      if (entry !== null) subjects.set(entity.id, { entity, entry });
    } else if (['Passport', 'Identification', 'Sanction'].includes(entity.schema)) linked.push(entity);
    else if (!passedOverSchemata.has(entity.schema)) report(`schema "${entity.schema}" is not a FollowTheMoney schema this importer reads; the line is not imported`);
  });

  for (const entity of linked) {
    const report = (reason: string) => problems.push({ where: entity.where, reason });
    const property = entity.schema === 'Sanction' ? 'entity' : 'holder';
    const targets = entity.properties[property] ?? [];
    if (targets.length === 0) report(`${entity.schema} has no ${property}`);
    for (const target of targets) {
      const subject = subjects.get(target)?.entry;
      if (subject === undefined) report(`${entity.schema} ${property} "${target}" is not an entity of this file`);
      else if (entity.schema === 'Sanction') addSanction(subject, entity.properties);
      else addIdentification(subject, entity, report);
    }
  }
  return { entries: [...subjects.values()].map(({ entry }) => entry), problems };
}

function readLine(line: string, lineNumber: number, source: string | undefined, problems: ImportProblem[]): FtmEntity | null {
  const where = locate(source, `line ${lineNumber}`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new VigilError('input', 'watchlist.import-syntax', `${where}: not JSON: ${(error as Error).message}`, { cause: error });
  }
  const object = value as { id?: unknown; schema?: unknown; properties?: unknown } | null;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    problems.push({ where, reason: 'is not a JSON object' });
    return null;
  }
  if (typeof object.id !== 'string' || object.id.trim() === '') {
    problems.push({ where, reason: 'has no "id"' });
    return null;
  }
  const located = `${where} (id "${object.id}")`;
  if (typeof object.schema !== 'string') {
    problems.push({ where: located, reason: 'has no "schema"' });
    return null;
  }
  const properties: Properties = {};
  const raw = object.properties ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ where: located, reason: '"properties" is not an object' });
    return null;
  }
  for (const [name, values] of Object.entries(raw)) {
    if (Array.isArray(values) && values.every((v) => typeof v === 'string')) properties[name] = uniqueValues(values);
    else problems.push({ where: located, reason: `property "${name}" is not a list of strings; it is ignored` });
  }
  return { id: object.id, schema: object.schema, properties, line: lineNumber, where: located };
}

function readSubject(entity: FtmEntity, schema: ImportedSchema, report: (reason: string) => void): ImportedEntry | null {
  const p = (name: string): string[] => entity.properties[name] ?? [];
  const names = p('name').length > 0 ? p('name') : uniqueValues([[...p('firstName'), ...p('middleName'), ...p('lastName')].join(' ')]);
  const name = names[0];
  if (name === undefined) {
    report(`${entity.schema} has no name; the line is not imported`);
    return null;
  }
  const aliases: ImportedName[] = [
    ...[...names.slice(1), ...p('alias'), ...p('previousName')].flatMap((n) => importedNames(n, 'strong')),
    ...p('weakAlias').flatMap((n) => importedNames(n, 'weak')),
  ];
  const birthDates = p('birthDate').flatMap((written) => {
    const dates = parseBirthDate(written);
    if (dates === null) report(`birthDate "${written}" is not a date`);
    return dates ?? [];
  });
  const nationalities = [...p('nationality'), ...p('citizenship')].flatMap((written) => {
    const code = countryCode(written);
    if (code === null) report(`nationality "${written}" is not a country code we know`);
    return code === null ? [] : [code];
  });
  const documents: ImportedDocument[] = [
    ...p('passportNumber').map((number) => ({ type: 'passport', number, country: null })),
    ...p('idNumber').map((number) => ({ type: 'other-id', number, country: null })),
  ];
  const topics = p('topics');
  const remarks = [...p('notes'), ...p('summary'), ...p('description'), ...(topics.length > 0 ? [`Topics: ${topics.join(', ')}`] : [])];
  return {
    sourceId: entity.id,
    schema,
    name,
    aliases: uniqueAliases(name, aliases),
    birthDates: uniqueValues(birthDates),
    birthPlaces: p('birthPlace'),
    nationalities: uniqueValues(nationalities),
    gender: readGender(p('gender'), report),
    documents: uniqueDocuments(documents),
    programs: p('program'),
    listingReason: null,
    remarks: remarks.length > 0 ? remarks.join('\n') : null,
  };
}

function readGender(values: string[], report: (reason: string) => void): 'M' | 'F' | null {
  const genders = uniqueValues(values.map((v) => v.toLowerCase()));
  if (genders.length > 1) report(`gender has several values (${genders.join(', ')}); none is kept`);
  if (genders.length !== 1) return null;
  const gender = genders[0]!;
  if (gender === 'male') return 'M';
  if (gender === 'female') return 'F';
  if (gender !== 'other') report(`gender "${gender}" is not male, female or other`);
  return null;
}

function addSanction(subject: ImportedEntry, properties: Properties): void {
  subject.programs = uniqueValues([...subject.programs, ...(properties['program'] ?? [])]);
  const reasons = uniqueValues([...(subject.listingReason === null ? [] : [subject.listingReason]), ...(properties['reason'] ?? [])]);
  subject.listingReason = reasons.length > 0 ? reasons.join('\n') : null;
}

function addIdentification(subject: ImportedEntry, entity: FtmEntity, report: (reason: string) => void): void {
  const written = entity.properties['type']?.join(' ') ?? '';
  const type: DocumentType = /diplomatic/i.test(written)
    ? 'diplomatic-passport'
    : entity.schema === 'Passport' || /passport/i.test(written)
      ? 'passport'
      : /national|identity/i.test(written)
        ? 'national-id'
        : 'other-id';
  const countries = entity.properties['country'] ?? [];
  const country = countries[0] === undefined ? null : countryCode(countries[0]);
  if (countries[0] !== undefined && country === null) report(`country "${countries[0]}" is not a country code we know`);
  const numbers = entity.properties['number'] ?? [];
  if (numbers.length === 0) report(`${entity.schema} has no number`);
  subject.documents = uniqueDocuments([...subject.documents, ...numbers.map((number) => ({ type, number, country }))]);
}
