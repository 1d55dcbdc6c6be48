// Which parser or container reads a file: its content first (magic numbers, through file-type), its name second.
// Seized files are often misnamed, by accident or to hide them: a ZIP named holiday.jpg is read as a ZIP.
import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { containers, type Container } from './containers/index.js';
import { looksLikeText } from './decode-text.js';
import type { Parser } from './parser.js';
import { parsers } from './parsers/index.js';
import { plainTextParser } from './parsers/plain-text.js';

export type Format =
  | { kind: 'parser'; parser: Parser; mediaType: string; note: string | null }
  | { kind: 'container'; container: Container; mediaType: string; note: string | null }
  | { kind: 'unsupported'; mediaType: string; note: string | null };

// Detected types that are text underneath: the name says better how to read them (XHTML is XML, an SVG is text).
const textual = (mediaType: string) => mediaType.startsWith('text/') || mediaType === 'application/xml' || mediaType.endsWith('+xml');

const byExtension = (path: string): Parser | Container | null => {
  const lower = path.toLowerCase();
  const matches = (ext: string) => lower.endsWith(ext);
  return parsers.find((p) => p.extensions.some(matches)) ?? containers.find((c) => c.extensions.some(matches)) ?? null;
};

const asFormat = (reader: Parser | Container, note: string | null): Format =>
  'parse' in reader ? { kind: 'parser', parser: reader, mediaType: reader.mediaType, note } : { kind: 'container', container: reader, mediaType: reader.mediaType, note };

const officeWrappers = new Set(['application/zip', 'application/x-cfb']);

// Extensions that name the same format as the one file-type reports.
const sameFormat: Record<string, string> = { jpeg: 'jpg', tiff: 'tif', tgz: 'gz', gzip: 'gz', htm: 'html', docm: 'docx', xlsm: 'xlsx', mbox: 'mbox' };

export async function detectFormat(path: string, bytes: Uint8Array): Promise<Format> {
  const detected = await fileTypeFromBuffer(bytes);
  const named = byExtension(path);
  // A DOCX or XLSX is a ZIP, an encrypted one an OLE compound file: its parser says better what is wrong with it.
  if (detected && named && 'parse' in named && officeWrappers.has(detected.mime) && named.mediaType.startsWith('application/vnd.openxmlformats')) {
    return asFormat(named, null);
  }
  if (detected && !textual(detected.mime)) {
    const { mime } = detected;
    const reader = parsers.find((p) => p.mediaType === mime) ?? containers.find((c) => c.mediaType === mime) ?? null;
    const extension = extname(path).slice(1).toLowerCase();
    // file-type names compound formats by their last step too: a gzipped TAR is "tar.gz".
    const misnamed = extension !== '' && (sameFormat[extension] ?? extension) !== detected.ext.split('.').pop();
    const note = misnamed ? `named .${extension} but its content is ${mime}; read as ${mime}` : null;
    if (reader) return asFormat(reader, note);
    return { kind: 'unsupported', mediaType: mime, note };
  }
  // Text formats that say what they are in their first lines (a phone export, a mailbox, an e-mail) win over the
  // name (.csv, .json, none).
  const recognised = parsers.find((p) => p.recognises?.(bytes) === true) ?? containers.find((c) => c.recognises?.(bytes) === true);
  if (recognised) return asFormat(recognised, null);
  if (named) return asFormat(named, null);
  if (looksLikeText(bytes)) return asFormat(plainTextParser, null);
  return { kind: 'unsupported', mediaType: detected?.mime ?? 'application/octet-stream', note: null };
}

export const readableExtensions: string[] = [...parsers, ...containers].flatMap((reader) => reader.extensions);
