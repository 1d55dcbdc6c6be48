// Analysts' merges and splits, re-extraction of a stored document, pruning what re-extraction leaves behind, and
// re-keying, on PostgreSQL. Ported from sqlite/entity-tables.ts and the key methods of sqlite-store.ts; each public
// function runs in its own transaction, where SQLite held an immediate (write-locked) one.
import { VigilError } from '../../errors.js';
import type { EntityDecision, EntityKeyRecord, EntityMerge, EntitySplit, EntityType, PlaceLink, ReextractedDocument } from '../records.js';
import type { PgDb, PgQueries, Row } from './pg-db.js';
import { insertEntities, insertEntityKeys, insertEntityNames, saveResolved } from './pg-entities.js';

function toDecision(r: Row): EntityDecision {
  const base = { id: r.id as string, actor: r.actor as string, at: r.at as string, note: (r.note as string | null) ?? null };
  if (r.kind === 'merge') return { kind: 'merge', ...base, target: r.entity_id as string, merged: r.other_id as string };
  return {
    kind: 'split',
    ...base,
    entity: r.entity_id as string,
    newEntity: r.other_id as string,
    names: JSON.parse(r.names as string) as string[],
    documents: JSON.parse(r.documents as string) as string[],
  };
}

interface LiveEntity {
  id: string;
  type: EntityType;
  place: string | null;
}

/**
 * The entities, locked for the rest of the transaction (in id order, so two decisions on the same pair wait for
 * each other instead of deadlocking), each checked to exist and not to be merged away.
 */
async function lockLive(q: PgQueries, wanted: { id: string; role: string }[]): Promise<LiveEntity[]> {
  const rows = await q.query('SELECT id, type, place, merged_into FROM entities WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [wanted.map((w) => w.id)]);
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  return wanted.map(({ id, role }) => {
    const row = byId.get(id);
    if (!row) throw new VigilError('not-found', 'entity.not-found', `no entity ${id} (${role})`);
    if (row.merged_into) throw new VigilError('conflict', 'entity.merged', `entity ${id} (${role}) was merged into ${row.merged_into as string}; use that one`);
    return { id, type: row.type as EntityType, place: (row.place as string | null) ?? null };
  });
}

async function recordDecision(q: PgQueries, d: EntityDecision): Promise<void> {
  const insert = `INSERT INTO entity_decisions (id, kind, entity_id, other_id, names, documents, actor, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
  if (d.kind === 'merge') await q.query(insert, [d.id, 'merge', d.target, d.merged, '[]', '[]', d.actor, d.at, d.note]);
  else await q.query(insert, [d.id, 'split', d.entity, d.newEntity, JSON.stringify(d.names), JSON.stringify(d.documents), d.actor, d.at, d.note]);
}

const changed = async (q: PgQueries, sql: string, params: unknown[]) => ((await q.one<{ n: number }>(`WITH changed AS (${sql} RETURNING 1) SELECT count(*) AS n FROM changed`, params))?.n ?? 0);

export async function mergeEntities(db: PgDb, d: EntityMerge): Promise<{ moved: number }> {
  if (d.target === d.merged) throw new VigilError('input', 'entity.merge-self', `cannot merge entity ${d.target} into itself`);
  return db.transaction(async (q) => {
    const [target, merged] = await lockLive(q, [{ id: d.target, role: 'target' }, { id: d.merged, role: 'to merge' }]);
    if (target!.type !== merged!.type) {
      throw new VigilError('input', 'entity.merge-types', `cannot merge a ${merged!.type} (${d.merged}) into a ${target!.type} (${d.target})`);
    }
    const moved = await changed(q, 'UPDATE mentions SET entity_id = $1 WHERE entity_id = $2', [d.target, d.merged]);
    await q.query('INSERT INTO entity_names (entity_id, type, name) SELECT $1, type, name FROM entity_names WHERE entity_id = $2 ON CONFLICT DO NOTHING', [d.target, d.merged]);
    await q.query('DELETE FROM entity_names WHERE entity_id = $1', [d.merged]);
    await q.query('INSERT INTO entity_keys (entity_id, type, key) SELECT $1, type, key FROM entity_keys WHERE entity_id = $2 ON CONFLICT DO NOTHING', [d.target, d.merged]);
    await q.query('DELETE FROM entity_keys WHERE entity_id = $1', [d.merged]);
    // Watchlist entries whose evidence is the merged entity now also stand behind the one it joined.
    await q.query('INSERT INTO watchlist_entity_links (entry_id, entity_id) SELECT entry_id, $1 FROM watchlist_entity_links WHERE entity_id = $2 ON CONFLICT DO NOTHING', [
      d.target,
      d.merged,
    ]);
    if (target!.place === null && merged!.place !== null) await q.query('UPDATE entities SET place = $1 WHERE id = $2 AND place IS NULL', [merged!.place, d.target]);
    await q.query('UPDATE entities SET merged_into = $1 WHERE id = $2 OR merged_into = $2', [d.target, d.merged]);
    await recordDecision(q, d);
    return { moved };
  });
}

/** `keys`: the lookup keys both entities should have after the split (the caller computes them from their names). */
export async function splitEntity(db: PgDb, d: EntitySplit, keys: EntityKeyRecord[]): Promise<{ moved: number }> {
  if (d.names.length === 0 && d.documents.length === 0) {
    throw new VigilError('input', 'entity.split-empty', 'a split needs names or documents saying which mentions are of another entity');
  }
  return db.transaction(async (q) => {
    const [entity] = await lockLive(q, [{ id: d.entity, role: 'to split' }]);
    if (await q.one('SELECT 1 FROM entities WHERE id = $1', [d.newEntity])) throw new VigilError('conflict', 'entity.split-exists', `entity ${d.newEntity} exists already`);
    const selected = await q.query(
      `SELECT id, text FROM mentions WHERE entity_id = $1
         AND ($2::text[] IS NULL OR text = ANY($2::text[]))
         AND ($3::text[] IS NULL OR document_id = ANY($3::text[]))
       ORDER BY id`,
      [d.entity, d.names.length === 0 ? null : d.names, d.documents.length === 0 ? null : d.documents],
    );
    if (selected.length === 0) throw new VigilError('input', 'entity.split-nothing', `no mention of entity ${d.entity} matches the names and documents given`);
    const total = (await q.one<{ n: number }>('SELECT count(*) AS n FROM mentions WHERE entity_id = $1', [d.entity]))!.n;
    if (selected.length === total) {
      throw new VigilError('input', 'entity.split-all', `every mention of entity ${d.entity} matches: a split must leave some behind`);
    }
    const movedNames = [...new Set(selected.map((r) => r.text as string))];
    await insertEntities(q, [{ id: d.newEntity, type: entity!.type, firstName: movedNames[0]! }]);
    await q.query('UPDATE mentions SET entity_id = $1 WHERE id = ANY($2::bigint[])', [d.newEntity, selected.map((r) => r.id)]);
    await insertEntityNames(q, movedNames.map((name) => ({ entityId: d.newEntity, type: entity!.type, name })));
    // A spelling stays with the old entity only while one of its remaining mentions uses it.
    await q.query(
      `DELETE FROM entity_names WHERE entity_id = $1 AND name = ANY($2::text[])
         AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = $1 AND m.text = entity_names.name)`,
      [d.entity, movedNames],
    );
    await q.query('DELETE FROM entity_keys WHERE entity_id IN ($1, $2)', [d.entity, d.newEntity]);
    await insertEntityKeys(q, keys.filter((k) => k.entityId === d.entity || k.entityId === d.newEntity));
    await recordDecision(q, d);
    return { moved: selected.length };
  });
}

export async function entityDecisions(db: PgDb, entityId?: string): Promise<EntityDecision[]> {
  const rows = entityId === undefined
    ? await db.query('SELECT * FROM entity_decisions ORDER BY seq')
    : await db.query('SELECT * FROM entity_decisions WHERE entity_id = $1 OR other_id = $1 ORDER BY seq', [entityId]);
  return rows.map(toDecision);
}

/** Replaces one document's mentions with newly resolved ones. */
export async function replaceDocumentMentions(db: PgDb, doc: ReextractedDocument): Promise<void> {
  await db.transaction(async (q) => {
    // FOR SHARE: the document cannot go while its mentions are replaced.
    if (!(await q.one('SELECT 1 FROM documents WHERE id = $1 FOR SHARE', [doc.documentId]))) {
      throw new VigilError('not-found', 'document.not-found', `no document ${doc.documentId}`);
    }
    if (doc.mentions.some((m) => m.documentId !== doc.documentId)) {
      throw new VigilError('internal', 'store.reextract-foreign', `re-extracted mentions of ${doc.documentId} name another document`);
    }
    await q.query('DELETE FROM mentions WHERE document_id = $1', [doc.documentId]);
    await saveResolved(q, doc);
  });
}

/**
 * Removes entities no mention, watchlist entry or analyst decision refers to any more, with their names and keys,
 * and spellings no mention uses: what re-extraction leaves behind when a better model stops finding a false name.
 */
export async function pruneEntities(db: PgDb): Promise<{ entities: number; names: number }> {
  return db.transaction(async (q) => {
    await q.query(`CREATE TEMP TABLE orphan_entities ON COMMIT DROP AS SELECT e.id FROM entities e
      WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM watchlist_entity_links l WHERE l.entity_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM entity_decisions d WHERE d.entity_id = e.id OR d.other_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM entities x WHERE x.merged_into = e.id)`);
    await q.query('DELETE FROM entity_keys WHERE entity_id IN (SELECT id FROM orphan_entities)');
    await q.query('DELETE FROM entity_names WHERE entity_id IN (SELECT id FROM orphan_entities)');
    const entities = await changed(q, 'DELETE FROM entities WHERE id IN (SELECT id FROM orphan_entities)', []);
    const names = await changed(
      q,
      `DELETE FROM entity_names n WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = n.entity_id AND m.text = n.name)
         AND EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = n.entity_id)`,
      [],
    );
    return { entities, names };
  });
}

export async function setEntityPlaces(db: PgDb, links: { entityId: string; place: PlaceLink }[]): Promise<void> {
  if (links.length === 0) return;
  // One row per entity, the last link given winning, as the SQLite store's updates one after another did.
  const byId = new Map(links.map((l) => [l.entityId, JSON.stringify(l.place)]));
  await db.query('UPDATE entities e SET place = u.place FROM unnest($1::text[], $2::text[]) AS u(id, place) WHERE e.id = u.id', [[...byId.keys()], [...byId.values()]]);
}

export async function entityKeyVersion(db: PgDb): Promise<number> {
  const row = await db.one<{ value: string }>("SELECT value FROM store_settings WHERE name = 'entity-key-version'");
  return row ? Number(row.value) : 0;
}

export async function replaceEntityKeys(db: PgDb, version: number, types: EntityType[], keys: EntityKeyRecord[]): Promise<void> {
  await db.transaction(async (q) => {
    await q.query('DELETE FROM entity_keys WHERE type = ANY($1::text[])', [types]);
    await insertEntityKeys(q, keys);
    await q.query(
      "INSERT INTO store_settings (name, value) VALUES ('entity-key-version', $1) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
      [String(version)],
    );
  });
}
