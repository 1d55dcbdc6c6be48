// The SQL of a DocumentFilter: conditions on the leaf documents (alias `d`) a view reads, in the caller's scope.
// The full-text match is not here: a ranked search joins the FTS table itself, a count or facet selects from it.
import type { Scope } from '../records.js';
import type { DocumentFilter } from '../view-records.js';
import { documentsInScope, type ScopeSql } from './scope-sql.js';

/**
 * The last day a partial date can stand for, as a string that sorts right against full dates: "2017" → "2017-99-99",
 * "2017-07" → "2017-07-99". Days need not exist; only the order matters.
 */
export function latestDay(date: string): string {
  return date + '-99-99'.slice(0, Math.max(0, 10 - date.length));
}

/** The SQL of the document's date (alias `d`) cut to the day, and that date's last possible day. */
const documentDay = 'substr(d.date, 1, 10)';
const documentLastDay = `(${documentDay} || substr('-99-99', 1, 10 - length(${documentDay})))`;

/** Conditions on documents dated within from … to (overlapping the range when dated only to a month or year). */
export function dateRangeSql(range: { from?: string; to?: string }): ScopeSql {
  const where: string[] = [];
  const params: unknown[] = [];
  if (range.from !== undefined) {
    where.push(`d.date IS NOT NULL AND ${documentLastDay} >= ?`);
    params.push(range.from);
  }
  if (range.to !== undefined) {
    where.push(`d.date IS NOT NULL AND ${documentDay} <= ?`);
    params.push(latestDay(range.to));
  }
  return { where: where.length === 0 ? '1' : where.join(' AND '), params };
}

const list = (values: readonly string[]) => JSON.stringify([...new Set(values)]);
const given = (values: readonly string[] | undefined): values is readonly string[] => values !== undefined && values.length > 0;

/** Leaf documents in the scope that pass the filter. */
export function documentFilterSql(filter: DocumentFilter, scope: Scope): ScopeSql {
  const inScope = documentsInScope(scope, 'd.sha256');
  const where = ['d.is_leaf = 1', inScope.where];
  const params: unknown[] = [...inScope.params];
  for (const entity of new Set(filter.entities ?? [])) {
    where.push('d.id IN (SELECT document_id FROM mentions WHERE entity_id = ?)');
    params.push(entity);
  }
  if (given(filter.places)) {
    where.push('d.id IN (SELECT document_id FROM mentions WHERE entity_id IN (SELECT value FROM json_each(?)))');
    params.push(list(filter.places));
  }
  if (given(filter.types)) {
    where.push('d.id IN (SELECT document_id FROM mentions WHERE type IN (SELECT value FROM json_each(?)))');
    params.push(list(filter.types));
  }
  const dates = dateRangeSql(filter);
  where.push(dates.where);
  params.push(...dates.params);
  if (given(filter.collections)) {
    where.push('d.sha256 IN (SELECT sha256 FROM source_collections WHERE collection IN (SELECT value FROM json_each(?)))');
    params.push(list(filter.collections));
  }
  if (given(filter.languages)) {
    where.push('d.language IN (SELECT value FROM json_each(?))');
    params.push(list(filter.languages));
  }
  if (given(filter.formats)) {
    where.push('d.media_type IN (SELECT value FROM json_each(?))');
    params.push(list(filter.formats));
  }
  return { where: where.filter((w) => w !== '1').join(' AND '), params };
}
