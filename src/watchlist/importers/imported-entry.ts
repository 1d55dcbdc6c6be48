// What every list-file importer returns: entries in one shape whatever the list, plus every problem found, each
// naming the line or element. Importers are pure: they read the text they are handed and never touch the store.

export type NameScript = 'latin' | 'arabic' | 'cyrillic' | 'other';

export interface ImportedName {
  name: string;
  quality: 'strong' | 'weak';
  script: NameScript;
}

export type ImportedSchema = 'person' | 'organisation' | 'vessel' | 'aircraft' | 'other';

export interface ImportedDocument {
  /** One of `documentTypes`. */
  type: string;
  /** As the list writes it (trimmed); the store normalises spacing and case. */
  number: string;
  /** ISO 3166-1 alpha-3. */
  country: string | null;
}

export interface ImportedEntry {
  /** OFAC ent_num, UN REFERENCE_NUMBER (e.g. "QDi.299"), FtM entity id, CSV id column. */
  sourceId: string;
  schema: ImportedSchema;
  /** The primary name as the list writes it (OFAC keeps "LAST, First"). */
  name: string;
  /** Every other name; "weak" for OFAC's weak a.k.a. and the UN's QUALITY "Low". */
  aliases: ImportedName[];
  /** ISO 8601, partial allowed ("1971", "1971-07", "1971-07-28"); a range is given as both ends. */
  birthDates: string[];
  birthPlaces: string[];
  /** ISO 3166-1 alpha-3. */
  nationalities: string[];
  gender: 'M' | 'F' | null;
  documents: ImportedDocument[];
  programs: string[];
  listingReason: string | null;
  remarks: string | null;
}

/** `where` names the file and line or the element: "sdn.csv line 1203", "INDIVIDUAL[17] (QDi.299)". */
export interface ImportProblem {
  where: string;
  reason: string;
}

export interface ImportResult {
  entries: ImportedEntry[];
  problems: ImportProblem[];
}

/** Options every importer takes: the name of the file, used in problems and errors. */
export interface ImportOptions {
  source?: string;
}

/**
 * The document types importers emit, so that screening can tell a passport from a tax number.
 * A list's own wording that fits none of these becomes `other-id`.
 */
export const documentTypes = [
  'passport',
  'diplomatic-passport',
  'travel-document',
  'national-id',
  'residence-permit',
  'driving-licence',
  'voter-id',
  'social-security',
  'birth-certificate',
  'military-id',
  'seafarer-id',
  'visa',
  'other-id',
] as const;
export type DocumentType = (typeof documentTypes)[number];

/** Drops empty and repeated values, keeping the first occurrence's order. */
export function uniqueValues(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0))];
}

/**
 * Drops aliases equal to the primary name or to an earlier alias; when a name is listed both strong and weak it stays
 * strong (a name the list vouches for anywhere must not be down-weighted in screening).
 */
export function uniqueAliases(primary: string, aliases: readonly ImportedName[]): ImportedName[] {
  const byName = new Map<string, ImportedName>();
  for (const alias of aliases) {
    const name = alias.name.trim();
    if (name.length === 0 || name === primary) continue;
    const seen = byName.get(name);
    if (seen === undefined) byName.set(name, { ...alias, name });
    else if (alias.quality === 'strong') seen.quality = 'strong';
  }
  return [...byName.values()];
}

export function uniqueDocuments(documents: readonly ImportedDocument[]): ImportedDocument[] {
  const seen = new Set<string>();
  return documents.filter((d) => {
    const key = `${d.type}\u0000${d.number}\u0000${d.country ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Prefixes a line or element with the file name when the caller gave one: "people.csv line 4". */
export function locate(source: string | undefined, where: string): string {
  return source ? `${source} ${where}` : where;
}
