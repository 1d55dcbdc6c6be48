// What the server knows of the client: its address (from the socket; a reverse proxy's X-Forwarded-For is trusted
// only when the server is told to trust it) and whether it came over TLS.
import type { Context } from 'hono';
import type { ApiEnv } from './route.js';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string; encrypted?: boolean } };
}

export function clientAddress(c: Context<ApiEnv>): string | null {
  if (c.get('trustProxy')) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? null;
}

/** HTTPS to this server, or to the trusted proxy in front of it: cookies are then sent only over TLS. */
export function isSecureRequest(c: Context<ApiEnv>): boolean {
  if (c.get('trustProxy') && c.req.header('x-forwarded-proto') === 'https') return true;
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.encrypted === true || new URL(c.req.url).protocol === 'https:';
}
