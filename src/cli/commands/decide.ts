import { InvalidArgumentError, type Command } from 'commander';
import type { ScreeningDecisionKind } from '../../store/index.js';
import { cliActor, type CliContext } from '../context.js';
import { formatTable, writeJsonLine, writeLine } from '../output.js';

const kinds: ScreeningDecisionKind[] = ['true-match', 'false-match'];

export function registerDecide(program: Command, ctx: CliContext): void {
  program
    .command('decide')
    .description('record a reviewer\'s decision on a screening hit; a false match is not raised again for this traveller until the entry changes')
    .argument('<traveller-key>', 'the key `vigil screen` printed for the traveller (t_…)')
    .argument('<entry-id>', 'the watchlist entry that was hit')
    .argument('<decision>', kinds.join(' or '), (value: string) => {
      if (!(kinds as string[]).includes(value)) throw new InvalidArgumentError(`use ${kinds.join(' or ')}.`);
      return value as ScreeningDecisionKind;
    })
    .option('--note <text>', 'why (kept with the decision)')
    .option('--json', 'print the recorded decision as JSON')
    .action(async (key: string, entryId: string, decision: ScreeningDecisionKind, opts: { note?: string; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const recorded = await vigil.decide({ travellerKey: key, entryId, decision, note: opts.note }, cliActor());
        if (opts.json) writeJsonLine(ctx.output, recorded);
        else writeLine(ctx.output, `recorded: ${recorded.travellerKey} is ${recorded.decision === 'true-match' ? '' : 'not '}${recorded.entryId} (entry version ${recorded.entryVersion})`);
      });
    });

  program
    .command('decisions')
    .description('every decision recorded about a traveller, oldest first')
    .argument('<traveller-key>', 'the key `vigil screen` printed')
    .option('--json', 'one JSON object per decision')
    .action(async (key: string, opts: { json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const decisions = await vigil.decisions(key);
        if (opts.json) for (const d of decisions) writeJsonLine(ctx.output, d);
        else writeLine(ctx.output, formatTable(['at', 'by', 'entry', 'version', 'decision', 'note'], decisions.map((d) => [d.at, d.actor, d.entryId, String(d.entryVersion), d.decision, d.note ?? ''])));
      });
    });
}
