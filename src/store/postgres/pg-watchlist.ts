// PostgreSQL store, watchlist entries and their versions, list thresholds, reviewers' screening decisions, the stolen/lost/blank document registry.
// Ported from sqlite-store.ts and watchlist-sql.ts; what differs is how concurrent writers are kept in order.
import { VigilError } from '../../errors.js';
import type { ScreeningDecision, WatchlistChange, WatchlistEntry, WatchlistFilter, WatchlistStatus, WatchlistVersion } from '../records.js';
import type { Store } from '../store.js';
import type { PgDb, PgQueries, Row } from './pg-db.js';
import { postgresDocumentRegistry } from './pg-document-registry.js';

export type WatchlistPart = Pick<Store, 'putWatchlistEntry' | 'putWatchlistEntries' | 'watchlistHistory' | 'getWatchlistEntry' | 'findWatchlistEntryByRef' | 'findWatchlistEntriesByEntity' | 'listWatchlistEntries' | 'countWatchlistEntries' | 'putListThresholds' | 'listThresholds' | 'recordScreeningDecision' | 'screeningDecisions' | 'watchlistChangedSince' | 'watchlistVersion' | 'addDocumentRegistryEntries' | 'documentRegistrySince' | 'documentRegistryVersion'>;

/**
 * The tables of this part, as SQLite has them after all its migrations. JSON (entries' data) stays TEXT as in
 * SQLite; the name search casts it to jsonb where it looks inside. `counters` is created only if absent, so that any
 * other part needing a counter can create it the same way.
 */
export const watchlistSchema = `
CREATE TABLE watchlist_entries (
  id TEXT PRIMARY KEY,
  list TEXT NOT NULL,
  ref TEXT,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active'
);
CREATE UNIQUE INDEX watchlist_entries_ref ON watchlist_entries(list, ref) WHERE ref IS NOT NULL;
CREATE INDEX watchlist_entries_list_status ON watchlist_entries(list, status);
CREATE TABLE watchlist_entity_links (
  entry_id TEXT NOT NULL REFERENCES watchlist_entries(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entities(id),
  PRIMARY KEY (entry_id, entity_id)
);
CREATE INDEX watchlist_entity_links_entity ON watchlist_entity_links(entity_id);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
INSERT INTO counters (name, value) VALUES ('watchlist_version', 0) ON CONFLICT (name) DO NOTHING;
CREATE TABLE watchlist_versions (
  entry_id TEXT NOT NULL REFERENCES watchlist_entries(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  change TEXT NOT NULL,
  note TEXT,
  data TEXT NOT NULL,
  -- The store-wide watchlist counter after this change, so screening indexes can catch up without a rebuild.
  store_version BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (entry_id, version)
);
CREATE INDEX watchlist_versions_store_version ON watchlist_versions(store_version);
CREATE TABLE screening_decisions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  traveller_key TEXT NOT NULL,
  entry_id TEXT NOT NULL REFERENCES watchlist_entries(id),
  entry_version INTEGER NOT NULL,
  decision TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT
);
CREATE INDEX screening_decisions_traveller ON screening_decisions(traveller_key, id);
CREATE TABLE list_thresholds (
  list TEXT PRIMARY KEY,
  match DOUBLE PRECISION NOT NULL,
  review DOUBLE PRECISION NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
-- Stolen, lost and blank travel documents: one document (number_end NULL) or a serial range per row.
-- Rows are only added; seq orders them, and the largest seq is the registry's version.
CREATE TABLE document_registry (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  country TEXT NOT NULL,
  type TEXT NOT NULL,
  number TEXT NOT NULL,
  number_end TEXT,
  status TEXT NOT NULL,
  reported TEXT,
  source TEXT,
  notes TEXT,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL
);
`;

/** LIKE's own characters in what the user typed match themselves. */
function likeContaining(text: string): string {
  return '%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/**
 * The WHERE clause of a listing, shared by the page and its count so the two never disagree. ILIKE folds case for
 * every script that has case, where SQLite's LIKE folds ASCII only: "tikriti" finds "al-Tikriti" on both, and the
 * PostgreSQL store also finds Cyrillic or Greek in another case (a wider match, never a narrower one).
 */
function watchlistWhere(filter: WatchlistFilter): { where: string; values: string[] } {
  const clauses: string[] = [];
  const values: string[] = [];
  const param = (value: string) => `$${values.push(value)}`;
  if (filter.list) clauses.push(`list = ${param(filter.list)}`);
  if (filter.status) clauses.push(`status = ${param(filter.status)}`);
  const q = filter.q?.trim();
  if (q) {
    const like = param(likeContaining(q));
    const names = ['aliases', 'weakAliases'].map((key) => `EXISTS (SELECT 1 FROM jsonb_array_elements_text(coalesce(data::jsonb -> '${key}', '[]'::jsonb)) AS alias(value) WHERE alias.value ILIKE ${like})`);
    clauses.push(`((data::jsonb ->> 'name') ILIKE ${like} OR ref ILIKE ${like} OR ${names.join(' OR ')})`);
  }
  return { where: clauses.length > 0 ? 'WHERE ' + clauses.join(' AND ') : '', values };
}

// Text is sorted in the "C" collation wherever order is part of the answer: SQLite compares bytes, and so does "C"
// (UTF-8's byte order is code point order), whatever collation the database was created with.
const entryOf = (r: Row) => JSON.parse(r.data as string) as WatchlistEntry;

/**
 * Takes the next store-wide watchlist version. The UPDATE locks the counter's row until the transaction ends, so
 * writers take versions one after the other and each commits before the next can take its own: versions become
 * visible in the order they were taken. A sequence would not do: a writer that took 5 and commits after the one that
 * took 6 would be missed by a reader that had seen 6 and asks for the changes after it. (SQLite, one writer at a
 * time, never had the question.)
 */
async function nextWatchlistVersion(tx: PgQueries): Promise<number> {
  const row = await tx.one<{ value: number }>(`UPDATE counters SET value = value + 1 WHERE name = 'watchlist_version' RETURNING value`);
  return row!.value;
}

async function writeWatchlistEntry(tx: PgQueries, entry: WatchlistEntry, change: WatchlistChange): Promise<void> {
  if (entry.ref !== null) {
    // Safe against a concurrent writer: the caller holds the counter's row lock, which every watchlist write takes.
    const owner = await tx.one<{ id: string }>('SELECT id FROM watchlist_entries WHERE list = $1 AND ref = $2', [entry.list, entry.ref]);
    if (owner && owner.id !== entry.id) {
      throw new VigilError('conflict', 'watchlist.duplicate-ref', `list "${entry.list}" already has an entry with reference "${entry.ref}" (${owner.id})`);
    }
  }
  const previous = await tx.one<{ status: WatchlistStatus; version: number | null }>(
    'SELECT status, (SELECT max(version) FROM watchlist_versions WHERE entry_id = $1) AS version FROM watchlist_entries WHERE id = $1',
    [entry.id],
  );
  const status: WatchlistStatus = entry.status ?? 'active';
  const kind: WatchlistVersion['change'] = !previous
    ? 'added'
    : previous.status === status
      ? 'updated'
      : status === 'removed' ? 'removed' : previous.status === 'proposed' ? 'approved' : 'restored';
  const stored: WatchlistEntry = { ...entry, status, version: (previous?.version ?? 0) + 1 };
  const data = JSON.stringify(stored);
  await tx.query(
    `INSERT INTO watchlist_entries (id, list, ref, data, created_at, updated_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET list = excluded.list, ref = excluded.ref, data = excluded.data,
       updated_at = excluded.updated_at, status = excluded.status`,
    [entry.id, entry.list, entry.ref, data, entry.createdAt, entry.updatedAt, status],
  );
  const storeVersion = await nextWatchlistVersion(tx);
  await tx.query(
    'INSERT INTO watchlist_versions (entry_id, version, at, actor, change, note, data, store_version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [entry.id, stored.version, change.at, change.actor, kind, change.note ?? null, data, storeVersion],
  );
  await tx.query('DELETE FROM watchlist_entity_links WHERE entry_id = $1', [entry.id]);
  const entityIds = [...new Set(entry.evidence.map((e) => e.entityId))];
  if (entityIds.length > 0) {
    await tx.query('INSERT INTO watchlist_entity_links (entry_id, entity_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [entry.id, entityIds]);
  }
}

export function postgresWatchlist(db: PgDb): WatchlistPart {
  const currentVersion = async (q: PgQueries) => (await q.one<{ value: number }>(`SELECT value FROM counters WHERE name = 'watchlist_version'`))!.value;
  const part: WatchlistPart = {
    async putWatchlistEntry(entry, change = { actor: 'system', at: entry.updatedAt }) {
      await part.putWatchlistEntries([{ entry, change }]);
    },

    async putWatchlistEntries(writes) {
      if (writes.length === 0) return;
      await db.transaction(async (tx) => {
        // The counter's row first: from here on no other watchlist writer runs, so the reference check holds.
        await tx.query(`SELECT value FROM counters WHERE name = 'watchlist_version' FOR UPDATE`);
        for (const { entry, change } of writes) await writeWatchlistEntry(tx, entry, change);
      });
    },

    async watchlistHistory(entryId) {
      const rows = await db.query('SELECT version, at, actor, change, note, data FROM watchlist_versions WHERE entry_id = $1 ORDER BY version', [entryId]);
      return rows.map((r) => ({
        version: r.version as number,
        at: r.at as string,
        actor: r.actor as string,
        change: r.change as WatchlistVersion['change'],
        note: (r.note as string | null) ?? null,
        entry: entryOf(r),
      }));
    },

    async getWatchlistEntry(id) {
      const row = await db.one('SELECT data FROM watchlist_entries WHERE id = $1', [id]);
      return row ? entryOf(row) : null;
    },

    async findWatchlistEntryByRef(list, ref) {
      const row = await db.one('SELECT data FROM watchlist_entries WHERE list = $1 AND ref = $2', [list, ref]);
      return row ? entryOf(row) : null;
    },

    async findWatchlistEntriesByEntity(entityId) {
      const rows = await db.query(
        `SELECT w.data FROM watchlist_entries w JOIN watchlist_entity_links l ON l.entry_id = w.id
         WHERE l.entity_id = $1 ORDER BY w.created_at COLLATE "C", w.id COLLATE "C"`,
        [entityId],
      );
      return rows.map(entryOf);
    },

    async listWatchlistEntries(filter, page) {
      const { where, values } = watchlistWhere(filter);
      // NULLS FIRST: SQLite sorts entries without a reference first, and so do we.
      const rows = await db.query(
        `SELECT data FROM watchlist_entries ${where} ORDER BY created_at COLLATE "C", list COLLATE "C", ref COLLATE "C" NULLS FIRST, id COLLATE "C" LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
        [...values, page.limit, page.offset],
      );
      return rows.map(entryOf);
    },

    async countWatchlistEntries(filter) {
      const { where, values } = watchlistWhere(filter);
      return (await db.one<{ n: number }>(`SELECT count(*) AS n FROM watchlist_entries ${where}`, values))!.n;
    },

    async putListThresholds(t) {
      await db.query(
        `INSERT INTO list_thresholds (list, match, review, actor, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (list) DO UPDATE SET match = excluded.match, review = excluded.review, actor = excluded.actor, at = excluded.at`,
        [t.list, t.match, t.review, t.actor, t.at],
      );
    },

    async listThresholds() {
      const rows = await db.query('SELECT list, match, review, actor, at FROM list_thresholds ORDER BY list COLLATE "C"');
      return rows.map((r) => ({ list: r.list as string, match: r.match as number, review: r.review as number, actor: r.actor as string, at: r.at as string }));
    },

    async recordScreeningDecision(d) {
      // The entry is looked up in the INSERT itself: no row inserted means no such entry, without parsing errors.
      const rows = await db.query(
        `INSERT INTO screening_decisions (traveller_key, entry_id, entry_version, decision, actor, at, note)
         SELECT $1, id, $3, $4, $5, $6, $7 FROM watchlist_entries WHERE id = $2 RETURNING id`,
        [d.travellerKey, d.entryId, d.entryVersion, d.decision, d.actor, d.at, d.note],
      );
      if (rows.length === 0) throw new VigilError('not-found', 'watchlist.unknown-entry', `no watchlist entry with id "${d.entryId}"`);
    },

    async screeningDecisions(travellerKey) {
      const rows = await db.query('SELECT traveller_key, entry_id, entry_version, decision, actor, at, note FROM screening_decisions WHERE traveller_key = $1 ORDER BY id', [travellerKey]);
      return rows.map((r) => ({
        travellerKey: r.traveller_key as string,
        entryId: r.entry_id as string,
        entryVersion: r.entry_version as number,
        decision: r.decision as ScreeningDecision['decision'],
        actor: r.actor as string,
        at: r.at as string,
        note: (r.note as string | null) ?? null,
      }));
    },

    async watchlistChangedSince(version) {
      // One snapshot for the counter and the rows: since a writer's counter and version rows commit together, the
      // entries changed up to the version returned are all there, and the next call (from that version) misses none.
      return db.transaction(async (tx) => {
        const current = await currentVersion(tx);
        const rows = await tx.query(
          'SELECT data FROM watchlist_entries WHERE id IN (SELECT entry_id FROM watchlist_versions WHERE store_version > $1) ORDER BY id COLLATE "C"',
          [version],
        );
        return { version: current, entries: rows.map(entryOf) };
      }, 'repeatable read');
    },

    watchlistVersion: () => currentVersion(db),
    ...postgresDocumentRegistry(db),
  };
  return part;
}
