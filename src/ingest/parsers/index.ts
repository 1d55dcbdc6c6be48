// The parser registry: adding a format is one file in this folder and one line here.
import type { Parser } from '../parser.js';
import { csvParser, tsvParser } from './delimited-text.js';
import { docxParser } from './docx.js';
import { emlParser } from './eml.js';
import { htmlParser } from './html.js';
import { imageParsers } from './image.js';
import { jsonDocumentsParser } from './json-documents.js';
import { markdownParser } from './markdown.js';
import { pdfParser } from './pdf.js';
import { phoneExportCsvParser, phoneExportJsonParser } from './phone-export.js';
import { plainTextParser } from './plain-text.js';
import { xlsxParser } from './xlsx.js';

export const parsers: readonly Parser[] = [plainTextParser, markdownParser, htmlParser, phoneExportJsonParser, jsonDocumentsParser, pdfParser, docxParser, xlsxParser, phoneExportCsvParser, csvParser, tsvParser, emlParser, ...imageParsers];

export function parserForPath(path: string): Parser | null {
  const lower = path.toLowerCase();
  return parsers.find((p) => p.extensions.some((ext) => lower.endsWith(ext))) ?? null;
}

export const supportedExtensions: string[] = parsers.flatMap((p) => p.extensions);
