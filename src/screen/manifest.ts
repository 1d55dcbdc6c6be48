// Passenger manifests as CSV (a header row with at least id and name, then one traveller per row) or as UN/EDIFACT
// PAXLST. Every row or traveller is read on its own: a bad one is reported with its line and the others are screened.
import { VigilError } from '../errors.js';
import { parsePaxlst } from '../traveldocs/index.js';
import { readCsvRecords } from '../watchlist/index.js';

export const manifestColumns = ['id', 'name', 'dob', 'nationality', 'gender', 'document_number', 'document_country'] as const;
type Column = (typeof manifestColumns)[number];

export interface ManifestTraveller {
  id: string;
  /** 1-based line in the file, for messages. */
  line: number;
  traveller: { name: string; dob?: string; nationality?: string; gender?: string; document?: { number: string; country?: string; expiry?: string } };
}

export interface ParsedManifest {
  travellers: ManifestTraveller[];
  problems: { line: number; id: string | null; reason: string }[];
}

export function parseManifest(text: string, source: string): ParsedManifest {
  const records = readCsvRecords(text, source, 'screen.manifest-syntax');
  const header = records[0];
  if (!header) throw new VigilError('input', 'screen.manifest-empty', `${source}: the manifest is empty; it needs a header row with at least id,name`);
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const unknown = columns.filter((c) => !(manifestColumns as readonly string[]).includes(c));
  if (unknown.length > 0) {
    throw new VigilError('input', 'screen.manifest-columns', `${source} line ${header.line}: unknown column ${unknown.map((c) => `"${c}"`).join(', ')}; the columns are ${manifestColumns.join(', ')}`);
  }
  for (const required of ['id', 'name'] as const) {
    if (!columns.includes(required)) throw new VigilError('input', 'screen.manifest-columns', `${source} line ${header.line}: the header has no "${required}" column`);
  }
  const out: ParsedManifest = { travellers: [], problems: [] };
  const seen = new Set<string>();
  for (const record of records.slice(1)) {
    const cell = (column: Column) => {
      const at = columns.indexOf(column);
      const value = at < 0 ? undefined : record.fields[at]?.trim();
      return value === '' ? undefined : value;
    };
    const id = cell('id') ?? null;
    if (record.fields.length !== columns.length) {
      out.problems.push({ line: record.line, id, reason: `expected ${columns.length} columns, found ${record.fields.length}` });
      continue;
    }
    if (id === null) {
      out.problems.push({ line: record.line, id, reason: 'id is empty' });
      continue;
    }
    if (seen.has(id)) {
      out.problems.push({ line: record.line, id, reason: `id "${id}" appears twice` });
      continue;
    }
    seen.add(id);
    const number = cell('document_number');
    out.travellers.push({
      id,
      line: record.line,
      traveller: {
        name: cell('name') ?? '',
        dob: cell('dob'),
        nationality: cell('nationality'),
        gender: cell('gender'),
        document: number === undefined ? undefined : { number, country: cell('document_country') },
      },
    });
  }
  return out;
}

/** UN/EDIFACT interchanges begin with the service string advice or the interchange header. */
const edifactStart = /^\s*(?:\uFEFF)?(?:UNA|UNB|UNH)/;

/**
 * A manifest in either format, told apart by its content: UN/EDIFACT PAXLST (Advance Passenger Information) or
 * CSV. PAXLST travellers keep their message position in `line` (the NAD segment number) and their first passport
 * (else first document) as the document screened; the message's problems are reported like bad CSV rows.
 */
export function readManifest(text: string, source: string, today: Date): ParsedManifest {
  if (!edifactStart.test(text)) return parseManifest(text, source);
  const parsed = parsePaxlst(text, { today: today.toISOString().slice(0, 10) });
  return {
    travellers: parsed.travellers.map((t) => {
      const document = t.documents.find((d) => d.type.startsWith('P')) ?? t.documents[0];
      return {
        id: t.id,
        line: t.segmentIndex,
        traveller: {
          name: t.name,
          dob: t.birthDate ?? undefined,
          nationality: t.nationality ?? undefined,
          gender: t.sex === 'U' || t.sex === null ? undefined : t.sex,
          document: document ? { number: document.number, country: document.country ?? undefined, expiry: document.expiry ?? undefined } : undefined,
        },
      };
    }),
    problems: parsed.problems.map((p) => ({
      line: p.line,
      id: null,
      reason: `${p.tag ? `${p.tag} segment` : 'segment'}${p.segment === null ? '' : ` ${p.segment}`}, column ${p.column}: ${p.message}`,
    })),
  };
}
