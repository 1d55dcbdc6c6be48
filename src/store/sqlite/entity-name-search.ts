// Finding entities by what they are called, for pickers: a piece of a name, matched against every spelling seen in
// the caller's scope with case, accents and script folded away (names/normaliseText, the one normaliser in Vigil).
import type Database from 'better-sqlite3';
import { memoiseString, normaliseText } from '../../names/index.js';
import type { EntitySummary, EntityType, Page, Scope } from '../records.js';
import { mentionsInScope } from './scope-sql.js';

type Row = Record<string, unknown>;

/** The SQL function the queries fold spellings with; remembered, as pickers ask about the same spellings again and again. */
const foldFunction = 'vigil_fold';

export class SqliteEntityNameSearch {
  constructor(
    private readonly db: Database.Database,
    private readonly summarise: (rows: Row[], scope: Scope) => EntitySummary[],
  ) {
    db.function(foldFunction, { deterministic: true }, memoiseString((text) => normaliseText(text), 100_000) as (text: unknown) => string);
  }

  /** Entities with a spelling containing `text` (folded): starting with it first, then with a word starting with it, then the rest; most mentioned first in each. */
  byName(text: string, filter: { types?: EntityType[] }, page: Page, scope: Scope): EntitySummary[] {
    const folded = normaliseText(text);
    if (folded === '' || filter.types?.length === 0) return [];
    const spelt = mentionsInScope(scope, 'm.document_id');
    const counted = mentionsInScope(scope, 'c.document_id');
    const types = filter.types ? 'AND type IN (SELECT value FROM json_each(?))' : '';
    // A spelling counts only if a mention in the scope uses it: one seen only in another case says nothing here.
    const rows = this.db
      .prepare(
        `WITH hits AS MATERIALIZED (
           SELECT entity_id, name, instr(${foldFunction}(name), ?) AS at, instr(' ' || ${foldFunction}(name), ' ' || ?) AS word
           FROM entity_names WHERE instr(${foldFunction}(name), ?) > 0 ${types}
         ),
         seen AS (
           SELECT h.entity_id, min(CASE WHEN h.at = 1 THEN 0 WHEN h.word > 0 THEN 1 ELSE 2 END) AS rank FROM hits h
           WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = h.entity_id AND m.text = h.name AND ${spelt.where})
           GROUP BY h.entity_id
         )
         SELECT e.id, e.type, e.place, e.merged_into, s.rank,
                (SELECT count(*) FROM mentions c WHERE c.entity_id = e.id AND ${counted.where}) AS mentions
         FROM seen s JOIN entities e ON e.id = s.entity_id WHERE e.merged_into IS NULL
         ORDER BY s.rank, mentions DESC, e.id LIMIT ? OFFSET ?`,
      )
      .all(folded, folded, folded, ...(filter.types ? [JSON.stringify(filter.types)] : []), ...spelt.params, ...counted.params, page.limit, page.offset) as Row[];
    return this.summarise(rows, scope);
  }
}
