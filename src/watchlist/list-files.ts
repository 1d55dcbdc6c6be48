// Which list format a file is, and its entries as raw watchlist-entry inputs, from whichever importer reads it.
// Pure: the caller reads the files. Vigil's watchlists hold people; other subjects are counted and skipped.
import { VigilError } from '../errors.js';
import { parseFtmJsonLines, parseOfacCsv, parsePlainCsv, parseUnXml, type ImportedEntry, type ImportProblem } from './importers/index.js';
import { describeIssues, watchlistFile } from './entry-input.js';

export const listFormats = ['vigil', 'ofac', 'un-xml', 'ftm', 'csv'] as const;
export type ListFormat = (typeof listFormats)[number];

/** The format a file name suggests; the user can always say otherwise with --format. */
export function detectListFormat(path: string): ListFormat {
  const lower = path.toLowerCase();
  if (/(^|[\\/])sdn\.csv$/.test(lower)) return 'ofac';
  if (lower.endsWith('.xml')) return 'un-xml';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson') || lower.endsWith('.ftm.json')) return 'ftm';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'vigil';
  throw new VigilError('input', 'watchlist.unknown-format', `${path}: cannot tell the list format from the name; give --format (${listFormats.join(', ')})`);
}

/** The list a format's entries go to unless --list says otherwise. */
export const defaultListOf: Record<Exclude<ListFormat, 'vigil'>, string> = {
  ofac: 'ofac-sdn',
  'un-xml': 'un-consolidated',
  ftm: 'ftm',
  csv: 'imported',
};

export interface ListFileTexts {
  /** The file named by the user. */
  main: string;
  /** OFAC only: alt.csv and add.csv found beside sdn.csv. */
  alt?: string;
  add?: string;
}

export interface ParsedList {
  /** The list name the file itself gives (Vigil JSON), if any. */
  list: string | null;
  entries: unknown[];
  problems: ImportProblem[];
  /** Entries of other subjects (organisations, vessels, aircraft) left out. */
  skipped: number;
}

function toEntryInput(entry: ImportedEntry): Record<string, unknown> {
  const notes = [
    entry.listingReason,
    entry.programs.length > 0 ? `programs: ${entry.programs.join(', ')}` : null,
    entry.remarks,
  ].filter(Boolean);
  return {
    ref: entry.sourceId,
    name: entry.name,
    aliases: entry.aliases.filter((a) => a.quality === 'strong').map((a) => a.name),
    weakAliases: entry.aliases.filter((a) => a.quality === 'weak').map((a) => a.name),
    dob: entry.birthDates,
    nationality: entry.nationalities,
    gender: entry.gender,
    documents: entry.documents.map((d) => ({ type: d.type, number: d.number, country: d.country })),
    notes: notes.length > 0 ? notes.join('\n') : null,
  };
}

export function parseListFile(format: ListFormat, texts: ListFileTexts, source: string): ParsedList {
  if (format === 'vigil') {
    let content: unknown;
    try {
      content = JSON.parse(texts.main);
    } catch (error) {
      throw new VigilError('input', 'watchlist.json-syntax', `${source}: not valid JSON (${(error as Error).message})`);
    }
    const file = watchlistFile.safeParse(content);
    if (!file.success) throw new VigilError('input', 'watchlist.invalid-file', `${source}: ${describeIssues(file.error)}`);
    return { list: file.data.list, entries: file.data.entries, problems: [], skipped: 0 };
  }
  const result =
    format === 'ofac'
      ? parseOfacCsv({ sdn: texts.main, alt: texts.alt, add: texts.add })
      : format === 'un-xml'
        ? parseUnXml(texts.main, { source })
        : format === 'ftm'
          ? parseFtmJsonLines(texts.main, { source })
          : parsePlainCsv(texts.main, { source });
  const people = result.entries.filter((e) => e.schema === 'person');
  return { list: null, entries: people.map(toEntryInput), problems: result.problems, skipped: result.entries.length - people.length };
}
