import { VigilError } from '../errors.js';

// Bytes to text for the text-based formats: UTF-8 (with or without BOM), UTF-16 with BOM,
// and Windows-1252 as the fallback for the legacy files that seized office machines are full of.
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

// WHATWG Encoding Standard, index-windows-1252, bytes 0x80–0x9F (the rest of the table is Latin-1).
// Node from 20.18.3 and 22.13 decodes "windows-1252" as Latin-1 (nodejs/node#60888), leaving curly quotes,
// dashes and € as C1 control characters; the table puts them back. Undefined bytes (0x81, 0x8D …) stay as they are.
const windows1252C1 = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/**
 * Puts back the characters that Node's Latin-1 reading of windows-1252 turned into C1 controls. For text decoded
 * by someone else's TextDecoder (an e-mail's windows-1252 or ISO-8859-1 parts, which WHATWG maps to windows-1252);
 * no text a person wrote holds C1 controls, so nothing else is changed.
 */
export function restoreWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(windows1252C1[c.charCodeAt(0) - 0x80]!));
}

function decodeWindows1252(bytes: Uint8Array): string {
  return restoreWindows1252(new TextDecoder('windows-1252').decode(bytes));
}

/**
 * UTF-16 written without a byte-order mark (some Windows tools and phone exports do). Text in the scripts a haul
 * holds most (Latin, Greek, Cyrillic, Hebrew, Arabic: U+0000–U+07FF) has the high byte of nearly every code unit at
 * most 0x07 — zero for Latin, 0x06 for Arabic — on the odd bytes for little-endian, on the even ones for big-endian,
 * while the low bytes are letters, seldom zero. ASCII or UTF-8 text never looks like that: it has no such bytes.
 */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const units = Math.min(bytes.length, 4096) >> 1;
  if (units < 4) return null;
  let highEven = 0;
  let highOdd = 0;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < units; i++) {
    const even = bytes[2 * i]!;
    const odd = bytes[2 * i + 1]!;
    if (even <= 0x07) highEven++;
    if (odd <= 0x07) highOdd++;
    if (even === 0) zeroEven++;
    if (odd === 0) zeroOdd++;
  }
  if (highOdd >= 0.8 * units && zeroEven <= 0.05 * units && highEven < 0.5 * units) return 'utf-16le';
  if (highEven >= 0.8 * units && zeroOdd <= 0.05 * units && highOdd < 0.5 * units) return 'utf-16be';
  return null;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  // Malformed UTF-16 (an odd byte at the end, a lone surrogate) decodes with U+FFFD where it is broken.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const unmarked = utf16WithoutMark(bytes);
  if (unmarked) return { text: new TextDecoder(unmarked).decode(bytes), encoding: unmarked };
  try {
    // TextDecoder strips a UTF-8 BOM by default.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: Windows-1252 maps every byte, so nothing is lost, and the encoding is recorded.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** Line endings to \n; NUL bytes refused, since a "text" file holding them is binary under a wrong name. */
export function cleanText(text: string, path: string): string {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new VigilError('input', 'ingest.binary', `${path}: byte ${nul} is NUL: this is a binary file, not text`);
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Whether bytes of no known format read as text: UTF-16 (marked or not), or the first 64 KiB free of NUL bytes
 * and nearly free of other control bytes (binary formats are full of both). A haul's README, passwd, .log and .cfg
 * files are text that no extension announces.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || utf16WithoutMark(bytes)) return true;
  const sample = bytes.subarray(0, 65_536);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    // Tab, line feed, form feed and carriage return are text; escape starts terminal colour codes in logs.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) control++;
  }
  return control <= sample.length / 100;
}
