import type { Command } from 'commander';
import { resolve, join } from 'node:path';
import { VigilError } from '../../errors.js';
import { isPostgresUrl, migrateStore } from '../../store/index.js';
import { writeJsonLine, writeLine, type Output } from '../output.js';
import type { CliContext } from '../context.js';

export function registerMigrateStore(program: Command, ctx: CliContext): void {
  program
    .command('migrate-store')
    .description('move an embedded store (a data folder) into an empty PostgreSQL database, every row checked; the original files stay where they are (give their folder as --blobs to the PostgreSQL deployment)')
    .requiredOption('--from <dir>', 'the data folder of the embedded store')
    .requiredOption('--to <url>', 'postgres://user:password@host/database, empty')
    .option('--json', 'print the report as one JSON object')
    .action(async (opts: { from: string; to: string; json?: boolean }) => {
      if (!isPostgresUrl(opts.to)) throw new VigilError('input', 'cli.usage', `--to: ${opts.to.replace(/\/\/[^@/]*@/, '//')} is not a postgres://… URL`);
      const file = join(resolve(opts.from), 'vigil.sqlite');
      const out: Output = ctx.output;
      const report = await migrateStore(file, opts.to, (table, rows) => !opts.json && writeLine(out, `${table}: ${rows.toLocaleString('en-GB')} rows copied`));
      if (opts.json) writeJsonLine(out, report);
      else writeLine(out, `${report.rows.toLocaleString('en-GB')} rows in ${report.tables.length} tables moved; every table's rows counted and checksummed on both sides`);
    });
}
