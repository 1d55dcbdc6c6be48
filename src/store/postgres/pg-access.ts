// PostgreSQL store, users, API tokens, browser sessions and the append-only audit log. Ported from access-tables.ts.
import { VigilError } from '../../errors.js';
import type { StoredAuditRecord, UserChange } from '../access-records.js';
import type { Store } from '../store.js';
import type { PgDb, Row } from './pg-db.js';
import { toSession, toToken, toUser } from '../table-rows.js';

export type AccessPart = Pick<Store, 'createUser' | 'updateUser' | 'userById' | 'userByName' | 'listUsers' | 'createToken' | 'tokenByHash' | 'touchToken' | 'revokeToken' | 'listTokens' | 'createSession' | 'sessionByHash' | 'touchSession' | 'endSession' | 'endSessionsOf' | 'appendAudit' | 'auditRecords'>;

/**
 * The tables of this part, as SQLite has them. Flags stay INTEGER 0/1 and collections JSON TEXT, as in SQLite.
 * SQLite's `name … UNIQUE COLLATE NOCASE` becomes a unique index on lower(name), which lookups by name use.
 * The action index is in the "C" collation so that the prefix range of auditRecords can use it whatever the
 * database's collation.
 */
export const accessSchema = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  collections TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_name ON users (lower(name));
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  label TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  last_used_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);
CREATE TABLE sessions (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  csrf TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  outcome TEXT NOT NULL,
  details TEXT NOT NULL,
  prev TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at, seq);
CREATE INDEX audit_log_actor ON audit_log(actor, seq);
CREATE INDEX audit_log_action ON audit_log((action COLLATE "C"), seq);
-- Append-only for Vigil itself (TRUNCATE too, which SQLite does not have); whoever edits the rows by other means,
-- as the table's owner disabling the triggers, breaks the hash chain instead.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`;




function toAudit(r: Row): StoredAuditRecord {
  return {
    seq: r.seq as number,
    at: r.at as string,
    actor: r.actor as string,
    action: r.action as string,
    target: (r.target as string | null) ?? null,
    outcome: r.outcome as string,
    details: r.details as string,
    prev: r.prev as string,
    hash: r.hash as string,
  };
}

const userColumns = 'id, name, role, password_hash, disabled, collections, created_at, must_change_password';
const tokenColumns = 'id, user_id, label, hash, created_at, expires_at, revoked_at, last_used_at';
const sessionColumns = 'hash, user_id, csrf, created_at, last_seen_at, ended_at';
const auditColumns = 'seq, at, actor, action, target, outcome, details, prev, hash';

const userFields: Record<keyof UserChange, string> = {
  passwordHash: 'password_hash',
  disabled: 'disabled',
  collections: 'collections',
  role: 'role',
  mustChangePassword: 'must_change_password',
};

const uniqueViolation = '23505';

export function postgresAccess(db: PgDb): AccessPart {
  const first = async <T>(sql: string, params: unknown[], to: (r: Row) => T): Promise<T | null> => {
    const row = await db.one(sql, params);
    return row ? to(row) : null;
  };
  return {
    async createUser(user) {
      await db
        .query(`INSERT INTO users (${userColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
          user.id, user.name, user.role, user.passwordHash, user.disabled ? 1 : 0, JSON.stringify(user.collections), user.createdAt, user.mustChangePassword ? 1 : 0,
        ])
        .catch((error: unknown) => {
          if ((error as { code?: string }).code === uniqueViolation) {
            throw new VigilError('conflict', 'access.user-exists', `a user named "${user.name}" already exists`, { cause: error });
          }
          throw error;
        });
    },

    userByName: (name) => first(`SELECT ${userColumns} FROM users WHERE lower(name) = lower($1)`, [name], toUser),
    userById: (id) => first(`SELECT ${userColumns} FROM users WHERE id = $1`, [id], toUser),
    // As SQLite's NOCASE column sorts: by the name in one case, then as written; bytes compared ("C"), as SQLite does.
    listUsers: async () => (await db.query(`SELECT ${userColumns} FROM users ORDER BY lower(name) COLLATE "C", name COLLATE "C"`)).map(toUser),

    async updateUser(id, change) {
      const entries = Object.entries(change).filter(([, v]) => v !== undefined) as [keyof UserChange, unknown][];
      if (entries.length === 0) return;
      const values = entries.map(([field, value]) => (field === 'collections' ? JSON.stringify(value) : typeof value === 'boolean' ? (value ? 1 : 0) : value));
      const set = entries.map(([field], i) => `${userFields[field]} = $${i + 1}`).join(', ');
      const rows = await db.query(`UPDATE users SET ${set} WHERE id = $${values.length + 1} RETURNING id`, [...values, id]);
      if (rows.length === 0) throw new VigilError('not-found', 'access.unknown-user', `no user with id "${id}"`);
    },

    async createToken(t) {
      await db.query(`INSERT INTO api_tokens (${tokenColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [t.id, t.userId, t.label, t.hash, t.createdAt, t.expiresAt, t.revokedAt, t.lastUsedAt]);
    },
    tokenByHash: (hash) => first(`SELECT ${tokenColumns} FROM api_tokens WHERE hash = $1`, [hash], toToken),
    async listTokens(userId) {
      const rows = userId === undefined
        ? await db.query(`SELECT ${tokenColumns} FROM api_tokens ORDER BY created_at COLLATE "C" DESC, id COLLATE "C"`)
        : await db.query(`SELECT ${tokenColumns} FROM api_tokens WHERE user_id = $1 ORDER BY created_at COLLATE "C" DESC, id COLLATE "C"`, [userId]);
      return rows.map(toToken);
    },
    async revokeToken(id, at) {
      return (await db.query('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL RETURNING id', [at, id])).length > 0;
    },
    async touchToken(id, at) {
      await db.query('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', [at, id]);
    },

    async createSession(s) {
      await db.query(`INSERT INTO sessions (${sessionColumns}) VALUES ($1, $2, $3, $4, $5, $6)`, [s.hash, s.userId, s.csrf, s.createdAt, s.lastSeenAt, s.endedAt]);
    },
    sessionByHash: (hash) => first(`SELECT ${sessionColumns} FROM sessions WHERE hash = $1`, [hash], toSession),
    async touchSession(hash, at) {
      await db.query('UPDATE sessions SET last_seen_at = $1 WHERE hash = $2 AND ended_at IS NULL', [at, hash]);
    },
    async endSession(hash, at) {
      await db.query('UPDATE sessions SET ended_at = $1 WHERE hash = $2 AND ended_at IS NULL', [at, hash]);
    },
    async endSessionsOf(userId, at) {
      await db.query('UPDATE sessions SET ended_at = $1 WHERE user_id = $2 AND ended_at IS NULL', [at, userId]);
    },

    async appendAudit(seal) {
      return db.transaction(async (tx) => {
        // The table lock is taken before the last record is read and held to commit: every other appender (of any
        // process) waits for it, so no two seal from the same record and seq has no gaps. Readers are not held up.
        await tx.query('LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE');
        const last = (await tx.one<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')) ?? null;
        const record = seal(last);
        await tx.query(`INSERT INTO audit_log (${auditColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
          record.seq, record.at, record.actor, record.action, record.target, record.outcome, record.details, record.prev, record.hash,
        ]);
        return record;
      });
    },

    async auditRecords(afterSeq, limit, filter = {}) {
      const values: unknown[] = [afterSeq];
      const clauses = ['seq > $1'];
      const param = (value: unknown) => `$${values.push(value)}`;
      if (filter.from !== undefined) clauses.push(`at >= ${param(filter.from)}`);
      if (filter.to !== undefined) clauses.push(`at < ${param(filter.to)}`);
      if (filter.actor !== undefined) clauses.push(`actor = ${param(filter.actor)}`);
      // A range rather than LIKE: exact in case, and the action index (in "C") can serve it. Actions are ASCII.
      if (filter.action !== undefined) clauses.push(`action COLLATE "C" >= ${param(filter.action)} AND action COLLATE "C" < ${param(filter.action + '\uffff')}`);
      if (filter.target !== undefined) clauses.push(`target = ${param(filter.target)}`);
      if (filter.text !== undefined) clauses.push(`strpos(lower(details), lower(${param(filter.text)})) > 0`);
      const rows = await db.query(`SELECT ${auditColumns} FROM audit_log WHERE ${clauses.join(' AND ')} ORDER BY seq LIMIT ${param(limit)}`, values);
      return rows.map(toAudit);
    },
  };
}
