// watchlist: entries with every name, alias, birth date, nationality and identity document,
// added by hand, imported from list files, or promoted from the haul with links to their evidence.
export { addWatchlistEntry, importWatchlist, promoteEntity, listWatchlist, defaultList, defaultActor, type ImportReport, type ImportOptions, type PromoteResult } from './watchlist.js';
export { readCsvRecords, type CsvRecord } from './importers/index.js';
export { exportWatchlist, exportFormats, type ExportFormat, type ExportResult } from './export.js';
export { detectListFormat, parseListFile, listFormats, defaultListOf, type ListFileTexts, type ListFormat, type ParsedList } from './list-files.js';
export { watchlistEntryInput, type WatchlistEntryInput } from './entry-input.js';
