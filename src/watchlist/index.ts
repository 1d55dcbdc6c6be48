// watchlist: entries with every name, alias, birth date, nationality and identity document,
// added by hand, imported from list files, or promoted from the haul with links to their evidence (an analyst's
// promotion is a proposal until a watchlist manager approves it).
export { addWatchlistEntry, importWatchlist, promoteEntity, listWatchlist, defaultList, defaultActor, type ImportChange, type ImportReport, type ImportOptions, type PromoteResult } from './watchlist.js';
export { approveEntry, rejectEntry, updateEntry, removeEntry, type EntryChange } from './entry-changes.js';
export { changedFields } from './entry-diff.js';
export { readCsvRecords, type CsvRecord } from './importers/index.js';
export { exportWatchlist, exportFormats, type ExportFormat, type ExportResult } from './export.js';
export { detectListFormat, parseListFile, listFormats, defaultListOf, type ListFileTexts, type ListFormat, type ParsedList } from './list-files.js';
export { watchlistEntryInput, type WatchlistEntryInput } from './entry-input.js';
