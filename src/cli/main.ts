// The `vigil` command line. Every command has --help; user mistakes print one line and exit 1,
// internal failures exit 2 (STYLE §12).
import { Command, CommanderError } from 'commander';
import { exitCodeFor, userMessage } from '../errors.js';
import { registerAccess } from './commands/access.js';
import { registerBrowse } from './commands/browse.js';
import { registerDecide } from './commands/decide.js';
import { registerDocs } from './commands/docs.js';
import { registerEntities } from './commands/entities.js';
import { registerIngest } from './commands/ingest.js';
import { registerMrz } from './commands/mrz.js';
import { registerScreen } from './commands/screen.js';
import { registerSearch } from './commands/search.js';
import { registerServe } from './commands/serve.js';
import { registerStart } from './commands/start.js';
import { registerWatchlist } from './commands/watchlist.js';
import { registerWorker } from './commands/worker.js';
import { registerMigrateStore } from './commands/migrate-store.js';
import { createCliContext, type CliContext } from './context.js';
import { version } from './package-files.js';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('vigil')
    .description('Vigil: counter-terrorism intelligence workbench, from the seized haul to the checkpoint')
    .version(version)
    .option('--data <dir>', 'data folder (default ./vigil-data, env VIGIL_DATA)')
    .option('--store <url>', 'a PostgreSQL store, postgres://user:password@host/database, instead of the embedded one (env VIGIL_STORE)')
    .option('--blobs <dir>', 'folder of the original files, shared by every machine of a PostgreSQL deployment (default DATA/blobs, env VIGIL_BLOBS)')
    .option('--log-level <level>', 'debug | info | warn | error | silent (default warn, env VIGIL_LOG_LEVEL)')
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (s) => ctx.output.out.write(s), writeErr: (s) => ctx.output.err.write(s) });
  registerStart(program, ctx);
  registerIngest(program, ctx);
  registerWorker(program, ctx);
  registerSearch(program, ctx);
  registerBrowse(program, ctx);
  registerEntities(program, ctx);
  registerWatchlist(program, ctx);
  registerScreen(program, ctx);
  registerDecide(program, ctx);
  registerMrz(program, ctx);
  registerDocs(program, ctx);
  registerServe(program, ctx);
  registerAccess(program, ctx);
  registerMigrateStore(program, ctx);
  // Every subcommand inherits the same error handling.
  const exitOverride = (command: Command) => {
    command.exitOverride();
    command.commands.forEach(exitOverride);
  };
  exitOverride(program);
  return program;
}

export async function runCli(argv: string[], ctx: CliContext = createCliContext()): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its one-line message (or the help text).
      return error.exitCode === 0 ? 0 : 1;
    }
    ctx.output.err.write(`vigil: ${userMessage(error)}\n`);
    if (exitCodeFor(error) === 2 && error instanceof Error && error.stack) ctx.output.err.write(error.stack + '\n');
    return exitCodeFor(error);
  }
}

