// Test archives, written byte by byte so tests can build the hostile ones no archiver would: names that climb out,
// sizes that lie, entries flagged as encrypted. ZIP layout after APPNOTE.TXT §4.3 (local headers, central
// directory, end record); TAR through tar-stream's packer.
import { Readable } from 'node:stream';
import { deflateRawSync, gzipSync } from 'node:zlib';
import tarStream from 'tar-stream';

export interface ZipFixtureEntry {
  name: string;
  data: Uint8Array | string;
  /** Deflate (8, the default) or store (0); any other number is written as that method, unreadable. */
  method?: number;
  /** Sets the encryption flag (APPNOTE §4.4.4 bit 0) and writes an encryption header; the data is not encrypted. */
  encrypted?: boolean;
  /** Written instead of the true uncompressed size. */
  declaredSize?: number;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const bytesOf = (data: Uint8Array | string) => (typeof data === 'string' ? new TextEncoder().encode(data) : data);

export function zipArchive(entries: ZipFixtureEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = bytesOf(entry.data);
    const method = entry.method ?? 8;
    const packed = method === 8 ? deflateRawSync(data) : Buffer.from(data);
    // APPNOTE §6.1.3: traditional encryption puts a 12-byte header before the data.
    const stored = entry.encrypted ? Buffer.concat([Buffer.alloc(12, 0x5a), packed]) : packed;
    const name = Buffer.from(entry.name, 'utf8');
    const flags = 0x800 | (entry.encrypted ? 1 : 0);
    const size = entry.declaredSize ?? data.byteLength;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, stored);
    centrals.push(central, name);
    offset += local.byteLength + name.byteLength + stored.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

export interface TarFixtureEntry {
  name: string;
  data?: Uint8Array | string;
  type?: 'file' | 'directory' | 'symlink';
  linkname?: string;
}

export async function tarArchive(entries: TarFixtureEntry[]): Promise<Uint8Array> {
  const pack = tarStream.pack();
  for (const entry of entries) {
    const type = entry.type ?? 'file';
    if (type === 'file') pack.entry({ name: entry.name, type }, Buffer.from(bytesOf(entry.data ?? '')));
    else pack.entry({ name: entry.name, type, ...(entry.linkname ? { linkname: entry.linkname } : {}) });
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.from(pack)) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

export function gzip(data: Uint8Array | string): Uint8Array {
  return new Uint8Array(gzipSync(bytesOf(data)));
}
