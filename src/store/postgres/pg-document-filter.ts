// The SQL of a DocumentFilter on PostgreSQL: conditions on the leaf documents (alias `d`) a view reads, in the
// caller's scope, and the full-text condition of a TextQuery. Ported from sqlite/document-filter-sql.ts.
import { VigilError } from '../../errors.js';
import type { Scope, TextQuery, TextTerm } from '../records.js';
import type { DocumentFilter } from '../view-records.js';
import type { PgParams } from './pg-scope.js';

/** The last day a partial date can stand for, sorting right against full dates: "2017" → "2017-99-99". */
function latestDay(date: string): string {
  return date + '-99-99'.slice(0, Math.max(0, 10 - date.length));
}

const documentDay = 'substr(d.date, 1, 10)';
const documentLastDay = `(${documentDay} || substr('-99-99', 1, 10 - length(${documentDay})))`;

/** Conditions on documents dated within from … to (overlapping the range when dated only to a month or year). */
export function dateRangeSql(range: { from?: string; to?: string }, p: PgParams): string {
  const where: string[] = [];
  if (range.from !== undefined) where.push(`d.date IS NOT NULL AND ${documentLastDay} >= ${p.add(range.from)}`);
  if (range.to !== undefined) where.push(`d.date IS NOT NULL AND ${documentDay} <= ${p.add(latestDay(range.to))}`);
  return where.length === 0 ? 'TRUE' : where.join(' AND ');
}

const given = (values: readonly string[] | undefined): values is readonly string[] => values !== undefined && values.length > 0;
const list = (values: readonly string[]) => [...new Set(values)];

/** Leaf documents in the scope that pass the filter. */
export function documentFilterSql(filter: DocumentFilter, scope: Scope, p: PgParams): string {
  const where = ['d.is_leaf = 1', p.documents(scope, 'd.sha256')];
  for (const entity of new Set(filter.entities ?? [])) where.push(`d.id IN (SELECT document_id FROM mentions WHERE entity_id = ${p.add(entity)})`);
  if (given(filter.places)) where.push(`d.id IN (SELECT document_id FROM mentions WHERE entity_id = ANY(${p.add(list(filter.places))}::text[]))`);
  if (given(filter.types)) where.push(`d.id IN (SELECT document_id FROM mentions WHERE type = ANY(${p.add(list(filter.types))}::text[]))`);
  where.push(dateRangeSql(filter, p));
  if (given(filter.collections)) where.push(`d.sha256 IN (SELECT sha256 FROM source_collections WHERE collection = ANY(${p.add(list(filter.collections))}::text[]))`);
  if (given(filter.languages)) where.push(`d.language = ANY(${p.add(list(filter.languages))}::text[])`);
  if (given(filter.formats)) where.push(`d.media_type = ANY(${p.add(list(filter.formats))}::text[])`);
  return where.filter((w) => w !== 'TRUE').join(' AND ');
}

/**
 * The tsquery of a TextQuery, as SQL over parameters: each term a phrase tokenised by PostgreSQL (phraseto_tsquery,
 * the last word a prefix when asked: vigil_term_tsquery of migration 4), alternatives joined with ||, clauses with
 * &&, negated clauses with && !!. No user text is ever written into the SQL or parsed as tsquery syntax.
 */
export function tsquerySql(query: TextQuery, p: PgParams): string {
  const termSql = (t: TextTerm) => `vigil_term_tsquery(${p.add(t.words.join(' '))}, ${p.add(t.prefix)})`;
  const group = (terms: TextTerm[]) => '(' + terms.map(termSql).join(' || ') + ')';
  const positive = query.clauses.filter((c) => !c.negated).map((c) => group(c.alternatives));
  // A query that only excludes has nothing to rank; FTS5 rejects it too (parseQuery never makes one).
  if (positive.length === 0) throw new VigilError('input', 'search.syntax', 'the search engine rejected the query: it only excludes words');
  const negative = query.clauses.filter((c) => c.negated).map((c) => '!!' + group(c.alternatives));
  return '(' + [...positive, ...negative].join(' && ') + ')';
}
