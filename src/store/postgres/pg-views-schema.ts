// Migration 4 of the PostgreSQL store: what the haul's views read besides the tables of migration 1, namely the
// full-text column of documents and the folded spellings that entity name search matches.
//
// Full text: one generated tsvector per document, the title weighted A and the text D (ranked 4:1 like SQLite's
// bm25(documents_fts, 4.0, 1.0)), under a GIN index. The configuration vigil_text is 'simple' (no stemming, no stop
// words: the haul is multilingual, as FTS5's unicode61 tokenizer does not stem) behind the unaccent dictionary, so
// "Muhājir" is found by "muhajir" and the other way round (FTS5's remove_diacritics 2). unaccent ships with
// postgresql-contrib and is a trusted extension (PostgreSQL 13+), so a database owner may create it.
// Only leaf documents are searched; containers get an empty vector, which the GIN index never holds.
//
// Entity names: entity_names.folded holds names/normaliseText(name), which only TypeScript computes (the one
// normaliser in Vigil); rows written without it are folded by the name search before it reads (see
// pg-entity-name-search.ts), found through the partial index of rows still to fold.
export const viewSchema = `
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION vigil_text (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION vigil_text
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
  WITH unaccent, simple;
ALTER TABLE documents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  CASE WHEN is_leaf = 1
    THEN setweight(to_tsvector('vigil_text'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('vigil_text'::regconfig, text), 'D')
    ELSE ''::tsvector END
) STORED;
CREATE INDEX documents_search_vector ON documents USING GIN (search_vector);
-- A term of the query as a tsquery: its words as a phrase, tokenised like the text, the last word a prefix when asked.
-- The phrase is PostgreSQL's own output (lexemes quoted by tsquery's text form): ':*' goes after its last quoted lexeme.
CREATE FUNCTION vigil_term_tsquery(words TEXT, prefix BOOLEAN) RETURNS tsquery LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN prefix AND q::text LIKE '%''' THEN (q::text || ':*')::tsquery ELSE q END
  FROM phraseto_tsquery('vigil_text'::regconfig, words) AS q
$$;
ALTER TABLE entity_names ADD COLUMN folded TEXT COLLATE "C";
CREATE INDEX entity_names_unfolded ON entity_names(entity_id, name) WHERE folded IS NULL;
`;
