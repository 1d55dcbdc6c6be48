// Who may do what: the one table of roles and their permissions. The API asks `can` before every route and the
// routes name the permission they need; nothing else decides. Collections (cases) narrow what a permission
// reaches: a user sees the haul of the collections given to them only.

export const roles = ['admin', 'analyst', 'watchlist-manager', 'screener', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  /** Search, documents, entities and their mentions, within the user's collections. */
  'haul:read',
  /** Merge and split entities. */
  'entities:decide',
  /** Read the watchlists whole. */
  'watchlist:read',
  /** Propose a person from the haul for a watchlist. */
  'watchlist:propose',
  /** Add, edit, import and remove entries, set thresholds, approve proposals. */
  'watchlist:edit',
  /** Screen travellers and manifests, check documents, record decisions on hits. */
  'screen',
  /** Read and export the audit log. */
  'audit:read',
  /** Users, tokens and roles. */
  'users:manage',
] as const;
export type Permission = (typeof permissions)[number];

/**
 * Least privilege: a screener sees the hits for the traveller in front of them, never the haul or a whole list; an
 * auditor reads the log and nothing it records; an administrator runs the system without reading what it holds.
 */
const granted: Record<Role, readonly Permission[]> = {
  admin: ['users:manage'],
  analyst: ['haul:read', 'entities:decide', 'watchlist:read', 'watchlist:propose'],
  'watchlist-manager': ['haul:read', 'watchlist:read', 'watchlist:propose', 'watchlist:edit'],
  screener: ['screen'],
  auditor: ['audit:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return granted[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return granted[role];
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Given as a user's collection, every collection, those to come included (a small agency with one team). */
export const allCollections = '*';

/** Who is asking: a signed-in user (through a token or a browser session) or the command line. */
export interface Principal {
  userId: string | null;
  /** Recorded as the actor in the audit log and in histories: `user:leila`, `cli:root`. */
  actor: string;
  role: Role | 'local';
  /** The collections the user may read; 'all' for the command line (whoever holds the data folder holds it all). */
  collections: readonly string[] | 'all';
  via: 'token' | 'session' | 'cli';
  /** The token used, when signed in with one (for the audit log). */
  tokenId?: string;
}

/** The collections a principal's reads reach, as the store takes them: null for every one. */
export function scopeOf(principal: Principal): readonly string[] | null {
  return principal.collections === 'all' ? null : principal.collections;
}

/** The command line has every permission: it runs with the data folder itself. */
export function principalCan(principal: Principal, permission: Permission): boolean {
  return principal.role === 'local' || can(principal.role, permission);
}
