// Rows of the tables both stores share, read into records: the PostgreSQL schema mirrors SQLite's columns and
// their encodings (flags 0/1, JSON as text, ISO times as text), so one reading serves both.
import type { SessionRecord, TokenRecord, UserRecord } from './access-records.js';
import type { DocumentRecord } from './records.js';

export type Row = Record<string, unknown>;

export const documentColumns = `id, sha256, size, path, media_type, ingested_at, parent_id, position, title, author, date, language,
  text, span_start, span_end, is_leaf, metadata`;

export function toDocument(row: Row): DocumentRecord {
  return {
    id: row.id as string,
    sha256: row.sha256 as string,
    size: row.size as number,
    path: row.path as string,
    mediaType: row.media_type as string,
    ingestedAt: row.ingested_at as string,
    parentId: (row.parent_id as string | null) ?? null,
    position: row.position as number,
    title: (row.title as string | null) ?? null,
    author: (row.author as string | null) ?? null,
    date: (row.date as string | null) ?? null,
    language: (row.language as string | null) ?? null,
    text: row.text as string,
    span: row.span_start == null ? null : { start: row.span_start as number, end: row.span_end as number },
    isLeaf: row.is_leaf === 1,
    metadata: JSON.parse(row.metadata as string) as Record<string, string>,
  };
}

export function toUser(r: Row): UserRecord {
  return {
    id: r.id as string,
    name: r.name as string,
    role: r.role as string,
    passwordHash: (r.password_hash as string | null) ?? null,
    disabled: r.disabled === 1,
    collections: JSON.parse(r.collections as string) as string[],
    createdAt: r.created_at as string,
    mustChangePassword: r.must_change_password === 1,
  };
}

export function toToken(r: Row): TokenRecord {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    label: r.label as string,
    hash: r.hash as string,
    createdAt: r.created_at as string,
    expiresAt: (r.expires_at as string | null) ?? null,
    revokedAt: (r.revoked_at as string | null) ?? null,
    lastUsedAt: (r.last_used_at as string | null) ?? null,
  };
}

export function toSession(r: Row): SessionRecord {
  return {
    hash: r.hash as string,
    userId: r.user_id as string,
    csrf: r.csrf as string,
    createdAt: r.created_at as string,
    lastSeenAt: r.last_seen_at as string,
    endedAt: (r.ended_at as string | null) ?? null,
  };
}
