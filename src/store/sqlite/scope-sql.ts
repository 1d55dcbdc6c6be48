// The SQL that limits a read to the collections of a Scope: documents through their source's bytes, mentions
// through their documents. A null scope adds nothing; an empty one matches nothing.
import type { Scope } from '../records.js';

export interface ScopeSql {
  /** A condition to AND into a WHERE clause ('1' when the scope is everything). */
  where: string;
  params: unknown[];
}

const inCollections = 'SELECT sha256 FROM source_collections WHERE collection IN (SELECT value FROM json_each(?))';

/** Documents whose sha256 column is `column` ("d.sha256"). */
export function documentsInScope(scope: Scope | undefined, column: string): ScopeSql {
  if (scope == null) return { where: '1', params: [] };
  return { where: `${column} IN (${inCollections})`, params: [JSON.stringify(scope)] };
}

/** Rows whose document id column is `column` ("m.document_id"). */
export function mentionsInScope(scope: Scope | undefined, column: string): ScopeSql {
  if (scope == null) return { where: '1', params: [] };
  return { where: `${column} IN (SELECT id FROM documents WHERE sha256 IN (${inCollections}))`, params: [JSON.stringify(scope)] };
}
