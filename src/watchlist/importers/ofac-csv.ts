// OFAC's Specially Designated Nationals list in its legacy CSV layout: sdn.csv (one row per entry), alt.csv (its
// aliases), add.csv (its addresses). No header rows; "-0-" means empty. Dates of birth, nationalities, gender and
// identity documents live inside the remarks (ofac-remarks.ts).
import { readCsvRecords, type CsvRecord } from './csv-records.js';
import {
  uniqueAliases,
  uniqueDocuments,
  uniqueValues,
  type ImportedEntry,
  type ImportedName,
  type ImportedSchema,
  type ImportProblem,
  type ImportResult,
} from './imported-entry.js';
import { importedNames } from './name-script.js';
import { readOfacRemarks } from './ofac-remarks.js';

export interface OfacCsvFiles {
  sdn: string;
  alt?: string;
  add?: string;
}

export interface OfacCsvOptions {
  /**
   * Also list each "LAST, First Middle" name of a person as "First Middle LAST" (a strong or weak alias like the
   * name it comes from). Off by default: the name engine aligns tokens in any order and ignores the comma, so the
   * list's own text is all screening needs, and an officer is shown only names OFAC wrote. Turn it on for a
   * consumer that compares whole strings in order.
   */
  addGivenNameFirst?: boolean;
}

// Column order of the legacy files (OFAC, "SDN: Data Specification for the legacy file formats").
const sdnColumns = ['ent_num', 'SDN_Name', 'SDN_Type', 'Program', 'Title', 'Call_Sign', 'Vess_type', 'Tonnage', 'GRT', 'Vess_flag', 'Vess_owner', 'Remarks'];
const altColumns = ['ent_num', 'alt_num', 'alt_type', 'alt_name', 'alt_remarks'];
const addColumns = ['ent_num', 'add_num', 'address', 'city_state_postal', 'country', 'add_remarks'];

const schemaByType: Record<string, ImportedSchema> = {
  individual: 'person',
  vessel: 'vessel',
  aircraft: 'aircraft',
};

/** Alias types as alt.csv writes them; all three are names the person or entity is known by, so all are screened. */
const altTypes = new Set(['aka', 'fka', 'nka', 'a.k.a.', 'f.k.a.', 'n.k.a.']);

/** Vessel and title columns have no slot of their own in an imported entry; they are kept, labelled, in the remarks. */
const columnsKeptInRemarks: { column: number; label: string }[] = [
  { column: 4, label: 'Title' },
  { column: 5, label: 'Call sign' },
  { column: 6, label: 'Vessel type' },
  { column: 7, label: 'Tonnage' },
  { column: 8, label: 'GRT' },
  { column: 9, label: 'Vessel flag' },
  { column: 10, label: 'Vessel owner' },
];

interface Draft {
  entry: ImportedEntry;
  line: number;
  /** From alt.csv, in its order. */
  aliases: ImportedName[];
  /** From the remarks' "a.k.a. '…'" clauses, listed after alt.csv's. */
  remarkAliases: ImportedName[];
}

function value(field: string | undefined): string | null {
  const trimmed = (field ?? '').replace(/\s+/g, ' ').trim();
  return trimmed === '-0-' || trimmed === '' ? null : trimmed;
}

/** "SDGT] [IFSR" → ["SDGT", "IFSR"]: the legacy file joins an entry's programs with "] [". */
function splitPrograms(field: string | null): string[] {
  return field === null ? [] : uniqueValues(field.split(/\]\s*\[/).map((p) => p.replace(/[[\]]/g, '')));
}

/** "DELOS REYES, Feliciano Semborio, Jr." → "Feliciano Semborio DELOS REYES Jr."; null for a name without a comma. */
export function givenNameFirst(name: string): string | null {
  const m = /^([^,]+),\s*([^,]+?)(?:,\s*([^,]+))?$/.exec(name.trim());
  if (m === null) return null;
  return [m[2], m[1], m[3]].filter((part) => part !== undefined).join(' ');
}

/** The records with the file's number of columns; each other record is reported where it stands. */
function* checkedRecords(text: string, fileName: string, columns: string[], problems: ImportProblem[]): Generator<CsvRecord> {
  for (const record of readCsvRecords(text, fileName)) {
    if (record.fields.length === columns.length) yield record;
    else problems.push({ where: `${fileName} line ${record.line}`, reason: `expected ${columns.length} columns, found ${record.fields.length}` });
  }
}

export function parseOfacCsv(files: OfacCsvFiles, options: OfacCsvOptions = {}): ImportResult {
  const problems: ImportProblem[] = [];
  const drafts = new Map<string, Draft>();

  for (const { line, fields } of checkedRecords(files.sdn, 'sdn.csv', sdnColumns, problems)) {
    const where = `sdn.csv line ${line}`;
    const entNum = value(fields[0]);
    if (entNum === null || !/^\d+$/.test(entNum)) {
      problems.push({ where, reason: `ent_num "${fields[0]?.trim()}" is not a number` });
      continue;
    }
    const earlier = drafts.get(entNum);
    if (earlier !== undefined) {
      problems.push({ where: `${where} (ent_num ${entNum})`, reason: `ent_num ${entNum} is already used on line ${earlier.line}; this row is not imported` });
      continue;
    }
    const draft = readSdnRow(entNum, fields, `${where} (ent_num ${entNum})`, problems);
    if (draft !== null) drafts.set(entNum, { ...draft, line });
  }

  if (files.alt !== undefined) {
    for (const { line, fields } of checkedRecords(files.alt, 'alt.csv', altColumns, problems)) {
      const draft = ownerOf(fields, 'alt.csv', line, drafts, problems);
      if (draft === undefined) continue;
      const where = `alt.csv line ${line} (ent_num ${draft.entry.sourceId})`;
      const type = (value(fields[2]) ?? '').toLowerCase();
      const remarks = value(fields[4]) ?? '';
      const name = value(fields[3]);
      if (name === null) {
        problems.push({ where, reason: 'alt_name is empty' });
        continue;
      }
      // OFAC marks a weak a.k.a. ("low quality" in its own words) in the type or the remarks of the alias.
      const weak = /\bweak\b/.test(type) || /\bweak\b/i.test(remarks);
      const baseType = type.replace(/\bweak\b/, '').trim();
      if (!altTypes.has(baseType)) problems.push({ where, reason: `alt_type "${fields[2]?.trim()}" is not aka, fka or nka; kept as an alias` });
      draft.aliases.push(...importedNames(name, weak ? 'weak' : 'strong'));
    }
  }

  if (files.add !== undefined) {
    // Addresses have no slot in an imported entry; the file is still checked so a broken one is reported.
    for (const { line, fields } of checkedRecords(files.add, 'add.csv', addColumns, problems)) ownerOf(fields, 'add.csv', line, drafts, problems);
  }

  const entries = [...drafts.values()].map(({ entry, aliases: altAliases, remarkAliases }) => {
    const aliases = [...altAliases, ...remarkAliases];
    const withOrder = options.addGivenNameFirst && entry.schema === 'person' ? addGivenNameFirstForms(entry.name, aliases) : aliases;
    return { ...entry, aliases: uniqueAliases(entry.name, withOrder) };
  });
  return { entries, problems };
}

function ownerOf(fields: string[], fileName: string, line: number, drafts: Map<string, Draft>, problems: ImportProblem[]): Draft | undefined {
  const entNum = value(fields[0]) ?? '';
  const draft = drafts.get(entNum);
  if (draft === undefined) problems.push({ where: `${fileName} line ${line}`, reason: `ent_num "${entNum}" is not an entry of sdn.csv` });
  return draft;
}

function readSdnRow(entNum: string, fields: string[], where: string, problems: ImportProblem[]): Omit<Draft, 'line'> | null {
  const name = value(fields[1]);
  if (name === null) {
    problems.push({ where, reason: 'SDN_Name is empty; the row is not imported' });
    return null;
  }
  const type = value(fields[2])?.toLowerCase() ?? null;
  // An empty type is how the legacy file writes an entity (company, group, bank).
  const known: ImportedSchema | undefined = type === null ? 'organisation' : schemaByType[type];
  if (known === undefined) problems.push({ where, reason: `SDN_Type "${fields[2]?.trim()}" is not individual, vessel, aircraft or empty; imported as "other"` });
  const schema = known ?? 'other';
  const remarksText = value(fields[11]);
  const facts = readOfacRemarks(remarksText ?? '');
  for (const reason of facts.problems) problems.push({ where, reason });
  const labelled = columnsKeptInRemarks.flatMap(({ column, label }) => {
    const v = value(fields[column]);
    return v === null ? [] : [`${label}: ${v}`];
  });
  const remarks = [...labelled, remarksText].filter((r) => r !== null).join('; ');
  const entry: ImportedEntry = {
    sourceId: entNum,
    schema,
    name,
    aliases: [],
    birthDates: uniqueValues(facts.birthDates),
    birthPlaces: uniqueValues(facts.birthPlaces),
    nationalities: uniqueValues(facts.nationalities),
    gender: facts.gender,
    documents: uniqueDocuments(facts.documents),
    programs: splitPrograms(value(fields[3])),
    listingReason: null,
    remarks: remarks.length > 0 ? remarks : null,
  };
  return { entry, aliases: [], remarkAliases: facts.weakAliases.flatMap((alias) => importedNames(alias, 'weak')) };
}

function addGivenNameFirstForms(primary: string, aliases: ImportedName[]): ImportedName[] {
  const forms: ImportedName[] = [];
  const primaryForm = givenNameFirst(primary);
  if (primaryForm !== null) forms.push(...importedNames(primaryForm, 'strong'));
  for (const alias of aliases) {
    forms.push(alias);
    const form = givenNameFirst(alias.name);
    if (form !== null) forms.push({ ...alias, name: form });
  }
  return forms;
}
