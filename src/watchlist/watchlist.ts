// Watchlist entries: added by hand, imported from a list file, or promoted from an entity found in the haul
// (keeping the link to the documents that are its evidence).
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { VigilError } from '../errors.js';
import type { Store, WatchlistChange, WatchlistEntry, WatchlistFilter } from '../store/index.js';
import { changedFields } from './entry-diff.js';
import { validateEntryInput, type ValidWatchlistEntry } from './entry-input.js';
import type { ParsedList } from './list-files.js';

export const defaultList = 'local';

export function newEntryId(): string {
  return 'w_' + randomBytes(8).toString('hex');
}

export function toEntry(valid: ValidWatchlistEntry, list: string, now: string, existing?: WatchlistEntry): WatchlistEntry {
  return {
    id: existing?.id ?? newEntryId(),
    list,
    ref: valid.ref ?? null,
    name: valid.name,
    aliases: [...new Set(valid.aliases.filter((a) => a !== valid.name))],
    ...(valid.weakAliases.length > 0 ? { weakAliases: [...new Set(valid.weakAliases)] } : {}),
    birthDates: [...new Set(valid.dob)],
    nationalities: [...new Set(valid.nationality)],
    gender: valid.gender ?? null,
    documents: valid.documents.map((d) => ({ type: d.type, number: d.number, country: d.country ?? null })),
    notes: valid.notes ?? null,
    evidence: existing?.evidence ?? [],
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    status: 'active',
  };
}

/** Who is changing the watchlist; until sign-in exists (issue 7) the CLI and API say which interface it was. */
export const defaultActor = 'local';

export async function addWatchlistEntry(store: Store, clock: Clock, input: unknown, list = defaultList, actor = defaultActor): Promise<WatchlistEntry> {
  const valid = validateEntryInput(input, 'watchlist entry');
  if (valid.ref) {
    const existing = await store.findWatchlistEntryByRef(list, valid.ref);
    if (existing) throw new VigilError('conflict', 'watchlist.duplicate-ref', `list "${list}" already has entry ${existing.id} with reference "${valid.ref}"`);
  }
  const now = clock.now().toISOString();
  const entry = toEntry(valid, list, now);
  await store.putWatchlistEntry(entry, { actor, at: now, note: 'added by hand' });
  return (await store.getWatchlistEntry(entry.id))!;
}

/** One entry an import adds, updates or retires (marks removed because the file no longer holds it). */
export interface ImportChange {
  kind: 'added' | 'updated' | 'retired';
  /** Absent for an entry a dry run would add: its id is made when it is written. */
  id?: string;
  ref: string | null;
  name: string;
  /** What an update changes: the entry's fields that differ (name, aliases, birthDates, …). */
  fields?: string[];
}

export interface ImportReport {
  list: string;
  /** Nothing was written: the counts and changes say what importing the file would do. */
  dryRun: boolean;
  added: number;
  updated: number;
  unchanged: number;
  /** Entries of other subjects than people, left out. */
  skipped: number;
  /** Active entries of the list that the file no longer holds, now marked removed (never with --partial). */
  retired: number;
  /** What could not be read, by place in the file (and its line, when the place is a line); with --partial the rest was imported, without it nothing. */
  rejected: { where: string; line: number | null; reason: string }[];
  /** A dry run of a file with problems, without partial: importing it would import nothing (a real import fails). */
  refused: boolean;
  /** The first `changeLimit` of the changes, in file order, then the retirements. */
  changes: ImportChange[];
  /** How many changes there are in all. */
  changesTotal: number;
}

export interface ImportOptions {
  /** Import the readable entries of a file that has problems (default: import nothing from it). */
  partial?: boolean;
  actor?: string;
  /** Work out every write, but make none of them. */
  dryRun?: boolean;
  /** How many changes the report lists (default 500); it counts them all. */
  changeLimit?: number;
}

const lineOf = (where: string): number | null => {
  const line = /\bline (\d+)/.exec(where)?.[1];
  return line === undefined ? null : Number(line);
};

/**
 * Imports a parsed list file into `list`. Entries are matched to earlier imports by their `ref`, so importing
 * the same file again changes nothing. A file with any problem imports nothing unless `partial` is set,
 * so a list is never left half-replaced by a bad file.
 */
export async function importWatchlist(
  store: Store,
  clock: Clock,
  parsed: ParsedList,
  list: string,
  source: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const rejected: ImportReport['rejected'] = parsed.problems.map((p) => ({ where: p.where, line: lineOf(p.where), reason: p.reason }));
  const valid: ValidWatchlistEntry[] = [];
  const refs = new Set<string>();
  for (const [index, raw] of parsed.entries.entries()) {
    const where = `${source} entries[${index}]`;
    try {
      const entry = validateEntryInput(raw, where);
      if (!entry.ref) throw new VigilError('input', 'watchlist.missing-ref', `${where}: "ref" is required in a list file, so that re-imports update instead of duplicating`);
      if (refs.has(entry.ref)) throw new VigilError('input', 'watchlist.duplicate-ref', `${where}: reference "${entry.ref}" appears twice in the file`);
      refs.add(entry.ref);
      valid.push(entry);
    } catch (error) {
      if (!(error instanceof VigilError) || error.kind === 'internal') throw error;
      rejected.push({ where, line: null, reason: error.message.startsWith(where) ? error.message.slice(where.length + 2) : error.message });
    }
  }
  const dryRun = options.dryRun ?? false;
  const report: ImportReport = { list, dryRun, added: 0, updated: 0, unchanged: 0, skipped: parsed.skipped, retired: 0, rejected, refused: false, changes: [], changesTotal: 0 };
  if (rejected.length > 0 && !options.partial) {
    if (dryRun) return { ...report, refused: true };
    const first = rejected[0]!;
    throw new VigilError(
      'input',
      'watchlist.import-problems',
      `${source}: ${rejected.length} problem${rejected.length === 1 ? '' : 's'}, nothing imported (first: ${first.where}: ${first.reason}); ` +
        `fix the file, or import the ${valid.length} readable entries with --partial`,
    );
  }
  const changeLimit = options.changeLimit ?? 500;
  const noteChange = (change: ImportChange) => {
    if (report.changesTotal++ < changeLimit) report.changes.push(change);
  };
  const now = clock.now().toISOString();
  const change = { actor: options.actor ?? defaultActor, at: now, note: `imported from ${source}` };
  const writes: { entry: WatchlistEntry; change: WatchlistChange }[] = [];
  for (const input of valid) {
    const existing = await store.findWatchlistEntryByRef(list, input.ref!);
    const entry = toEntry(input, list, now, existing ?? undefined);
    if (existing && sameContent(existing, entry)) {
      report.unchanged++;
      continue;
    }
    writes.push({ entry, change });
    if (existing) {
      report.updated++;
      noteChange({ kind: 'updated', id: entry.id, ref: entry.ref, name: entry.name, fields: changedFields(existing, entry) });
    } else {
      report.added++;
      noteChange({ kind: 'added', ...(dryRun ? {} : { id: entry.id }), ref: entry.ref, name: entry.name });
    }
  }
  // A newer version of a list drops people who were delisted. With --partial an unreadable row could be
  // one of them, so nothing is retired then.
  if (!options.partial) {
    for (const entry of await listWatchlist(store, { list, status: 'active' })) {
      if (entry.ref === null || refs.has(entry.ref)) continue;
      writes.push({ entry: { ...entry, status: 'removed', updatedAt: now }, change: { ...change, note: `not in ${source}` } });
      report.retired++;
      noteChange({ kind: 'retired', id: entry.id, ref: entry.ref, name: entry.name });
    }
  }
  // One transaction for the whole file: a crash or a conflict part-way leaves the list as it was.
  if (!dryRun) await store.putWatchlistEntries(writes);
  return report;
}

function sameContent(a: WatchlistEntry, b: WatchlistEntry): boolean {
  const strip = (e: WatchlistEntry) => JSON.stringify({ ...e, createdAt: '', updatedAt: '', version: 0, status: e.status ?? 'active' });
  return strip(a) === strip(b);
}

export interface PromoteResult {
  entry: WatchlistEntry;
  /** False when the entity was already on the list: the existing entry is returned, nothing is duplicated. */
  created: boolean;
  /** True when the entity's entry had been removed (or its proposal rejected) and is now proposed or listed again. */
  restored?: boolean;
}

/**
 * Makes an extracted PERSON a watchlist entry whose evidence is the documents that mention it: active, or only
 * 'proposed' (not screened against until a watchlist manager approves it) when `status` says so.
 */
export async function promoteEntity(
  store: Store,
  clock: Clock,
  entityId: string,
  list = defaultList,
  actor = defaultActor,
  status: 'active' | 'proposed' = 'active',
): Promise<PromoteResult> {
  const entity = await store.getEntity(entityId);
  if (!entity) throw new VigilError('not-found', 'entity.unknown', `no entity with id "${entityId}" (see \`vigil entities\`)`);
  if (entity.type !== 'PERSON') {
    throw new VigilError('input', 'watchlist.not-a-person', `entity ${entityId} is a ${entity.type} ("${entity.name}"); only people can be promoted`);
  }
  const already = (await store.findWatchlistEntriesByEntity(entityId)).find((e) => e.list === list);
  const now = clock.now().toISOString();
  if (already && already.status === 'removed') {
    // A person taken off the list (or whose proposal was turned down) is put forward again on new evidence: the same
    // entry, its history kept, with the evidence as it is now.
    const evidence = [{ entityId, documentIds: entity.documents, mentionCount: entity.mentions }, ...already.evidence.filter((e) => e.entityId !== entityId)];
    await store.putWatchlistEntry({ ...already, status, evidence, updatedAt: now }, { actor, at: now, note: `${status === 'proposed' ? 'proposed' : 'promoted'} again from entity ${entityId}` });
    return { entry: (await store.getWatchlistEntry(already.id))!, created: false, restored: true };
  }
  if (already) return { entry: already, created: false };
  const entry: WatchlistEntry = {
    id: newEntryId(),
    list,
    ref: null,
    name: entity.name,
    aliases: entity.aliases,
    birthDates: [],
    nationalities: [],
    gender: null,
    documents: [],
    notes: null,
    evidence: [{ entityId, documentIds: entity.documents, mentionCount: entity.mentions }],
    createdAt: now,
    updatedAt: now,
    status,
  };
  await store.putWatchlistEntry(entry, { actor, at: now, note: `${status === 'proposed' ? 'proposed' : 'promoted'} from entity ${entityId}` });
  return { entry: (await store.getWatchlistEntry(entry.id))!, created: true };
}

export async function listWatchlist(store: Store, filter: WatchlistFilter): Promise<WatchlistEntry[]> {
  const out: WatchlistEntry[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listWatchlistEntries(filter, { offset, limit: 1000 });
    out.push(...page);
    if (page.length < 1000) return out;
  }
}
