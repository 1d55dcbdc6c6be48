// The SQL that limits a read to the collections of a Scope, on PostgreSQL: documents through their source's bytes,
// mentions through their documents. A null scope adds nothing; an empty one matches nothing. PostgreSQL numbers
// its parameters, so each condition is told the number ($n) its own parameter takes.
import type { Scope } from '../records.js';

export interface ScopeSql {
  /** A condition to AND into a WHERE clause ('TRUE' when the scope is everything). */
  where: string;
  /** Its parameters, to append to the query's after the first `index - 1`. */
  params: unknown[];
}

const inCollections = (index: number) => `SELECT sha256 FROM source_collections WHERE collection = ANY($${index}::text[])`;

/** Documents whose sha256 column is `column` ("d.sha256"); `index`: the $n the scope takes if it adds one. */
export function documentsInScope(scope: Scope | undefined, column: string, index: number): ScopeSql {
  if (scope == null) return { where: 'TRUE', params: [] };
  return { where: `${column} IN (${inCollections(index)})`, params: [[...scope]] };
}

/** Rows whose document id column is `column` ("m.document_id"); `index`: the $n the scope takes if it adds one. */
export function mentionsInScope(scope: Scope | undefined, column: string, index: number): ScopeSql {
  if (scope == null) return { where: 'TRUE', params: [] };
  return { where: `${column} IN (SELECT id FROM documents WHERE sha256 IN (${inCollections(index)}))`, params: [[...scope]] };
}

/**
 * Parameters gathered while a query is written: `add` returns the placeholder of a value, so conditions can be put
 * together in any order without counting. `documents`/`mentions` add a scope's condition the same way.
 */
export class PgParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  documents(scope: Scope | undefined, column: string): string {
    const sql = documentsInScope(scope, column, this.values.length + 1);
    this.values.push(...sql.params);
    return sql.where;
  }

  mentions(scope: Scope | undefined, column: string): string {
    const sql = mentionsInScope(scope, column, this.values.length + 1);
    this.values.push(...sql.params);
    return sql.where;
  }
}
