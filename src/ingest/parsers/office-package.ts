// What DOCX and XLSX share: an Office Open XML package is a ZIP (ECMA-376 Part 2). Before a format library reads
// one, this opens it with jszip and refuses, with the reason, what the library would fail on obscurely or expand
// without bound: an encrypted file, an old binary Office file, a broken ZIP, a ZIP bomb. It also reads the
// package's core properties (title, creator, created), which neither mammoth nor exceljs's streaming reader gives.
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { VigilError } from '../../errors.js';
import { normaliseDate } from '../../extract/index.js';

export type OfficeFormat = 'DOCX' | 'XLSX';

/** MS-CFB §2.2: the signature every OLE compound file begins with. */
const compoundFileSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** MS-OFFCRYPTO §2.3.4: an encrypted OOXML file is a compound file holding this stream (names are UTF-16LE). */
const encryptedPackageStream = Buffer.from('EncryptedPackage', 'utf16le');
const zipSignature = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function unreadable(format: OfficeFormat, path: string, why: string, cause?: unknown): VigilError {
  return new VigilError('input', `ingest.${format.toLowerCase()}-unreadable`, `${path}: not a readable ${format}: ${why}`, { cause });
}

/**
 * Opens the package, refusing encrypted, non-ZIP and corrupt files, and one whose parts together unpack to more
 * than `maxExpandedBytes` (counted while inflating, so a lying ZIP header changes nothing).
 */
export async function openOfficePackage(bytes: Uint8Array, path: string, format: OfficeFormat, maxExpandedBytes: number): Promise<JSZip> {
  if (startsWith(bytes, compoundFileSignature)) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(encryptedPackageStream)) {
      throw new VigilError('input', 'ingest.encrypted', `${path}: the ${format} is encrypted (password-protected); it cannot be read without the password`);
    }
    throw unreadable(format, path, `it is an OLE compound file, the binary format of Office 97–2003 (.${format === 'DOCX' ? 'doc' : 'xls'}), not Office Open XML`);
  }
  if (!startsWith(bytes, zipSignature)) throw unreadable(format, path, 'it is not a ZIP package (Office Open XML files begin with "PK")');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (error) {
    throw unreadable(format, path, `the ZIP package is truncated or corrupt (${error instanceof Error ? error.message : String(error)})`, error);
  }
  let expanded = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    let bytesInEntry: number;
    try {
      bytesInEntry = await expandedSize(entry, maxExpandedBytes - expanded);
    } catch (error) {
      throw unreadable(format, path, `part ${entry.name} cannot be unpacked (${error instanceof Error ? error.message : String(error)})`, error);
    }
    expanded += bytesInEntry;
    if (expanded > maxExpandedBytes) {
      throw new VigilError('input', 'ingest.too-large', `${path}: the ${format} unpacks to more than ${formatMiB(maxExpandedBytes)} (a ZIP bomb, or a file too large to read); refused`);
    }
  }
  return zip;
}

/** Inflates one part, counting and dropping the bytes; stops as soon as the count passes `budget`. */
function expandedSize(entry: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > budget) {
        stream.pause();
        stream.removeAllListeners();
        resolve(size);
      }
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(size));
  });
}

function formatMiB(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

export interface CoreProperties {
  title: string | null;
  author: string | null;
  date: string | null;
}

const xml = new XMLParser({ removeNSPrefix: true, parseTagValue: false, processEntities: true, ignoreAttributes: true });

function textOf(value: unknown): string | null {
  const text = typeof value === 'string' ? value : value && typeof value === 'object' && '#text' in value ? String(value['#text']) : null;
  const trimmed = text?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

/** ECMA-376 Part 2 §11: docProps/core.xml, Dublin Core title, creator and created (W3CDTF); nulls when absent. */
export async function readCoreProperties(zip: JSZip): Promise<CoreProperties> {
  const part = zip.file('docProps/core.xml');
  if (!part) return { title: null, author: null, date: null };
  const parsed = xml.parse(await part.async('string')) as { coreProperties?: Record<string, unknown> };
  const core = parsed.coreProperties ?? {};
  const created = textOf(core['created']);
  return {
    title: textOf(core['title']),
    author: textOf(core['creator']),
    date: created ? normaliseDate(created.slice(0, 10)) : null,
  };
}
