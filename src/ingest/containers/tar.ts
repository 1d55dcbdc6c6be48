// TAR archives (POSIX ustar, pax and GNU long names) through tar-stream. Only regular files carry content; folders
// and links are structure, and links are never followed (they can point anywhere on the analyst's machine).
import tarStream from 'tar-stream';
import { VigilError } from '../../errors.js';
import { climbedOutNote, containedName, EntryRefused, readLimited, sourceStream, type Container, type ContainerEntry } from './container.js';

export const tarContainer: Container = {
  mediaType: 'application/x-tar',
  extensions: ['.tar'],
  async *entries(source, path, budget): AsyncGenerator<ContainerEntry> {
    const extract = tarStream.extract();
    const input = sourceStream(source);
    input.on('error', (error) => extract.destroy(error));
    input.pipe(extract);
    let read = 0;
    try {
      for await (const entry of extract) {
        const { header } = entry;
        if (header.type !== 'file' && header.type !== 'contiguous-file') {
          entry.resume();
          continue;
        }
        budget.countEntry();
        read++;
        const { name, unsafe } = containedName(header.name);
        const declared = header.size ?? 0;
        // A TAR stores bytes as they are: an entry is never smaller on disk than in memory, so only sizes count.
        const refused = budget.refusal(declared, declared);
        if (refused) {
          entry.resume();
          yield { name, ...refused };
          continue;
        }
        let content: Uint8Array;
        try {
          content = await readLimited(entry as AsyncIterable<Uint8Array>, declared, budget);
        } catch (error) {
          if (!(error instanceof EntryRefused)) throw error;
          yield { name, code: error.code, problem: error.problem };
          continue;
        }
        yield { name, bytes: content, ...(unsafe ? { note: climbedOutNote(header.name, name) } : {}) };
      }
    } catch (error) {
      if (error instanceof VigilError) throw error;
      throw new VigilError('input', 'ingest.corrupt', `${path}: not a readable TAR archive after ${read} files (${(error as Error).message}); the files before it were read`);
    }
  },
};
