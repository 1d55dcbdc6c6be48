import type { Command } from 'commander';
import type { Vigil } from '../../app.js';
import { createApi, listen } from '../../api/index.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { onInterrupt, type CliContext } from '../context.js';
import { writeLine } from '../output.js';
import { version, webRoot } from '../package-files.js';

/** Serves until Ctrl-C or SIGTERM, then stops accepting requests and returns so the store closes cleanly. */
export async function serveUntilStopped(ctx: CliContext, vigil: Vigil, config: Config, logger: Logger): Promise<void> {
  const app = createApi(vigil, { webRoot, version, logger });
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
    .option('--host <address>', 'address to listen on (default 127.0.0.1, env VIGIL_HOST)');
}

export function registerServe(program: Command, ctx: CliContext): void {
  addServerOptions(program.command('serve').description('serve the HTTP API and the web page')).action(async (_opts: unknown, command: Command) => {
    await ctx.run(command, (vigil, config, logger) => serveUntilStopped(ctx, vigil, config, logger));
  });
}
