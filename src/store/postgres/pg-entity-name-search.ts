// Finding entities by what they are called, for pickers, on PostgreSQL: a piece of a name, matched against every
// spelling seen in the caller's scope with case, accents and script folded away by names/normaliseText, the one
// normaliser in Vigil. PostgreSQL cannot run it, so each spelling's folded form is stored (entity_names.folded,
// migration 4) and spellings written since the last search are folded here, once, before it reads.
import { normaliseText } from '../../names/index.js';
import type { EntitySummary, EntityType, Page, Scope } from '../records.js';
import type { PgDb, Row } from './pg-db.js';
import { PgParams } from './pg-scope.js';

// Spellings folded per round trip: bounded, so a first search after a large ingest never holds one huge statement.
const foldBatch = 5_000;
// Any fixed number, other than the migrations' (7_414_233_101): the key of the lock folding spellings.
const foldLock = 7_414_233_104;

export class PgEntityNameSearch {
  constructor(
    private readonly db: PgDb,
    private readonly summarise: (rows: Row[], scope: Scope) => Promise<EntitySummary[]>,
  ) {}

  /**
   * Fills entity_names.folded where it is missing (rows the haul wrote since). One process folds at a time (an
   * advisory lock), so two searches never lock the same rows in different orders; the others then find nothing left.
   */
  private async foldNewSpellings(): Promise<void> {
    if (!(await this.db.one('SELECT 1 FROM entity_names WHERE folded IS NULL LIMIT 1'))) return;
    for (;;) {
      const folded = await this.db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [foldLock]);
        const rows = await tx.query<{ type: string; name: string }>(
          `SELECT DISTINCT type, name FROM entity_names WHERE folded IS NULL ORDER BY type, name LIMIT ${foldBatch}`,
        );
        if (rows.length === 0) return 0;
        await tx.query(
          `UPDATE entity_names n SET folded = f.folded FROM unnest($1::text[], $2::text[], $3::text[]) AS f(type, name, folded)
           WHERE n.type = f.type AND n.name = f.name AND n.folded IS NULL`,
          [rows.map((r) => r.type), rows.map((r) => r.name), rows.map((r) => normaliseText(r.name))],
        );
        return rows.length;
      });
      if (folded < foldBatch) return;
    }
  }

  /** Entities with a spelling containing `text` (folded): starting with it first, then with a word starting with it, then the rest; most mentioned first in each. */
  async byName(text: string, filter: { types?: EntityType[] }, page: Page, scope: Scope): Promise<EntitySummary[]> {
    const folded = normaliseText(text);
    if (folded === '' || filter.types?.length === 0) return [];
    await this.foldNewSpellings();
    const p = new PgParams();
    const piece = p.add(folded);
    // LIKE's own characters in the piece are matched as themselves (backslash is LIKE's default escape).
    const anywhere = p.add('%' + folded.replace(/[\\%_]/g, '\\$&') + '%');
    const types = filter.types ? `AND type = ANY(${p.add([...new Set(filter.types)])}::text[])` : '';
    const spelt = p.mentions(scope, 'm.document_id');
    const counted = p.mentions(scope, 'c.document_id');
    // A spelling counts only if a mention in the scope uses it: one seen only in another case says nothing here.
    const rows = await this.db.query(
      `WITH hits AS MATERIALIZED (
         SELECT entity_id, name, strpos(folded, ${piece}) AS at, strpos(' ' || folded, ' ' || ${piece}) AS word
         FROM entity_names WHERE folded LIKE ${anywhere} ${types}
       ),
       seen AS (
         SELECT h.entity_id, min(CASE WHEN h.at = 1 THEN 0 WHEN h.word > 0 THEN 1 ELSE 2 END) AS rank FROM hits h
         WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = h.entity_id AND m.text = h.name AND ${spelt})
         GROUP BY h.entity_id
       )
       SELECT e.id, e.type, e.place, e.merged_into, s.rank,
              (SELECT count(*) FROM mentions c WHERE c.entity_id = e.id AND ${counted}) AS mentions
       FROM seen s JOIN entities e ON e.id = s.entity_id WHERE e.merged_into IS NULL
       ORDER BY s.rank, mentions DESC, e.id LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
      p.values,
    );
    return this.summarise(rows, scope);
  }
}
