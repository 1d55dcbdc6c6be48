// ZIP archives through yauzl, which reads the central directory, checks each entry's declared sizes against the
// bytes it inflates (validateEntrySizes) and says which entries are encrypted. Names are decoded here rather than by
// yauzl, because yauzl stops the whole archive at the first name that climbs out of it; such entries are read under
// a contained name instead and flagged.
import yauzl from 'yauzl';
import { VigilError } from '../../errors.js';
import { climbedOutNote, containedName, EntryRefused, readLimited, type Container, type ContainerEntry, type ExpansionBudget } from './container.js';

// Exported by yauzl 3 but missing from its type definitions.
declare module 'yauzl' {
  export function getFileNameLowLevel(generalPurposeBitFlag: number, fileNameRaw: Buffer, extraFields: ExtraField[], strictFileNames: boolean): string;
}

/** APPNOTE.TXT §4.4.5: the compression methods yauzl can inflate. */
const readableMethods = new Set([0, 8]);
const methodNames: Record<number, string> = { 9: 'Deflate64', 12: 'BZIP2', 14: 'LZMA', 93: 'Zstandard', 95: 'XZ', 98: 'PPMd', 99: 'AES encryption' };

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const settle = (then: () => void) => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      then();
    };
    const onEntry = (entry: yauzl.Entry) => settle(() => resolve(entry));
    const onEnd = () => settle(() => resolve(null));
    const onError = (error: Error) => settle(() => reject(error));
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

export const zipContainer: Container = {
  mediaType: 'application/zip',
  extensions: ['.zip'],
  async *entries(source, path, budget): AsyncGenerator<ContainerEntry> {
    const options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false };
    let zip: yauzl.ZipFile;
    try {
      zip = 'bytes' in source
        ? await yauzl.fromBufferPromise(Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength), options)
        : await yauzl.openPromise(source.file, options);
    } catch (error) {
      throw new VigilError('input', 'ingest.corrupt', `${path}: not a readable ZIP archive (${(error as Error).message})`);
    }
    try {
      for (;;) {
        let entry: yauzl.Entry | null;
        try {
          entry = await nextEntry(zip);
        } catch (error) {
          throw new VigilError('input', 'ingest.corrupt', `${path}: the ZIP archive's directory is damaged after ${zip.entriesRead} entries (${(error as Error).message}); the entries before it were read`);
        }
        if (entry === null) return;
        budget.countEntry();
        const raw = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
        if (raw.endsWith('/')) continue;
        const { name, unsafe } = containedName(raw);
        const item = await readEntry(zip, entry, budget);
        if ('problem' in item) yield { name, ...item };
        else yield { name, bytes: item.bytes, ...(unsafe ? { note: climbedOutNote(raw, name) } : {}) };
      }
    } finally {
      zip.close();
    }
  },
};

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: ExpansionBudget): Promise<{ bytes: Uint8Array } | { problem: string; code: string }> {
  if (entry.isEncrypted()) return { code: 'ingest.encrypted', problem: 'encrypted in the archive (password-protected); it cannot be read without the password' };
  if (!readableMethods.has(entry.compressionMethod)) {
    const method = methodNames[entry.compressionMethod] ?? `method ${entry.compressionMethod}`;
    return { code: 'ingest.unsupported-compression', problem: `compressed with ${method}, which Vigil cannot expand; extract the archive with 7-Zip and ingest the folder` };
  }
  const refused = budget.refusal(entry.uncompressedSize, entry.compressedSize);
  if (refused) return refused;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    return { bytes: await readLimited(stream, entry.compressedSize, budget) };
  } catch (error) {
    if (error instanceof EntryRefused) return { code: error.code, problem: error.problem };
    if (error instanceof VigilError) throw error;
    return { code: 'ingest.corrupt', problem: `damaged in the archive (${(error as Error).message})` };
  }
}
