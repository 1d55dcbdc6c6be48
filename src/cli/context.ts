// What every command gets: resolved configuration, an opened Vigil, output streams and interrupt handling.
import { InvalidArgumentError, type Command } from 'commander';
import { userInfo } from 'node:os';
import { openVigil, type Vigil } from '../app.js';
import { resolveConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { processOutput, type Output } from './output.js';
import { createProgress, type Progress } from './progress.js';

export interface CliContext {
  output: Output;
  /** Exit code a command asks for when it finishes without throwing (e.g. 1 when some files failed). */
  exitCode: number;
  env: Record<string, string | undefined>;
  /** Resolves configuration from the command's flags, opens Vigil, runs `work`, and always closes the store. */
  run<T>(command: Command, work: (vigil: Vigil, config: Config, logger: Logger) => Promise<T>): Promise<T>;
}

export function createCliContext(output: Output = processOutput, env: Record<string, string | undefined> = process.env): CliContext {
  return {
    output,
    env,
    exitCode: 0,
    async run(command, work) {
      const flags = command.optsWithGlobals() as { data?: string; store?: string; blobs?: string; logLevel?: string; port?: string; host?: string };
      const config = resolveConfig({ dataDir: flags.data, store: flags.store, blobDir: flags.blobs, logLevel: flags.logLevel, port: flags.port, host: flags.host }, env);
      const logger = createLogger(config.logLevel, (line) => output.err.write(line + '\n'));
      const vigil = await openVigil(config, logger);
      try {
        return await work(vigil, config, logger);
      } finally {
        await vigil.close();
      }
    },
  };
}

/** Calls `onFirst` on the first Ctrl-C and exits at once on the second. Returns a function that removes the handler. */
export function onInterrupt(onFirst: () => void): () => void {
  let count = 0;
  const handler = () => {
    count++;
    if (count === 1) onFirst();
    else process.exit(130);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/**
 * Runs long work with a progress line on stderr. The first Ctrl-C says so and asks the work (through the signal) to
 * stop after the current `unit` ("file", "document"), so that nothing is left half-written; the second quits at once.
 */
export async function stoppableWork<T>(ctx: CliContext, unit: string, work: (signal: AbortSignal, progress: Progress) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const progress = createProgress(ctx.output.err);
  const release = onInterrupt(() => {
    progress.finish();
    ctx.output.err.write(`stopping after the current ${unit}… (Ctrl-C again to quit at once)\n`);
    controller.abort();
  });
  try {
    const result = await work(controller.signal, progress);
    progress.finish();
    return result;
  } finally {
    release();
  }
}

/** Parses a whole-number flag; commander turns the error into its one-line message naming the flag. */
export function intOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('not a whole number.');
  return n;
}

const sizeUnits: Record<string, number> = { '': 1, b: 1, k: 2 ** 10, kb: 1e3, kib: 2 ** 10, m: 2 ** 20, mb: 1e6, mib: 2 ** 20, g: 2 ** 30, gb: 1e9, gib: 2 ** 30, t: 2 ** 40, tb: 1e12, tib: 2 ** 40 };

/** Parses a size flag: bytes, or a number with a unit ("512MiB", "2 GB", "16G"; K, M, G and T alone are binary). */
export function sizeOption(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = match ? sizeUnits[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new InvalidArgumentError('not a size (bytes, or a number with KiB, MiB, GiB, KB, MB, GB…).');
  const bytes = Math.round(Number(match[1]) * unit);
  if (bytes < 1) throw new InvalidArgumentError('must be at least one byte.');
  return bytes;
}

/** Parses a duration flag given in seconds (fractions allowed), as milliseconds. */
export function secondsOption(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('not a number of seconds above 0.');
  return Math.round(n * 1000);
}

/** Who acts from this terminal, for watchlist history and screening decisions (sign-in comes with issue 7). */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli'; // no user name on this system (a container without a passwd entry): the interface still says where
  }
}
