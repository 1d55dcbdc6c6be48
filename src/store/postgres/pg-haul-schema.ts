// Migration 1 of the PostgreSQL store: the haul (sources, their places and collections, documents, ingest problems)
// and what extraction made of it (entities, their keys and spellings, mentions, analysts' decisions). Tables and
// columns are those of the SQLite store after all its migrations, so SQL reads alike on both.
//
// Text columns are COLLATE "C": SQLite compares text byte by byte, and ORDER BY id, path or name must give the same
// order on both stores whatever locale the cluster was created with (it also lets the btree indexes serve prefixes).
// JSON (documents.metadata, entities.place, entity_decisions.names/documents) stays TEXT as in SQLite: the views cast
// it with ::jsonb where they need a field inside SQL. Flags stay INTEGER 0/1 (is_leaf = 1 reads the same on both).
// Timestamps stay the ISO strings the records carry, TEXT, so they come back exactly as they were given.
export const haulSchema = `
CREATE TABLE sources (
  sha256 TEXT COLLATE "C" PRIMARY KEY,
  size BIGINT NOT NULL,
  media_type TEXT COLLATE "C" NOT NULL,
  first_path TEXT COLLATE "C" NOT NULL,
  ingested_at TEXT COLLATE "C" NOT NULL
);
CREATE TABLE source_paths (
  sha256 TEXT COLLATE "C" NOT NULL REFERENCES sources(sha256),
  path TEXT COLLATE "C" NOT NULL,
  seen_at TEXT COLLATE "C" NOT NULL,
  -- Set when the path is an entry inside an archive: the archive's bytes and the entry's path inside it.
  container_sha256 TEXT COLLATE "C",
  entry_path TEXT COLLATE "C",
  PRIMARY KEY (sha256, path)
);
CREATE INDEX source_paths_container ON source_paths(container_sha256);
-- The collections (cases) each source was ingested into; documents are in those of their source's bytes.
CREATE TABLE source_collections (
  sha256 TEXT COLLATE "C" NOT NULL REFERENCES sources(sha256),
  collection TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (sha256, collection)
);
CREATE INDEX source_collections_collection ON source_collections(collection, sha256);
CREATE TABLE documents (
  -- The saving order (listDocuments, and the key the full-text column of migration 4 is read by).
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  sha256 TEXT COLLATE "C" NOT NULL REFERENCES sources(sha256),
  size BIGINT NOT NULL,
  path TEXT COLLATE "C" NOT NULL,
  media_type TEXT COLLATE "C" NOT NULL,
  ingested_at TEXT COLLATE "C" NOT NULL,
  parent_id TEXT COLLATE "C" REFERENCES documents(id),
  position INTEGER NOT NULL,
  title TEXT COLLATE "C",
  author TEXT COLLATE "C",
  date TEXT COLLATE "C",
  language TEXT COLLATE "C",
  text TEXT COLLATE "C" NOT NULL,
  span_start INTEGER,
  span_end INTEGER,
  is_leaf INTEGER NOT NULL,
  metadata TEXT NOT NULL
);
CREATE INDEX documents_parent ON documents(parent_id, position);
CREATE INDEX documents_sha256 ON documents(sha256);
CREATE TABLE ingest_problems (
  path TEXT COLLATE "C" PRIMARY KEY,
  sha256 TEXT COLLATE "C",
  kind TEXT COLLATE "C" NOT NULL,
  reason TEXT NOT NULL,
  at TEXT COLLATE "C" NOT NULL,
  -- The stable code of a failure's reason (ingest.encrypted, ingest.corrupt …), for summaries by reason.
  code TEXT COLLATE "C",
  collection TEXT COLLATE "C" NOT NULL DEFAULT 'default'
);
CREATE TABLE entities (
  id TEXT COLLATE "C" PRIMARY KEY,
  type TEXT COLLATE "C" NOT NULL,
  first_name TEXT COLLATE "C" NOT NULL,
  -- The gazetteer record a place resolved to (JSON: id, name, country, lat, lon).
  place TEXT,
  -- Set when an analyst merged the entity into another one.
  merged_into TEXT COLLATE "C" REFERENCES entities(id)
);
CREATE TABLE entity_keys (
  entity_id TEXT COLLATE "C" NOT NULL REFERENCES entities(id),
  type TEXT COLLATE "C" NOT NULL,
  key TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (type, key, entity_id)
);
CREATE INDEX entity_keys_entity ON entity_keys(entity_id);
-- Every distinct spelling of an entity, so resolution never scans its mentions.
CREATE TABLE entity_names (
  entity_id TEXT COLLATE "C" NOT NULL REFERENCES entities(id),
  type TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (entity_id, name)
);
CREATE INDEX entity_names_type_name ON entity_names(type, name);
CREATE TABLE mentions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id),
  entity_id TEXT COLLATE "C" NOT NULL REFERENCES entities(id),
  type TEXT COLLATE "C" NOT NULL,
  text TEXT COLLATE "C" NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  confidence DOUBLE PRECISION NOT NULL,
  method TEXT COLLATE "C" NOT NULL,
  value TEXT COLLATE "C",
  -- Null for none recorded: the mention's own span stands for its sentence.
  sentence_start INTEGER,
  sentence_end INTEGER
);
-- SQLite's indexes end with the rowid; here id is written out, so the views (which take min(id) as "first seen")
-- read spellings and documents by entity, and entities by document, from the indexes alone as on SQLite.
CREATE INDEX mentions_entity ON mentions(entity_id, text, document_id, id);
CREATE INDEX mentions_document ON mentions(document_id, start_offset, entity_id, type, id);
-- An entity's latest mentions (sharedCompany, at every resolution), read backwards without sorting all of them.
CREATE INDEX mentions_entity_recent ON mentions(entity_id, id);
-- Merges and splits, in the order they were made; only ever added to, and replayed on every resolution.
CREATE TABLE entity_decisions (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  kind TEXT COLLATE "C" NOT NULL,
  entity_id TEXT COLLATE "C" NOT NULL,
  other_id TEXT COLLATE "C" NOT NULL,
  names TEXT NOT NULL,
  documents TEXT NOT NULL,
  actor TEXT COLLATE "C" NOT NULL,
  at TEXT COLLATE "C" NOT NULL,
  note TEXT
);
CREATE INDEX entity_decisions_entity ON entity_decisions(entity_id);
CREATE INDEX entity_decisions_other ON entity_decisions(other_id);
-- Small named facts about the store itself, such as which version of the name-key rules wrote entity_keys.
CREATE TABLE store_settings (
  name TEXT COLLATE "C" PRIMARY KEY,
  value TEXT NOT NULL
);
`;
