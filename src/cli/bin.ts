#!/usr/bin/env node
// Entry point of the `vigil` executable.
import { runCli } from './main.js';

// A reader that stops early (`vigil documents | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
