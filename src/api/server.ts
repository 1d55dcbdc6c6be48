// The HTTP API (JSON in and out, under /api) and the static web page, as one Hono app.
// Tests call app.request() directly; `listen` binds it to a port.
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Vigil } from '../app.js';
import { VigilError, httpStatusFor, userMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import { documentRoutes } from './routes/documents.js';
import { entityRoutes } from './routes/entities.js';
import { screenRoutes } from './routes/screen.js';
import { searchRoutes } from './routes/search.js';
import { watchlistRoutes } from './routes/watchlist.js';

export interface ApiOptions {
  /** Folder holding index.html, app.js and style.css. */
  webRoot: string;
  version: string;
  logger: Logger;
}

const webFiles: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

export function createApi(vigil: Vigil, options: ApiOptions): Hono {
  const app = new Hono();
  app.use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } }));
  const smallBodies = bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ error: { code: 'api.too-large', message: 'request body over 1 MiB' } }, 413) });
  // Batch screening sets its own, larger limit.
  app.use('/api/*', (c, next) => (c.req.path === '/api/screen/batch' ? next() : smallBodies(c, next)));

  app.get('/api/health', async (c) => c.json({ status: 'ok', version: options.version, store: await vigil.summary() }));
  app.route('/api/search', searchRoutes(vigil));
  app.route('/api/documents', documentRoutes(vigil));
  app.route('/api/entities', entityRoutes(vigil));
  app.route('/api/watchlist', watchlistRoutes(vigil));
  app.route('/api/screen', screenRoutes(vigil));

  for (const [route, { file, type }] of Object.entries(webFiles)) {
    const body = readFileSync(join(options.webRoot, file));
    app.get(route, (c) => c.body(body, 200, { 'content-type': type }));
  }

  app.notFound((c) => c.json({ error: { code: 'api.not-found', message: `no such endpoint: ${c.req.method} ${c.req.path}` } }, 404));
  app.onError((error, c) => {
    const status = httpStatusFor(error);
    if (status >= 500) options.logger.error('api.internal-error', { path: c.req.path, message: error.message });
    const code = error instanceof VigilError ? error.code : 'internal';
    return c.json({ error: { code, message: status >= 500 ? 'internal error' : userMessage(error) } }, status as 400);
  });
  return app;
}

/** Binds the app to host:port; rejects with a clear error when the port is taken. */
export function listen(app: Hono, host: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new VigilError('input', 'serve.port-in-use', `port ${port} on ${host} is already in use; choose another with --port`));
      else if (error.code === 'EACCES') reject(new VigilError('input', 'serve.port-denied', `not allowed to listen on ${host}:${port}; choose a port above 1023 with --port`));
      else reject(error);
    });
  });
}
