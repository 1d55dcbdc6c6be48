// The document side of the haul's views in SQLite: filtered (and full-text) search, the facets of what matched,
// and the places the matching documents mention. The matching set is written once per request to a temporary
// table, so facets and places read it rather than filtering the documents again for each count.
import type Database from 'better-sqlite3';
import { VigilError } from '../../errors.js';
import type { EntityType, Page, PlaceLink, Scope, SearchHit, TextQuery } from '../records.js';
import { valueEntityTypes, type DocumentFacets, type DocumentFilter, type FacetCount, type PlaceActivity } from '../view-records.js';
import { documentFilterSql } from './document-filter-sql.js';
import { toFts5Match } from './fts-query.js';
import { displayNames } from './link-tables.js';

type Row = Record<string, unknown>;

const ftsRows = 'd.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)';
const headLength = 200;

/** Converts an FTS5 snippet marked with \u0002…\u0003 into plain text plus highlight ranges. */
function splitSnippet(marked: string): { snippet: string; highlights: [number, number][] } {
  let snippet = '';
  const highlights: [number, number][] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === '\u0002') open = snippet.length;
    else if (ch === '\u0003') {
      if (open >= 0) highlights.push([open, snippet.length]);
      open = -1;
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

/** FTS5 refuses some queries at run time; that is the user's query, not a fault of ours. */
function asQueryError(error: unknown): never {
  if (error instanceof Error && /fts5|syntax/i.test(error.message)) {
    throw new VigilError('input', 'search.syntax', `the search engine rejected the query: ${error.message}`, { cause: error });
  }
  throw error;
}

export class SqliteHaulViews {
  constructor(private readonly db: Database.Database) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS matching_documents (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, sha256 TEXT NOT NULL, date TEXT, language TEXT, media_type TEXT NOT NULL)');
    db.exec('CREATE INDEX IF NOT EXISTS temp.matching_documents_id ON matching_documents(id)');
  }

  search(query: TextQuery | null, page: Page, scope: Scope, filter: DocumentFilter): { total: number; hits: SearchHit[] } {
    const where = documentFilterSql(filter, scope);
    try {
      return this.db.transaction(() => {
        let total: number;
        let rows: Row[];
        if (query === null) {
          total = (this.db.prepare(`SELECT count(*) AS n FROM documents d WHERE ${where.where}`).get(...where.params) as { n: number }).n;
          rows = this.db
            .prepare(`SELECT d.id, d.sha256, d.title, d.author, d.date, d.path, d.parent_id, d.media_type, d.language, 0 AS score,
                             substr(d.text, 1, ${headLength * 2}) AS head
                      FROM documents d WHERE ${where.where} ORDER BY d.date IS NULL, d.date DESC, d.seq LIMIT ? OFFSET ?`)
            .all(...where.params, page.limit, page.offset) as Row[];
        } else {
          const match = toFts5Match(query);
          const fromFts = `FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid WHERE documents_fts MATCH ? AND ${where.where}`;
          total = (this.db.prepare(`SELECT count(*) AS n ${fromFts}`).get(match, ...where.params) as { n: number }).n;
          rows = this.db
            .prepare(`SELECT d.id, d.sha256, d.title, d.author, d.date, d.path, d.parent_id, d.media_type, d.language,
                             -bm25(documents_fts, 4.0, 1.0) AS score, snippet(documents_fts, -1, char(2), char(3), '…', 24) AS marked
                      ${fromFts} ORDER BY bm25(documents_fts, 4.0, 1.0), d.seq LIMIT ? OFFSET ?`)
            .all(match, ...where.params, page.limit, page.offset) as Row[];
        }
        const collections = this.collectionsOf(rows.map((r) => r.sha256 as string), scope);
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
      })();
    } catch (error) {
      return asQueryError(error);
    }
  }

  /** The collections of each source's bytes, of those in the scope. */
  private collectionsOf(shas: string[], scope: Scope): Map<string, string[]> {
    const out = new Map<string, string[]>();
    if (shas.length === 0) return out;
    const rows = this.db
      .prepare(`SELECT sha256, collection FROM source_collections WHERE sha256 IN (SELECT value FROM json_each(?))
                ${scope === null ? '' : 'AND collection IN (SELECT value FROM json_each(?))'} ORDER BY sha256, collection`)
      .all(JSON.stringify([...new Set(shas)]), ...(scope === null ? [] : [JSON.stringify(scope)])) as Row[];
    for (const r of rows) out.set(r.sha256 as string, [...(out.get(r.sha256 as string) ?? []), r.collection as string]);
    return out;
  }

  /** Writes the matching documents to the temporary table and returns how many there are; the caller holds the transaction. */
  private selectMatching(query: TextQuery | null, filter: DocumentFilter, scope: Scope): number {
    const where = documentFilterSql(filter, scope);
    this.db.exec('DELETE FROM temp.matching_documents');
    const text = query === null ? [] : [toFts5Match(query)];
    try {
      return this.db
        .prepare(`INSERT INTO temp.matching_documents (seq, id, sha256, date, language, media_type)
                  SELECT d.seq, d.id, d.sha256, d.date, d.language, d.media_type FROM documents d
                  WHERE ${query === null ? '' : ftsRows + ' AND '}${where.where}`)
        .run(...text, ...where.params).changes;
    } catch (error) {
      return asQueryError(error);
    }
  }

  facets(query: TextQuery | null, filter: DocumentFilter, scope: Scope, top: number): DocumentFacets {
    return this.db.transaction((): DocumentFacets => {
      this.selectMatching(query, filter, scope);
      const counts = (sql: string, ...params: unknown[]): FacetCount[] =>
        (this.db.prepare(sql).all(...params) as Row[]).map((r) => ({ value: r.value as string, count: r.count as number }));
      // One pass over the mentions of the matching documents, in document order: each entity and type counted
      // once per document. Faster than letting SQL sort 150,000 (document, entity) pairs to count them.
      const entityDocuments = new Map<string, { type: EntityType; count: number }>();
      const typeDocuments = new Map<string, number>();
      const inDocument = new Set<string>();
      let current: string | null = null;
      const pairs = this.db
        .prepare('SELECT m.document_id, m.entity_id, m.type FROM temp.matching_documents md JOIN mentions m ON m.document_id = md.id ORDER BY md.seq')
        .raw()
        .iterate() as Iterable<[string, string, EntityType]>;
      for (const [documentId, entityId, type] of pairs) {
        if (documentId !== current) {
          current = documentId;
          inDocument.clear();
        }
        if (inDocument.has(entityId)) continue;
        inDocument.add(entityId);
        const counted = entityDocuments.get(entityId);
        if (counted) counted.count += 1;
        else entityDocuments.set(entityId, { type, count: 1 });
        if (!inDocument.has('\u0000' + type)) {
          inDocument.add('\u0000' + type);
          typeDocuments.set(type, (typeDocuments.get(type) ?? 0) + 1);
        }
      }
      const topEntities = (keep: (type: EntityType) => boolean) =>
        [...entityDocuments]
          .filter(([, e]) => keep(e.type))
          .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1))
          .slice(0, top)
          .map(([id, e]) => ({ entity_id: id, type: e.type, count: e.count }));
      const entities = topEntities((type) => !valueEntityTypes.includes(type));
      const places = topEntities((type) => type === 'LOCATION');
      const names = displayNames(this.db, [...entities, ...places].map((r) => r.entity_id), scope);
      const byCountThenName = <T extends { count: number; name: string }>(a: T, b: T) => b.count - a.count || a.name.localeCompare(b.name);
      const facets: DocumentFacets = {
        entity: entities.map((r) => ({ id: r.entity_id, name: names.get(r.entity_id) ?? '', type: r.type, count: r.count })).sort(byCountThenName),
        type: [...typeDocuments].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)),
        place: places.map((r) => ({ id: r.entity_id, name: names.get(r.entity_id) ?? '', count: r.count })).sort(byCountThenName),
        date: counts(`SELECT substr(date, 1, 7) AS value, count(*) AS count FROM temp.matching_documents
                      WHERE date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' GROUP BY value ORDER BY value`),
        collection: counts(
          `SELECT sc.collection AS value, count(*) AS count FROM temp.matching_documents md JOIN source_collections sc ON sc.sha256 = md.sha256
           ${scope === null ? '' : 'WHERE sc.collection IN (SELECT value FROM json_each(?))'} GROUP BY sc.collection ORDER BY count DESC, value`,
          ...(scope === null ? [] : [JSON.stringify(scope)]),
        ),
        language: counts('SELECT language AS value, count(*) AS count FROM temp.matching_documents WHERE language IS NOT NULL GROUP BY language ORDER BY count DESC, value'),
        format: counts('SELECT media_type AS value, count(*) AS count FROM temp.matching_documents GROUP BY media_type ORDER BY count DESC, value'),
      };
      return facets;
    })();
  }

  places(query: TextQuery | null, filter: DocumentFilter, scope: Scope): { places: PlaceActivity[]; documents: number } {
    return this.db.transaction(() => {
      const documents = this.selectMatching(query, filter, scope);
      const rows = this.db
        .prepare(`SELECT m.entity_id, e.place, count(DISTINCT m.document_id) AS documents, count(*) AS mentions
                  FROM temp.matching_documents md JOIN mentions m ON m.document_id = md.id JOIN entities e ON e.id = m.entity_id
                  WHERE m.type = 'LOCATION' AND e.place IS NOT NULL
                  GROUP BY m.entity_id ORDER BY documents DESC, mentions DESC, m.entity_id`)
        .all() as Row[];
      const names = displayNames(this.db, rows.map((r) => r.entity_id as string), scope);
      const places = rows.map((r): PlaceActivity => {
        const place = JSON.parse(r.place as string) as PlaceLink;
        const id = r.entity_id as string;
        return { id, name: names.get(id) ?? place.name, country: place.country, lat: place.lat, lon: place.lon, documents: r.documents as number, mentions: r.mentions as number };
      });
      return { places, documents };
    })();
  }
}
