// Users, their tokens, and the audit trail, over the store: what `vigil users|tokens|audit` and the API's sign-in
// call. Every change of who may do what is itself recorded in the audit log.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { VigilError } from '../errors.js';
import { isCollectionName, type AuditFilter, type StoredAuditRecord, type Store, type TokenRecord, type UserRecord } from '../store/index.js';
import { AuditChainVerifier, sealAuditEvent, type AuditEvent, type AuditRecord, type ChainProblem } from './audit-chain.js';
import { hashPassword, oneTimePassword, passwordProblem, verifyPassword } from './passwords.js';
import { allCollections, isRole, roles, type Principal, type Role } from './policy.js';
import { defaultSessionLimits, newSessionSecret, sessionExpiry, sessionHash, type SessionLimits } from './sessions.js';
import { SignInThrottle, type ThrottleLimits } from './throttle.js';
import { newToken, tokenHash, tokenIdOf } from './tokens.js';

/** A user as shown: never the password hash. */
export interface UserView {
  id: string;
  name: string;
  role: Role;
  collections: string[];
  disabled: boolean;
  createdAt: string;
  mustChangePassword: boolean;
}

export type TokenView = Omit<TokenRecord, 'hash'> & { user: string };

export interface NewUser {
  name: string;
  role: string;
  collections?: string[];
}

export interface AuditVerification {
  records: number;
  head: Pick<AuditRecord, 'seq' | 'hash'> | null;
  problem: ChainProblem | null;
}

/** Longest life a token may be given: a year and a day; a client that needs longer gets a new one. */
export const maxTokenDays = 366;
export const defaultTokenDays = 90;

const userNamePattern = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;

/** The one message for every failed sign-in, so that it never tells whether the user exists. */
export const signInRefused = 'the user name, password or token was not accepted';

export interface SignInRequest {
  name: string;
  password: string;
  /** Required when the password is a one-time one: it is replaced by this at sign-in. */
  newPassword?: string;
}

export interface SignedIn {
  user: UserView;
  principal: Principal;
  /** The cookie's value, for the browser only. */
  cookie: string;
  csrf: string;
}

export interface AccessOptions {
  sessions?: SessionLimits;
  throttle?: ThrottleLimits;
}

export interface AccessControl {
  /** Creates the first administrator with a one-time password; refused once any user exists. */
  init(name: string, actor: string): Promise<{ user: UserView; password: string }>;
  /** Adds a user with a one-time password, to be changed at first sign-in. */
  addUser(user: NewUser, actor: string): Promise<{ user: UserView; password: string }>;
  listUsers(): Promise<UserView[]>;
  /** Changes a user's role and/or collections; it holds from their next request, sessions and tokens included. */
  changeUser(name: string, change: { role?: string; collections?: string[] }, actor: string): Promise<UserView>;
  /** A disabled user's sessions end and their tokens stop working at once. */
  setDisabled(name: string, disabled: boolean, actor: string): Promise<UserView>;
  createToken(userName: string, options: { label?: string; days?: number }, actor: string): Promise<{ token: string; record: TokenView }>;
  revokeToken(id: string, actor: string): Promise<TokenView>;
  listTokens(userName?: string): Promise<TokenView[]>;
  /** Gives a new one-time password (to be changed at sign-in) and ends the user's sessions. */
  resetPassword(name: string, actor: string): Promise<{ user: UserView; password: string }>;
  /**
   * Signs a user in with their password and opens a browser session. Refused with one message for every reason
   * (unknown user, wrong password, disabled), and for a while after repeated failures.
   */
  signIn(request: SignInRequest, address: string | null): Promise<SignedIn>;
  /** The principal of a session cookie, and the session's anti-forgery token; refused when the session is over. */
  sessionPrincipal(cookie: string): Promise<{ principal: Principal; csrf: string }>;
  /** Ends a session for good. */
  signOut(cookie: string, actor: string): Promise<void>;
  /** The principal a bearer token stands for; refused with one generic message for any token that is not valid now. */
  authenticateToken(token: string, address: string | null): Promise<Principal>;
  /** Seals an event into the audit log (its time is now). */
  audit(event: Omit<AuditEvent, 'at'>): Promise<AuditRecord>;
  /** Walks the whole chain; `problem` is the first break, if any. */
  verifyAudit(onProgress?: (records: number) => void): Promise<AuditVerification>;
  /** Up to `limit` records after sequence number `afterSeq` that pass `filter` (time, actor, action, target, text), in order. */
  auditRecordsFrom(afterSeq: number, limit: number, filter?: AuditFilter): Promise<AuditRecord[]>;
  /** Every record written at or after `since` (ISO time), oldest first, to `write`; returns how many. */
  exportAudit(since: string | null, write: (record: AuditRecord) => void): Promise<number>;
}

function view(user: UserRecord): UserView {
  const { passwordHash: _hidden, role, ...rest } = user;
  return { ...rest, role: role as Role };
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!userNamePattern.test(trimmed)) throw new VigilError('input', 'access.bad-name', `user name "${name}": use letters, digits, ".", "_" or "-" (up to 64, starting with a letter or digit)`);
  return trimmed;
}

function checkRole(role: string): Role {
  if (!isRole(role)) throw new VigilError('input', 'access.bad-role', `role "${role}" is not one of ${roles.join(', ')}`);
  return role;
}

function checkCollections(collections: readonly string[]): string[] {
  for (const c of collections) {
    if (c !== allCollections && !isCollectionName(c)) throw new VigilError('input', 'access.bad-collection', `collection "${c}": use letters, digits, ".", "_" or "-" (or ${allCollections} for every collection)`);
  }
  return [...new Set(collections)].sort();
}

const auditPage = 1000;

export function createAccessControl(store: Store, clock: Clock, options: AccessOptions = {}): AccessControl {
  const now = () => clock.now().toISOString();
  const sessionLimits = options.sessions ?? defaultSessionLimits;
  const throttle = new SignInThrottle(clock, options.throttle);
  // Verifying against this when the user does not exist takes as long as a real check: timing tells nothing.
  let decoy: Promise<string> | null = null;
  const principalOf = (user: UserRecord, via: Principal['via'], tokenId?: string): Principal => ({
    userId: user.id,
    actor: `user:${user.name}`,
    role: user.role as Role,
    collections: user.collections.includes(allCollections) ? 'all' : user.collections,
    via,
    ...(tokenId ? { tokenId } : {}),
  });
  const audit = (event: Omit<AuditEvent, 'at'>): Promise<AuditRecord> =>
    store.appendAudit((last) => sealAuditEvent({ ...event, at: now() }, last)) as Promise<AuditRecord>;

  const userNamed = async (name: string): Promise<UserRecord> => {
    const user = await store.userByName(name);
    if (!user) throw new VigilError('not-found', 'access.unknown-user', `no user named "${name}" (see vigil users list)`);
    return user;
  };

  const createUser = async (input: NewUser, actor: string, action: string) => {
    const name = checkName(input.name);
    const role = checkRole(input.role);
    const collections = checkCollections(input.collections ?? []);
    const password = oneTimePassword();
    const user: UserRecord = {
      id: 'u_' + randomBytes(8).toString('hex'),
      name,
      role,
      passwordHash: await hashPassword(password),
      disabled: false,
      collections,
      createdAt: now(),
      mustChangePassword: true,
    };
    await store.createUser(user);
    await audit({ actor, action, target: name, outcome: 'ok', details: { role, collections } });
    return { user: view(user), password };
  };

  const tokenView = async (token: TokenRecord): Promise<TokenView> => {
    const { hash: _hidden, ...rest } = token;
    return { ...rest, user: (await store.userById(token.userId))?.name ?? token.userId };
  };

  // A refused token counts as a failed sign-in from its address: past the limit, tokens from there are refused
  // unread and unrecorded until the window passes, so guessing is slow and cannot flood the audit log.
  const refuse = async (address: string | null, reason: string, tokenId: string | null): Promise<never> => {
    if (address) throttle.failedFrom(address);
    await audit({ actor: 'anonymous', action: 'auth.token', target: tokenId, outcome: 'denied', details: { reason, address } });
    throw new VigilError('unauthenticated', 'auth.refused', signInRefused);
  };

  return {
    async init(name, actor) {
      if ((await store.listUsers()).length > 0) throw new VigilError('conflict', 'access.already-initialised', 'this store already has users; add more with vigil users add');
      return createUser({ name, role: 'admin' }, actor, 'users.init');
    },

    addUser: (input, actor) => createUser(input, actor, 'users.add'),

    async listUsers() {
      return (await store.listUsers()).map(view);
    },

    async changeUser(name, change, actor) {
      const user = await userNamed(name);
      const role = change.role === undefined ? undefined : checkRole(change.role);
      const collections = change.collections === undefined ? undefined : checkCollections(change.collections);
      if (role === undefined && collections === undefined) throw new VigilError('input', 'access.no-change', `say what to change for "${user.name}": a role and/or collections`);
      const changed = { ...user, ...(role ? { role } : {}), ...(collections ? { collections } : {}) };
      await store.updateUser(user.id, { role: changed.role, collections: changed.collections });
      await audit({ actor, action: 'users.change', target: user.name, outcome: 'ok', details: { from: { role: user.role, collections: user.collections }, to: { role: changed.role, collections: changed.collections } } });
      return view(changed);
    },

    async setDisabled(name, disabled, actor) {
      const user = await userNamed(name);
      await store.updateUser(user.id, { disabled });
      if (disabled) await store.endSessionsOf(user.id, now());
      await audit({ actor, action: disabled ? 'users.disable' : 'users.enable', target: user.name, outcome: 'ok', details: {} });
      return view({ ...user, disabled });
    },

    async resetPassword(name, actor) {
      const user = await userNamed(name);
      const password = oneTimePassword();
      await store.updateUser(user.id, { passwordHash: await hashPassword(password), mustChangePassword: true });
      await store.endSessionsOf(user.id, now());
      await audit({ actor, action: 'users.reset-password', target: user.name, outcome: 'ok', details: {} });
      return { user: view({ ...user, mustChangePassword: true }), password };
    },

    async signIn(request, address) {
      const name = request.name.trim();
      const wait = throttle.waitSeconds(name, address);
      if (wait > 0) {
        await audit({ actor: 'anonymous', action: 'auth.sign-in', target: name, outcome: 'denied', details: { reason: 'throttled', address } });
        throw new VigilError('too-many', 'auth.throttled', `too many failed sign-ins; try again in ${Math.ceil(wait / 60)} min`);
      }
      const user = await store.userByName(name);
      const stored = user?.passwordHash ?? (await (decoy ??= hashPassword(oneTimePassword())));
      const matches = await verifyPassword(request.password, stored);
      if (!user || !user.passwordHash || !matches || user.disabled) {
        throttle.failed(name, address);
        const reason = !user ? 'unknown user' : user.disabled ? 'user disabled' : 'wrong password';
        await audit({ actor: 'anonymous', action: 'auth.sign-in', target: name, outcome: 'denied', details: { reason, address } });
        throw new VigilError('unauthenticated', 'auth.refused', signInRefused);
      }
      let current = user;
      if (user.mustChangePassword) {
        if (request.newPassword === undefined) {
          throw new VigilError('forbidden', 'auth.password-change-required', 'this password was given for one sign-in only: send a new password (newPassword) with it');
        }
        const problem = passwordProblem(request.newPassword, user.name);
        if (problem) throw new VigilError('input', 'auth.weak-password', `newPassword: ${problem}`);
        if (request.newPassword === request.password) throw new VigilError('input', 'auth.weak-password', 'newPassword: choose a password other than the one-time one');
        await store.updateUser(user.id, { passwordHash: await hashPassword(request.newPassword), mustChangePassword: false });
        current = { ...user, mustChangePassword: false };
      }
      throttle.succeeded(name);
      const secret = newSessionSecret();
      const at = now();
      await store.createSession({ hash: secret.hash, userId: user.id, csrf: secret.csrf, createdAt: at, lastSeenAt: at, endedAt: null });
      await audit({ actor: `user:${user.name}`, action: 'auth.sign-in', target: user.name, outcome: 'ok', details: { address, passwordChanged: user.mustChangePassword } });
      return { user: view(current), principal: principalOf(current, 'session'), cookie: secret.cookie, csrf: secret.csrf };
    },

    async sessionPrincipal(cookie) {
      const hash = sessionHash(cookie);
      const session = await store.sessionByHash(hash);
      const at = clock.now();
      const over = session ? sessionExpiry(session, at, sessionLimits) : 'unknown';
      const user = session && !over ? await store.userById(session.userId) : null;
      if (!session || over || !user || user.disabled) {
        // An expired session is ended in the store, so it stays over even if the clock were set back.
        if (session && !session.endedAt) await store.endSession(hash, at.toISOString());
        throw new VigilError('unauthenticated', 'auth.session-over', 'you are signed out (the session ended or timed out); sign in again');
      }
      // Written at most once a minute: the idle clock needs no finer grain, and reads need not all write.
      if (at.getTime() - new Date(session.lastSeenAt).getTime() >= 60_000) await store.touchSession(hash, at.toISOString());
      return { principal: principalOf(user, 'session'), csrf: session.csrf };
    },

    async signOut(cookie, actor) {
      await store.endSession(sessionHash(cookie), now());
      await audit({ actor, action: 'auth.sign-out', target: null, outcome: 'ok', details: {} });
    },

    async createToken(userName, options, actor) {
      const user = await userNamed(userName);
      if (user.disabled) throw new VigilError('conflict', 'access.user-disabled', `user "${user.name}" is disabled; enable them first`);
      const days = options.days ?? defaultTokenDays;
      if (!Number.isInteger(days) || days < 1 || days > maxTokenDays) throw new VigilError('input', 'access.bad-expiry', `a token lasts 1 to ${maxTokenDays} days, not ${days}`);
      const created = clock.now();
      const { token, id, hash } = newToken();
      const record: TokenRecord = {
        id,
        userId: user.id,
        label: options.label?.trim() || `token for ${user.name}`,
        hash,
        createdAt: created.toISOString(),
        expiresAt: new Date(created.getTime() + days * 86_400_000).toISOString(),
        revokedAt: null,
        lastUsedAt: null,
      };
      await store.createToken(record);
      await audit({ actor, action: 'tokens.create', target: id, outcome: 'ok', details: { user: user.name, label: record.label, expiresAt: record.expiresAt } });
      return { token, record: await tokenView(record) };
    },

    async revokeToken(id, actor) {
      const token = (await store.listTokens()).find((t) => t.id === id);
      if (!token) throw new VigilError('not-found', 'access.unknown-token', `no token with id "${id}" (see vigil tokens list)`);
      const at = now();
      if (!(await store.revokeToken(id, at))) throw new VigilError('conflict', 'access.token-revoked', `token ${id} was already revoked at ${token.revokedAt}`);
      await audit({ actor, action: 'tokens.revoke', target: id, outcome: 'ok', details: {} });
      return tokenView({ ...token, revokedAt: at });
    },

    async listTokens(userName) {
      const userId = userName === undefined ? undefined : (await userNamed(userName)).id;
      return Promise.all((await store.listTokens(userId)).map(tokenView));
    },

    async authenticateToken(token, address) {
      const wait = address ? throttle.addressWaitSeconds(address) : 0;
      if (wait > 0) throw new VigilError('too-many', 'auth.throttled', `too many refused tokens from this address; try again in ${Math.ceil(wait / 60)} min`);
      const id = tokenIdOf(token);
      if (!id) return refuse(address, 'not a Vigil token', null);
      const record = await store.tokenByHash(tokenHash(token));
      if (!record || record.id !== id) return refuse(address, 'unknown token', id);
      const at = clock.now();
      if (record.revokedAt) return refuse(address, 'revoked', id);
      if (record.expiresAt && new Date(record.expiresAt) <= at) return refuse(address, 'expired', id);
      const user = await store.userById(record.userId);
      if (!user || user.disabled) return refuse(address, 'user disabled', id);
      // Written at most once a minute: a batch client's every request need not be a write.
      if (!record.lastUsedAt || at.getTime() - new Date(record.lastUsedAt).getTime() >= 60_000) await store.touchToken(id, at.toISOString());
      return principalOf(user, 'token', id);
    },

    audit,

    async verifyAudit(onProgress) {
      const verifier = new AuditChainVerifier();
      let after = 0;
      for (;;) {
        const page = (await store.auditRecords(after, auditPage)) as AuditRecord[];
        if (page.length === 0 || !verifier.check(page)) break;
        after = page[page.length - 1]!.seq;
        onProgress?.(verifier.records);
      }
      return { records: verifier.records, head: verifier.head, problem: verifier.problem };
    },

    auditRecordsFrom: (afterSeq, limit, filter = {}) => store.auditRecords(afterSeq, limit, filter) as Promise<AuditRecord[]>,

    async exportAudit(since, write) {
      let after = 0;
      let written = 0;
      for (;;) {
        const page: StoredAuditRecord[] = await store.auditRecords(after, auditPage, since === null ? {} : { from: since });
        if (page.length === 0) return written;
        for (const record of page) {
          write(record as AuditRecord);
          written++;
        }
        after = page[page.length - 1]!.seq;
      }
    },
  };
}
