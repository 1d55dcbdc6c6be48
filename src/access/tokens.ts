// API tokens for machine clients (an airline's batch job): 32 random bytes, shown once, kept only as a SHA-256.
// A fast hash is right here, unlike for passwords: the token is as random as a key, so there is nothing to guess.
import { createHash, randomBytes } from 'node:crypto';

/** Tokens start so, which lets secret scanners and log filters recognise them. */
export const tokenPrefix = 'vigil_';

export interface NewToken {
  /** The secret, given to the client once: `vigil_<id>_<secret>`. */
  token: string;
  /** The part that names the token in lists and in the audit log; not secret. */
  id: string;
  /** What the store keeps. */
  hash: string;
}

export function newToken(): NewToken {
  const id = 't_' + randomBytes(6).toString('hex');
  const token = `${tokenPrefix}${id}_${randomBytes(32).toString('base64url')}`;
  return { token, id, hash: tokenHash(token) };
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token's id, read from the token itself, or null when it is not shaped like one of ours. */
export function tokenIdOf(token: string): string | null {
  return /^vigil_(t_[0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(token)?.[1] ?? null;
}
