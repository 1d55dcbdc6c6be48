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
// pg-entity-name-search.ts), found through the partial index of rows still to fold. A trigram index (pg_trgm, also
// a trusted contrib extension) finds a piece anywhere in the folded spellings.
export const viewSchema = `
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION vigil_text (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION vigil_text
  ALTER MAPPING FOR asciiword, hword_asciipart, word, hword_part, numword, hword_numpart WITH unaccent, simple;
-- A hyphenated word is indexed as its parts only, as unicode61 splits it: "al-Baghdadi" is al, baghdadi, and the
-- query al-bagh* (al <-> bagh:*) finds it. Whole compounds as well would shift the positions phrases rely on.
ALTER TEXT SEARCH CONFIGURATION vigil_text DROP MAPPING FOR asciihword, hword, numhword;
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
-- A search hit's snippet as FTS5's snippet(documents_fts, -1, char(2), char(3), '…', 24) gives it: about 24 words
-- around the best match, matched words between char(2) and char(3), '…' where the text goes on. ts_headline gives
-- the fragment alone, its edge punctuation (and in fragment mode a last number) dropped: the text before and after it
-- is put back when it holds no word, or when with it the snippet is still no more than 24 words.
CREATE FUNCTION vigil_snippet(source TEXT, q tsquery) RETURNS TEXT LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN at = 0 THEN '…' || h || '…' ELSE
           CASE WHEN before !~ '[[:alnum:]]' OR array_length(regexp_split_to_array(btrim(before || plain), '\\s+'), 1) <= 24 THEN before ELSE '…' END || h ||
           CASE WHEN after !~ '[[:alnum:]]' OR array_length(regexp_split_to_array(btrim(plain || after), '\\s+'), 1) <= 24 THEN after ELSE '…' END END
  FROM (SELECT h, plain, at, substr(source, 1, at - 1) AS before, substr(source, at + length(plain)) AS after
        FROM (SELECT h, plain, strpos(source, plain) AS at
              FROM (SELECT h, translate(h, chr(2) || chr(3), '') AS plain
                    FROM ts_headline('vigil_text'::regconfig, source, q,
                      'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=…') AS h) marked) placed) cut
$$;
ALTER TABLE entity_names ADD COLUMN folded TEXT COLLATE "C";
CREATE INDEX entity_names_unfolded ON entity_names(entity_id, name) WHERE folded IS NULL;
-- A piece of a name is found anywhere in a spelling (LIKE '%piece%'): trigrams index that, where a btree cannot.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX entity_names_folded_trigrams ON entity_names USING GIN (folded gin_trgm_ops);
`;
