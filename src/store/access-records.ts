// The records of who may use Vigil and what they did: users, API tokens, browser sessions and the audit log.
// What they mean (roles, hashing, the chain) is src/access/'s; the store keeps them.

export interface UserRecord {
  id: string;
  /** Unique, as typed at sign-in (compared without regard to case). */
  name: string;
  /** One of access's roles. */
  role: string;
  /** scrypt hash; null for a user who signs in only with tokens. */
  passwordHash: string | null;
  disabled: boolean;
  /** The collections (cases) the user may read. */
  collections: string[];
  createdAt: string;
  /** Set for a one-time password: it must be changed at first sign-in. */
  mustChangePassword: boolean;
}

export type UserChange = Partial<Pick<UserRecord, 'passwordHash' | 'disabled' | 'collections' | 'role' | 'mustChangePassword'>>;

export interface TokenRecord {
  id: string;
  userId: string;
  label: string;
  /** SHA-256 of the token; the token itself is never stored. */
  hash: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface SessionRecord {
  /** SHA-256 of the cookie's value. */
  hash: string;
  userId: string;
  /** The anti-forgery token the browser sends back in a header on every change. */
  csrf: string;
  createdAt: string;
  lastSeenAt: string;
  endedAt: string | null;
}

/** One sealed record of the audit log, as stored (access/audit-chain.ts makes and checks them). */
export interface StoredAuditRecord {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  outcome: string;
  details: string;
  prev: string;
  hash: string;
}

/** Which audit records to read; each condition given narrows the answer, none given reads them all. */
export interface AuditFilter {
  /** Written at or after this time (ISO, as the records write it). */
  from?: string;
  /** Written before this time. */
  to?: string;
  /** Exactly this actor: "user:leila", "cli:root". */
  actor?: string;
  /** Actions beginning with this: "watchlist." finds watchlist.add, watchlist.import and the rest. */
  action?: string;
  /** Exactly this target. */
  target?: string;
  /** Details (as stored JSON) containing this text, ASCII letters in any case. */
  text?: string;
}

export interface AccessStore {
  /** Fails with a conflict when the name is taken (whatever its case). */
  createUser(user: UserRecord): Promise<void>;
  userByName(name: string): Promise<UserRecord | null>;
  userById(id: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  updateUser(id: string, change: UserChange): Promise<void>;
  createToken(token: TokenRecord): Promise<void>;
  tokenByHash(hash: string): Promise<TokenRecord | null>;
  /** Every token (of one user, when given), newest first. */
  listTokens(userId?: string): Promise<TokenRecord[]>;
  /** Revokes a token not yet revoked; false when there is none such. */
  revokeToken(id: string, at: string): Promise<boolean>;
  touchToken(id: string, at: string): Promise<void>;
  createSession(session: SessionRecord): Promise<void>;
  sessionByHash(hash: string): Promise<SessionRecord | null>;
  touchSession(hash: string, at: string): Promise<void>;
  endSession(hash: string, at: string): Promise<void>;
  /** Ends every open session of a user (disabled, password changed). */
  endSessionsOf(userId: string, at: string): Promise<void>;
}

export interface AuditStore {
  /**
   * Appends one record, sealed from the last one: `seal` is called with the last record (null for the first) inside
   * the same write transaction, so two writers can never both follow the same record.
   */
  appendAudit(seal: (last: Pick<StoredAuditRecord, 'seq' | 'hash'> | null) => StoredAuditRecord): Promise<StoredAuditRecord>;
  /** Records after `afterSeq` that pass every condition of `filter`, in order, at most `limit`. */
  auditRecords(afterSeq: number, limit: number, filter?: AuditFilter): Promise<StoredAuditRecord[]>;
}
