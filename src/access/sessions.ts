// Browser sessions: a random cookie value (kept only as its SHA-256), an anti-forgery token sent back in a header on
// every change, an idle and an absolute timeout, and sign-out that ends the session in the store, so a copied
// cookie stops working too.
import { createHash, randomBytes } from 'node:crypto';

export interface SessionLimits {
  /** A session unused this long is over. */
  idleMs: number;
  /** A session is over this long after sign-in, used or not. */
  absoluteMs: number;
}

/** 30 minutes idle, 12 hours in all: a working day's shift, signing in again after a break. */
export const defaultSessionLimits: SessionLimits = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

export const sessionCookie = 'vigil_session';
export const csrfHeader = 'x-csrf-token';

export function newSessionSecret(): { cookie: string; hash: string; csrf: string } {
  const cookie = randomBytes(32).toString('base64url');
  return { cookie, hash: sessionHash(cookie), csrf: randomBytes(24).toString('base64url') };
}

export function sessionHash(cookie: string): string {
  return createHash('sha256').update(cookie).digest('hex');
}

/** Why a session can no longer be used at `now`, or null while it can. */
export function sessionExpiry(session: { createdAt: string; lastSeenAt: string; endedAt: string | null }, now: Date, limits: SessionLimits = defaultSessionLimits): string | null {
  if (session.endedAt) return 'signed out';
  if (now.getTime() - new Date(session.lastSeenAt).getTime() >= limits.idleMs) return 'idle too long';
  if (now.getTime() - new Date(session.createdAt).getTime() >= limits.absoluteMs) return 'too old';
  return null;
}
