// The graph side of the SQLite store: entities mentioned in the same leaf document, their counts in a date range,
// and an entity's mentions by month. Reads only; every count comes from the mentions in the caller's scope.
import type Database from 'better-sqlite3';
import type { EntityType, Scope } from '../records.js';
import type { CoMention, EntityActivity, EntityTimeline, LinkFilter, PeriodCount } from '../view-records.js';
import { dateRangeSql } from './document-filter-sql.js';
import { mentionsInScope } from './scope-sql.js';

type Row = Record<string, unknown>;

/** The name getEntity gives each entity in the scope: its most frequent spelling there, the first seen among equals. */
export function displayNames(db: Database.Database, ids: string[], scope: Scope): Map<string, string> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const inScope = mentionsInScope(scope, 'document_id');
  const rows = db
    .prepare(`SELECT entity_id, text, count(*) AS n, min(id) AS first FROM mentions
              WHERE entity_id IN (SELECT value FROM json_each(?)) AND ${inScope.where}
              GROUP BY entity_id, text ORDER BY entity_id, n DESC, first`)
    .all(JSON.stringify([...new Set(ids)]), ...inScope.params) as Row[];
  for (const r of rows) if (!names.has(r.entity_id as string)) names.set(r.entity_id as string, r.text as string);
  return names;
}

const toCoMention = (r: Row): CoMention => ({
  from: r.seed as string,
  to: r.other as string,
  type: r.type as EntityType,
  documents: r.documents as number,
  mentions: r.mentions as number,
});

export class SqliteLinkTables {
  constructor(private readonly db: Database.Database) {}

  coMentions(ids: string[], filter: LinkFilter, scope: Scope): CoMention[] {
    if (ids.length === 0 || filter.among?.length === 0 || filter.types?.length === 0) return [];
    return filter.among ? this.coMentionsAmong(ids, filter.among, filter, scope) : this.allCoMentions(ids, filter, scope);
  }

  /** Every entity named with the seeds: each seed's documents, then every mention in them. */
  private allCoMentions(ids: string[], filter: LinkFilter, scope: Scope): CoMention[] {
    const inScope = mentionsInScope(scope, 'm.document_id');
    const dates = dateRangeSql(filter);
    const dated = dates.where === '1' ? '' : 'JOIN documents d ON d.id = m.document_id';
    const types = filter.types ? 'AND o.type IN (SELECT value FROM json_each(?))' : '';
    // Each (seed, document) once, so a seed named ten times in a document does not count the others ten times.
    const rows = this.db
      .prepare(
        `WITH seeds AS MATERIALIZED (
           SELECT DISTINCT m.entity_id AS seed, m.document_id FROM mentions m ${dated}
           WHERE m.entity_id IN (SELECT value FROM json_each(?)) AND ${inScope.where} AND ${dates.where}
         )
         SELECT s.seed, o.entity_id AS other, o.type, count(DISTINCT o.document_id) AS documents, count(*) AS mentions
         FROM seeds s JOIN mentions o ON o.document_id = s.document_id
         WHERE o.entity_id <> s.seed ${types}
         GROUP BY s.seed, o.entity_id
         ORDER BY s.seed, documents DESC, o.entity_id`,
      )
      .all(JSON.stringify([...new Set(ids)]), ...inScope.params, ...dates.params, ...(filter.types ? [JSON.stringify(filter.types)] : [])) as Row[];
    return rows.map(toCoMention);
  }

  /**
   * Co-mentions between the seeds and a known set of others (the links among a network's nodes): only the documents
   * of those entities are read, not every mention in them, which for hubs is most of the haul.
   */
  private coMentionsAmong(ids: string[], among: string[], filter: LinkFilter, scope: Scope): CoMention[] {
    const inScope = mentionsInScope(scope, 'm.document_id');
    const dates = dateRangeSql(filter);
    const dated = dates.where === '1' ? '' : 'JOIN documents d ON d.id = m.document_id';
    const everyone = JSON.stringify([...new Set([...ids, ...among])]);
    const rows = this.db
      .prepare(
        `WITH named AS MATERIALIZED (
           SELECT m.entity_id, m.type, m.document_id, count(*) AS n FROM mentions m ${dated}
           WHERE m.entity_id IN (SELECT value FROM json_each(?)) AND ${inScope.where} AND ${dates.where}
           GROUP BY m.entity_id, m.document_id
         )
         SELECT s.entity_id AS seed, o.entity_id AS other, o.type, count(*) AS documents, sum(o.n) AS mentions
         FROM named s JOIN named o ON o.document_id = s.document_id AND o.entity_id <> s.entity_id
         WHERE s.entity_id IN (SELECT value FROM json_each(?)) AND o.entity_id IN (SELECT value FROM json_each(?))
           ${filter.types ? 'AND o.type IN (SELECT value FROM json_each(?))' : ''}
         GROUP BY s.entity_id, o.entity_id
         ORDER BY s.entity_id, documents DESC, o.entity_id`,
      )
      .all(everyone, ...inScope.params, ...dates.params, JSON.stringify([...new Set(ids)]), JSON.stringify([...new Set(among)]), ...(filter.types ? [JSON.stringify(filter.types)] : [])) as Row[];
    return rows.map(toCoMention);
  }

  activity(ids: string[], range: { from?: string; to?: string }, scope: Scope): EntityActivity[] {
    const names = displayNames(this.db, ids, scope);
    if (names.size === 0) return [];
    const seen = JSON.stringify([...names.keys()]);
    const inScope = mentionsInScope(scope, 'm.document_id');
    const dates = dateRangeSql(range);
    const dated = dates.where === '1' ? '' : 'JOIN documents d ON d.id = m.document_id';
    const counts = new Map(
      (this.db
        .prepare(`SELECT m.entity_id, count(*) AS mentions, count(DISTINCT m.document_id) AS documents FROM mentions m ${dated}
                  WHERE m.entity_id IN (SELECT value FROM json_each(?)) AND ${inScope.where} AND ${dates.where} GROUP BY m.entity_id`)
        .all(seen, ...inScope.params, ...dates.params) as Row[]).map((r) => [r.entity_id as string, r]),
    );
    const types = this.db.prepare('SELECT id, type FROM entities WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(seen) as Row[];
    return types.map((t) => {
      const id = t.id as string;
      return {
        id,
        name: names.get(id)!,
        type: t.type as EntityType,
        mentions: (counts.get(id)?.mentions as number | undefined) ?? 0,
        documents: (counts.get(id)?.documents as number | undefined) ?? 0,
      };
    });
  }

  timeline(id: string, scope: Scope): EntityTimeline {
    const inScope = mentionsInScope(scope, 'm.document_id');
    const rows = this.db
      .prepare(`SELECT substr(d.date, 1, 7) AS period, count(*) AS mentions, count(DISTINCT d.id) AS documents
                FROM mentions m JOIN documents d ON d.id = m.document_id
                WHERE m.entity_id = ? AND ${inScope.where} GROUP BY period ORDER BY period`)
      .all(id, ...inScope.params) as Row[];
    const months = new Map<string, PeriodCount>();
    const years = new Map<string, PeriodCount>();
    const undated = { mentions: 0, documents: 0 };
    // Distinct periods hold distinct documents, so counts of periods that fall together add up.
    const add = (into: Map<string, PeriodCount>, period: string, r: Row) => {
      const count = into.get(period) ?? { period, mentions: 0, documents: 0 };
      count.mentions += r.mentions as number;
      count.documents += r.documents as number;
      into.set(period, count);
    };
    for (const r of rows) {
      const period = r.period as string | null;
      if (period !== null && /^\d{4}-\d{2}$/.test(period)) add(months, period, r);
      else if (period !== null && /^\d{4}/.test(period)) add(years, period.slice(0, 4), r);
      else {
        undated.mentions += r.mentions as number;
        undated.documents += r.documents as number;
      }
    }
    const ascending = (m: Map<string, PeriodCount>) => [...m.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
    return { periods: ascending(months), years: ascending(years), undated };
  }
}
