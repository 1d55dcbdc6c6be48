// ingest: reads files and folders into documents with provenance, splits multi-article pages,
// and hands each file's text to extraction and resolution. Formats live in parsers/, one file each.
export { ingestPaths, type IngestDeps, type IngestOptions, type IngestProgress, type IngestReport } from './pipeline.js';
export { splitArticles, parseFooter, type Article } from './split-articles.js';
export { parsers, parserForPath, supportedExtensions } from './parsers/index.js';
export { defaultParseLimits, type Parser, type ParsedDocument, type ParseLimits, type SourceMeta } from './parser.js';
export { reextractDocuments, type ReextractOptions, type ReextractReport } from './reextract.js';
