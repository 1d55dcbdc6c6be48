// Users, API tokens, browser sessions and the audit log in the SQLite store. SqliteStore delegates to this.
import type Database from 'better-sqlite3';
import { VigilError } from '../../errors.js';
import type { AccessStore, AuditFilter, AuditStore, SessionRecord, StoredAuditRecord, TokenRecord, UserChange, UserRecord } from '../access-records.js';
import { toSession, toToken, toUser } from '../table-rows.js';

type Row = Record<string, unknown>;




const userColumns = 'id, name, role, password_hash, disabled, collections, created_at, must_change_password';
const tokenColumns = 'id, user_id, label, hash, created_at, expires_at, revoked_at, last_used_at';
const auditColumns = 'seq, at, actor, action, target, outcome, details, prev, hash';

const userFields: Record<keyof UserChange, string> = {
  passwordHash: 'password_hash',
  disabled: 'disabled',
  collections: 'collections',
  role: 'role',
  mustChangePassword: 'must_change_password',
};

export class SqliteAccessTables implements AccessStore, AuditStore {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      insertUser: db.prepare(`INSERT INTO users (${userColumns}) VALUES (@id, @name, @role, @passwordHash, @disabled, @collections, @createdAt, @mustChangePassword)`),
      userByName: db.prepare(`SELECT ${userColumns} FROM users WHERE name = ?`),
      userById: db.prepare(`SELECT ${userColumns} FROM users WHERE id = ?`),
      listUsers: db.prepare(`SELECT ${userColumns} FROM users ORDER BY name`),
      insertToken: db.prepare(`INSERT INTO api_tokens (${tokenColumns}) VALUES (@id, @userId, @label, @hash, @createdAt, @expiresAt, @revokedAt, @lastUsedAt)`),
      tokenByHash: db.prepare(`SELECT ${tokenColumns} FROM api_tokens WHERE hash = ?`),
      listTokens: db.prepare(`SELECT ${tokenColumns} FROM api_tokens ORDER BY created_at DESC, id`),
      listTokensOf: db.prepare(`SELECT ${tokenColumns} FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC, id`),
      revokeToken: db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      touchToken: db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?'),
      insertSession: db.prepare('INSERT INTO sessions (hash, user_id, csrf, created_at, last_seen_at, ended_at) VALUES (@hash, @userId, @csrf, @createdAt, @lastSeenAt, @endedAt)'),
      sessionByHash: db.prepare('SELECT hash, user_id, csrf, created_at, last_seen_at, ended_at FROM sessions WHERE hash = ?'),
      touchSession: db.prepare('UPDATE sessions SET last_seen_at = ? WHERE hash = ? AND ended_at IS NULL'),
      endSession: db.prepare('UPDATE sessions SET ended_at = ? WHERE hash = ? AND ended_at IS NULL'),
      endSessionsOf: db.prepare('UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL'),
      lastAudit: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insertAudit: db.prepare(`INSERT INTO audit_log (${auditColumns}) VALUES (@seq, @at, @actor, @action, @target, @outcome, @details, @prev, @hash)`),
    };
  }

  async createUser(user: UserRecord): Promise<void> {
    try {
      this.s.insertUser.run({ ...user, disabled: user.disabled ? 1 : 0, collections: JSON.stringify(user.collections), mustChangePassword: user.mustChangePassword ? 1 : 0 });
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' || (error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new VigilError('conflict', 'access.user-exists', `a user named "${user.name}" already exists`, { cause: error });
      }
      throw error;
    }
  }

  async userByName(name: string): Promise<UserRecord | null> {
    const row = this.s.userByName.get(name) as Row | undefined;
    return row ? toUser(row) : null;
  }

  async userById(id: string): Promise<UserRecord | null> {
    const row = this.s.userById.get(id) as Row | undefined;
    return row ? toUser(row) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (this.s.listUsers.all() as Row[]).map(toUser);
  }

  async updateUser(id: string, change: UserChange): Promise<void> {
    const entries = Object.entries(change).filter(([, v]) => v !== undefined) as [keyof UserChange, unknown][];
    if (entries.length === 0) return;
    const values = entries.map(([field, value]) => (field === 'collections' ? JSON.stringify(value) : typeof value === 'boolean' ? (value ? 1 : 0) : value));
    const set = entries.map(([field]) => `${userFields[field]} = ?`).join(', ');
    const info = this.db.prepare(`UPDATE users SET ${set} WHERE id = ?`).run(...values, id);
    if (info.changes === 0) throw new VigilError('not-found', 'access.unknown-user', `no user with id "${id}"`);
  }

  async createToken(token: TokenRecord): Promise<void> {
    this.s.insertToken.run(token);
  }

  async tokenByHash(hash: string): Promise<TokenRecord | null> {
    const row = this.s.tokenByHash.get(hash) as Row | undefined;
    return row ? toToken(row) : null;
  }

  async listTokens(userId?: string): Promise<TokenRecord[]> {
    return ((userId === undefined ? this.s.listTokens.all() : this.s.listTokensOf.all(userId)) as Row[]).map(toToken);
  }

  async revokeToken(id: string, at: string): Promise<boolean> {
    return this.s.revokeToken.run(at, id).changes > 0;
  }

  async touchToken(id: string, at: string): Promise<void> {
    this.s.touchToken.run(at, id);
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.s.insertSession.run(session);
  }

  async sessionByHash(hash: string): Promise<SessionRecord | null> {
    const row = this.s.sessionByHash.get(hash) as Row | undefined;
    return row ? toSession(row) : null;
  }

  async touchSession(hash: string, at: string): Promise<void> {
    this.s.touchSession.run(at, hash);
  }

  async endSession(hash: string, at: string): Promise<void> {
    this.s.endSession.run(at, hash);
  }

  async endSessionsOf(userId: string, at: string): Promise<void> {
    this.s.endSessionsOf.run(at, userId);
  }

  async appendAudit(seal: (last: Pick<StoredAuditRecord, 'seq' | 'hash'> | null) => StoredAuditRecord): Promise<StoredAuditRecord> {
    // IMMEDIATE: the write lock is taken before the last record is read, so no other process appends in between.
    return this.db.transaction(() => {
      const last = (this.s.lastAudit.get() as Pick<StoredAuditRecord, 'seq' | 'hash'> | undefined) ?? null;
      const record = seal(last);
      this.s.insertAudit.run(record);
      return record;
    }).immediate();
  }

  async auditRecords(afterSeq: number, limit: number, filter: AuditFilter = {}): Promise<StoredAuditRecord[]> {
    const clauses = ['seq > ?'];
    const values: (string | number)[] = [afterSeq];
    const where = (clause: string, ...value: string[]) => {
      clauses.push(clause);
      values.push(...value);
    };
    if (filter.from !== undefined) where('at >= ?', filter.from);
    if (filter.to !== undefined) where('at < ?', filter.to);
    if (filter.actor !== undefined) where('actor = ?', filter.actor);
    // A range rather than LIKE: exact in case, and the action index can serve it. Actions are ASCII, below U+FFFF.
    if (filter.action !== undefined) where('action >= ? AND action < ?', filter.action, filter.action + '\uffff');
    if (filter.target !== undefined) where('target = ?', filter.target);
    if (filter.text !== undefined) where('instr(lower(details), lower(?)) > 0', filter.text);
    values.push(limit);
    return this.db.prepare(`SELECT ${auditColumns} FROM audit_log WHERE ${clauses.join(' AND ')} ORDER BY seq LIMIT ?`).all(...values) as StoredAuditRecord[];
  }
}
