// Vigil's simple JSON document shape (docs/formats.md): one document object, or {"documents": [...]}.
import { z } from 'zod';
import { VigilError } from '../../errors.js';
import { normaliseDate } from '../../extract/index.js';
import { cleanText, decodeText } from '../decode-text.js';
import type { Parser } from '../parser.js';

const jsonDocument = z.strictObject({
  title: z.string().optional(),
  author: z.string().optional(),
  date: z.string().optional(),
  source: z.string().optional(),
  url: z.string().optional(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a language code such as "en" or "ar"').optional(),
  text: z.string(),
});
const jsonCollection = z.strictObject({ documents: z.array(jsonDocument).min(1) });

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : 'top level';
  return `${where}: ${issue.message}`;
}

export const jsonDocumentsParser: Parser = {
  mediaType: 'application/json',
  extensions: ['.json'],
  async *parse(bytes, meta) {
    const text = cleanText(decodeText(bytes).text, meta.path);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new VigilError('input', 'ingest.json-syntax', `${meta.path}: not valid JSON (${(error as Error).message})`);
    }
    if (typeof value === 'object' && value !== null && 'vigilPhoneExport' in value) {
      throw new VigilError('input', 'ingest.json-shape', `${meta.path}: a Vigil phone export; name it NAME.phone.json, or put "vigilPhoneExport" first, to have it read as one (docs/phone-exports.md)`);
    }
    // Choosing the shape first keeps the error about the field that is wrong, not about the union.
    const isCollection = typeof value === 'object' && value !== null && 'documents' in value;
    const parsed = (isCollection ? jsonCollection : jsonDocument).safeParse(value);
    if (!parsed.success) {
      const detail = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
      throw new VigilError('input', 'ingest.json-shape', `${meta.path}: not a Vigil JSON document (${detail}); see docs/formats.md`);
    }
    const documents = 'documents' in parsed.data ? parsed.data.documents : [parsed.data as z.output<typeof jsonDocument>];
    for (const [index, doc] of documents.entries()) {
      const date = doc.date === undefined ? null : normaliseDate(doc.date);
      if (doc.date !== undefined && date === null) {
        throw new VigilError('input', 'ingest.json-date', `${meta.path}: documents[${index}].date "${doc.date}" is not a date`);
      }
      const metadata: Record<string, string> = {};
      if (doc.source) metadata.source = doc.source;
      if (doc.url) metadata.url = doc.url;
      yield {
        title: doc.title ?? null,
        author: doc.author ?? null,
        date,
        language: doc.language ?? null,
        text: cleanText(doc.text, meta.path),
        metadata,
      };
    }
  },
};
