// watchlist: entries with every name, alias, birth date, nationality and identity document,
// added by hand, imported from list files, or promoted from the haul with links to their evidence.
export { addWatchlistEntry, importWatchlist, promoteEntity, listWatchlist, defaultList, type ImportReport, type PromoteResult } from './watchlist.js';
export { watchlistEntryInput, type WatchlistEntryInput } from './entry-input.js';
