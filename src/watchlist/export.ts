// Watchlists out of Vigil: FollowTheMoney entities (one JSON object per line) or the plain CSV that
// `vigil watchlist import --format csv` reads back. Pure: entries in, text out.
import type { WatchlistEntry } from '../store/index.js';
import { ftmCountry, plainCsvColumns } from './importers/index.js';

export const exportFormats = ['ftm', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportResult {
  text: string;
  /** What the format could not carry, per entry: the plain CSV holds one identity document a person. */
  losses: { entryId: string; reason: string }[];
}

const identityDocumentTypes = new Set(['passport', 'diplomatic-passport', 'travel-document']);

function ftmEntity(entry: WatchlistEntry): Record<string, unknown> {
  const properties: Record<string, string[]> = {
    name: [entry.name],
    alias: entry.aliases,
    weakAlias: entry.weakAliases ?? [],
    // FollowTheMoney dates hold no ranges: a range gives both its ends, as lists publishing FtM write them.
    birthDate: [...new Set(entry.birthDates.flatMap((d) => d.split('/')))],
    nationality: entry.nationalities.map((c) => ftmCountry(c) ?? c.toLowerCase()),
    gender: entry.gender === 'M' ? ['male'] : entry.gender === 'F' ? ['female'] : [],
    passportNumber: entry.documents.filter((d) => identityDocumentTypes.has(d.type)).map((d) => d.number),
    idNumber: entry.documents.filter((d) => !identityDocumentTypes.has(d.type)).map((d) => d.number),
    notes: entry.notes ? [entry.notes] : [],
  };
  for (const key of Object.keys(properties)) if (properties[key]!.length === 0) delete properties[key];
  return { id: `${entry.list}-${entry.ref ?? entry.id}`, schema: 'Person', properties };
}

/** RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function exportWatchlist(entries: WatchlistEntry[], format: ExportFormat): ExportResult {
  if (format === 'ftm') return { text: entries.map((e) => JSON.stringify(ftmEntity(e)) + '\n').join(''), losses: [] };
  const losses: ExportResult['losses'] = [];
  const rows = [plainCsvColumns.join(',')];
  for (const e of entries) {
    const [document, ...more] = e.documents;
    if ((e.weakAliases ?? []).length > 0) losses.push({ entryId: e.id, reason: `weak aliases (${e.weakAliases!.join('; ')}) written as ordinary aliases: the CSV cannot mark them` });
    if (more.length > 0) losses.push({ entryId: e.id, reason: `${more.length} more identity document${more.length > 1 ? 's' : ''} (${more.map((d) => d.number).join(', ')}) left out: the CSV holds one` });
    const cells: Record<(typeof plainCsvColumns)[number], string> = {
      id: e.ref ?? e.id,
      name: e.name,
      aliases: [...e.aliases, ...(e.weakAliases ?? [])].join(';'),
      dob: e.birthDates.join(';'),
      nationality: e.nationalities.join(';'),
      gender: e.gender ?? '',
      document_number: document?.number ?? '',
      document_country: document?.country ?? '',
      document_type: document?.type ?? '',
      reason: e.notes ?? '',
    };
    rows.push(plainCsvColumns.map((c) => csvField(cells[c])).join(','));
  }
  return { text: rows.join('\n') + '\n', losses };
}
