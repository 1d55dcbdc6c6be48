// Sign-in throttling: failures counted per account and per address over a window; past the limit, sign-in is refused
// until the window has passed, whatever the password. Kept in memory: one API process counts its own attempts (a
// fleet behind a load balancer multiplies the limit by its size, still far below what guessing needs).
import type { Clock } from '../clock.js';

export interface ThrottleLimits {
  /** Failures allowed per account within the window. */
  perAccount: number;
  /** Failures allowed per address within the window (one address trying many accounts). */
  perAddress: number;
  windowMs: number;
}

export const defaultThrottleLimits: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

const accountKey = (account: string) => `account:${account.toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: ThrottleLimits = defaultThrottleLimits,
  ) {}

  /** Seconds until sign-in may be tried again for this account or address; 0 when it may now. */
  waitSeconds(account: string, address: string | null): number {
    const now = this.clock.now().getTime();
    return Math.max(this.wait(accountKey(account), this.limits.perAccount, now), address ? this.wait(addressKey(address), this.limits.perAddress, now) : 0);
  }

  /** Seconds until anything may be tried from this address again (refused tokens count here, naming no account). */
  addressWaitSeconds(address: string): number {
    return this.wait(addressKey(address), this.limits.perAddress, this.clock.now().getTime());
  }

  /** A failure from an address that names no account (a token that is not valid). */
  failedFrom(address: string): void {
    this.note(addressKey(address));
  }

  failed(account: string, address: string | null): void {
    this.note(accountKey(account));
    if (address) this.note(addressKey(address));
  }

  /** A successful sign-in clears the account's failures (not the address's: it may be trying others). */
  succeeded(account: string): void {
    this.failures.delete(accountKey(account));
  }

  /** Seconds until `key` has fewer than `limit` failures in the window. */
  private wait(key: string, limit: number, now: number): number {
    const recent = this.recent(key, now);
    return recent.length >= limit ? Math.ceil((recent[recent.length - limit]! + this.limits.windowMs - now) / 1000) : 0;
  }

  private note(key: string): void {
    const now = this.clock.now().getTime();
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => at > now - this.limits.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }
}
