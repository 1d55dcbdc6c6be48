// Phone forensic exports in Vigil's neutral shape (docs/phone-exports.md): a JSON file marked "vigilPhoneExport",
// or a CSV file of contacts, messages or calls told by its header line. Each becomes the device, one document per
// conversation, the call log and the address book, with who-contacted-whom kept in metadata.contacts.
import { VigilError } from '../../errors.js';
import { cleanText, decodeText } from '../decode-text.js';
import type { ParsedDocument, Parser } from '../parser.js';
import { csvShapeOf, readPhoneExportCsv } from './phone-export-csv.js';
import { phoneExportDocuments } from './phone-export-documents.js';
import { checkRecords, describeIssue, jsonPlace, phoneExportFile, phoneExportMarker, type PhoneExport } from './phone-export-schema.js';

/** Skipped records named in the file's warning; the rest are counted. */
const listedSkips = 5;

/** Enough of a file to read its first line or its first member by. */
const head = (bytes: Uint8Array) => decodeText(bytes.subarray(0, 4096)).text;

// The marker as the first member: how a .json file of another name is known for an export.
const markerFirst = new RegExp(`^\\s*\\{\\s*"${phoneExportMarker}"\\s*:`);

function readPhoneExportJson(text: string, path: string): PhoneExport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new VigilError('input', 'ingest.json-syntax', `${path}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !(phoneExportMarker in value)) {
    throw new VigilError('input', 'ingest.phone-export-shape', `${path}: not a Vigil phone export: it has no top-level "${phoneExportMarker}": 1; see docs/phone-exports.md`);
  }
  const parsed = phoneExportFile.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues.slice(0, 3).map((issue) => describeIssue(issue, (p) => (p.length > 0 ? `${p.map(String).join('.')}: ` : 'top level: '))).join('; ');
    throw new VigilError('input', 'ingest.phone-export-shape', `${path}: not a Vigil phone export (${detail}); see docs/phone-exports.md`);
  }
  const { device, contacts, messages, calls } = parsed.data;
  const skipped: string[] = [];
  return {
    device: device ?? null,
    contacts: checkRecords('contacts', contacts, (i) => jsonPlace('contacts', i), skipped),
    messages: checkRecords('messages', messages, (i) => jsonPlace('messages', i), skipped),
    calls: checkRecords('calls', calls, (i) => jsonPlace('calls', i), skipped),
    skipped,
    records: contacts.length + messages.length + calls.length,
  };
}

/** The export's documents; malformed records are left out and named in a warning, unless no record could be read. */
function* documentsOf(phoneExport: PhoneExport, path: string): Generator<ParsedDocument> {
  const { skipped, records } = phoneExport;
  const listed = skipped.slice(0, listedSkips).join('; ') + (skipped.length > listedSkips ? `; and ${skipped.length - listedSkips} more` : '');
  if (records > 0 && skipped.length === records) {
    throw new VigilError('input', 'ingest.phone-export-records', `${path}: none of its ${records.toLocaleString('en')} records could be read: ${listed}; see docs/phone-exports.md`);
  }
  const documents = phoneExportDocuments(phoneExport);
  if (skipped.length > 0 && documents[0]) {
    const first = documents[0];
    first.metadata = { ...first.metadata, skippedRecords: String(skipped.length) };
    first.warnings = [`${skipped.length.toLocaleString('en')} of its ${records.toLocaleString('en')} records left out as malformed: ${listed}`];
  }
  yield* documents;
}

export const phoneExportJsonParser: Parser = {
  mediaType: 'application/vnd.vigil.phone-export+json',
  extensions: ['.phone.json'],
  recognises: (bytes) => markerFirst.test(head(bytes)),
  async *parse(bytes, meta) {
    yield* documentsOf(readPhoneExportJson(cleanText(decodeText(bytes).text, meta.path), meta.path), meta.path);
  },
};

export const phoneExportCsvParser: Parser = {
  mediaType: 'text/vnd.vigil.phone-export+csv',
  // Told by its header line only (csvShapes), so any name will do.
  extensions: [],
  recognises: (bytes) => csvShapeOf(head(bytes)) !== null,
  async *parse(bytes, meta) {
    const text = cleanText(decodeText(bytes).text, meta.path);
    const kind = csvShapeOf(text);
    if (kind === null) throw new VigilError('input', 'ingest.phone-export-shape', `${meta.path}: its header line is none of a phone export's CSV shapes; see docs/phone-exports.md`);
    yield* documentsOf(readPhoneExportCsv(text, kind, meta.path), meta.path);
  },
};
