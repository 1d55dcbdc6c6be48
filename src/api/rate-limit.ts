// Requests per minute per caller (a token, a session, or an address before sign-in): a client gone wrong, or a
// stolen token being used to read everything, is slowed to a rate a person or a batch job never needs.
import type { Clock } from '../clock.js';

export interface RateLimit {
  requests: number;
  windowMs: number;
}

/** 600 a minute: ten a second, far above an officer at a desk or a UI, and a manifest is one request. */
export const defaultRateLimit: RateLimit = { requests: 600, windowMs: 60_000 };

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: RateLimit = defaultRateLimit,
  ) {}

  /** Counts a request; the seconds to wait when the caller is over its limit, else 0. */
  take(caller: string): number {
    const now = this.clock.now().getTime();
    let window = this.windows.get(caller);
    if (!window || now - window.start >= this.limit.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(caller, window);
      // Old windows go once there are many callers, so the map cannot grow without end.
      if (this.windows.size > 10_000) for (const [key, w] of this.windows) if (now - w.start >= this.limit.windowMs) this.windows.delete(key);
    }
    window.count++;
    return window.count > this.limit.requests ? Math.ceil((window.start + this.limit.windowMs - now) / 1000) : 0;
  }
}
