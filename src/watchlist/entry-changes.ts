// The changes a watchlist manager makes to one entry: approving or rejecting an analyst's proposal, editing,
// removing. Each writes a new version with who, when and why; removed entries keep their history.
import type { Clock } from '../clock.js';
import { VigilError } from '../errors.js';
import type { Store, WatchlistEntry } from '../store/index.js';
import { changedFields } from './entry-diff.js';
import { validateEntryInput } from './entry-input.js';
import { toEntry } from './watchlist.js';

/** An entry changed, and which of its fields the change touched. */
export interface EntryChange {
  entry: WatchlistEntry;
  fields: string[];
}

async function knownEntry(store: Store, id: string): Promise<WatchlistEntry> {
  const entry = await store.getWatchlistEntry(id);
  if (!entry) throw new VigilError('not-found', 'watchlist.unknown-entry', `no watchlist entry with id "${id}" (see \`vigil watchlist list\`)`);
  return entry;
}

async function write(store: Store, clock: Clock, before: WatchlistEntry, after: WatchlistEntry, actor: string, note: string): Promise<EntryChange> {
  const at = clock.now().toISOString();
  await store.putWatchlistEntry({ ...after, updatedAt: at }, { actor, at, note });
  return { entry: (await store.getWatchlistEntry(before.id))!, fields: changedFields(before, after) };
}

async function proposal(store: Store, id: string, doing: string): Promise<WatchlistEntry> {
  const entry = await knownEntry(store, id);
  if (entry.status !== 'proposed') {
    throw new VigilError('conflict', 'watchlist.not-proposed', `entry ${id} ("${entry.name}") is ${entry.status ?? 'active'}, not proposed: there is nothing to ${doing}`);
  }
  return entry;
}

/** Makes an analyst's proposal an active entry, screened against from now on. */
export async function approveEntry(store: Store, clock: Clock, id: string, actor: string, note?: string | null): Promise<EntryChange> {
  const entry = await proposal(store, id, 'approve');
  return write(store, clock, entry, { ...entry, status: 'active' }, actor, note?.trim() || 'approved');
}

/** Turns down an analyst's proposal: the entry is removed, the reason kept in its history. */
export async function rejectEntry(store: Store, clock: Clock, id: string, reason: string, actor: string): Promise<EntryChange> {
  if (reason.trim() === '') throw new VigilError('input', 'watchlist.no-reason', `say why the proposal ${id} is rejected`);
  const entry = await proposal(store, id, 'reject');
  return write(store, clock, entry, { ...entry, status: 'removed' }, actor, `rejected: ${reason.trim()}`);
}

/**
 * Replaces what an entry says (every field of the input: one left out is cleared) and, when `list` is given, moves
 * it there. Its id, evidence, creation time and status stay: an edit neither approves nor restores.
 */
export async function updateEntry(
  store: Store,
  clock: Clock,
  id: string,
  input: unknown,
  options: { list?: string; note?: string | null; actor: string },
): Promise<EntryChange> {
  const existing = await knownEntry(store, id);
  const valid = validateEntryInput(input, `watchlist entry ${id}`);
  const list = options.list ?? existing.list;
  if (valid.ref) {
    const owner = await store.findWatchlistEntryByRef(list, valid.ref);
    if (owner && owner.id !== id) throw new VigilError('conflict', 'watchlist.duplicate-ref', `list "${list}" already has entry ${owner.id} with reference "${valid.ref}"`);
  }
  const edited: WatchlistEntry = { ...toEntry(valid, list, clock.now().toISOString(), existing), status: existing.status ?? 'active' };
  return write(store, clock, existing, edited, options.actor, options.note?.trim() || 'edited');
}

/** Takes an entry off its list: no longer screened against, its history kept. */
export async function removeEntry(store: Store, clock: Clock, id: string, reason: string | null | undefined, actor: string): Promise<EntryChange> {
  const entry = await knownEntry(store, id);
  if (entry.status === 'removed') throw new VigilError('conflict', 'watchlist.already-removed', `entry ${id} ("${entry.name}") is already removed`);
  return write(store, clock, entry, { ...entry, status: 'removed' }, actor, reason?.trim() || 'removed');
}
