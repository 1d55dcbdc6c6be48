// The HTTP API (JSON in and out, under /api) and the static web page, as one Hono app. Every API route is a record
// (route.ts) mounted here behind the same gate: who is asking (a bearer token or a browser session), whether their
// role may (access/policy.ts), the anti-forgery check for sessions, the rate limit, then the validated handler.
// Tests call app.request() directly; `listen` binds it to a port.
import { serve, type ServerType } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { timingSafeEqual } from 'node:crypto';
import { csrfHeader, principalCan, sessionCookie, type Principal } from '../access/index.js';
import type { Vigil } from '../app.js';
import { systemClock, type Clock } from '../clock.js';
import { VigilError, httpStatusFor, userMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import { clientAddress } from './client.js';
import { openApiDocument } from './openapi.js';
import { RateLimiter, type RateLimit } from './rate-limit.js';
import { defineRoute, type ApiEnv, type ApiRoute } from './route.js';
import { auditRoutes } from './routes/audit.js';
import { documentRoutes } from './routes/documents.js';
import { entityRoutes } from './routes/entities.js';
import { networkRoutes } from './routes/network.js';
import { screenRoutes } from './routes/screen.js';
import { searchRoutes } from './routes/search.js';
import { sessionRoutes } from './routes/session.js';
import { systemRoutes } from './routes/system.js';
import { userRoutes } from './routes/users.js';
import { watchlistRoutes } from './routes/watchlist.js';
import { validBody, validQuery } from './validate.js';
import { loadWebFiles } from './web-files.js';

export interface ApiOptions {
  /** The built web workbench (dist/web): index.html and assets/. */
  webRoot: string;
  version: string;
  logger: Logger;
  clock?: Clock;
  /** Requests per caller per window (default 600 a minute). */
  rateLimit?: RateLimit;
  /** Trust X-Forwarded-For and X-Forwarded-Proto (only behind a reverse proxy that sets them). */
  trustProxy?: boolean;
}

const openApiByVersion = new Map<string, string>();

const openApiRoute = defineRoute({
  method: 'GET', path: '/api/openapi.json', tag: 'system', access: 'public',
  summary: 'This description of the API, generated from the schemas the server validates with',
  handle: async ({ c }) => {
    const version = c.get('version');
    let text = openApiByVersion.get(version);
    if (text === undefined) openApiByVersion.set(version, (text = JSON.stringify(openApiDocument(apiRoutes, version))));
    return c.body(text, 200, { 'content-type': 'application/json' });
  },
});

/** Every API route, in the order they are matched (fixed paths before the parameters beside them). */
export const apiRoutes: readonly ApiRoute[] = [
  ...systemRoutes,
  openApiRoute,
  ...sessionRoutes,
  ...searchRoutes,
  ...documentRoutes,
  ...entityRoutes,
  ...networkRoutes,
  ...watchlistRoutes,
  ...screenRoutes,
  ...auditRoutes,
  ...userRoutes,
];

const defaultBodyBytes = 1024 * 1024;
const changes = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

function sameSecret(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createApi(vigil: Vigil, options: ApiOptions): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const limiter = new RateLimiter(options.clock ?? systemClock, options.rateLimit);

  // Only Vigil's own files run or load on its pages: no inline script, no other origin, no framing.
  app.use('*', secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], objectSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'self'"], frameAncestors: ["'none'"] },
    strictTransportSecurity: 'max-age=31536000',
  }));
  app.use('*', async (c, next) => {
    c.set('version', options.version);
    c.set('trustProxy', options.trustProxy ?? false);
    c.set('csrf', null);
    await next();
    // Answers hold seized material or personal data: no cache keeps them.
    if (c.req.path.startsWith('/api/')) c.header('cache-control', 'no-store');
  });

  /** Who is asking: a bearer token first, else a session cookie; null when neither was sent. */
  const principalOf = async (c: Context<ApiEnv>): Promise<Principal | null> => {
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
      if (!token) throw new VigilError('unauthenticated', 'auth.bad-header', 'send the token as "Authorization: Bearer TOKEN"');
      return vigil.access.authenticateToken(token, clientAddress(c));
    }
    const cookie = getCookie(c, sessionCookie);
    if (cookie === undefined) return null;
    const { principal, csrf } = await vigil.access.sessionPrincipal(cookie);
    c.set('csrf', csrf);
    return principal;
  };

  const gate = (route: ApiRoute) => async (c: Context<ApiEnv>) => {
    const started = performance.now();
    let principal: Principal | null = null;
    try {
      // A public route reads no credentials: a stale cookie never stops a sign-in.
      if (route.access !== 'public') {
        principal = await principalOf(c);
        if (!principal) throw new VigilError('unauthenticated', 'auth.required', 'sign in first: send "Authorization: Bearer TOKEN" (vigil tokens create), or sign in with POST /api/session');
      }
      const wait = limiter.take(principal ? (principal.tokenId ?? principal.actor) : `address:${clientAddress(c) ?? 'unknown'}`);
      if (wait > 0) {
        c.header('retry-after', String(wait));
        throw new VigilError('too-many', 'api.rate-limited', `too many requests; wait ${wait} s`);
      }
      if (principal && route.access !== 'public' && route.access !== 'signed-in' && !principalCan(principal, route.access)) {
        await vigil.access.audit({ actor: principal.actor, action: 'access.denied', target: `${route.method} ${route.path}`, outcome: 'denied', details: { path: c.req.path, role: principal.role } });
        throw new VigilError('forbidden', 'auth.forbidden', `the ${principal.role} role may not do this (it needs ${route.access})`);
      }
      // A browser session proves each change with its anti-forgery token; a bearer token is never sent by a browser on its own.
      if (principal?.via === 'session' && changes.has(route.method)) {
        const sent = c.req.header(csrfHeader);
        if (!sent || !sameSecret(sent, c.get('csrf') ?? '')) throw new VigilError('forbidden', 'auth.csrf', `send the session's anti-forgery token in the ${csrfHeader} header`);
      }
      const query = route.query ? validQuery(c, route.query) : undefined;
      const body = route.body ? await validBody(c, route.body) : undefined;
      const output = await route.handle({ vigil, principal, params: c.req.param() as Record<string, string>, query, body, c, logger: options.logger });
      return output instanceof Response ? output : c.json(output as object, (route.status ?? 200) as 200);
    } finally {
      options.logger.debug('api.request', { method: route.method, route: route.path, actor: principal?.actor ?? null, ms: Math.round(performance.now() - started) });
    }
  };

  for (const route of apiRoutes) {
    const maxSize = route.maxBodyBytes ?? defaultBodyBytes;
    const limit = bodyLimit({ maxSize, onError: (c) => c.json({ error: { code: 'api.too-large', message: `request body over ${maxSize / 1024 / 1024} MiB` } }, 413) });
    app.on(route.method, route.path, limit, gate(route));
  }

  const webFiles = loadWebFiles(options.webRoot);
  app.get('*', async (c, next) => {
    const file = webFiles.get(c.req.path);
    if (!file) return next();
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, { 'content-type': file.type, 'cache-control': file.cache });
  });

  app.notFound((c) => c.json({ error: { code: 'api.not-found', message: `no such endpoint: ${c.req.method} ${c.req.path}` } }, 404));
  app.onError((error, c) => {
    const status = httpStatusFor(error);
    if (status >= 500) options.logger.error('api.internal-error', { path: c.req.path, message: error.message });
    if (status === 401) c.header('www-authenticate', 'Bearer realm="vigil"');
    const code = error instanceof VigilError ? error.code : 'internal';
    return c.json({ error: { code, message: status >= 500 ? 'internal error' : userMessage(error) } }, status as 400);
  });
  return app;
}

/** Binds the app to host:port; rejects with a clear error when the port is taken. */
export function listen(app: Hono<ApiEnv>, host: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(server));
    // A client that sends its headers or body slowly (to hold connections open) is cut off.
    if ('headersTimeout' in server) {
      server.headersTimeout = 20_000;
      server.requestTimeout = 300_000;
    }
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new VigilError('input', 'serve.port-in-use', `port ${port} on ${host} is already in use; choose another with --port`));
      else if (error.code === 'EACCES') reject(new VigilError('input', 'serve.port-denied', `not allowed to listen on ${host}:${port}; choose a port above 1023 with --port`));
      else reject(error);
    });
  });
}
