// The embedded store: one SQLite file in WAL mode, migrated on open.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { VigilError } from '../../errors.js';
import type {
  ContainerPlace,
  SourcePlace,
  DocumentRecord,
  DocumentRegistryEntry,
  DocumentRegistryStatus,
  EntityCandidate,
  EntityDecision,
  EntityMerge,
  EntitySplit,
  PlaceLink,
  ReextractedDocument,
  Scope,
  EntitySummary,
  EntityKeyRecord,
  EntityType,
  IngestBatch,
  IngestProblem,
  ListThresholds,
  MentionRecord,
  Page,
  ProblemKind,
  ScreeningDecision,
  SearchHit,
  StoreSummary,
  TextQuery,
  WatchlistChange,
  WatchlistEntry,
  WatchlistFilter,
  WatchlistStatus,
  WatchlistVersion,
} from '../records.js';
import { defaultCollection } from '../records.js';
import type { AuditFilter, SessionRecord, StoredAuditRecord, TokenRecord, UserChange, UserRecord } from '../access-records.js';
import type { Store } from '../store.js';
import { documentColumns, toDocument } from '../table-rows.js';
import type { CoMention, DocumentFacets, DocumentFilter, EntityActivity, EntityTimeline, LinkFilter, PlaceActivity } from '../view-records.js';
import { SqliteAccessTables } from './access-tables.js';
import { SqliteEntityTables } from './entity-tables.js';
import { documentsInScope, mentionsInScope } from './scope-sql.js';
import { SqliteEntityNameSearch } from './entity-name-search.js';
import { SqliteHaulViews } from './haul-views.js';
import { SqliteLinkTables } from './link-tables.js';
import { watchlistWhere } from './watchlist-sql.js';
import { sqliteMigrations, type Migration } from './migrations.js';

type Row = Record<string, unknown>;

export function openSqliteStore(file: string, migrations: Migration[] = sqliteMigrations): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database | null = null;
  try {
    db = new Database(file);
    // better-sqlite3 reads the file lazily: a file that is not a database only fails at this first statement.
    db.pragma('journal_mode = WAL');
  } catch (error) {
    db?.close();
    throw new VigilError('input', 'store.open', `cannot open the store at ${file}: ${(error as Error).message}`, { cause: error });
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Ingest commits once per file, and every commit dirties pages all over the mentions' and names' indexes. With the
  // defaults (checkpoint every 1,000 pages, a 2 MiB page cache) the same pages were copied back and synced again
  // every few documents: a checkpoint every 40 MB of log and a 64 MiB cache took saving from 1.2 to 1.7–2.2 MB/s
  // at 10 MB (npm run bench:extract), and the log is cut back to 64 MiB after each checkpoint.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma(`journal_size_limit = ${64 * 2 ** 20}`);
  db.pragma(`cache_size = -${64 * 1024}`);
  migrate(db, migrations);
  return new SqliteStore(db);
}

function migrate(db: Database.Database, migrations: Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  // BEGIN IMMEDIATE takes the write lock first, so two processes opening a new store don't race.
  const apply = db.transaction((migration: Migration) => {
    const done = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version);
    if (done) return;
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      migration.version,
      migration.name,
      new Date().toISOString(),
    );
  });
  const newest = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (newest > known) {
    db.close();
    throw new VigilError('input', 'store.too-new', `the store was written by a newer Vigil (schema ${newest}, this one knows ${known})`);
  }
  for (const migration of migrations) apply.immediate(migration);
}


class SqliteStore implements Store {
  private readonly statements;
  private readonly entities: SqliteEntityTables;
  private readonly access: SqliteAccessTables;
  private readonly views: SqliteHaulViews;
  private readonly links: SqliteLinkTables;
  private readonly names: SqliteEntityNameSearch;

  constructor(private readonly db: Database.Database) {
    this.entities = new SqliteEntityTables(db);
    this.views = new SqliteHaulViews(db);
    this.links = new SqliteLinkTables(db);
    this.names = new SqliteEntityNameSearch(db, (rows, scope) => this.entities.summarise(rows, scope));
    this.access = new SqliteAccessTables(db);
    this.statements = {
      hasSource: db.prepare('SELECT 1 FROM sources WHERE sha256 = ?'),
      addSourcePath: db.prepare('INSERT OR IGNORE INTO source_paths (sha256, path, seen_at, container_sha256, entry_path) VALUES (?, ?, ?, ?, ?)'),
      sourcePlaces: db.prepare('SELECT path, seen_at, container_sha256, entry_path FROM source_paths WHERE sha256 = ? ORDER BY path'),
      insertSource: db.prepare('INSERT INTO sources (sha256, size, media_type, first_path, ingested_at) VALUES (?, ?, ?, ?, ?)'),
      insertDocument: db.prepare(`INSERT INTO documents (${documentColumns})
        VALUES (@id, @sha256, @size, @path, @mediaType, @ingestedAt, @parentId, @position, @title, @author, @date, @language,
                @text, @spanStart, @spanEnd, @isLeaf, @metadata)`),
      indexDocument: db.prepare('INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)'),
      deleteProblem: db.prepare('DELETE FROM ingest_problems WHERE path = ?'),
      addToCollection: db.prepare('INSERT OR IGNORE INTO source_collections (sha256, collection) VALUES (?, ?)'),
      upsertProblem: db.prepare(`INSERT INTO ingest_problems (path, sha256, kind, reason, at, code, collection) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, kind = excluded.kind, reason = excluded.reason, at = excluded.at, code = excluded.code,
          collection = excluded.collection`),
      getDocument: db.prepare(`SELECT ${documentColumns} FROM documents WHERE id = ?`),
      listDocuments: db.prepare(`SELECT ${documentColumns} FROM documents ORDER BY seq LIMIT ? OFFSET ?`),
      getWatchlistEntry: db.prepare('SELECT data FROM watchlist_entries WHERE id = ?'),
      watchlistByRef: db.prepare('SELECT data FROM watchlist_entries WHERE list = ? AND ref = ?'),
      bumpWatchlistVersion: db.prepare(`UPDATE counters SET value = value + 1 WHERE name = 'watchlist_version'`),
      // ON CONFLICT(id), not OR IGNORE: OR IGNORE would also drop a row that breaks NOT NULL, silently.
      insertRegistryEntry: db.prepare(`INSERT INTO document_registry
        (id, country, type, number, number_end, status, reported, source, notes, added_at, added_by)
        VALUES (@id, @country, @type, @number, @numberEnd, @status, @reported, @source, @notes, @addedAt, @addedBy)
        ON CONFLICT(id) DO NOTHING`),
      registrySince: db.prepare(`SELECT seq, id, country, type, number, number_end, status, reported, source, notes, added_at, added_by
        FROM document_registry WHERE seq > ? ORDER BY seq`),
      registryVersion: db.prepare('SELECT coalesce(max(seq), 0) AS v FROM document_registry'),
    };
  }

  async hasSource(sha256: string): Promise<boolean> {
    return this.statements.hasSource.get(sha256) !== undefined;
  }

  async addSourcePath(sha256: string, path: string, seenAt: string, container: ContainerPlace | null = null, collection = defaultCollection): Promise<void> {
    this.db.transaction(() => {
      this.statements.addSourcePath.run(sha256, path, seenAt, container?.sha256 ?? null, container?.entry ?? null);
      this.statements.addToCollection.run(sha256, collection);
      this.statements.deleteProblem.run(path);
    })();
  }

  async sourcePlaces(sha256: string): Promise<SourcePlace[]> {
    return (this.statements.sourcePlaces.all(sha256) as Row[]).map((r) => ({
      path: r.path as string,
      seenAt: r.seen_at as string,
      container: r.container_sha256 === null ? null : { sha256: r.container_sha256 as string, entry: r.entry_path as string },
    }));
  }

  async saveIngestBatch(batch: IngestBatch): Promise<'stored' | 'already-known'> {
    const s = this.statements;
    return this.db.transaction((): 'stored' | 'already-known' => {
      const { source } = batch;
      const container = [source.container?.sha256 ?? null, source.container?.entry ?? null];
      if (s.hasSource.get(source.sha256) !== undefined) {
        s.addSourcePath.run(source.sha256, source.path, source.ingestedAt, ...container);
        s.addToCollection.run(source.sha256, source.collection ?? defaultCollection);
        s.deleteProblem.run(source.path);
        return 'already-known';
      }
      s.insertSource.run(source.sha256, source.size, source.mediaType, source.path, source.ingestedAt);
      s.addToCollection.run(source.sha256, source.collection ?? defaultCollection);
      s.addSourcePath.run(source.sha256, source.path, source.ingestedAt, ...container);
      for (const doc of batch.documents) {
        const info = s.insertDocument.run({
          ...doc,
          spanStart: doc.span?.start ?? null,
          spanEnd: doc.span?.end ?? null,
          isLeaf: doc.isLeaf ? 1 : 0,
          metadata: JSON.stringify(doc.metadata),
        });
        if (doc.isLeaf) s.indexDocument.run(info.lastInsertRowid, doc.title ?? '', doc.text);
      }
      this.entities.saveResolved(batch);
      s.deleteProblem.run(source.path);
      return 'stored';
    }).immediate();
  }

  async recordProblem(problem: IngestProblem): Promise<void> {
    this.statements.upsertProblem.run(problem.path, problem.sha256, problem.kind, problem.reason, problem.at, problem.code ?? null, problem.collection ?? defaultCollection);
  }

  async listProblems(): Promise<IngestProblem[]> {
    const rows = this.db.prepare('SELECT path, sha256, kind, reason, at, code, collection FROM ingest_problems ORDER BY path').all() as Row[];
    return rows.map((r) => ({
      path: r.path as string,
      sha256: (r.sha256 as string | null) ?? null,
      kind: r.kind as ProblemKind,
      reason: r.reason as string,
      at: r.at as string,
      ...(r.code === null ? {} : { code: r.code as string }),
      collection: r.collection as string,
    }));
  }

  async listDocuments(page: Page, scope: Scope = null): Promise<DocumentRecord[]> {
    if (scope === null) return (this.statements.listDocuments.all(page.limit, page.offset) as Row[]).map(toDocument);
    const inScope = documentsInScope(scope, 'sha256');
    return (this.db.prepare(`SELECT ${documentColumns} FROM documents WHERE ${inScope.where} ORDER BY seq LIMIT ? OFFSET ?`).all(...inScope.params, page.limit, page.offset) as Row[]).map(toDocument);
  }

  async getDocument(id: string, scope: Scope = null): Promise<DocumentRecord | null> {
    const inScope = documentsInScope(scope, 'sha256');
    const row = (scope === null ? this.statements.getDocument.get(id) : this.db.prepare(`SELECT ${documentColumns} FROM documents WHERE id = ? AND ${inScope.where}`).get(id, ...inScope.params)) as Row | undefined;
    return row ? toDocument(row) : null;
  }

  async childDocuments(parentId: string, scope: Scope = null): Promise<DocumentRecord[]> {
    const inScope = documentsInScope(scope, 'sha256');
    return (this.db.prepare(`SELECT ${documentColumns} FROM documents WHERE parent_id = ? AND ${inScope.where} ORDER BY position`).all(parentId, ...inScope.params) as Row[]).map(toDocument);
  }

  async documentsIn(ids: string[], scope: Scope): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const inScope = documentsInScope(scope, 'sha256');
    const rows = this.db.prepare(`SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?)) AND ${inScope.where}`).all(JSON.stringify([...new Set(ids)]), ...inScope.params) as Row[];
    return new Set(rows.map((r) => r.id as string));
  }

  async listCollections(): Promise<{ name: string; sources: number }[]> {
    return (this.db.prepare('SELECT collection AS name, count(*) AS sources FROM source_collections GROUP BY collection ORDER BY collection').all() as Row[]).map((r) => ({ name: r.name as string, sources: r.sources as number }));
  }

  async searchDocuments(query: TextQuery | null, page: Page, scope: Scope = null, filter: DocumentFilter = {}): Promise<{ total: number; hits: SearchHit[] }> {
    return this.views.search(query, page, scope, filter);
  }

  async documentFacets(query: TextQuery | null, filter: DocumentFilter, scope: Scope = null, top = 15): Promise<DocumentFacets> {
    return this.views.facets(query, filter, scope, top);
  }

  async placesInDocuments(query: TextQuery | null, filter: DocumentFilter, scope: Scope = null): Promise<{ places: PlaceActivity[]; documents: number }> {
    return this.views.places(query, filter, scope);
  }

  async findEntitiesByName(text: string, filter: { types?: EntityType[] }, page: Page, scope: Scope = null): Promise<EntitySummary[]> {
    return this.names.byName(text, filter, page, scope);
  }

  async coMentions(ids: string[], filter: LinkFilter, scope: Scope = null): Promise<CoMention[]> {
    return this.links.coMentions(ids, filter, scope);
  }

  async entityActivity(ids: string[], range: { from?: string; to?: string }, scope: Scope = null): Promise<EntityActivity[]> {
    return this.links.activity(ids, range, scope);
  }

  async entityTimeline(id: string, scope: Scope = null): Promise<EntityTimeline> {
    return this.links.timeline(id, scope);
  }

  async findEntityCandidates(type: EntityType, keys: string[], names: string[], minSharedKeys = 1): Promise<EntityCandidate[]> {
    return this.entities.candidates(type, keys, names, minSharedKeys);
  }

  async listEntities(filter: { type?: EntityType }, page: Page, scope: Scope = null): Promise<EntitySummary[]> {
    return this.entities.list(filter, page, scope);
  }

  async getEntity(id: string, scope: Scope = null): Promise<EntitySummary | null> {
    return this.entities.get(id, scope);
  }

  async mentionsOfEntity(id: string, scope: Scope = null): Promise<MentionRecord[]> {
    return this.entities.mentionsOf(id, scope);
  }

  async sharedCompany(entityIds: string[], company: string[]): Promise<Record<string, number>> {
    return this.entities.sharedCompany(entityIds, company);
  }

  async mentionsInDocument(documentId: string, scope: Scope = null): Promise<MentionRecord[]> {
    return this.entities.mentionsInDocument(documentId, scope);
  }

  async mergeEntities(decision: EntityMerge): Promise<{ moved: number }> {
    return this.db.transaction(() => this.entities.merge(decision)).immediate();
  }

  async splitEntity(decision: EntitySplit, keys: EntityKeyRecord[]): Promise<{ moved: number }> {
    return this.db.transaction(() => this.entities.split(decision, keys)).immediate();
  }

  async entityDecisions(entityId?: string): Promise<EntityDecision[]> {
    return this.entities.decisions(entityId);
  }

  async replaceDocumentMentions(doc: ReextractedDocument): Promise<void> {
    this.db.transaction(() => this.entities.replaceDocumentMentions(doc)).immediate();
  }

  async pruneEntities(): Promise<{ entities: number; names: number }> {
    return this.db.transaction(() => this.entities.prune()).immediate();
  }

  async setEntityPlaces(links: { entityId: string; place: PlaceLink }[]): Promise<void> {
    this.db.transaction(() => this.entities.setPlaces(links)).immediate();
  }

  async putWatchlistEntry(entry: WatchlistEntry, change: WatchlistChange = { actor: 'system', at: entry.updatedAt }): Promise<void> {
    await this.putWatchlistEntries([{ entry, change }]);
  }

  async putWatchlistEntries(writes: { entry: WatchlistEntry; change: WatchlistChange }[]): Promise<void> {
    this.db.transaction(() => {
      for (const { entry, change } of writes) this.writeWatchlistEntry(entry, change);
    }).immediate();
  }

  private writeWatchlistEntry(entry: WatchlistEntry, change: WatchlistChange): void {
    if (entry.ref !== null) {
      const owner = this.db.prepare('SELECT id FROM watchlist_entries WHERE list = ? AND ref = ?').get(entry.list, entry.ref) as Row | undefined;
      if (owner && owner.id !== entry.id) {
        throw new VigilError('conflict', 'watchlist.duplicate-ref', `list "${entry.list}" already has an entry with reference "${entry.ref}" (${owner.id as string})`);
      }
    }
    const previous = this.db.prepare('SELECT status, (SELECT max(version) FROM watchlist_versions WHERE entry_id = ?) AS version FROM watchlist_entries WHERE id = ?')
      .get(entry.id, entry.id) as { status: WatchlistStatus; version: number | null } | undefined;
    const status: WatchlistStatus = entry.status ?? 'active';
    const kind: WatchlistVersion['change'] = !previous
      ? 'added'
      : previous.status === status
        ? 'updated'
        : status === 'removed' ? 'removed' : previous.status === 'proposed' ? 'approved' : 'restored';
    const stored: WatchlistEntry = { ...entry, status, version: (previous?.version ?? 0) + 1 };
    const data = JSON.stringify(stored);
    this.db
      .prepare(`INSERT INTO watchlist_entries (id, list, ref, data, created_at, updated_at, status) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET list = excluded.list, ref = excluded.ref, data = excluded.data,
                  updated_at = excluded.updated_at, status = excluded.status`)
      .run(entry.id, entry.list, entry.ref, data, entry.createdAt, entry.updatedAt, status);
    this.statements.bumpWatchlistVersion.run();
    const storeVersion = (this.db.prepare(`SELECT value FROM counters WHERE name = 'watchlist_version'`).get() as { value: number }).value;
    this.db
      .prepare('INSERT INTO watchlist_versions (entry_id, version, at, actor, change, note, data, store_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.id, stored.version, change.at, change.actor, kind, change.note ?? null, data, storeVersion);
    this.db.prepare('DELETE FROM watchlist_entity_links WHERE entry_id = ?').run(entry.id);
    for (const evidence of entry.evidence) {
      this.db.prepare('INSERT OR IGNORE INTO watchlist_entity_links (entry_id, entity_id) VALUES (?, ?)').run(entry.id, evidence.entityId);
    }
  }

  async watchlistHistory(entryId: string): Promise<WatchlistVersion[]> {
    const rows = this.db
      .prepare('SELECT version, at, actor, change, note, data FROM watchlist_versions WHERE entry_id = ? ORDER BY version')
      .all(entryId) as Row[];
    return rows.map((r) => ({
      version: r.version as number,
      at: r.at as string,
      actor: r.actor as string,
      change: r.change as WatchlistVersion['change'],
      note: (r.note as string | null) ?? null,
      entry: JSON.parse(r.data as string) as WatchlistEntry,
    }));
  }

  async getWatchlistEntry(id: string): Promise<WatchlistEntry | null> {
    const row = this.statements.getWatchlistEntry.get(id) as Row | undefined;
    return row ? (JSON.parse(row.data as string) as WatchlistEntry) : null;
  }

  async findWatchlistEntryByRef(list: string, ref: string): Promise<WatchlistEntry | null> {
    const row = this.statements.watchlistByRef.get(list, ref) as Row | undefined;
    return row ? (JSON.parse(row.data as string) as WatchlistEntry) : null;
  }

  async findWatchlistEntriesByEntity(entityId: string): Promise<WatchlistEntry[]> {
    const rows = this.db
      .prepare(`SELECT w.data FROM watchlist_entries w JOIN watchlist_entity_links l ON l.entry_id = w.id
                WHERE l.entity_id = ? ORDER BY w.created_at, w.id`)
      .all(entityId) as Row[];
    return rows.map((r) => JSON.parse(r.data as string) as WatchlistEntry);
  }

  async listWatchlistEntries(filter: WatchlistFilter, page: Page): Promise<WatchlistEntry[]> {
    const { where, values } = watchlistWhere(filter);
    const rows = this.db
      .prepare(`SELECT data FROM watchlist_entries ${where} ORDER BY created_at, list, ref, id LIMIT ? OFFSET ?`)
      .all(...values, page.limit, page.offset) as Row[];
    return rows.map((r) => JSON.parse(r.data as string) as WatchlistEntry);
  }

  async countWatchlistEntries(filter: WatchlistFilter): Promise<number> {
    const { where, values } = watchlistWhere(filter);
    return (this.db.prepare(`SELECT count(*) AS n FROM watchlist_entries ${where}`).get(...values) as { n: number }).n;
  }

  async entityKeyVersion(): Promise<number> {
    const row = this.db.prepare("SELECT value FROM store_settings WHERE name = 'entity-key-version'").get() as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  async replaceEntityKeys(version: number, types: EntityType[], keys: EntityKeyRecord[]): Promise<void> {
    const remove = this.db.prepare('DELETE FROM entity_keys WHERE type = ?');
    const insert = this.db.prepare('INSERT OR IGNORE INTO entity_keys (entity_id, type, key) VALUES (?, ?, ?)');
    const setVersion = this.db.prepare(
      "INSERT INTO store_settings (name, value) VALUES ('entity-key-version', ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
    );
    this.db.transaction(() => {
      for (const type of types) remove.run(type);
      for (const k of keys) insert.run(k.entityId, k.type, k.key);
      setVersion.run(String(version));
    })();
  }

  async putListThresholds(t: ListThresholds): Promise<void> {
    this.db
      .prepare(`INSERT INTO list_thresholds (list, match, review, actor, at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(list) DO UPDATE SET match = excluded.match, review = excluded.review, actor = excluded.actor, at = excluded.at`)
      .run(t.list, t.match, t.review, t.actor, t.at);
  }

  async listThresholds(): Promise<ListThresholds[]> {
    return this.db.prepare('SELECT list, match, review, actor, at FROM list_thresholds ORDER BY list').all() as ListThresholds[];
  }

  async recordScreeningDecision(d: ScreeningDecision): Promise<void> {
    try {
      this.db
        .prepare(`INSERT INTO screening_decisions (traveller_key, entry_id, entry_version, decision, actor, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(d.travellerKey, d.entryId, d.entryVersion, d.decision, d.actor, d.at, d.note);
    } catch (error) {
      if (error instanceof Error && /FOREIGN KEY/.test(error.message)) {
        throw new VigilError('not-found', 'watchlist.unknown-entry', `no watchlist entry with id "${d.entryId}"`, { cause: error });
      }
      throw error;
    }
  }

  async screeningDecisions(travellerKey: string): Promise<ScreeningDecision[]> {
    const rows = this.db
      .prepare('SELECT traveller_key, entry_id, entry_version, decision, actor, at, note FROM screening_decisions WHERE traveller_key = ? ORDER BY id')
      .all(travellerKey) as Row[];
    return rows.map((r) => ({
      travellerKey: r.traveller_key as string,
      entryId: r.entry_id as string,
      entryVersion: r.entry_version as number,
      decision: r.decision as ScreeningDecision['decision'],
      actor: r.actor as string,
      at: r.at as string,
      note: (r.note as string | null) ?? null,
    }));
  }

  async watchlistChangedSince(version: number): Promise<{ version: number; entries: WatchlistEntry[] }> {
    return this.db.transaction(() => {
      const current = (this.db.prepare(`SELECT value FROM counters WHERE name = 'watchlist_version'`).get() as { value: number }).value;
      const rows = this.db
        .prepare(`SELECT data FROM watchlist_entries WHERE id IN (SELECT DISTINCT entry_id FROM watchlist_versions WHERE store_version > ?) ORDER BY id`)
        .all(version) as Row[];
      return { version: current, entries: rows.map((r) => JSON.parse(r.data as string) as WatchlistEntry) };
    })();
  }

  async watchlistVersion(): Promise<number> {
    return (this.db.prepare(`SELECT value FROM counters WHERE name = 'watchlist_version'`).get() as { value: number }).value;
  }

  async addDocumentRegistryEntries(entries: DocumentRegistryEntry[]): Promise<{ added: number; alreadyKnown: number }> {
    return this.db.transaction(() => {
      let added = 0;
      for (const entry of entries) added += this.statements.insertRegistryEntry.run(entry).changes;
      return { added, alreadyKnown: entries.length - added };
    }).immediate();
  }

  async documentRegistrySince(version: number): Promise<{ version: number; entries: DocumentRegistryEntry[] }> {
    const entries: DocumentRegistryEntry[] = [];
    let last = version;
    // Iterated rather than read whole: a national registry runs to millions of rows.
    for (const r of this.statements.registrySince.iterate(version) as Iterable<Row>) {
      last = r.seq as number;
      entries.push({
        id: r.id as string,
        country: r.country as string,
        type: r.type as string,
        number: r.number as string,
        numberEnd: (r.number_end as string | null) ?? null,
        status: r.status as DocumentRegistryStatus,
        reported: (r.reported as string | null) ?? null,
        source: (r.source as string | null) ?? null,
        notes: (r.notes as string | null) ?? null,
        addedAt: r.added_at as string,
        addedBy: r.added_by as string,
      });
    }
    return { version: entries.length > 0 ? last : await this.documentRegistryVersion(), entries };
  }

  async documentRegistryVersion(): Promise<number> {
    return (this.statements.registryVersion.get() as { v: number }).v;
  }

  // --- users, tokens, sessions, audit: see access-tables.ts ---
  createUser(user: UserRecord) { return this.access.createUser(user); }
  userByName(name: string) { return this.access.userByName(name); }
  userById(id: string) { return this.access.userById(id); }
  listUsers() { return this.access.listUsers(); }
  updateUser(id: string, change: UserChange) { return this.access.updateUser(id, change); }
  createToken(token: TokenRecord) { return this.access.createToken(token); }
  tokenByHash(hash: string) { return this.access.tokenByHash(hash); }
  listTokens(userId?: string) { return this.access.listTokens(userId); }
  revokeToken(id: string, at: string) { return this.access.revokeToken(id, at); }
  touchToken(id: string, at: string) { return this.access.touchToken(id, at); }
  createSession(session: SessionRecord) { return this.access.createSession(session); }
  sessionByHash(hash: string) { return this.access.sessionByHash(hash); }
  touchSession(hash: string, at: string) { return this.access.touchSession(hash, at); }
  endSession(hash: string, at: string) { return this.access.endSession(hash, at); }
  endSessionsOf(userId: string, at: string) { return this.access.endSessionsOf(userId, at); }
  appendAudit(seal: (last: Pick<StoredAuditRecord, 'seq' | 'hash'> | null) => StoredAuditRecord) { return this.access.appendAudit(seal); }
  auditRecords(afterSeq: number, limit: number, filter?: AuditFilter) { return this.access.auditRecords(afterSeq, limit, filter); }

  async summary(scope: Scope = null): Promise<StoreSummary> {
    const one = (sql: string, params: unknown[] = []) => (this.db.prepare(sql).get(...params) as { n: number }).n;
    const entitiesByType: StoreSummary['entitiesByType'] = {};
    const sources = documentsInScope(scope, 'sha256');
    const documents = documentsInScope(scope, 'sha256');
    const mentions = mentionsInScope(scope, 'document_id');
    // In a scope, the entities counted are those mentioned in it (an entity with no mention there is not seen).
    const entityCounts = scope === null
      ? this.db.prepare('SELECT type, count(*) AS n FROM entities WHERE merged_into IS NULL GROUP BY type ORDER BY type').all()
      : this.db.prepare(`SELECT type, count(DISTINCT entity_id) AS n FROM mentions WHERE ${mentions.where} GROUP BY type ORDER BY type`).all(...mentions.params);
    for (const r of entityCounts as Row[]) {
      entitiesByType[r.type as EntityType] = r.n as number;
    }
    const problems: Record<ProblemKind, number> = { failed: 0, unsupported: 0, 'not-extracted': 0, 'needs-ocr': 0, warning: 0 };
    // Ingest problems name files of every collection and belong to none: counted for the whole store only.
    for (const r of (scope === null ? this.db.prepare('SELECT kind, count(*) AS n FROM ingest_problems GROUP BY kind').all() : []) as Row[]) {
      problems[r.kind as ProblemKind] = r.n as number;
    }
    return {
      sources: one(`SELECT count(*) AS n FROM sources WHERE ${sources.where}`, sources.params),
      documents: one(`SELECT count(*) AS n FROM documents WHERE ${documents.where}`, documents.params),
      leafDocuments: one(`SELECT count(*) AS n FROM documents WHERE is_leaf = 1 AND ${documents.where}`, documents.params),
      problems,
      entitiesByType,
      mentions: one(`SELECT count(*) AS n FROM mentions WHERE ${mentions.where}`, mentions.params),
      watchlistEntries: one(`SELECT count(*) AS n FROM watchlist_entries WHERE status = 'active'`),
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
