import { InvalidArgumentError, type Command } from 'commander';
import { systemClock } from '../../clock.js';
import { parseMrz, type MrzFields, type MrzResult } from '../../traveldocs/index.js';
import type { CliContext } from '../context.js';
import { formatTable, writeJsonLine, writeLine } from '../output.js';

function dayOption(value: string): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(NaN);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) throw new InvalidArgumentError('not a date YYYY-MM-DD.');
  return day;
}

export function registerMrz(program: Command, ctx: CliContext): void {
  program
    .command('mrz')
    .description('check a machine-readable zone (TD1 ID card: 3 lines of 30; TD2: 2 of 36; TD3 passport: 2 of 44; visas MRV-A/MRV-B): fields and check digits')
    .argument('<lines...>', 'the 2 or 3 MRZ lines, each quoted (they contain <), or one argument with the lines separated by newlines')
    .option('--today <YYYY-MM-DD>', 'day to resolve two-digit years and expiry against (default: today)', dayOption)
    .option('--json', 'print the reading as one JSON object')
    .action((lines: string[], opts: { json?: boolean; today?: Date }) => {
      const mrz = parseMrz(lines, { today: opts.today ?? systemClock.now() });
      if (opts.json) writeJsonLine(ctx.output, mrz);
      else for (const line of describeReading(mrz)) writeLine(ctx.output, line);
      if (!mrz.valid) ctx.exitCode = 1;
    });
}

function describeReading(mrz: MrzResult): string[] {
  const out: string[] = [];
  const expiry = mrz.expired === true ? ', EXPIRED' : mrz.expired === false ? ', not expired' : '';
  out.push(`${mrz.valid ? 'valid' : 'INVALID'}: ${mrz.format ?? 'not a machine-readable zone'}${expiry}`);
  if (mrz.fields) {
    out.push('', formatTable(['field', 'value', 'as read'], fieldRows(mrz.fields)));
    out.push('', formatTable(['check digit', 'expected', 'found', ''], mrz.checks.map((c) => [c.field, c.expected, c.found, c.ok ? 'ok' : 'WRONG'])));
  }
  if (mrz.errors.length > 0) out.push('', 'errors:', ...mrz.errors.map((e) => `  ${e.message}`));
  if (mrz.warnings.length > 0) out.push('', 'warnings:', ...mrz.warnings.map((w) => `  ${w.message}`));
  return out;
}

function fieldRows(f: MrzFields): string[][] {
  const country = (c: { value: string | null; name: string | null }) => (c.value === null ? '' : `${c.value}${c.name ? ` (${c.name})` : ''}`);
  const rows: [string, string, string][] = [
    ['document code', f.documentCode.value ?? '', f.documentCode.raw],
    ['issuing state', country(f.issuingState), f.issuingState.raw],
    ['primary identifier', f.names.value.primary, f.names.raw],
    ['secondary identifier', f.names.value.secondary, ''],
    ['document number', f.documentNumber.value ?? '', f.documentNumber.raw],
    ['nationality', country(f.nationality), f.nationality.raw],
    ['birth date', f.birthDate.value ?? '', f.birthDate.raw],
    ['sex', f.sex.value ?? '', f.sex.raw],
    ['expiry date', f.expiryDate.value ?? '', f.expiryDate.raw],
    ['optional data', f.optionalData.value ?? '', f.optionalData.raw],
  ];
  if (f.optionalData2) rows.push(['optional data (line 2)', f.optionalData2.value ?? '', f.optionalData2.raw]);
  return rows;
}
