// vigil init, users, tokens and audit: who may use the server, and the record of what was done.
import { InvalidArgumentError, type Command } from 'commander';
import { defaultTokenDays, maxTokenDays, roles, type TokenView, type UserView } from '../../access/index.js';
import { VigilError } from '../../errors.js';
import { cliActor, type CliContext } from '../context.js';
import { formatTable, writeJsonLine, writeLine } from '../output.js';

const repeat = (value: string, previous: string[] = []) => [...previous, value];

function daysOption(value: string): number {
  const days = /^(\d+)d?$/.exec(value.trim())?.[1];
  if (!days || Number(days) < 1 || Number(days) > maxTokenDays) throw new InvalidArgumentError(`give a number of days from 1 to ${maxTokenDays}, such as 90 or 90d.`);
  return Number(days);
}

function sinceOption(value: string): string {
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(at.getTime())) throw new InvalidArgumentError('not a date or time (2026-12-01, or 2026-12-01T08:00:00Z).');
  return at.toISOString();
}

function oneTimePasswordLines(user: UserView, password: string): string[] {
  return [
    `one-time password for ${user.name}: ${password}`,
    'it is shown only now: give it to them by a safe channel; they choose their own at first sign-in',
  ];
}

const userRow = (u: UserView) => [u.name, u.role, u.collections.join(', ') || '—', u.disabled ? 'disabled' : u.mustChangePassword ? 'not signed in yet' : 'active', u.createdAt.slice(0, 10)];
const tokenState = (t: TokenView, now: Date) => (t.revokedAt ? `revoked ${t.revokedAt.slice(0, 10)}` : t.expiresAt && new Date(t.expiresAt) <= now ? 'expired' : `until ${t.expiresAt?.slice(0, 10) ?? '—'}`);

export function registerAccess(program: Command, ctx: CliContext): void {
  program
    .command('init')
    .description('create the first administrator, with a one-time password printed once (never a default password)')
    .option('--admin <name>', 'the administrator\'s user name', 'admin')
    .option('--json', 'print {"user": …, "password": …}')
    .action(async (opts: { admin: string; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const { user, password } = await vigil.access.init(opts.admin, cliActor());
        if (opts.json) return writeJsonLine(ctx.output, { user, password });
        writeLine(ctx.output, `created administrator ${user.name}`);
        for (const line of oneTimePasswordLines(user, password)) writeLine(ctx.output, line);
        writeLine(ctx.output, 'add the people who will use Vigil with: vigil users add NAME --role ROLE');
      });
    });

  const users = program.command('users').description('add, list, disable and enable the people who may sign in');
  users
    .command('add')
    .description(`add a user with a one-time password; roles: ${roles.join(', ')}`)
    .argument('<name>', 'user name: letters, digits, ".", "_" or "-"')
    .requiredOption('--role <role>', roles.join(' | '))
    .option('--collection <name>', 'a collection (case) whose haul the user may read (repeatable)', repeat)
    .option('--json', 'print {"user": …, "password": …}')
    .action(async (name: string, opts: { role: string; collection?: string[]; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const { user, password } = await vigil.access.addUser({ name, role: opts.role, collections: opts.collection ?? [] }, cliActor());
        if (opts.json) return writeJsonLine(ctx.output, { user, password });
        writeLine(ctx.output, `added ${user.name} (${user.role}${user.collections.length ? `; collections ${user.collections.join(', ')}` : ''})`);
        if (user.collections.length === 0 && (user.role === 'analyst' || user.role === 'watchlist-manager')) {
          ctx.output.err.write(`${user.name} reads no collection yet: add --collection NAME (or --collection '*' for all; see vigil collections)\n`);
        }
        for (const line of oneTimePasswordLines(user, password)) writeLine(ctx.output, line);
      });
    });
  users
    .command('list')
    .description('every user, with role, collections and state')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const all = await vigil.access.listUsers();
        if (opts.json) for (const u of all) writeJsonLine(ctx.output, u);
        else if (all.length === 0) writeLine(ctx.output, 'no users yet: create the first administrator with vigil init');
        else writeLine(ctx.output, formatTable(['user', 'role', 'collections', 'state', 'created'], all.map(userRow)));
      });
    });
  users
    .command('set')
    .description("change a user's role or collections (--collection replaces them all); it holds from their next request")
    .argument('<name>')
    .option('--role <role>', roles.join(' | '))
    .option('--collection <name>', "the collections the user may read, all of them (repeatable; '*' for every one)", repeat)
    .option('--no-collections', 'take every collection away')
    .action(async (name: string, opts: { role?: string; collection?: string[]; collections: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        if (!opts.collections && opts.collection) throw new VigilError('input', 'cli.usage', 'users set: give --collection or --no-collections, not both');
        const collections = !opts.collections ? [] : opts.collection;
        const user = await vigil.access.changeUser(name, { role: opts.role, collections }, cliActor());
        writeLine(ctx.output, `${user.name}: ${user.role}; collections ${user.collections.join(', ') || 'none'}`);
      });
    });
  for (const [verb, disabled] of [['disable', true], ['enable', false]] as const) {
    users
      .command(verb)
      .description(disabled ? 'stop a user signing in: their sessions end and their tokens stop working at once' : 'let a disabled user sign in again')
      .argument('<name>')
      .action(async (name: string, _opts: unknown, command: Command) => {
        await ctx.run(command, async (vigil) => {
          const user = await vigil.access.setDisabled(name, disabled, cliActor());
          writeLine(ctx.output, `${user.name} ${disabled ? 'disabled' : 'enabled'}`);
        });
      });
  }
  users
    .command('reset-password')
    .description('give a user a new one-time password (their sessions end)')
    .argument('<name>')
    .option('--json', 'print {"user": …, "password": …}')
    .action(async (name: string, opts: { json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const { user, password } = await vigil.access.resetPassword(name, cliActor());
        if (opts.json) return writeJsonLine(ctx.output, { user, password });
        for (const line of oneTimePasswordLines(user, password)) writeLine(ctx.output, line);
      });
    });

  program
    .command('collections')
    .description('every collection (case) the haul was ingested into (vigil ingest --collection), with its number of files')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const all = await vigil.collections();
        if (opts.json) for (const c of all) writeJsonLine(ctx.output, c);
        else if (all.length === 0) writeLine(ctx.output, 'nothing ingested yet');
        else writeLine(ctx.output, formatTable(['collection', 'files'], all.map((c) => [c.name, String(c.sources)])));
      });
    });

  const tokens = program.command('tokens').description('API tokens for machine clients (an airline\'s batch job): created, listed, revoked');
  tokens
    .command('create')
    .description('create a token for a user; it is printed once and stored only as a hash')
    .requiredOption('--user <name>', 'whose token: it has their role and collections')
    .option('--expires <days>', `days until it stops working (default ${defaultTokenDays}, at most ${maxTokenDays})`, daysOption)
    .option('--label <text>', 'what it is for, shown in lists and the audit log')
    .option('--json', 'print {"token": …, "id": …, "expiresAt": …}')
    .action(async (opts: { user: string; expires?: number; label?: string; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const { token, record } = await vigil.access.createToken(opts.user, { days: opts.expires, label: opts.label }, cliActor());
        if (opts.json) return writeJsonLine(ctx.output, { token, id: record.id, user: record.user, label: record.label, expiresAt: record.expiresAt });
        writeLine(ctx.output, token);
        ctx.output.err.write(`token ${record.id} for ${record.user}, until ${record.expiresAt}; shown only now: clients send it as "Authorization: Bearer TOKEN"\n`);
      });
    });
  tokens
    .command('list')
    .description('every token (of one user, when given): id, user, label, state, last use; never the token itself')
    .option('--user <name>')
    .option('--json', 'one JSON object per line')
    .action(async (opts: { user?: string; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const all = await vigil.access.listTokens(opts.user);
        const now = new Date();
        if (opts.json) for (const t of all) writeJsonLine(ctx.output, t);
        else if (all.length === 0) writeLine(ctx.output, 'no tokens');
        else writeLine(ctx.output, formatTable(['id', 'user', 'label', 'state', 'last used'], all.map((t) => [t.id, t.user, t.label, tokenState(t, now), t.lastUsedAt?.slice(0, 16) ?? 'never'])));
      });
    });
  tokens
    .command('revoke')
    .description('stop a token working, at once and for good')
    .argument('<id>', 'the token\'s id (t_…), from vigil tokens list')
    .action(async (id: string, _opts: unknown, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const token = await vigil.access.revokeToken(id, cliActor());
        writeLine(ctx.output, `revoked ${token.id} (${token.user}, ${token.label})`);
      });
    });

  const audit = program.command('audit').description('the append-only, hash-chained record of sign-ins, screenings, document views and changes');
  audit
    .command('verify')
    .description('check every record against its hash and the one before it; prints the head to keep elsewhere as an anchor')
    .option('--head <seq:hash>', 'a head noted earlier: also check that the log still holds it (a rewritten or cut log does not)')
    .option('--json', 'print {"records", "head", "problem"}')
    .action(async (opts: { head?: string; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const anchor = opts.head === undefined ? null : /^(\d+):([0-9a-f]{64})$/.exec(opts.head);
        if (opts.head !== undefined && !anchor) throw new VigilError('input', 'cli.usage', `--head "${opts.head}": give SEQ:HASH as printed by an earlier vigil audit verify`);
        const result = await vigil.access.verifyAudit();
        let problem = result.problem?.problem ?? null;
        if (!problem && anchor) {
          const seq = Number(anchor[1]);
          const [record] = await vigil.access.auditRecordsFrom(seq - 1, 1);
          if (!record || record.seq !== seq) problem = `record ${seq} of the anchor is no longer in the log (the log was cut)`;
          else if (record.hash !== anchor[2]) problem = `record ${seq} no longer has the anchor's hash (the log was rewritten from there on)`;
        }
        if (opts.json) writeJsonLine(ctx.output, { ...result, problem });
        else if (problem) writeLine(ctx.output, `audit log BROKEN: ${problem}`);
        else writeLine(ctx.output, `audit log intact: ${result.records} records${result.head ? `; head ${result.head.seq}:${result.head.hash}` : ''}`);
        if (problem) ctx.exitCode = 1;
      });
    });
  audit
    .command('export')
    .description('every record as one JSON object per line, for a SIEM (with seq, prev and hash, so the chain can be checked there)')
    .option('--since <time>', 'only records at or after this date or time (2026-12-01, 2026-12-01T08:00:00Z)', sinceOption)
    .action(async (opts: { since?: string }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        await vigil.access.exportAudit(opts.since ?? null, (record) => writeJsonLine(ctx.output, { ...record, details: JSON.parse(record.details) as unknown }));
      });
    });
}
