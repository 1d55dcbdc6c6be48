// PostgreSQL store, the haul: sources and their places and collections, documents, ingest problems, the summary,
// and (through pg-entities.ts and pg-entity-decisions.ts) entities, their names, keys and mentions, analysts'
// decisions and re-extraction. Ported from sqlite/sqlite-store.ts: same answers, same order, same errors.
import { defaultCollection } from '../records.js';
import type { ContainerPlace, DocumentRecord, IngestBatch, IngestProblem, ProblemKind, Scope, StoreSummary, EntityType } from '../records.js';
import type { Store } from '../store.js';
import { documentColumns, toDocument } from '../table-rows.js';
import type { PgDb, PgQueries } from './pg-db.js';
import { entityDecisions, entityKeyVersion, mergeEntities, pruneEntities, replaceDocumentMentions, replaceEntityKeys, setEntityPlaces, splitEntity } from './pg-entity-decisions.js';
import { PgEntityReads, pgText, saveResolved } from './pg-entities.js';
import { documentsInScope, mentionsInScope, PgParams } from './pg-scope.js';

export { haulSchema } from './pg-haul-schema.js';

export type HaulPart = Pick<Store, 'hasSource' | 'addSourcePath' | 'sourcePlaces' | 'saveIngestBatch' | 'recordProblem' | 'listProblems' | 'listDocuments' | 'getDocument' | 'childDocuments' | 'documentsIn' | 'listCollections' | 'findEntityCandidates' | 'listEntities' | 'getEntity' | 'mentionsOfEntity' | 'sharedCompany' | 'mentionsInDocument' | 'entityKeyVersion' | 'replaceEntityKeys' | 'setEntityPlaces' | 'mergeEntities' | 'splitEntity' | 'entityDecisions' | 'replaceDocumentMentions' | 'pruneEntities' | 'summary'>;


/** The path seen (once), its collection, and no earlier problem left for it: what every sighting of bytes writes. */
async function notePlace(q: PgQueries, sha256: string, path: string, seenAt: string, container: ContainerPlace | null, collection: string): Promise<void> {
  await q.query('INSERT INTO source_paths (sha256, path, seen_at, container_sha256, entry_path) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
    sha256,
    path,
    seenAt,
    container?.sha256 ?? null,
    container?.entry ?? null,
  ]);
  await q.query('INSERT INTO source_collections (sha256, collection) VALUES ($1, $2) ON CONFLICT DO NOTHING', [sha256, collection]);
  await q.query('DELETE FROM ingest_problems WHERE path = $1', [path]);
}

async function insertDocuments(q: PgQueries, documents: DocumentRecord[]): Promise<void> {
  if (documents.length === 0) return;
  const column = <T>(f: (d: DocumentRecord) => T) => documents.map(f);
  // In the batch's order, which is the saving order (seq); a page comes before its articles, so their parent_id holds.
  await q.query(
    `INSERT INTO documents (${documentColumns})
     SELECT a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, r
     FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::text[], $10::text[],
                 $11::text[], $12::text[], $13::text[], $14::int[], $15::int[], $16::int[], $17::text[])
       WITH ORDINALITY AS u(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, r, ord)
     ORDER BY ord`,
    [
      column((d) => d.id), column((d) => d.sha256), column((d) => d.size), column((d) => d.path), column((d) => d.mediaType),
      column((d) => d.ingestedAt), column((d) => d.parentId), column((d) => d.position), column((d) => pgText(d.title)),
      column((d) => pgText(d.author)), column((d) => d.date), column((d) => d.language), column((d) => pgText(d.text)),
      column((d) => d.span?.start ?? null), column((d) => d.span?.end ?? null), column((d) => (d.isLeaf ? 1 : 0)),
      column((d) => JSON.stringify(d.metadata)),
    ],
  );
}

export function postgresHaul(db: PgDb): HaulPart {
  const entities = new PgEntityReads(db);
  return {
    // The full-text search is the views part's (pg-views.ts), on the column its migration adds.

    async hasSource(sha256) {
      return (await db.one('SELECT 1 FROM sources WHERE sha256 = $1', [sha256])) !== undefined;
    },

    async addSourcePath(sha256, path, seenAt, container = null, collection = defaultCollection) {
      await db.transaction((q) => notePlace(q, sha256, path, seenAt, container, collection));
    },

    async sourcePlaces(sha256) {
      const rows = await db.query('SELECT path, seen_at, container_sha256, entry_path FROM source_paths WHERE sha256 = $1 ORDER BY path', [sha256]);
      return rows.map((r) => ({
        path: r.path as string,
        seenAt: r.seen_at as string,
        container: r.container_sha256 === null ? null : { sha256: r.container_sha256 as string, entry: r.entry_path as string },
      }));
    },

    async saveIngestBatch(batch: IngestBatch) {
      return db.transaction(async (q): Promise<'stored' | 'already-known'> => {
        const { source } = batch;
        const collection = source.collection ?? defaultCollection;
        // Two workers may hold the same bytes: the insert of the second waits for the first's commit, then finds the
        // row and inserts nothing, and that worker writes only where it saw them.
        const inserted = await q.one(
          'INSERT INTO sources (sha256, size, media_type, first_path, ingested_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING RETURNING sha256',
          [source.sha256, source.size, source.mediaType, source.path, source.ingestedAt],
        );
        await notePlace(q, source.sha256, source.path, source.ingestedAt, source.container ?? null, collection);
        if (!inserted) return 'already-known';
        await insertDocuments(q, batch.documents);
        await saveResolved(q, batch);
        return 'stored';
      });
    },

    async recordProblem(problem: IngestProblem) {
      await db.query(
        `INSERT INTO ingest_problems (path, sha256, kind, reason, at, code, collection) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, kind = excluded.kind, reason = excluded.reason, at = excluded.at,
           code = excluded.code, collection = excluded.collection`,
        [problem.path, problem.sha256, problem.kind, pgText(problem.reason), problem.at, problem.code ?? null, problem.collection ?? defaultCollection],
      );
    },

    async listProblems() {
      const rows = await db.query('SELECT path, sha256, kind, reason, at, code, collection FROM ingest_problems ORDER BY path');
      return rows.map((r) => ({
        path: r.path as string,
        sha256: (r.sha256 as string | null) ?? null,
        kind: r.kind as ProblemKind,
        reason: r.reason as string,
        at: r.at as string,
        ...(r.code === null ? {} : { code: r.code as string }),
        collection: r.collection as string,
      }));
    },

    async listDocuments(page, scope: Scope = null) {
      const p = new PgParams();
      const inScope = p.documents(scope, 'sha256');
      const rows = await db.query(`SELECT ${documentColumns} FROM documents WHERE ${inScope} ORDER BY seq LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`, p.values);
      return rows.map(toDocument);
    },

    async getDocument(id, scope: Scope = null) {
      const p = new PgParams();
      const row = await db.one(`SELECT ${documentColumns} FROM documents WHERE id = ${p.add(id)} AND ${p.documents(scope, 'sha256')}`, p.values);
      return row ? toDocument(row) : null;
    },

    async childDocuments(parentId, scope: Scope = null) {
      const p = new PgParams();
      const rows = await db.query(`SELECT ${documentColumns} FROM documents WHERE parent_id = ${p.add(parentId)} AND ${p.documents(scope, 'sha256')} ORDER BY position`, p.values);
      return rows.map(toDocument);
    },

    async documentsIn(ids, scope) {
      if (ids.length === 0) return new Set();
      const p = new PgParams();
      const rows = await db.query(`SELECT id FROM documents WHERE id = ANY(${p.add([...new Set(ids)])}::text[]) AND ${p.documents(scope, 'sha256')}`, p.values);
      return new Set(rows.map((r) => r.id as string));
    },

    async listCollections() {
      const rows = await db.query('SELECT collection AS name, count(*) AS sources FROM source_collections GROUP BY collection ORDER BY collection');
      return rows.map((r) => ({ name: r.name as string, sources: r.sources as number }));
    },

    findEntityCandidates: (type, keys, names, minSharedKeys = 1) => entities.candidates(type, keys, names, minSharedKeys),
    listEntities: (filter, page, scope = null) => entities.list(filter, page, scope),
    getEntity: (id, scope = null) => entities.get(id, scope),
    mentionsOfEntity: (id, scope = null) => entities.mentionsOf(id, scope),
    sharedCompany: (entityIds, company) => entities.sharedCompany(entityIds, company),
    mentionsInDocument: (documentId, scope = null) => entities.mentionsInDocument(documentId, scope),
    entityKeyVersion: () => entityKeyVersion(db),
    replaceEntityKeys: (version, types, keys) => replaceEntityKeys(db, version, types, keys),
    setEntityPlaces: (links) => setEntityPlaces(db, links),
    mergeEntities: (decision) => mergeEntities(db, decision),
    splitEntity: (decision, keys) => splitEntity(db, decision, keys),
    entityDecisions: (entityId) => entityDecisions(db, entityId),
    replaceDocumentMentions: (doc) => replaceDocumentMentions(db, doc),
    pruneEntities: () => pruneEntities(db),
    summary: (scope = null) => summary(db, scope),
  };
}

async function summary(db: PgDb, scope: Scope): Promise<StoreSummary> {
  const count = async (sql: string, params: unknown[] = []) => (await db.one<{ n: number }>(sql, params))!.n;
  // Each query has the scope's one parameter, as $1.
  const documents = documentsInScope(scope, 'sha256', 1);
  const mentions = mentionsInScope(scope, 'document_id', 1);
  // In a scope, the entities counted are those mentioned in it (an entity with no mention there is not seen).
  const entityCounts = scope === null
    ? db.query('SELECT type, count(*) AS n FROM entities WHERE merged_into IS NULL GROUP BY type ORDER BY type')
    : db.query(`SELECT type, count(DISTINCT entity_id) AS n FROM mentions WHERE ${mentions.where} GROUP BY type ORDER BY type`, mentions.params);
  // Ingest problems name files of every collection and belong to none: counted for the whole store only.
  const problemCounts = scope === null ? db.query('SELECT kind, count(*) AS n FROM ingest_problems GROUP BY kind') : Promise.resolve([]);
  const [sources, documentCount, leafDocuments, mentionCount, watchlistEntries] = await Promise.all([
    count(`SELECT count(*) AS n FROM sources WHERE ${documents.where}`, documents.params),
    count(`SELECT count(*) AS n FROM documents WHERE ${documents.where}`, documents.params),
    count(`SELECT count(*) AS n FROM documents WHERE is_leaf = 1 AND ${documents.where}`, documents.params),
    count(`SELECT count(*) AS n FROM mentions WHERE ${mentions.where}`, mentions.params),
    count(`SELECT count(*) AS n FROM watchlist_entries WHERE status = 'active'`),
  ]);
  const entitiesByType: StoreSummary['entitiesByType'] = {};
  for (const r of await entityCounts) entitiesByType[r.type as EntityType] = r.n as number;
  const problems: Record<ProblemKind, number> = { failed: 0, unsupported: 0, 'not-extracted': 0, 'needs-ocr': 0, warning: 0 };
  for (const r of await problemCounts) problems[r.kind as ProblemKind] = r.n as number;
  return { sources, documents: documentCount, leafDocuments, problems, entitiesByType, mentions: mentionCount, watchlistEntries };
}
