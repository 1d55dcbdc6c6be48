// The WHERE clause of a watchlist listing, shared by the page and its count so that the two never disagree.
import type { WatchlistFilter } from '../records.js';

/** LIKE's own characters in what the user typed match themselves. */
function likeContaining(text: string): string {
  return '%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/**
 * SQLite's LIKE folds case for ASCII letters only: "tikriti" finds "al-Tikriti", while Arabic script (which has no
 * case) matches as written.
 */
export function watchlistWhere(filter: WatchlistFilter): { where: string; values: string[] } {
  const clauses: string[] = [];
  const values: string[] = [];
  if (filter.list) {
    clauses.push('list = ?');
    values.push(filter.list);
  }
  if (filter.status) {
    clauses.push('status = ?');
    values.push(filter.status);
  }
  const q = filter.q?.trim();
  if (q) {
    const names = ['$.aliases', '$.weakAliases'].map((path) => `EXISTS (SELECT 1 FROM json_each(data, '${path}') WHERE value LIKE ? ESCAPE '\\')`);
    clauses.push(`(json_extract(data, '$.name') LIKE ? ESCAPE '\\' OR ref LIKE ? ESCAPE '\\' OR ${names.join(' OR ')})`);
    values.push(...Array<string>(4).fill(likeContaining(q)));
  }
  return { where: clauses.length > 0 ? 'WHERE ' + clauses.join(' AND ') : '', values };
}
