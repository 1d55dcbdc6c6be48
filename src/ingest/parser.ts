// The one interface every format parser implements (STYLE §7).

export interface SourceMeta {
  path: string;
  mediaType: string;
  size: number;
}

export interface ParsedDocument {
  title: string | null;
  author: string | null;
  /** Partial ISO 8601. */
  date: string | null;
  language: string | null;
  text: string;
  metadata: Record<string, string>;
}

export interface Parser {
  /** Media type this parser reads, recorded on every document it produces. */
  mediaType: string;
  /** Lower-case file extensions, with the dot. */
  extensions: string[];
  /** Yields one document per logical document in the file; throws VigilError('input') when the file is malformed. */
  parse(bytes: Uint8Array, meta: SourceMeta): AsyncIterable<ParsedDocument>;
}

export function emptyDocument(text: string): ParsedDocument {
  return { title: null, author: null, date: null, language: null, text, metadata: {} };
}
