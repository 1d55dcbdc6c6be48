import type { Command } from 'commander';
import { VigilError } from '../../errors.js';
import type { Vigil } from '../../app.js';
import { createApi, listen } from '../../api/index.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { intOption, onInterrupt, type CliContext } from '../context.js';
import { writeLine } from '../output.js';
import { version, webRoot } from '../package-files.js';

/** Serves until Ctrl-C or SIGTERM, then stops accepting requests and returns so the store closes cleanly. */
export interface ServeFlags {
  trustProxy?: boolean;
  /** Requests a minute per caller. */
  rateLimit?: number;
}

export async function serveUntilStopped(ctx: CliContext, vigil: Vigil, config: Config, logger: Logger, options: ServeFlags = {}): Promise<void> {
  if (options.rateLimit === 0) throw new VigilError('input', 'cli.usage', 'serve: --rate-limit must be 1 or more requests a minute');
  const rateLimit = options.rateLimit === undefined ? undefined : { requests: options.rateLimit, windowMs: 60_000 };
  const app = createApi(vigil, { webRoot, version, logger, trustProxy: options.trustProxy ?? false, rateLimit });
  if ((await vigil.access.listUsers()).length === 0) ctx.output.err.write('nobody can sign in yet: create the first administrator with vigil init\n');
  // The indexes are built before the port opens: built on the first request, they would hold every request meanwhile.
  const started = performance.now();
  const prepared = await vigil.prepareScreening();
  if (prepared.entries > 0) logger.info('screening index ready', { entries: prepared.entries, registryEntries: prepared.registryEntries, ms: Math.round(performance.now() - started) });
  const server = await listen(app, config.host, config.port);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  writeLine(ctx.output, `Vigil is serving http://${config.host}:${port}/ (API under /api; Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const release = onInterrupt(() => {
      release();
      server.close(() => resolve());
      // Idle keep-alive connections would hold close() open.
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
  });
  writeLine(ctx.output, 'stopped');
}

export function addServerOptions(command: Command): Command {
  return command
    .option('--port <port>', 'port to listen on (default 8080, env VIGIL_PORT)')
    .option('--host <address>', 'address to listen on (default 127.0.0.1, env VIGIL_HOST); for other machines, put a TLS reverse proxy in front (docs/deploy.md)')
    .option('--trust-proxy', 'trust X-Forwarded-For and X-Forwarded-Proto (only behind a reverse proxy that sets them)')
    .option('--rate-limit <n>', 'requests a minute one token or session may make (default 600)', intOption);
}

export function registerServe(program: Command, ctx: CliContext): void {
  addServerOptions(program.command('serve').description('serve the HTTP API and the web page')).action(async (opts: ServeFlags, command: Command) => {
    await ctx.run(command, (vigil, config, logger) => serveUntilStopped(ctx, vigil, config, logger, opts));
  });
}
