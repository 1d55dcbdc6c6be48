// `vigil entities`: list and show entities, merge and split them (analysts' decisions, kept and replayed on
// every re-run), and list those decisions. `vigil extract` runs extraction again over every stored document.
import { InvalidArgumentError, type Command } from 'commander';
import type { Vigil } from '../../app.js';
import { VigilError } from '../../errors.js';
import { entityTypes, type EntityDecision, type EntitySummary, type EntityType, type MentionRecord } from '../../store/index.js';
import { cliActor, intOption, stoppableWork, type CliContext } from '../context.js';
import { formatTable, writeJsonLine, writeLine, type Output } from '../output.js';
import { collect } from './browse.js';

function entityType(value: string): EntityType {
  const upper = value.toUpperCase();
  if (!(entityTypes as readonly string[]).includes(upper)) throw new InvalidArgumentError(`--type must be one of ${entityTypes.join(', ')}, got "${value}"`);
  return upper as EntityType;
}

/** `--json` after a subcommand ("vigil entities show ID --json") may be read by the listing command above it. */
function wantsJson(opts: { json?: boolean }, command: Command): boolean {
  return Boolean(opts.json || command.parent?.opts<{ json?: boolean }>().json);
}

const repeatable = (value: string, previous: string[] = []) => [...previous, value];

function describeEntity(e: EntitySummary): string {
  const place = e.place ? ` — ${e.place.name}${e.place.country ? `, ${e.place.country}` : ''} (${e.place.lat}, ${e.place.lon}; ${e.place.id})` : '';
  const merged = e.mergedInto ? ` — merged into ${e.mergedInto}` : '';
  return `${e.id} ${e.type} "${e.name}": ${e.mentions} mentions in ${e.documents.length} documents${place}${merged}`;
}

function describeDecision(d: EntityDecision): string {
  const what =
    d.kind === 'merge'
      ? `merged ${d.merged} into ${d.target}`
      : `split ${d.entity} → ${d.newEntity}` +
        (d.names.length > 0 ? ` (written ${d.names.map((n) => `"${n}"`).join(', ')})` : '') +
        (d.documents.length > 0 ? ` (in ${d.documents.join(', ')})` : '');
  return `${d.at} ${d.actor}: ${what}${d.note ? ` — ${d.note}` : ''}`;
}

/** The mention with up to `context` characters of its sentence on each side. */
async function inContext(vigil: Vigil, mentions: MentionRecord[], limit: number): Promise<string[]> {
  const lines: string[] = [];
  const texts = new Map<string, string>();
  for (const m of mentions.slice(0, limit)) {
    const text = texts.get(m.documentId) ?? (await vigil.document(m.documentId, { actor: cliActor(), scope: null })).text;
    texts.set(m.documentId, text);
    const before = text.slice(Math.max(m.sentence.start, m.start - 60), m.start).replace(/\s+/g, ' ');
    const after = text.slice(m.end, Math.min(m.sentence.end, m.end + 60)).replace(/\s+/g, ' ');
    lines.push(`  ${m.documentId}: …${before}[${m.text}]${after}… (${m.method}, ${m.confidence})`);
  }
  return lines;
}

function printDecisions(output: Output, decisions: EntityDecision[], json: boolean | undefined): void {
  if (json) for (const d of decisions) writeJsonLine(output, d);
  else if (decisions.length === 0) writeLine(output, 'no decisions');
  else for (const d of decisions) writeLine(output, describeDecision(d));
}

export function registerEntities(program: Command, ctx: CliContext): void {
  const entities = program
    .command('entities')
    .description('entities found so far, most mentioned first, with every spelling seen; merge, split, show')
    .option('--type <type>', `only this type (${entityTypes.join(', ')})`, entityType)
    .option('--json', 'one JSON object per line: id, type, name, aliases, mentions, documents, place')
    .option('--limit <n>', 'at most this many', intOption)
    .action(async (opts: { type?: EntityType; json?: boolean; limit?: number }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const list = await collect((cursor, limit) => vigil.entities({ type: opts.type }, { cursor, limit }), opts.limit);
        if (opts.json) {
          for (const e of list) writeJsonLine(ctx.output, e);
          return;
        }
        const rows = list.map((e) => [e.id, e.type, e.name, String(e.mentions), String(e.documents.length), e.aliases.join('; ')]);
        writeLine(ctx.output, formatTable(['id', 'type', 'name', 'mentions', 'docs', 'also written'], rows));
        writeLine(ctx.output, `${list.length} entities`);
      });
    });

  entities
    .command('show')
    .description('one entity: spellings, place, decisions, and its mentions in context')
    .argument('<id>', 'entity id (see `vigil entities`)')
    .option('--mentions <n>', 'show at most this many mentions', intOption, 20)
    .option('--json', 'print { entity, mentions, decisions } as one JSON object')
    .action(async (id: string, opts: { mentions: number; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const entity = await vigil.entity(id);
        const mentions = await vigil.entityMentions(id);
        const decisions = await vigil.entityDecisions(id);
        if (wantsJson(opts, command)) {
          writeJsonLine(ctx.output, { entity, mentions, decisions });
          return;
        }
        writeLine(ctx.output, describeEntity(entity));
        if (entity.aliases.length > 0) writeLine(ctx.output, `also written: ${entity.aliases.join('; ')}`);
        for (const line of await inContext(vigil, mentions, opts.mentions)) writeLine(ctx.output, line);
        if (mentions.length > opts.mentions) writeLine(ctx.output, `  … and ${mentions.length - opts.mentions} more (--mentions N)`);
        for (const d of decisions) writeLine(ctx.output, `decision: ${describeDecision(d)}`);
      });
    });

  entities
    .command('merge')
    .description('merge entities that are one real-world thing: the others\' mentions, spellings and watchlist links move to the first')
    .argument('<target>', 'the entity that stays')
    .argument('<others...>', 'entities merged into it')
    .option('--note <text>', 'why (kept with the decision)')
    .option('--json', 'print the result as one JSON object')
    .action(async (target: string, others: string[], opts: { note?: string; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const result = await vigil.mergeEntities(target, others, { actor: cliActor(), note: opts.note });
        if (wantsJson(opts, command)) writeJsonLine(ctx.output, result);
        else writeLine(ctx.output, `merged ${others.length} into ${describeEntity(result.target)} (${result.moved} mentions moved)`);
      });
    });

  entities
    .command('split')
    .description('split off the mentions of an entity that are of someone or something else, by spelling and/or document')
    .argument('<id>', 'the entity to split')
    .option('--name <spelling>', 'mentions written exactly so (repeat for several)', repeatable)
    .option('--document <id>', 'mentions in this document (repeat for several)', repeatable)
    .option('--note <text>', 'why (kept with the decision)')
    .option('--json', 'print the result as one JSON object')
    .action(async (id: string, opts: { name?: string[]; document?: string[]; note?: string; json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        if (!opts.name && !opts.document) throw new VigilError('input', 'entity.split-empty', 'give --name and/or --document to say which mentions to split off');
        const result = await vigil.splitEntity(id, { names: opts.name, documents: opts.document }, { actor: cliActor(), note: opts.note });
        if (wantsJson(opts, command)) writeJsonLine(ctx.output, result);
        else {
          writeLine(ctx.output, `split ${result.moved} mentions off into ${describeEntity(result.newEntity)}`);
          writeLine(ctx.output, `left: ${describeEntity(result.entity)}`);
        }
      });
    });

  entities
    .command('decisions')
    .description('analysts\' merges and splits, oldest first, with who made them and why')
    .argument('[id]', 'only those about this entity')
    .option('--json', 'one JSON object per line')
    .action(async (id: string | undefined, opts: { json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => printDecisions(ctx.output, await vigil.entityDecisions(id), wantsJson(opts, command)));
    });

  program
    .command('extract')
    .description('find and resolve the mentions of every stored document again (after an update), keeping analysts\' decisions')
    .option('--json', 'print the report as one JSON object')
    .action(async (opts: { json?: boolean }, command: Command) => {
      await ctx.run(command, async (vigil) => {
        const total = (await vigil.summary()).documents;
        const report = await stoppableWork(ctx, 'document', (signal, progress) =>
          vigil.reextract({ signal, onProgress: (p) => progress.update(p.done, total, p.path) }));
        if (wantsJson(opts, command)) writeJsonLine(ctx.output, report);
        else {
          writeLine(
            ctx.output,
            `${report.interrupted ? 'interrupted: ' : 're-extracted: '}${report.documents} documents, ${report.mentions} mentions, ${report.newEntities} new entities, ` +
              `${report.pruned.entities} entities no longer found removed` +
              (report.tooLong > 0 ? `, ${report.tooLong} documents too long to extract left as they were` : ''),
          );
          if (report.interrupted) writeLine(ctx.output, 'every document is either done or untouched; run the same command again to finish');
        }
        if (report.interrupted) ctx.exitCode = 130;
      });
    });
}
