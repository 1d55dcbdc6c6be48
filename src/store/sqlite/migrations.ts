// Versioned schema for the embedded store. Append new migrations; never edit an applied one.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const sqliteMigrations: Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE sources (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        media_type TEXT NOT NULL,
        first_path TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE TABLE source_paths (
        sha256 TEXT NOT NULL REFERENCES sources(sha256),
        path TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (sha256, path)
      );
      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL REFERENCES sources(sha256),
        size INTEGER NOT NULL,
        path TEXT NOT NULL,
        media_type TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        parent_id TEXT REFERENCES documents(id),
        position INTEGER NOT NULL,
        title TEXT,
        author TEXT,
        date TEXT,
        language TEXT,
        text TEXT NOT NULL,
        span_start INTEGER,
        span_end INTEGER,
        is_leaf INTEGER NOT NULL,
        metadata TEXT NOT NULL
      );
      CREATE INDEX documents_parent ON documents(parent_id, position);
      CREATE INDEX documents_sha256 ON documents(sha256);
      -- External-content index over leaf documents only; rows are added in the same transaction.
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        first_name TEXT NOT NULL
      );
      CREATE TABLE entity_keys (
        entity_id TEXT NOT NULL REFERENCES entities(id),
        type TEXT NOT NULL,
        key TEXT NOT NULL,
        PRIMARY KEY (type, key, entity_id)
      ) WITHOUT ROWID;
      -- Every distinct spelling of an entity, so resolution never scans its mentions.
      CREATE TABLE entity_names (
        entity_id TEXT NOT NULL REFERENCES entities(id),
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (entity_id, name)
      ) WITHOUT ROWID;
      CREATE INDEX entity_names_type_name ON entity_names(type, name);
      CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id),
        entity_id TEXT NOT NULL REFERENCES entities(id),
        type TEXT NOT NULL,
        text TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        confidence REAL NOT NULL,
        method TEXT NOT NULL
      );
      CREATE INDEX mentions_entity ON mentions(entity_id);
      CREATE INDEX mentions_document ON mentions(document_id, start_offset);
      CREATE TABLE ingest_problems (
        path TEXT PRIMARY KEY,
        sha256 TEXT,
        kind TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE TABLE watchlist_entries (
        id TEXT PRIMARY KEY,
        list TEXT NOT NULL,
        ref TEXT,
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX watchlist_entries_ref ON watchlist_entries(list, ref) WHERE ref IS NOT NULL;
      CREATE TABLE watchlist_entity_links (
        entry_id TEXT NOT NULL REFERENCES watchlist_entries(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL REFERENCES entities(id),
        PRIMARY KEY (entry_id, entity_id)
      );
      CREATE INDEX watchlist_entity_links_entity ON watchlist_entity_links(entity_id);
      CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
      INSERT INTO counters (name, value) VALUES ('watchlist_version', 0);
    `,
  },
  {
    version: 2,
    name: 'watchlist history and status',
    sql: `
      ALTER TABLE watchlist_entries ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
      CREATE INDEX watchlist_entries_list_status ON watchlist_entries(list, status);
      CREATE TABLE watchlist_versions (
        entry_id TEXT NOT NULL REFERENCES watchlist_entries(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        change TEXT NOT NULL,
        note TEXT,
        data TEXT NOT NULL,
        PRIMARY KEY (entry_id, version)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'screening decisions',
    sql: `
      CREATE TABLE screening_decisions (
        id INTEGER PRIMARY KEY,
        traveller_key TEXT NOT NULL,
        entry_id TEXT NOT NULL REFERENCES watchlist_entries(id),
        entry_version INTEGER NOT NULL,
        decision TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        note TEXT
      );
      CREATE INDEX screening_decisions_traveller ON screening_decisions(traveller_key, id);
    `,
  },
  {
    version: 4,
    name: 'watchlist change feed',
    sql: `
      -- The store-wide watchlist counter after each change, so screening indexes can catch up without a rebuild.
      ALTER TABLE watchlist_versions ADD COLUMN store_version INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX watchlist_versions_store_version ON watchlist_versions(store_version);
    `,
  },
  {
    version: 5,
    name: 'list thresholds',
    sql: `
      CREATE TABLE list_thresholds (
        list TEXT PRIMARY KEY,
        match REAL NOT NULL,
        review REAL NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: 'store settings',
    sql: `
      -- Small named facts about the store itself, such as which version of the name-key rules wrote entity_keys.
      CREATE TABLE store_settings (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 7,
    name: 'document registry',
    sql: `
      -- Stolen, lost and blank travel documents: one document (number_end NULL) or a serial range per row.
      -- Rows are only added; seq orders them, and the largest seq is the registry's version.
      CREATE TABLE document_registry (
        seq INTEGER PRIMARY KEY,
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
    `,
  },
  {
    version: 8,
    name: 'mention values and sentences, places, analyst decisions on entities',
    sql: `
      ALTER TABLE mentions ADD COLUMN value TEXT;
      -- Mentions stored before this version have no sentence recorded: their own span stands for it.
      ALTER TABLE mentions ADD COLUMN sentence_start INTEGER;
      ALTER TABLE mentions ADD COLUMN sentence_end INTEGER;
      -- The gazetteer record a place resolved to (JSON: id, name, country, lat, lon).
      ALTER TABLE entities ADD COLUMN place TEXT;
      -- Set when an analyst merged the entity into another one.
      ALTER TABLE entities ADD COLUMN merged_into TEXT REFERENCES entities(id);
      -- Merges and splits, in the order they were made; only ever added to, and replayed on every resolution.
      CREATE TABLE entity_decisions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        other_id TEXT NOT NULL,
        names TEXT NOT NULL,
        documents TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        note TEXT
      );
      CREATE INDEX entity_decisions_entity ON entity_decisions(entity_id);
      CREATE INDEX entity_decisions_other ON entity_decisions(other_id);
    `,
  },
  {
    version: 9,
    name: 'entity keys by entity',
    sql: `
      -- Reading a candidate's keys, merging and pruning go by entity: without this every read scanned the table,
      -- which made resolution slow down in proportion to the store (0.06 MB/s after 8 MB of reports).
      CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
    `,
  },
  {
    version: 10,
    name: 'mentions by document hold their entity',
    sql: `
      -- Telling namesakes apart asks which entities the documents of a candidate name: with the entity in the index,
      -- that is read from the index alone, not from every mention's row.
      DROP INDEX mentions_document;
      CREATE INDEX mentions_document ON mentions(document_id, start_offset, entity_id);
    `,
  },
  {
    version: 11,
    name: 'files found inside containers',
    sql: `
      -- Set when the path is an entry inside an archive: the archive's bytes and the entry's path inside it.
      ALTER TABLE source_paths ADD COLUMN container_sha256 TEXT;
      ALTER TABLE source_paths ADD COLUMN entry_path TEXT;
      CREATE INDEX source_paths_container ON source_paths(container_sha256);
    `,
  },
  {
    version: 12,
    name: 'problem codes',
    sql: `
      -- The stable code of a failure's reason (ingest.encrypted, ingest.corrupt …), for summaries by reason.
      ALTER TABLE ingest_problems ADD COLUMN code TEXT;
    `,
  },
  {
    version: 13,
    name: 'users, tokens, sessions and the audit log',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL,
        password_hash TEXT,
        disabled INTEGER NOT NULL DEFAULT 0,
        collections TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        must_change_password INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        label TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        revoked_at TEXT,
        last_used_at TEXT
      );
      CREATE INDEX api_tokens_user ON api_tokens(user_id);
      CREATE TABLE sessions (
        hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        ended_at TEXT
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        outcome TEXT NOT NULL,
        details TEXT NOT NULL,
        prev TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      -- Append-only for Vigil itself; whoever edits the file by other means breaks the hash chain instead.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
  {
    version: 14,
    name: 'collections',
    sql: `
      -- The collections (cases) each source was ingested into; documents are in those of their source's bytes.
      CREATE TABLE source_collections (
        sha256 TEXT NOT NULL REFERENCES sources(sha256),
        collection TEXT NOT NULL,
        PRIMARY KEY (sha256, collection)
      );
      CREATE INDEX source_collections_collection ON source_collections(collection, sha256);
      INSERT INTO source_collections (sha256, collection) SELECT sha256, 'default' FROM sources;
      ALTER TABLE ingest_problems ADD COLUMN collection TEXT NOT NULL DEFAULT 'default';
    `,
  },
  {
    version: 15,
    name: 'audit records by time',
    sql: `
      -- vigil audit export --since and GET /api/audit?since= read from a time on, not the whole log.
      CREATE INDEX audit_log_at ON audit_log(at, seq);
    `,
  },
  {
    version: 16,
    name: 'audit records by actor and action',
    sql: `
      -- The audit screen's filters: one user's records, or one kind of action (GET /api/audit?actor=, ?action=).
      CREATE INDEX audit_log_actor ON audit_log(actor, seq);
      CREATE INDEX audit_log_action ON audit_log(action, seq);
    `,
  },
  {
    version: 17,
    name: 'mention indexes that cover the views',
    sql: `
      -- The haul's views count mentions by document (facets, co-mentions) and spellings by entity (the name shown,
      -- in the caller's scope): with the type, the spelling and the document in the indexes these are read from the
      -- indexes alone, not from each mention's row (facets over 5,000 documents: 450 ms before; npm run bench:views).
      -- Each replaces the index it extends, so saving a mention updates as many indexes as before.
      DROP INDEX mentions_entity;
      CREATE INDEX mentions_entity ON mentions(entity_id, text, document_id);
      DROP INDEX mentions_document;
      CREATE INDEX mentions_document ON mentions(document_id, start_offset, entity_id, type);
    `,
  },
];
