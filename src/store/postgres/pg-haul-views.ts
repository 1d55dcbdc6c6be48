// The document side of the PostgreSQL store's views: filtered (and full-text) search, the facets of what matched,
// and the places the matching documents mention. Ported from sqlite/haul-views.ts; the full text is the
// search_vector column of migration 4. Facets and places write the matching set once, to a temporary table dropped
// at commit, so each count reads it rather than filtering the documents again.
import type { EntityType, Page, PlaceLink, Scope, SearchHit, TextQuery } from '../records.js';
import { valueEntityTypes, type DocumentFacets, type DocumentFilter, type FacetCount, type PlaceActivity } from '../view-records.js';
import type { PgDb, PgQueries, Row } from './pg-db.js';
import { documentFilterSql, tsquerySql } from './pg-document-filter.js';
import { displayNames } from './pg-link-views.js';
import { PgParams } from './pg-scope.js';

const headLength = 200;
// The marks vigil_snippet (migration 4) puts around matched words, those FTS5's snippet() is given on SQLite.
const open = '\u0002';
const close = '\u0003';
// ts_rank weights are {D, C, B, A}: the text (D) counts 1, the title (A) 4, as bm25(documents_fts, 4.0, 1.0).
const rankWeights = '{0.25, 0, 0, 1}';
/** Plain text plus highlight ranges from a snippet marked with \u0002…\u0003. */
function splitSnippet(marked: string): { snippet: string; highlights: [number, number][] } {
  let snippet = '';
  const highlights: [number, number][] = [];
  let start = -1;
  for (const ch of marked) {
    if (ch === open) start = snippet.length;
    else if (ch === close) {
      if (start >= 0) highlights.push([start, snippet.length]);
      start = -1;
    } else snippet += ch;
  }
  return { snippet, highlights };
}

/** The start of a text, cut at a word break near `headLength` characters. */
function headOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= headLength) return flat;
  const cut = flat.lastIndexOf(' ', headLength);
  return flat.slice(0, cut > headLength / 2 ? cut : headLength) + '…';
}

export class PgHaulViews {
  constructor(private readonly db: PgDb) {}

  async search(query: TextQuery | null, page: Page, scope: Scope, filter: DocumentFilter): Promise<{ total: number; hits: SearchHit[] }> {
    return this.db.transaction(async (tx) => {
      const p = new PgParams();
      const where = documentFilterSql(filter, scope, p);
      const fields = 'd.id, d.sha256, d.title, d.author, d.date, d.path, d.parent_id, d.media_type, d.language';
      let total: number;
      let rows: Row[];
      if (query === null) {
        total = (await tx.one<{ n: number }>(`SELECT count(*) AS n FROM documents d WHERE ${where}`, p.values))!.n;
        rows = await tx.query(
          `SELECT ${fields}, 0 AS score, substr(d.text, 1, ${headLength * 2}) AS head
           FROM documents d WHERE ${where} ORDER BY d.date IS NULL, d.date DESC, d.seq
           LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
          p.values,
        );
      } else {
        const q = tsquerySql(query, p);
        const matching = `FROM documents d WHERE d.search_vector @@ ${q} AND ${where}`;
        total = (await tx.one<{ n: number }>(`SELECT count(*) AS n ${matching}`, p.values))!.n;
        // The snippet comes from the text, or from the title when only the title matches (FTS5 picks the column).
        // Snippets only for the page: ts_headline reads the whole text of each document it is given.
        rows = await tx.query(
          `WITH q AS MATERIALIZED (SELECT ${q} AS q),
           page AS MATERIALIZED (
             SELECT ${fields}, d.text, d.seq, ts_rank('${rankWeights}'::float4[], d.search_vector, q.q) AS score
             FROM documents d, q WHERE d.search_vector @@ q.q AND ${where}
             ORDER BY score DESC, d.seq LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}
           )
           SELECT ${fields.replaceAll('d.', 'page.')}, page.score, CASE WHEN page.title IS NULL OR to_tsvector('vigil_text'::regconfig, page.text) @@ q.q
                               THEN vigil_snippet(page.text, q.q) ELSE vigil_snippet(page.title, q.q) END AS marked
           FROM page, q ORDER BY page.score DESC, page.seq`,
          p.values,
        );
      }
      const collections = await this.collectionsOf(tx, rows.map((r) => r.sha256 as string), scope);
      const hits = rows.map((r): SearchHit => ({
        id: r.id as string,
        title: (r.title as string | null) ?? null,
        author: (r.author as string | null) ?? null,
        date: (r.date as string | null) ?? null,
        path: r.path as string,
        parentId: (r.parent_id as string | null) ?? null,
        score: Math.round((r.score as number) * 1000) / 1000,
        ...(r.marked === undefined ? { snippet: headOf(r.head as string), highlights: [] } : splitSnippet(r.marked as string)),
        mediaType: r.media_type as string,
        language: (r.language as string | null) ?? null,
        collections: collections.get(r.sha256 as string) ?? [],
      }));
      return { total, hits };
    }, 'repeatable read');
  }

  /** The collections of each source's bytes, of those in the scope. */
  private async collectionsOf(tx: PgQueries, shas: string[], scope: Scope): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (shas.length === 0) return out;
    const p = new PgParams();
    const rows = await tx.query(
      `SELECT sha256, collection FROM source_collections WHERE sha256 = ANY(${p.add([...new Set(shas)])}::text[])
       ${scope === null ? '' : `AND collection = ANY(${p.add([...scope])}::text[])`} ORDER BY sha256, collection`,
      p.values,
    );
    for (const r of rows) out.set(r.sha256 as string, [...(out.get(r.sha256 as string) ?? []), r.collection as string]);
    return out;
  }

  /** Writes the matching documents to a temporary table dropped at commit; returns how many there are. */
  private async selectMatching(tx: PgQueries, query: TextQuery | null, filter: DocumentFilter, scope: Scope): Promise<number> {
    const p = new PgParams();
    const text = query === null ? '' : `d.search_vector @@ ${tsquerySql(query, p)} AND `;
    const where = documentFilterSql(filter, scope, p);
    await tx.query('CREATE TEMP TABLE matching_documents (seq BIGINT PRIMARY KEY, id TEXT COLLATE "C" NOT NULL, sha256 TEXT COLLATE "C" NOT NULL, date TEXT COLLATE "C", language TEXT COLLATE "C", media_type TEXT COLLATE "C" NOT NULL) ON COMMIT DROP');
    const inserted = await tx.one<{ n: number }>(
      `WITH inserted AS (
         INSERT INTO matching_documents (seq, id, sha256, date, language, media_type)
         SELECT d.seq, d.id, d.sha256, d.date, d.language, d.media_type FROM documents d WHERE ${text}${where} RETURNING 1
       ) SELECT count(*) AS n FROM inserted`,
      p.values,
    );
    // Its size is known only now: statistics let the planner join the mentions to it the right way round.
    await tx.query('ANALYZE matching_documents');
    return inserted!.n;
  }

  async facets(query: TextQuery | null, filter: DocumentFilter, scope: Scope, top: number): Promise<DocumentFacets> {
    return this.db.transaction(async (tx): Promise<DocumentFacets> => {
      await this.selectMatching(tx, query, filter, scope);
      const counts = async (sql: string, params: unknown[] = []): Promise<FacetCount[]> =>
        (await tx.query(sql, params)).map((r) => ({ value: r.value as string, count: r.count as number }));
      // Each entity and type counted once per document: distinct (document, entity) pairs counted by entity.
      const entityRows = await tx.query(
        `SELECT m.entity_id, min(m.type) AS type, count(DISTINCT m.document_id) AS count
         FROM matching_documents md JOIN mentions m ON m.document_id = md.id GROUP BY m.entity_id`,
      );
      const typeRows = await tx.query(
        `SELECT type AS value, count(DISTINCT document_id) AS count FROM mentions
         WHERE document_id IN (SELECT id FROM matching_documents) GROUP BY type ORDER BY count DESC, value`,
      );
      const topEntities = (keep: (type: EntityType) => boolean) =>
        entityRows
          .filter((r) => keep(r.type as EntityType))
          .sort((a, b) => (b.count as number) - (a.count as number) || ((a.entity_id as string) < (b.entity_id as string) ? -1 : 1))
          .slice(0, top)
          .map((r) => ({ entity_id: r.entity_id as string, type: r.type as EntityType, count: r.count as number }));
      const entities = topEntities((type) => !valueEntityTypes.includes(type));
      const places = topEntities((type) => type === 'LOCATION');
      const names = await displayNames(tx, [...entities, ...places].map((r) => r.entity_id), scope);
      const byCountThenName = <T extends { count: number; name: string }>(a: T, b: T) => b.count - a.count || a.name.localeCompare(b.name);
      const inScope = scope === null ? '' : 'WHERE sc.collection = ANY($1::text[])';
      return {
        entity: entities.map((r) => ({ id: r.entity_id, name: names.get(r.entity_id) ?? '', type: r.type, count: r.count })).sort(byCountThenName),
        type: typeRows.map((r) => ({ value: r.value as string, count: r.count as number })),
        place: places.map((r) => ({ id: r.entity_id, name: names.get(r.entity_id) ?? '', count: r.count })).sort(byCountThenName),
        date: await counts(`SELECT substr(date, 1, 7) AS value, count(*) AS count FROM matching_documents
                            WHERE date ~ '^[0-9]{4}-[0-9]{2}' GROUP BY value ORDER BY value`),
        collection: await counts(
          `SELECT sc.collection AS value, count(*) AS count FROM matching_documents md JOIN source_collections sc ON sc.sha256 = md.sha256
           ${inScope} GROUP BY sc.collection ORDER BY count DESC, value`,
          scope === null ? [] : [[...scope]],
        ),
        language: await counts('SELECT language AS value, count(*) AS count FROM matching_documents WHERE language IS NOT NULL GROUP BY language ORDER BY count DESC, value'),
        format: await counts('SELECT media_type AS value, count(*) AS count FROM matching_documents GROUP BY media_type ORDER BY count DESC, value'),
      };
    }, 'repeatable read');
  }

  async places(query: TextQuery | null, filter: DocumentFilter, scope: Scope): Promise<{ places: PlaceActivity[]; documents: number }> {
    return this.db.transaction(async (tx) => {
      const documents = await this.selectMatching(tx, query, filter, scope);
      const rows = await tx.query(
        `SELECT m.entity_id, min(e.place) AS place, count(DISTINCT m.document_id) AS documents, count(*) AS mentions
         FROM matching_documents md JOIN mentions m ON m.document_id = md.id JOIN entities e ON e.id = m.entity_id
         WHERE m.type = 'LOCATION' AND e.place IS NOT NULL
         GROUP BY m.entity_id ORDER BY documents DESC, mentions DESC, m.entity_id`,
      );
      const names = await displayNames(tx, rows.map((r) => r.entity_id as string), scope);
      const places = rows.map((r): PlaceActivity => {
        const place = JSON.parse(r.place as string) as PlaceLink;
        const id = r.entity_id as string;
        return { id, name: names.get(id) ?? place.name, country: place.country, lat: place.lat, lon: place.lon, documents: r.documents as number, mentions: r.mentions as number };
      });
      return { places, documents };
    }, 'repeatable read');
  }
}
