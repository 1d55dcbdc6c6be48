// ingest: reads files and folders into documents with provenance, splits multi-article pages,
// opens archives (containers/) and hands each file's text to extraction and resolution. Formats live in parsers/,
// one file each; nothing here writes outside the store and its blob folder.
export { ingestPaths, retryFailed, type FileStages, type IngestDeps, type IngestFailure, type IngestOptions, type IngestProgress, type IngestReport } from './pipeline.js';
export { detectFormat, readableExtensions, type Format } from './detect-format.js';
export { containers, defaultContainerLimits, formatSize, type Container, type ContainerLimits } from './containers/index.js';
export { splitArticles, parseFooter, type Article } from './split-articles.js';
export { parsers, parserForPath, supportedExtensions } from './parsers/index.js';
export { defaultParseLimits, needsOcrCode, type Attachment, type Parser, type ParsedDocument, type ParseLimits, type SourceMeta } from './parser.js';
export { reextractDocuments, type ReextractOptions, type ReextractReport } from './reextract.js';
export { runQueueWorker, workerName, type QueueWorkerOptions, type QueueWorkerReport } from './queue-worker.js';
export { listFiles, type FoundFile } from './walk.js';
