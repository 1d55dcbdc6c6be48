// The graph side of the PostgreSQL store's views: entities mentioned in the same leaf document, their counts in a
// date range, and an entity's mentions by month. Reads only; every count comes from the mentions in the caller's
// scope. Ported from sqlite/link-tables.ts.
import type { EntityType, Scope } from '../records.js';
import type { CoMention, EntityActivity, EntityTimeline, LinkFilter, PeriodCount } from '../view-records.js';
import type { PgQueries, Row } from './pg-db.js';
import { dateRangeSql } from './pg-document-filter.js';
import { PgParams } from './pg-scope.js';

/** The name getEntity gives each entity in the scope: its most frequent spelling there, the first seen among equals. */
export async function displayNames(db: PgQueries, ids: string[], scope: Scope): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (ids.length === 0) return names;
  const p = new PgParams();
  const rows = await db.query(
    `SELECT entity_id, text, count(*) AS n, min(id) AS first FROM mentions
     WHERE entity_id = ANY(${p.add([...new Set(ids)])}::text[]) AND ${p.mentions(scope, 'document_id')}
     GROUP BY entity_id, text ORDER BY entity_id, n DESC, first`,
    p.values,
  );
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

export class PgLinkViews {
  constructor(private readonly db: PgQueries) {}

  async coMentions(ids: string[], filter: LinkFilter, scope: Scope): Promise<CoMention[]> {
    if (ids.length === 0 || filter.among?.length === 0 || filter.types?.length === 0) return [];
    return filter.among ? this.coMentionsAmong(ids, filter.among, filter, scope) : this.allCoMentions(ids, filter, scope);
  }

  /** Every entity named with the seeds: each seed's documents, then every mention in them. */
  private async allCoMentions(ids: string[], filter: LinkFilter, scope: Scope): Promise<CoMention[]> {
    const p = new PgParams();
    const seeds = p.add([...new Set(ids)]);
    const inScope = p.mentions(scope, 'm.document_id');
    const dates = dateRangeSql(filter, p);
    const dated = dates === 'TRUE' ? '' : 'JOIN documents d ON d.id = m.document_id';
    const types = filter.types ? `AND o.type = ANY(${p.add([...new Set(filter.types)])}::text[])` : '';
    // Each (seed, document) once, so a seed named ten times in a document does not count the others ten times.
    const rows = await this.db.query(
      `WITH seeds AS MATERIALIZED (
         SELECT DISTINCT m.entity_id AS seed, m.document_id FROM mentions m ${dated}
         WHERE m.entity_id = ANY(${seeds}::text[]) AND ${inScope} AND ${dates}
       )
       SELECT s.seed, o.entity_id AS other, min(o.type) AS type, count(DISTINCT o.document_id) AS documents, count(*) AS mentions
       FROM seeds s JOIN mentions o ON o.document_id = s.document_id
       WHERE o.entity_id <> s.seed ${types}
       GROUP BY s.seed, o.entity_id
       ORDER BY s.seed, documents DESC, o.entity_id`,
      p.values,
    );
    return rows.map(toCoMention);
  }

  /**
   * Co-mentions between the seeds and a known set of others (the links among a network's nodes): only the documents
   * of those entities are read, not every mention in them, which for hubs is most of the haul.
   */
  private async coMentionsAmong(ids: string[], among: string[], filter: LinkFilter, scope: Scope): Promise<CoMention[]> {
    const p = new PgParams();
    const everyone = p.add([...new Set([...ids, ...among])]);
    const inScope = p.mentions(scope, 'm.document_id');
    const dates = dateRangeSql(filter, p);
    const dated = dates === 'TRUE' ? '' : 'JOIN documents d ON d.id = m.document_id';
    const seeds = p.add([...new Set(ids)]);
    const others = p.add([...new Set(among)]);
    const types = filter.types ? `AND o.type = ANY(${p.add([...new Set(filter.types)])}::text[])` : '';
    const rows = await this.db.query(
      `WITH named AS MATERIALIZED (
         SELECT m.entity_id, min(m.type) AS type, m.document_id, count(*) AS n FROM mentions m ${dated}
         WHERE m.entity_id = ANY(${everyone}::text[]) AND ${inScope} AND ${dates}
         GROUP BY m.entity_id, m.document_id
       )
       SELECT s.entity_id AS seed, o.entity_id AS other, min(o.type) AS type, count(*) AS documents, sum(o.n) AS mentions
       FROM named s JOIN named o ON o.document_id = s.document_id AND o.entity_id <> s.entity_id
       WHERE s.entity_id = ANY(${seeds}::text[]) AND o.entity_id = ANY(${others}::text[]) ${types}
       GROUP BY s.entity_id, o.entity_id
       ORDER BY s.entity_id, documents DESC, o.entity_id`,
      p.values,
    );
    return rows.map(toCoMention);
  }

  async activity(ids: string[], range: { from?: string; to?: string }, scope: Scope): Promise<EntityActivity[]> {
    const names = await displayNames(this.db, ids, scope);
    if (names.size === 0) return [];
    const seen = [...names.keys()];
    const p = new PgParams();
    const seenParam = p.add(seen);
    const inScope = p.mentions(scope, 'm.document_id');
    const dates = dateRangeSql(range, p);
    const dated = dates === 'TRUE' ? '' : 'JOIN documents d ON d.id = m.document_id';
    const counts = new Map(
      (await this.db.query(
        `SELECT m.entity_id, count(*) AS mentions, count(DISTINCT m.document_id) AS documents FROM mentions m ${dated}
         WHERE m.entity_id = ANY(${seenParam}::text[]) AND ${inScope} AND ${dates} GROUP BY m.entity_id`,
        p.values,
      )).map((r) => [r.entity_id as string, r]),
    );
    const types = await this.db.query('SELECT id, type FROM entities WHERE id = ANY($1::text[]) ORDER BY id', [seen]);
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

  async timeline(id: string, scope: Scope): Promise<EntityTimeline> {
    const p = new PgParams();
    const rows = await this.db.query(
      `SELECT substr(d.date, 1, 7) AS period, count(*) AS mentions, count(DISTINCT d.id) AS documents
       FROM mentions m JOIN documents d ON d.id = m.document_id
       WHERE m.entity_id = ${p.add(id)} AND ${p.mentions(scope, 'm.document_id')} GROUP BY period ORDER BY period`,
      p.values,
    );
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
