// The entity side of the SQLite store: candidates for resolution, summaries, mentions, analysts' merges and
// splits, and re-extraction of a stored document. SqliteStore delegates to this; callers hold the transaction.
import type Database from 'better-sqlite3';
import { VigilError } from '../../errors.js';
import type {
  EntityCandidate,
  EntityDecision,
  EntityKeyRecord,
  EntityMerge,
  EntityRecord,
  EntitySplit,
  EntitySummary,
  EntityType,
  MentionRecord,
  Page,
  PlaceLink,
  ReextractedDocument,
  Scope,
} from '../records.js';
import { mentionsInScope } from './scope-sql.js';

type Row = Record<string, unknown>;

const mentionColumns = 'document_id, entity_id, type, text, start_offset, end_offset, confidence, method, value, sentence_start, sentence_end';

function toMention(r: Row): MentionRecord {
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
    // Mentions stored before sentences were recorded stand for their own sentence.
    sentence: r.sentence_start == null ? { start, end } : { start: r.sentence_start as number, end: r.sentence_end as number },
  };
}

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

export class SqliteEntityTables {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      insertEntity: db.prepare('INSERT OR IGNORE INTO entities (id, type, first_name, place) VALUES (?, ?, ?, ?)'),
      fillPlace: db.prepare('UPDATE entities SET place = ? WHERE id = ? AND place IS NULL'),
      insertEntityKey: db.prepare('INSERT OR IGNORE INTO entity_keys (entity_id, type, key) VALUES (?, ?, ?)'),
      insertEntityName: db.prepare('INSERT OR IGNORE INTO entity_names (entity_id, type, name) VALUES (?, ?, ?)'),
      insertMention: db.prepare(`INSERT INTO mentions (${mentionColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      // Entities merged into others are never candidates: their names and keys moved to the one they joined.
      candidates: db.prepare(`
        WITH ids AS (
          SELECT entity_id FROM entity_keys WHERE type = @type AND key IN (SELECT value FROM json_each(@keys))
          GROUP BY entity_id HAVING count(*) >= @minShared
          UNION
          SELECT entity_id FROM entity_names WHERE type = @type AND name IN (SELECT value FROM json_each(@names))
        )
        SELECT e.id, e.type, e.first_name,
               (SELECT json_group_array(name) FROM entity_names n WHERE n.entity_id = e.id) AS names,
               (SELECT json_group_array(key) FROM entity_keys k WHERE k.entity_id = e.id) AS keys
        FROM entities e JOIN ids ON ids.entity_id = e.id WHERE e.merged_into IS NULL ORDER BY e.id`),
      entity: db.prepare('SELECT id, type, first_name, place, merged_into FROM entities WHERE id = ?'),
      // The documents of the entity's latest 300 mentions (read backwards along mentions_entity, never all of them:
      // grouping every mention of an entity named in thousands of documents made this a sixth of ingest), up to 30;
      // then, document by document along mentions_document (which holds the entity: no mention's row is read), which
      // of the company they name. Thirty documents of a person's latest company tell namesakes apart; reading every
      // entity of 200 took half of resolution at 25 MB.
      sharedCompany: db.prepare(`
        WITH recent AS (SELECT document_id FROM mentions WHERE entity_id = @id ORDER BY id DESC LIMIT 300),
             docs AS (SELECT DISTINCT document_id FROM recent LIMIT 30),
             company AS (SELECT value AS entity_id FROM json_each(@company) WHERE value != @id)
        SELECT count(DISTINCT m.entity_id) AS n FROM docs CROSS JOIN mentions m INDEXED BY mentions_document
        WHERE m.document_id = docs.document_id AND m.entity_id IN (SELECT entity_id FROM company)`),
      decisions: db.prepare('SELECT * FROM entity_decisions ORDER BY seq'),
      decisionsOf: db.prepare('SELECT * FROM entity_decisions WHERE entity_id = ? OR other_id = ? ORDER BY seq'),
      insertDecision: db.prepare(`INSERT INTO entity_decisions (id, kind, entity_id, other_id, names, documents, actor, at, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    };
  }

  /** Writes a batch's entities, keys and mentions (with the spellings they add); the caller holds the transaction. */
  saveResolved(batch: { newEntities: EntityRecord[]; entityKeys: EntityKeyRecord[]; mentions: MentionRecord[] }): void {
    const s = this.s;
    for (const e of batch.newEntities) {
      const place = e.place ? JSON.stringify(e.place) : null;
      s.insertEntity.run(e.id, e.type, e.firstName, place);
      if (place) s.fillPlace.run(place, e.id);
    }
    for (const k of batch.entityKeys) s.insertEntityKey.run(k.entityId, k.type, k.key);
    // Each spelling once: a document says its names and dates many times over.
    const named = new Set<string>();
    for (const m of batch.mentions) {
      const spelling = `${m.entityId}\u0000${m.text}`;
      if (!named.has(spelling)) {
        named.add(spelling);
        s.insertEntityName.run(m.entityId, m.type, m.text);
      }
      s.insertMention.run(m.documentId, m.entityId, m.type, m.text, m.start, m.end, m.confidence, m.method, m.value, m.sentence.start, m.sentence.end);
    }
  }

  candidates(type: EntityType, keys: string[], names: string[], minShared = 1): EntityCandidate[] {
    if (keys.length === 0 && names.length === 0) return [];
    const rows = this.s.candidates.all({ type, keys: JSON.stringify(keys), names: JSON.stringify(names), minShared }) as Row[];
    return rows.map((r) => {
      const first = r.first_name as string;
      const spellings = (JSON.parse(r.names as string) as string[]).filter((n) => n !== first);
      return { id: r.id as string, type: r.type as EntityType, keys: JSON.parse(r.keys as string) as string[], names: [first, ...spellings] };
    });
  }

  list(filter: { type?: EntityType }, page: Page, scope: Scope = null): EntitySummary[] {
    const inScope = mentionsInScope(scope, 'm.document_id');
    const rows = this.db
      .prepare(
        `SELECT e.id, e.type, e.place, e.merged_into, count(m.id) AS mentions FROM entities e JOIN mentions m ON m.entity_id = e.id
         WHERE ${filter.type ? 'e.type = ? AND ' : ''}${inScope.where}
         GROUP BY e.id ORDER BY mentions DESC, e.id LIMIT ? OFFSET ?`,
      )
      .all(...(filter.type ? [filter.type] : []), ...inScope.params, page.limit, page.offset) as Row[];
    return this.summarise(rows, scope);
  }

  get(id: string, scope: Scope = null): EntitySummary | null {
    const inScope = mentionsInScope(scope, 'm.document_id');
    // In a scope an entity is seen only through its mentions there; with none, it is not seen at all.
    const rows = this.db
      .prepare(scope === null
        ? `SELECT e.id, e.type, e.place, e.merged_into, count(m.id) AS mentions FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id
           WHERE e.id = ? GROUP BY e.id`
        : `SELECT e.id, e.type, e.place, e.merged_into, count(m.id) AS mentions FROM entities e JOIN mentions m ON m.entity_id = e.id
           WHERE e.id = ? AND ${inScope.where} GROUP BY e.id`)
      .all(id, ...inScope.params) as Row[];
    if (rows.length === 0 && scope !== null) {
      // Merged away, it has no mentions left: it is seen where what it was merged into is seen, to say where it went.
      const merged = this.db.prepare('SELECT id, type, place, merged_into, 0 AS mentions FROM entities WHERE id = ? AND merged_into IS NOT NULL').get(id) as Row | undefined;
      return merged && this.get(merged.merged_into as string, scope) ? (this.summarise([merged], null)[0] ?? null) : null;
    }
    return this.summarise(rows, scope)[0] ?? null;
  }

  /** Names, counts and documents from the mentions in the scope only, so nothing outside it shows through. */
  summarise(rows: Row[], scope: Scope): EntitySummary[] {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id as string);
    const placeholders = ids.map(() => '?').join(',');
    const inScope = mentionsInScope(scope, 'document_id');
    const surfaces = this.db
      .prepare(`SELECT entity_id, text, count(*) AS n, min(id) AS first FROM mentions WHERE entity_id IN (${placeholders}) AND ${inScope.where}
                GROUP BY entity_id, text ORDER BY entity_id, n DESC, first`)
      .all(...ids, ...inScope.params) as Row[];
    const docs = this.db
      .prepare(`SELECT entity_id, document_id, min(id) AS first FROM mentions WHERE entity_id IN (${placeholders}) AND ${inScope.where}
                GROUP BY entity_id, document_id ORDER BY entity_id, first`)
      .all(...ids, ...inScope.params) as Row[];
    const firstNames = this.db.prepare(`SELECT id, first_name FROM entities WHERE id IN (${placeholders})`).all(...ids) as Row[];
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

  mentionsOf(id: string, scope: Scope = null): MentionRecord[] {
    const inScope = mentionsInScope(scope, 'document_id');
    return (this.db.prepare(`SELECT ${mentionColumns} FROM mentions WHERE entity_id = ? AND ${inScope.where} ORDER BY id`).all(id, ...inScope.params) as Row[]).map(toMention);
  }

  sharedCompany(entityIds: string[], company: string[]): Record<string, number> {
    const out: Record<string, number> = {};
    const list = JSON.stringify([...new Set(company)]);
    for (const id of new Set(entityIds)) out[id] = (this.s.sharedCompany.get({ id, company: list }) as { n: number }).n;
    return out;
  }

  mentionsInDocument(documentId: string, scope: Scope = null): MentionRecord[] {
    const inScope = mentionsInScope(scope, 'document_id');
    return (this.db.prepare(`SELECT ${mentionColumns} FROM mentions WHERE document_id = ? AND ${inScope.where} ORDER BY start_offset, id`).all(documentId, ...inScope.params) as Row[]).map(
      toMention,
    );
  }

  private live(id: string, role: string): { id: string; type: EntityType; place: string | null } {
    const row = this.s.entity.get(id) as Row | undefined;
    if (!row) throw new VigilError('not-found', 'entity.not-found', `no entity ${id} (${role})`);
    if (row.merged_into) {
      throw new VigilError('conflict', 'entity.merged', `entity ${id} (${role}) was merged into ${row.merged_into as string}; use that one`);
    }
    return { id, type: row.type as EntityType, place: (row.place as string | null) ?? null };
  }

  private recordDecision(d: EntityDecision): void {
    if (d.kind === 'merge') this.s.insertDecision.run(d.id, 'merge', d.target, d.merged, '[]', '[]', d.actor, d.at, d.note);
    else this.s.insertDecision.run(d.id, 'split', d.entity, d.newEntity, JSON.stringify(d.names), JSON.stringify(d.documents), d.actor, d.at, d.note);
  }

  merge(d: EntityMerge): { moved: number } {
    if (d.target === d.merged) throw new VigilError('input', 'entity.merge-self', `cannot merge entity ${d.target} into itself`);
    const target = this.live(d.target, 'target');
    const merged = this.live(d.merged, 'to merge');
    if (target.type !== merged.type) {
      throw new VigilError('input', 'entity.merge-types', `cannot merge a ${merged.type} (${d.merged}) into a ${target.type} (${d.target})`);
    }
    const db = this.db;
    const moved = db.prepare('UPDATE mentions SET entity_id = ? WHERE entity_id = ?').run(d.target, d.merged).changes;
    db.prepare('INSERT OR IGNORE INTO entity_names (entity_id, type, name) SELECT ?, type, name FROM entity_names WHERE entity_id = ?').run(d.target, d.merged);
    db.prepare('DELETE FROM entity_names WHERE entity_id = ?').run(d.merged);
    db.prepare('INSERT OR IGNORE INTO entity_keys (entity_id, type, key) SELECT ?, type, key FROM entity_keys WHERE entity_id = ?').run(d.target, d.merged);
    db.prepare('DELETE FROM entity_keys WHERE entity_id = ?').run(d.merged);
    // Watchlist entries whose evidence is the merged entity now also stand behind the one it joined.
    db.prepare('INSERT OR IGNORE INTO watchlist_entity_links (entry_id, entity_id) SELECT entry_id, ? FROM watchlist_entity_links WHERE entity_id = ?').run(
      d.target,
      d.merged,
    );
    if (target.place === null && merged.place !== null) this.s.fillPlace.run(merged.place, d.target);
    db.prepare('UPDATE entities SET merged_into = ? WHERE id = ? OR merged_into = ?').run(d.target, d.merged, d.merged);
    this.recordDecision(d);
    return { moved };
  }

  /** `keys`: the lookup keys both entities should have after the split (the caller computes them from their names). */
  split(d: EntitySplit, keys: EntityKeyRecord[]): { moved: number } {
    if (d.names.length === 0 && d.documents.length === 0) {
      throw new VigilError('input', 'entity.split-empty', 'a split needs names or documents saying which mentions are of another entity');
    }
    const entity = this.live(d.entity, 'to split');
    if (this.s.entity.get(d.newEntity)) throw new VigilError('conflict', 'entity.split-exists', `entity ${d.newEntity} exists already`);
    const db = this.db;
    const selected = db
      .prepare(
        `SELECT id, text FROM mentions WHERE entity_id = @entity
           AND (@noNames OR text IN (SELECT value FROM json_each(@names)))
           AND (@noDocuments OR document_id IN (SELECT value FROM json_each(@documents)))
         ORDER BY id`,
      )
      .all({
        entity: d.entity,
        noNames: d.names.length === 0 ? 1 : 0,
        names: JSON.stringify(d.names),
        noDocuments: d.documents.length === 0 ? 1 : 0,
        documents: JSON.stringify(d.documents),
      }) as Row[];
    if (selected.length === 0) throw new VigilError('input', 'entity.split-nothing', `no mention of entity ${d.entity} matches the names and documents given`);
    const total = (db.prepare('SELECT count(*) AS n FROM mentions WHERE entity_id = ?').get(d.entity) as { n: number }).n;
    if (selected.length === total) {
      throw new VigilError('input', 'entity.split-all', `every mention of entity ${d.entity} matches: a split must leave some behind`);
    }
    const movedNames = [...new Set(selected.map((r) => r.text as string))];
    this.s.insertEntity.run(d.newEntity, entity.type, movedNames[0]!, null);
    const move = db.prepare('UPDATE mentions SET entity_id = ? WHERE id = ?');
    for (const r of selected) move.run(d.newEntity, r.id);
    for (const name of movedNames) this.s.insertEntityName.run(d.newEntity, entity.type, name);
    // A spelling stays with the old entity only while one of its remaining mentions uses it.
    db.prepare(
      `DELETE FROM entity_names WHERE entity_id = ? AND name IN (SELECT value FROM json_each(?))
         AND name NOT IN (SELECT text FROM mentions WHERE entity_id = ?)`,
    ).run(d.entity, JSON.stringify(movedNames), d.entity);
    db.prepare('DELETE FROM entity_keys WHERE entity_id IN (?, ?)').run(d.entity, d.newEntity);
    for (const k of keys) {
      if (k.entityId !== d.entity && k.entityId !== d.newEntity) continue;
      this.s.insertEntityKey.run(k.entityId, k.type, k.key);
    }
    this.recordDecision(d);
    return { moved: selected.length };
  }

  decisions(entityId?: string): EntityDecision[] {
    const rows = (entityId === undefined ? this.s.decisions.all() : this.s.decisionsOf.all(entityId, entityId)) as Row[];
    return rows.map(toDecision);
  }

  /** Replaces one document's mentions with newly resolved ones. */
  replaceDocumentMentions(doc: ReextractedDocument): void {
    if (!this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(doc.documentId)) {
      throw new VigilError('not-found', 'document.not-found', `no document ${doc.documentId}`);
    }
    if (doc.mentions.some((m) => m.documentId !== doc.documentId)) {
      throw new VigilError('internal', 'store.reextract-foreign', `re-extracted mentions of ${doc.documentId} name another document`);
    }
    this.db.prepare('DELETE FROM mentions WHERE document_id = ?').run(doc.documentId);
    this.saveResolved(doc);
  }

  /**
   * Removes entities no mention, watchlist entry or analyst decision refers to any more, with their names and keys,
   * and spellings no mention uses: what re-extraction leaves behind when a better model stops finding a false name.
   */
  prune(): { entities: number; names: number } {
    const db = this.db;
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS orphan_entities (id TEXT PRIMARY KEY); DELETE FROM orphan_entities;`);
    db.exec(`INSERT INTO orphan_entities SELECT e.id FROM entities e
      WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM watchlist_entity_links l WHERE l.entity_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM entity_decisions d WHERE d.entity_id = e.id OR d.other_id = e.id)
        AND NOT EXISTS (SELECT 1 FROM entities x WHERE x.merged_into = e.id)`);
    db.exec('DELETE FROM entity_keys WHERE entity_id IN (SELECT id FROM orphan_entities)');
    db.exec('DELETE FROM entity_names WHERE entity_id IN (SELECT id FROM orphan_entities)');
    const entities = db.prepare('DELETE FROM entities WHERE id IN (SELECT id FROM orphan_entities)').run().changes;
    const names = db
      .prepare(
        `DELETE FROM entity_names WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entity_names.entity_id AND m.text = entity_names.name)
           AND entity_id IN (SELECT entity_id FROM mentions)`,
      )
      .run().changes;
    return { entities, names };
  }

  setPlaces(links: { entityId: string; place: PlaceLink }[]): void {
    const update = this.db.prepare('UPDATE entities SET place = ? WHERE id = ?');
    for (const l of links) update.run(JSON.stringify(l.place), l.entityId);
  }
}
