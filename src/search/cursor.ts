// Opaque page cursors. A cursor carries its offset and a fingerprint of the query it was issued for,
// so that a cursor reused with another query is refused instead of returning the wrong page.
import { createHash } from 'node:crypto';
import { VigilError } from '../errors.js';

export function fingerprint(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 10);
}

export function encodeCursor(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: fingerprint(scope) })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, scope: string): number {
  if (cursor === undefined || cursor === '') return 0;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown; s?: unknown };
    if (typeof value.o === 'number' && Number.isInteger(value.o) && value.o >= 0 && value.s === fingerprint(scope)) return value.o;
  } catch {
    // fall through to the one error below: a damaged cursor and a foreign one are the same mistake to the user
  }
  throw new VigilError('input', 'paging.bad-cursor', `cursor "${cursor.slice(0, 24)}" does not belong to this query; start again without --cursor`);
}

export interface Paged<T> {
  results: T[];
  total: number | null;
  nextCursor: string | null;
}

export const maxPageSize = 500;

export function pageSize(limit: number | undefined, fallback: number): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize) {
    throw new VigilError('input', 'paging.bad-limit', `limit ${limit} is out of range: use a whole number from 1 to ${maxPageSize}`);
  }
  return limit;
}
