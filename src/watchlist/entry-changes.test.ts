import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fixedClock } from '../clock.js';
import { VigilError } from '../errors.js';
import { openSqliteStore, type Store, type WatchlistEntry } from '../store/index.js';
import { approveEntry, rejectEntry, removeEntry, updateEntry } from './entry-changes.js';
import { addWatchlistEntry } from './watchlist.js';

const clock = fixedClock('2024-05-01T10:00:00.000Z');
const later = fixedClock('2024-05-03T09:00:00.000Z');
const failsWith = (kind: string, code: string) => (error: unknown) => error instanceof VigilError && error.kind === kind && error.code === code;

let store: Store;
beforeEach(() => {
  store = openSqliteStore(':memory:');
});
afterEach(() => store.close());

async function proposed(): Promise<WatchlistEntry> {
  const entry = await addWatchlistEntry(store, clock, { name: 'Abu Khalid al-Tikriti', aliases: ['Abou Khaled el-Tikriti'] });
  await store.putWatchlistEntry({ ...entry, status: 'proposed' }, { actor: 'user:leila', at: '2024-05-01T10:00:00.000Z', note: 'proposed from entity e_1' });
  return (await store.getWatchlistEntry(entry.id))!;
}

describe('approving and rejecting proposals', () => {
  it('makes a proposal active, one version on, with who approved it and why', async () => {
    const entry = await proposed();
    const { entry: approved, fields } = await approveEntry(store, later, entry.id, 'user:yusuf', 'two reports agree');
    assert.equal(approved.status, 'active');
    assert.equal(approved.version, entry.version! + 1);
    assert.equal(approved.updatedAt, '2024-05-03T09:00:00.000Z');
    assert.deepEqual(fields, ['status']);
    assert.deepEqual((await store.watchlistHistory(entry.id)).at(-1)!, { version: approved.version, at: '2024-05-03T09:00:00.000Z', actor: 'user:yusuf', change: 'approved', note: 'two reports agree', entry: approved });
  });

  it('removes a rejected proposal, keeping the reason', async () => {
    const entry = await proposed();
    const { entry: rejected } = await rejectEntry(store, later, entry.id, 'namesake of a witness', 'user:yusuf');
    assert.equal(rejected.status, 'removed');
    assert.deepEqual((await store.watchlistHistory(entry.id)).at(-1)!.note, 'rejected: namesake of a witness');
    await assert.rejects(rejectEntry(store, later, entry.id, 'again', 'user:yusuf'), failsWith('conflict', 'watchlist.not-proposed'));
  });

  it('refuses to approve an entry that is not a proposal, or one that does not exist, or to reject without a reason', async () => {
    const active = await addWatchlistEntry(store, clock, { name: 'Umm Sayyaf' });
    await assert.rejects(approveEntry(store, later, active.id, 'user:yusuf'), failsWith('conflict', 'watchlist.not-proposed'));
    await assert.rejects(approveEntry(store, later, 'w_nobody', 'user:yusuf'), failsWith('not-found', 'watchlist.unknown-entry'));
    const entry = await proposed();
    await assert.rejects(rejectEntry(store, later, entry.id, '  ', 'user:yusuf'), failsWith('input', 'watchlist.no-reason'));
    assert.equal((await store.getWatchlistEntry(entry.id))!.status, 'proposed');
  });
});

describe('editing and removing entries', () => {
  it('replaces what an entry says, keeping its id, creation time and status, and records the change', async () => {
    const entry = await addWatchlistEntry(store, clock, { name: 'Abu Khalid al-Tikriti', ref: 'case-1', dob: '1978' });
    const { entry: edited, fields } = await updateEntry(store, later, entry.id, { name: 'Abu Khalid al-Tikriti', ref: 'case-1', dob: '1978-04-12', nationality: 'IRQ' }, { note: 'passport copy seen', actor: 'user:yusuf' });
    assert.deepEqual(fields, ['birthDates', 'nationalities']);
    assert.deepEqual([edited.id, edited.createdAt, edited.status, edited.version], [entry.id, entry.createdAt, 'active', 2]);
    assert.deepEqual([edited.birthDates, edited.nationalities], [['1978-04-12'], ['IRQ']]);
    assert.deepEqual((await store.watchlistHistory(entry.id)).map((v) => [v.change, v.actor, v.note]), [
      ['added', 'local', 'added by hand'],
      ['updated', 'user:yusuf', 'passport copy seen'],
    ]);
  });

  it('keeps a proposal a proposal when edited, and moves an entry to another list only when asked', async () => {
    const entry = await proposed();
    const { entry: edited } = await updateEntry(store, later, entry.id, { name: 'Abu Khalid al-Tikriti' }, { actor: 'user:yusuf' });
    assert.deepEqual([edited.status, edited.list, edited.aliases], ['proposed', 'local', []]);
    const { entry: moved } = await updateEntry(store, later, entry.id, { name: 'Abu Khalid al-Tikriti' }, { list: 'border', actor: 'user:yusuf' });
    assert.equal(moved.list, 'border');
  });

  it("refuses an edit that takes another entry's reference, or an invalid one, changing nothing", async () => {
    await addWatchlistEntry(store, clock, { name: 'Umm Sayyaf', ref: 'case-2' });
    const entry = await addWatchlistEntry(store, clock, { name: 'Abu Khalid al-Tikriti', ref: 'case-1' });
    await assert.rejects(updateEntry(store, later, entry.id, { name: 'Abu Khalid', ref: 'case-2' }, { actor: 'user:yusuf' }), failsWith('conflict', 'watchlist.duplicate-ref'));
    await assert.rejects(updateEntry(store, later, entry.id, { name: '' }, { actor: 'user:yusuf' }), failsWith('input', 'watchlist.invalid-entry'));
    await assert.rejects(updateEntry(store, later, 'w_nobody', { name: 'X' }, { actor: 'user:yusuf' }), failsWith('not-found', 'watchlist.unknown-entry'));
    assert.deepEqual(await store.getWatchlistEntry(entry.id), entry);
  });

  it('removes an entry once, with the reason in its history', async () => {
    const entry = await addWatchlistEntry(store, clock, { name: 'Abu Khalid al-Tikriti' });
    const { entry: removed } = await removeEntry(store, later, entry.id, 'confirmed dead', 'user:yusuf');
    assert.equal(removed.status, 'removed');
    assert.deepEqual((await store.watchlistHistory(entry.id)).at(-1)!.note, 'confirmed dead');
    await assert.rejects(removeEntry(store, later, entry.id, null, 'user:yusuf'), failsWith('conflict', 'watchlist.already-removed'));
  });
});
