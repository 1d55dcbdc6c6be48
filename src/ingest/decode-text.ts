import { VigilError } from '../errors.js';

// Bytes to text for the text-based formats: UTF-8 (with or without BOM), UTF-16 with BOM,
// and Windows-1252 as the fallback for the legacy files that seized office machines are full of.
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    // TextDecoder strips a UTF-8 BOM by default.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: Windows-1252 maps every byte, so nothing is lost, and the encoding is recorded.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Line endings to \n; NUL bytes refused, since a "text" file holding them is binary under a wrong name. */
export function cleanText(text: string, path: string): string {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new VigilError('input', 'ingest.binary', `${path}: byte ${nul} is NUL: this is a binary file, not text`);
  return text.replace(/\r\n?/g, '\n');
}
