// The entity side of the PostgreSQL store, reads and the writes of resolution: a batch's entities, keys, spellings
// and mentions, candidates for resolution, summaries in a scope, mentions, the company an entity keeps, lookup keys
// and places. Ported from sqlite/entity-tables.ts; writes take the caller's transaction.
import type { EntityCandidate, EntityKeyRecord, EntityRecord, EntitySummary, EntityType, MentionRecord, Page, PlaceLink, Scope } from '../records.js';
import type { PgQueries, Row } from './pg-db.js';
import { PgParams } from './pg-scope.js';

export const mentionColumns = 'document_id, entity_id, type, text, start_offset, end_offset, confidence, method, value, sentence_start, sentence_end';

export function toMention(r: Row): MentionRecord {
  const start = r.start_offset as number;
  const end = r.end_offset as number;
  return {
    documentId: r.document_id as string,
    entityId: r.entity_id as string,
    type: r.type as EntityType,
    text: r.text as string,
    start,
    end,
    confidence: r.confidence as number,
    method: r.method as string,
    value: (r.value as string | null) ?? null,
    // Mentions stored without a sentence stand for their own sentence.
    sentence: r.sentence_start == null ? { start, end } : { start: r.sentence_start as number, end: r.sentence_end as number },
  };
}

/**
 * PostgreSQL text cannot hold U+0000, which SQLite stores and some files' text carries: it is written as U+FFFD,
 * one UTF-16 unit for one, so every offset into the text stays true.
 */
export function pgText(value: string): string;
export function pgText(value: string | null): string | null;
export function pgText(value: string | null): string | null {
  return value === null || !value.includes('\u0000') ? value : value.replaceAll('\u0000', '\uFFFD');
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Inserts one key per (type, key, entity) once, in index order (two writers inserting alike then wait, never deadlock). */
export async function insertEntityKeys(q: PgQueries, keys: EntityKeyRecord[]): Promise<void> {
  if (keys.length === 0) return;
  const sorted = [...keys].sort((a, b) => byText(a.type, b.type) || byText(a.key, b.key) || byText(a.entityId, b.entityId));
  await q.query(
    `INSERT INTO entity_keys (entity_id, type, key) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT DO NOTHING`,
    [sorted.map((k) => k.entityId), sorted.map((k) => k.type), sorted.map((k) => k.key)],
  );
}

export async function insertEntityNames(q: PgQueries, names: { entityId: string; type: EntityType; name: string }[]): Promise<void> {
  if (names.length === 0) return;
  const sorted = [...names].sort((a, b) => byText(a.entityId, b.entityId) || byText(a.name, b.name));
  await q.query(
    `INSERT INTO entity_names (entity_id, type, name) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT DO NOTHING`,
    [sorted.map((n) => n.entityId), sorted.map((n) => n.type), sorted.map((n) => n.name)],
  );
}

/** New entities, or a place for ones known without it; the first record of an id counts, as INSERT OR IGNORE did. */
export async function insertEntities(q: PgQueries, entities: EntityRecord[]): Promise<void> {
  if (entities.length === 0) return;
  const byId = new Map<string, { id: string; type: string; name: string; place: string | null }>();
  for (const e of entities) {
    const place = e.place ? JSON.stringify(e.place) : null;
    const known = byId.get(e.id);
    if (!known) byId.set(e.id, { id: e.id, type: e.type, name: pgText(e.firstName), place });
    else if (known.place === null) known.place = place;
  }
  const rows = [...byId.values()].sort((a, b) => byText(a.id, b.id));
  const columns = [rows.map((r) => r.id), rows.map((r) => r.type), rows.map((r) => r.name), rows.map((r) => r.place)];
  await q.query(
    `INSERT INTO entities (id, type, first_name, place) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (id) DO NOTHING`,
    columns,
  );
  if (rows.some((r) => r.place !== null)) {
    await q.query(
      `UPDATE entities e SET place = u.place FROM unnest($1::text[], $2::text[]) AS u(id, place)
       WHERE e.id = u.id AND e.place IS NULL AND u.place IS NOT NULL`,
      [columns[0], columns[3]],
    );
  }
}

export async function insertMentions(q: PgQueries, mentions: MentionRecord[]): Promise<void> {
  if (mentions.length === 0) return;
  const column = <T>(f: (m: MentionRecord) => T) => mentions.map(f);
  // WITH ORDINALITY … ORDER BY: ids are given in the batch's order, which is the order mentions are read back in.
  await q.query(
    `INSERT INTO mentions (${mentionColumns})
     SELECT d, e, t, x, s, f, c, me, v, ss, se
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::float8[], $8::text[], $9::text[], $10::int[], $11::int[])
       WITH ORDINALITY AS u(d, e, t, x, s, f, c, me, v, ss, se, n)
     ORDER BY n`,
    [
      column((m) => m.documentId), column((m) => m.entityId), column((m) => m.type), column((m) => pgText(m.text)),
      column((m) => m.start), column((m) => m.end), column((m) => m.confidence), column((m) => m.method),
      column((m) => pgText(m.value)), column((m) => m.sentence.start), column((m) => m.sentence.end),
    ],
  );
}

/** Writes a batch's entities, keys and mentions (with the spellings they add); the caller holds the transaction. */
export async function saveResolved(q: PgQueries, batch: { newEntities: EntityRecord[]; entityKeys: EntityKeyRecord[]; mentions: MentionRecord[] }): Promise<void> {
  await insertEntities(q, batch.newEntities);
  await insertEntityKeys(q, batch.entityKeys);
  // Each spelling once: a document says its names and dates many times over.
  const spellings = new Map<string, { entityId: string; type: EntityType; name: string }>();
  for (const m of batch.mentions) spellings.set(`${m.entityId}\u0000${m.text}`, { entityId: m.entityId, type: m.type, name: pgText(m.text) });
  await insertEntityNames(q, [...spellings.values()]);
  await insertMentions(q, batch.mentions);
}

function groupBy<T>(rows: Row[], key: (r: Row) => string, value: (r: Row) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k) ?? [];
    list.push(value(r));
    out.set(k, list);
  }
  return out;
}

export class PgEntityReads {
  constructor(private readonly db: PgQueries) {}

  async candidates(type: EntityType, keys: string[], names: string[], minShared = 1): Promise<EntityCandidate[]> {
    if (keys.length === 0 && names.length === 0) return [];
    // Entities merged into others are never candidates: their names and keys moved to the one they joined.
    const rows = await this.db.query(
      `WITH ids AS (
         SELECT entity_id FROM entity_keys WHERE type = $1 AND key = ANY($2::text[])
         GROUP BY entity_id HAVING count(*) >= $4
         UNION
         SELECT entity_id FROM entity_names WHERE type = $1 AND name = ANY($3::text[])
       )
       SELECT e.id, e.type, e.first_name,
              ARRAY(SELECT name FROM entity_names n WHERE n.entity_id = e.id ORDER BY name) AS names,
              ARRAY(SELECT key FROM entity_keys k WHERE k.entity_id = e.id ORDER BY type, key) AS keys
       FROM entities e JOIN ids ON ids.entity_id = e.id WHERE e.merged_into IS NULL ORDER BY e.id`,
      [type, keys, names, minShared],
    );
    return rows.map((r) => {
      const first = r.first_name as string;
      const spellings = (r.names as string[]).filter((n) => n !== first);
      return { id: r.id as string, type: r.type as EntityType, keys: r.keys as string[], names: [first, ...spellings] };
    });
  }

  async list(filter: { type?: EntityType }, page: Page, scope: Scope = null): Promise<EntitySummary[]> {
    const p = new PgParams();
    const type = filter.type ? `e.type = ${p.add(filter.type)} AND ` : '';
    const inScope = p.mentions(scope, 'm.document_id');
    const rows = await this.db.query(
      `SELECT e.id, e.type, e.place, e.merged_into, count(m.id) AS mentions FROM entities e JOIN mentions m ON m.entity_id = e.id
       WHERE ${type}${inScope}
       GROUP BY e.id ORDER BY mentions DESC, e.id LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
      p.values,
    );
    return this.summarise(rows, scope);
  }

  async get(id: string, scope: Scope = null): Promise<EntitySummary | null> {
    const p = new PgParams();
    const idParam = p.add(id);
    // In a scope an entity is seen only through its mentions there; with none, it is not seen at all.
    const rows = await this.db.query(
      scope === null
        ? `SELECT e.id, e.type, e.place, e.merged_into, count(m.id) AS mentions FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
           WHERE e.id = ${idParam} GROUP BY e.id`
        : `SELECT e.id, e.type, e.place, e.merged_into, count(m.id) AS mentions FROM entities e JOIN mentions m ON m.entity_id = e.id
           WHERE e.id = ${idParam} AND ${p.mentions(scope, 'm.document_id')} GROUP BY e.id`,
      p.values,
    );
    if (rows.length === 0 && scope !== null) {
      // Merged away, it has no mentions left: it is seen where what it was merged into is seen, to say where it went.
      const merged = await this.db.one('SELECT id, type, place, merged_into, 0 AS mentions FROM entities WHERE id = $1 AND merged_into IS NOT NULL', [id]);
      return merged && (await this.get(merged.merged_into as string, scope)) ? ((await this.summarise([merged], null))[0] ?? null) : null;
    }
    return (await this.summarise(rows, scope))[0] ?? null;
  }

  /** Names, counts and documents from the mentions in the scope only, so nothing outside it shows through. */
  async summarise(rows: Row[], scope: Scope): Promise<EntitySummary[]> {
    if (rows.length === 0) return [];
    const ids = [...new Set(rows.map((r) => r.id as string))];
    const p = new PgParams();
    const idsParam = p.add(ids);
    const inScope = p.mentions(scope, 'document_id');
    const [surfaces, docs, firstNames] = await Promise.all([
      this.db.query(
        `SELECT entity_id, text, count(*) AS n, min(id) AS first FROM mentions WHERE entity_id = ANY(${idsParam}::text[]) AND ${inScope}
         GROUP BY entity_id, text ORDER BY entity_id, n DESC, first`,
        p.values,
      ),
      this.db.query(
        `SELECT entity_id, document_id, min(id) AS first FROM mentions WHERE entity_id = ANY(${idsParam}::text[]) AND ${inScope}
         GROUP BY entity_id, document_id ORDER BY entity_id, first`,
        p.values,
      ),
      this.db.query('SELECT id, first_name FROM entities WHERE id = ANY($1::text[])', [ids]),
    ]);
    const namesById = groupBy(surfaces, (r) => r.entity_id as string, (r) => r.text as string);
    const docsById = groupBy(docs, (r) => r.entity_id as string, (r) => r.document_id as string);
    const firstById = new Map(firstNames.map((r) => [r.id as string, r.first_name as string]));
    return rows.map((r) => {
      const names = namesById.get(r.id as string) ?? [];
      return {
        id: r.id as string,
        type: r.type as EntityType,
        // An entity left without mentions (merged away, or emptied by re-extraction) keeps the name it was created under.
        name: names[0] ?? firstById.get(r.id as string) ?? '',
        aliases: names.slice(1),
        mentions: r.mentions as number,
        documents: docsById.get(r.id as string) ?? [],
        place: r.place == null ? null : (JSON.parse(r.place as string) as PlaceLink),
        mergedInto: (r.merged_into as string | null) ?? null,
      };
    });
  }

  async mentionsOf(id: string, scope: Scope = null): Promise<MentionRecord[]> {
    const p = new PgParams();
    const rows = await this.db.query(`SELECT ${mentionColumns} FROM mentions WHERE entity_id = ${p.add(id)} AND ${p.mentions(scope, 'document_id')} ORDER BY id`, p.values);
    return rows.map(toMention);
  }

  async mentionsInDocument(documentId: string, scope: Scope = null): Promise<MentionRecord[]> {
    const p = new PgParams();
    const rows = await this.db.query(
      `SELECT ${mentionColumns} FROM mentions WHERE document_id = ${p.add(documentId)} AND ${p.mentions(scope, 'document_id')} ORDER BY start_offset, id`,
      p.values,
    );
    return rows.map(toMention);
  }

  /**
   * For each entity, the documents of its latest 300 mentions (read backwards along mentions_entity_recent, never all
   * of them), the 30 most recently named; then how many of the company, other than itself, those documents name.
   */
  async sharedCompany(entityIds: string[], company: string[]): Promise<Record<string, number>> {
    const ids = [...new Set(entityIds)];
    const out: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
    if (ids.length === 0) return out;
    const rows = await this.db.query(
      `SELECT s.id, count(DISTINCT m.entity_id) AS n
       FROM unnest($1::text[]) AS s(id)
       CROSS JOIN LATERAL (
         SELECT r.document_id FROM (SELECT document_id, id FROM mentions WHERE entity_id = s.id ORDER BY id DESC LIMIT 300) r
         GROUP BY r.document_id ORDER BY max(r.id) DESC LIMIT 30
       ) d
       JOIN mentions m ON m.document_id = d.document_id AND m.entity_id = ANY($2::text[]) AND m.entity_id <> s.id
       GROUP BY s.id`,
      [ids, [...new Set(company)]],
    );
    for (const r of rows) out[r.id as string] = r.n as number;
    return out;
  }
}
