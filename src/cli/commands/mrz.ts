import type { Command } from 'commander';
import { parseTd3 } from '../../traveldocs/index.js';
import type { CliContext } from '../context.js';
import { writeJsonLine, writeLine } from '../output.js';

export function registerMrz(program: Command, ctx: CliContext): void {
  program
    .command('mrz')
    .description("check a passport's machine-readable zone (TD3, two lines of 44): fields and check digits")
    .argument('<line1>', 'first MRZ line (quote it: it contains <)')
    .argument('<line2>', 'second MRZ line')
    .option('--json', 'print the reading as one JSON object')
    .action((line1: string, line2: string, opts: { json?: boolean }) => {
      const mrz = parseTd3(line1, line2);
      if (opts.json) writeJsonLine(ctx.output, mrz);
      else {
        writeLine(ctx.output, `${mrz.valid ? 'valid' : 'INVALID'}: ${mrz.documentCode} ${mrz.documentNumber} issued by ${mrz.issuingState}`);
        writeLine(ctx.output, `  ${mrz.primaryIdentifier}, ${mrz.secondaryIdentifier}; ${mrz.nationality}; born ${mrz.birthDate}; sex ${mrz.sex}; expires ${mrz.expiryDate}`);
        for (const e of mrz.errors) writeLine(ctx.output, `  ${e.field}: expected ${e.expected}, found ${e.found}`);
      }
      if (!mrz.valid) ctx.exitCode = 1;
    });
}
