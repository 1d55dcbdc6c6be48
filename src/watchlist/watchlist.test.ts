import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fixedClock, type Clock } from '../clock.js';
import { VigilError } from '../errors.js';
import { openSqliteStore, type DocumentRecord, type Store } from '../store/index.js';
import { parseListFile } from './list-files.js';
import { addWatchlistEntry, importWatchlist, listWatchlist, promoteEntity, type ImportOptions, type ImportReport } from './watchlist.js';

const clock = fixedClock('2024-05-01T10:00:00.000Z');
const later = fixedClock('2024-06-15T08:30:00.000Z');

function inputError(...fragments: string[]) {
  return (error: unknown) => {
    assert.ok(error instanceof VigilError, `not a VigilError: ${String(error)}`);
    assert.equal(error.kind, 'input');
    for (const fragment of fragments) assert.ok(error.message.includes(fragment), `"${error.message}" does not mention ${fragment}`);
    return true;
  };
}

let store: Store;
beforeEach(() => {
  store = openSqliteStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

/** Imports Vigil-JSON `content` the way the CLI does: parse the file, then import into the list it names. */
async function importFile(store: Store, clock: Clock, content: unknown, where: string, options: ImportOptions = {}) {
  const parsed = parseListFile('vigil', { main: JSON.stringify(content) }, where);
  return importWatchlist(store, clock, parsed, parsed.list!, where, options);
}

describe('addWatchlistEntry', () => {
  it('stores a valid entry, normalised, on the local list', async () => {
    const entry = await addWatchlistEntry(store, clock, {
      name: 'Abu Khalid al-Tikriti',
      aliases: ['Abou Khaled el-Tikriti', 'Abu Khalid al-Tikriti', 'Abou Khaled el-Tikriti'],
      dob: '1978-04-12',
      nationality: ' irq ',
      gender: 'M',
      documents: [{ number: 'a12 345-67', country: 'irq' }],
    });
    assert.match(entry.id, /^w_[0-9a-f]{16}$/);
    assert.equal(entry.list, 'local');
    assert.deepEqual(entry.aliases, ['Abou Khaled el-Tikriti']);
    assert.deepEqual(entry.birthDates, ['1978-04-12']);
    assert.deepEqual(entry.nationalities, ['IRQ']);
    assert.deepEqual(entry.documents, [{ type: 'passport', number: 'A1234567', country: 'IRQ' }]);
    assert.equal(entry.createdAt, '2024-05-01T10:00:00.000Z');
    assert.equal(entry.updatedAt, '2024-05-01T10:00:00.000Z');
    assert.deepEqual(await store.getWatchlistEntry(entry.id), entry);
  });

  it('accepts partial birth dates and several nationalities', async () => {
    const entry = await addWatchlistEntry(store, clock, { name: 'Abu Hamza al-Raqqawi', dob: ['1985', '1986-03', '12 March 1987'], nationality: ['syr', 'Irq'] });
    assert.deepEqual(entry.birthDates, ['1985', '1986-03', '1987-03-12']);
    assert.deepEqual(entry.nationalities, ['SYR', 'IRQ']);
  });

  it('adds to the list it is given', async () => {
    const entry = await addWatchlistEntry(store, clock, { name: 'Abu Hamza al-Raqqawi' }, 'border-agency');
    assert.equal(entry.list, 'border-agency');
    assert.deepEqual((await listWatchlist(store, { list: 'border-agency' })).map((e) => e.id), [entry.id]);
  });

  const invalid: { behaviour: string; input: unknown; mentions: string[] }[] = [
    { behaviour: 'a missing name', input: { aliases: ['X'] }, mentions: ['name'] },
    { behaviour: 'a blank name', input: { name: '   ' }, mentions: ['name', 'required'] },
    { behaviour: 'a birth date that is not a date', input: { name: 'A B', dob: '31/02/1990' }, mentions: ['dob', '"31/02/1990" is not a date'] },
    { behaviour: 'one bad birth date among several', input: { name: 'A B', dob: ['1975', 'soon'] }, mentions: ['dob.1', '"soon" is not a date'] },
    { behaviour: 'a nationality that is not a country code', input: { name: 'A B', nationality: 'Syria' }, mentions: ['nationality', 'country code'] },
    { behaviour: 'an empty document number', input: { name: 'A B', documents: [{ number: ' - ' }] }, mentions: ['documents.0.number'] },
    { behaviour: 'a document number longer than any real one', input: { name: 'A B', documents: [{ number: 'X'.repeat(41) }] }, mentions: ['documents.0.number'] },
    { behaviour: 'a gender other than M or F', input: { name: 'A B', gender: 'male' }, mentions: ['gender'] },
  ];
  for (const { behaviour, input, mentions } of invalid) {
    it(`refuses ${behaviour}, naming the field`, async () => {
      await assert.rejects(addWatchlistEntry(store, clock, input), inputError('watchlist entry', ...mentions));
      assert.equal((await store.summary()).watchlistEntries, 0);
    });
  }

  it('refuses a reference already used in the list as a conflict', async () => {
    const first = await addWatchlistEntry(store, clock, { ref: 'case-7', name: 'Abu Hamza al-Raqqawi' });
    await assert.rejects(
      addWatchlistEntry(store, clock, { ref: 'case-7', name: 'Someone Else' }),
      (error: unknown) => error instanceof VigilError && error.kind === 'conflict' && error.message.includes(first.id),
    );
    await addWatchlistEntry(store, clock, { ref: 'case-7', name: 'Someone Else' }, 'other-list');
  });
});

/** The report without its list of changes, to compare counts. */
const countsOf = ({ changes: _changes, ...counts }: ImportReport) => counts;
const none = { dryRun: false, refused: false, rejected: [] };

describe('importWatchlist', () => {
  const file = {
    list: 'un-1267',
    entries: [
      { ref: 'QDi.001', name: 'Abu Khalid al-Tikriti', aliases: ['Abou Khaled el-Tikriti'], dob: '1978', nationality: 'IRQ' },
      { ref: 'QDi.002', name: 'Abu Hamza al-Raqqawi', documents: [{ number: 'n 0123456', country: 'SYR' }] },
    ],
  };

  it('adds every entry of a new list file', async () => {
    const report = await importFile(store, clock, file, 'un.json');
    assert.deepEqual(countsOf(report), { ...none, list: 'un-1267', added: 2, updated: 0, unchanged: 0, skipped: 0, retired: 0, changesTotal: 2 });
    const entry = await store.findWatchlistEntryByRef('un-1267', 'QDi.002');
    assert.equal(entry?.name, 'Abu Hamza al-Raqqawi');
    assert.deepEqual(entry?.documents, [{ type: 'passport', number: 'N0123456', country: 'SYR' }]);
  });

  it('changes nothing when the same file is imported again', async () => {
    await importFile(store, clock, file, 'un.json');
    const before = await listWatchlist(store, {});
    const version = await store.watchlistVersion();
    const report = await importFile(store, later, file, 'un.json');
    assert.deepEqual(report, { ...none, list: 'un-1267', added: 0, updated: 0, unchanged: 2, skipped: 0, retired: 0, changes: [], changesTotal: 0 });
    assert.deepEqual(await listWatchlist(store, {}), before);
    assert.equal(await store.watchlistVersion(), version);
  });

  it('updates an entry whose content changed, keeping its id and creation time', async () => {
    await importFile(store, clock, file, 'un.json');
    const original = await store.findWatchlistEntryByRef('un-1267', 'QDi.001');
    const changed = { ...file, entries: [{ ...file.entries[0], aliases: ['Abou Khaled el-Tikriti', 'Khalid Hamid Salih'] }, file.entries[1]] };
    const report = await importFile(store, later, changed, 'un.json');
    assert.deepEqual(countsOf(report), { ...none, list: 'un-1267', added: 0, updated: 1, unchanged: 1, skipped: 0, retired: 0, changesTotal: 1 });
    assert.deepEqual(report.changes, [{ kind: 'updated', id: original!.id, ref: 'QDi.001', name: 'Abu Khalid al-Tikriti', fields: ['aliases'] }]);
    const updated = await store.findWatchlistEntryByRef('un-1267', 'QDi.001');
    assert.equal(updated?.id, original?.id);
    assert.deepEqual(updated?.aliases, ['Abou Khaled el-Tikriti', 'Khalid Hamid Salih']);
    assert.equal(updated?.createdAt, '2024-05-01T10:00:00.000Z');
    assert.equal(updated?.updatedAt, '2024-06-15T08:30:00.000Z');
    assert.equal((await listWatchlist(store, {})).length, 2);
  });

  it('reports each rejected entry by its place in the file and, with partial, imports the rest', async () => {
    const mixed = {
      list: 'un-1267',
      entries: [
        { ref: 'QDi.001', name: 'Abu Khalid al-Tikriti' },
        { ref: 'QDi.003', name: 'Abu Yusuf', dob: '31/02/1990' },
        { name: 'Abu Maryam', nationality: 'SYR' },
        'not an entry',
        { ref: 'QDi.002', name: 'Abu Hamza al-Raqqawi' },
      ],
    };
    await assert.rejects(importFile(store, clock, mixed, 'un.json'), (error: unknown) => {
      assert.ok(error instanceof VigilError && error.kind === 'input');
      assert.match(error.message, /^un\.json: 3 problems, nothing imported \(first: un\.json entries\[1\]: dob/);
      assert.match(error.message, /import the 2 readable entries with --partial/);
      return true;
    });
    assert.deepEqual(await listWatchlist(store, {}), [], 'a file with problems imports nothing by default');
    const report = await importFile(store, clock, mixed, 'un.json', { partial: true });
    assert.equal(report.added, 2);
    assert.deepEqual(report.rejected.map((r) => r.where), ['un.json entries[1]', 'un.json entries[2]', 'un.json entries[3]']);
    assert.match(report.rejected[0]!.reason, /^dob[.0-9]*: "31\/02\/1990" is not a date/);
    assert.match(report.rejected[1]!.reason, /^"ref" is required/);
    assert.deepEqual((await listWatchlist(store, {})).map((e) => e.ref).sort(), ['QDi.001', 'QDi.002']);
  });

  it('in a dry run writes nothing and reports what the real import then does', async () => {
    await importFile(store, clock, file, 'un.json');
    const next = { ...file, entries: [{ ...file.entries[0], nationality: ['IRQ', 'SYR'], dob: '1979' }, { ref: 'QDi.003', name: 'Abu Yusuf al-Anbari' }] };
    const [entries, version, history] = [await listWatchlist(store, {}), await store.watchlistVersion(), await store.watchlistHistory((await listWatchlist(store, {}))[0]!.id)];
    const preview = await importFile(store, later, next, 'un.json', { dryRun: true });
    assert.deepEqual(await listWatchlist(store, {}), entries, 'no entry changed');
    assert.equal(await store.watchlistVersion(), version);
    assert.deepEqual(await store.watchlistHistory(entries[0]!.id), history);
    const retiredId = entries.find((e) => e.ref === 'QDi.002')!.id;
    const updatedId = entries.find((e) => e.ref === 'QDi.001')!.id;
    assert.deepEqual(preview.changes, [
      { kind: 'updated', id: updatedId, ref: 'QDi.001', name: 'Abu Khalid al-Tikriti', fields: ['birthDates', 'nationalities'] },
      { kind: 'added', ref: 'QDi.003', name: 'Abu Yusuf al-Anbari' },
      { kind: 'retired', id: retiredId, ref: 'QDi.002', name: 'Abu Hamza al-Raqqawi' },
    ]);
    const applied = await importFile(store, later, next, 'un.json');
    assert.deepEqual(countsOf(applied), { ...countsOf(preview), dryRun: false });
    assert.deepEqual(applied.changes.map(({ id: _id, ...change }) => change), preview.changes.map(({ id: _id, ...change }) => change));
    assert.equal((await store.getWatchlistEntry(retiredId))!.status, 'removed');
    assert.deepEqual(countsOf(preview), { ...none, dryRun: true, list: 'un-1267', added: 1, updated: 1, unchanged: 0, skipped: 0, retired: 1, changesTotal: 3 });
  });

  it('in a dry run of a file with problems says the import would be refused, and lists them all', async () => {
    const bad = { list: 'un-1267', entries: [{ ref: 'QDi.001', name: 'Abu Khalid al-Tikriti' }, { name: 'Abu Maryam' }, { ref: 'QDi.002', name: '' }] };
    const preview = await importFile(store, clock, bad, 'un.json', { dryRun: true });
    assert.equal(preview.refused, true);
    assert.deepEqual(preview.rejected.map((r) => [r.where, r.line]), [['un.json entries[1]', null], ['un.json entries[2]', null]]);
    assert.equal(preview.added, 0);
    const partial = await importFile(store, clock, bad, 'un.json', { dryRun: true, partial: true });
    assert.deepEqual([partial.refused, partial.added], [false, 1]);
    assert.deepEqual(await listWatchlist(store, {}), []);
  });

  it('lists the first changes only, and counts them all', async () => {
    const many = { list: 'big', entries: Array.from({ length: 7 }, (_, i) => ({ ref: `r-${i}`, name: `Person Number ${i}` })) };
    const report = await importFile(store, clock, many, 'big.json', { dryRun: true, changeLimit: 3 });
    assert.deepEqual(report.changes.map((c) => c.ref), ['r-0', 'r-1', 'r-2']);
    assert.equal(report.changesTotal, 7);
  });

  it('refuses a file without a list name or entries, naming the file', async () => {
    await assert.rejects(importFile(store, clock, { entries: [] }, 'lists/bad.json'), inputError('lists/bad.json', 'list'));
    await assert.rejects(importFile(store, clock, { list: 'un' }, 'lists/bad.json'), inputError('lists/bad.json', 'entries'));
    await assert.rejects(importFile(store, clock, { list: 'un 1267', entries: [] }, 'lists/bad.json'), inputError('list'));
  });
});

describe('promoteEntity', () => {
  const at = '2024-04-01T00:00:00.000Z';
  const sha256 = 'ef'.repeat(32);
  const doc = (id: string, text: string, position: number): DocumentRecord => ({
    id, sha256, size: 200, path: '/haul/notes.txt', mediaType: 'text/plain', ingestedAt: at, parentId: null, position,
    title: null, author: null, date: null, language: 'en', text, span: null, isLeaf: true, metadata: {},
  });
  const mention = (documentId: string, entityId: string, type: 'PERSON' | 'PHONE', text: string) => ({
    documentId, entityId, type, text, start: 0, end: text.length, confidence: 0.9, method: 'rule:test', value: null, sentence: { start: 0, end: text.length },
  });

  beforeEach(async () => {
    await store.saveIngestBatch({
      source: { sha256, size: 200, path: '/haul/notes.txt', mediaType: 'text/plain', ingestedAt: at },
      documents: [doc('n-1', 'Abou Khaled el-Tikriti called +963944123456.', 0), doc('n-2', 'Abou Khaled el-Tikriti and Abu Khalid al-Tikriti.', 1)],
      newEntities: [
        { id: 'e-person', type: 'PERSON', firstName: 'Abou Khaled el-Tikriti' },
        { id: 'e-phone', type: 'PHONE', firstName: '+963944123456' },
      ],
      entityKeys: [],
      mentions: [
        mention('n-1', 'e-person', 'PERSON', 'Abou Khaled el-Tikriti'),
        mention('n-1', 'e-phone', 'PHONE', '+963944123456'),
        mention('n-2', 'e-person', 'PERSON', 'Abou Khaled el-Tikriti'),
        mention('n-2', 'e-person', 'PERSON', 'Abu Khalid al-Tikriti'),
      ],
    });
  });

  it('makes a watchlist entry of a person, with the documents that mention it as evidence', async () => {
    const { entry, created } = await promoteEntity(store, clock, 'e-person');
    assert.equal(created, true);
    assert.equal(entry.list, 'local');
    assert.equal(entry.name, 'Abou Khaled el-Tikriti');
    assert.deepEqual(entry.aliases, ['Abu Khalid al-Tikriti']);
    assert.deepEqual(entry.evidence, [{ entityId: 'e-person', documentIds: ['n-1', 'n-2'], mentionCount: 3 }]);
    assert.equal(entry.createdAt, '2024-05-01T10:00:00.000Z');
    assert.deepEqual(await store.findWatchlistEntriesByEntity('e-person'), [entry]);
  });

  it("makes only a proposal of an analyst's promotion, saying so in its history", async () => {
    const { entry } = await promoteEntity(store, clock, 'e-person', 'local', 'user:leila', 'proposed');
    assert.equal(entry.status, 'proposed');
    assert.deepEqual((await store.watchlistHistory(entry.id)).map((v) => [v.change, v.actor, v.note]), [['added', 'user:leila', 'proposed from entity e-person']]);
    assert.equal((await store.summary()).watchlistEntries, 0, 'not an active entry');
  });

  it('returns the existing entry on a second promotion to the same list, creating nothing', async () => {
    const first = await promoteEntity(store, clock, 'e-person');
    const second = await promoteEntity(store, later, 'e-person');
    assert.equal(second.created, false);
    assert.deepEqual(second.entry, first.entry);
    assert.equal((await listWatchlist(store, {})).length, 1);
  });

  it('puts a removed entry forward again when its person is promoted again, keeping its history', async () => {
    const first = await promoteEntity(store, clock, 'e-person', 'local', 'user:leila', 'proposed');
    await store.putWatchlistEntry({ ...first.entry, status: 'removed' }, { actor: 'user:yusuf', at: '2024-05-02T10:00:00.000Z', note: 'rejected: too thin' });
    const again = await promoteEntity(store, later, 'e-person', 'local', 'user:leila', 'proposed');
    assert.deepEqual([again.created, again.restored, again.entry.id, again.entry.status], [false, true, first.entry.id, 'proposed']);
    assert.deepEqual((await store.watchlistHistory(first.entry.id)).map((v) => v.note), ['proposed from entity e-person', 'rejected: too thin', 'proposed again from entity e-person']);
  });

  it('promotes the same person to another list as a separate entry', async () => {
    const local = await promoteEntity(store, clock, 'e-person');
    const other = await promoteEntity(store, clock, 'e-person', 'border-agency');
    assert.equal(other.created, true);
    assert.notEqual(other.entry.id, local.entry.id);
    assert.equal(other.entry.list, 'border-agency');
  });

  it('refuses to promote anything but a person, saying what it is', async () => {
    await assert.rejects(promoteEntity(store, clock, 'e-phone'), inputError('e-phone', 'PHONE', 'only people'));
    assert.equal((await store.summary()).watchlistEntries, 0);
  });

  it('refuses an unknown entity id as not found, naming the id', async () => {
    await assert.rejects(
      promoteEntity(store, clock, 'e-nobody'),
      (error: unknown) => error instanceof VigilError && error.kind === 'not-found' && error.message.includes('"e-nobody"'),
    );
  });
});

describe('importing a newer version of a list', () => {
  const version1 = { list: 'un-1267', entries: [{ ref: 'QDi.001', name: 'Abu Khalid al-Tikriti' }, { ref: 'QDi.002', name: 'Abu Hamza al-Raqqawi' }] };
  const version2 = { list: 'un-1267', entries: [{ ref: 'QDi.001', name: 'Abu Khalid al-Tikriti' }, { ref: 'QDi.003', name: 'Abu Ayyub al-Furati' }] };

  it('adds the new, marks the delisted as removed with their history, and restores one listed again', async () => {
    await importFile(store, clock, version1, 'un-v1.json', { actor: 'cli:ana' });
    const report = await importFile(store, later, version2, 'un-v2.json', { actor: 'cli:ben' });
    assert.equal(report.added, 1);
    assert.equal(report.retired, 1);
    assert.deepEqual((await listWatchlist(store, { status: 'active' })).map((e) => e.ref).sort(), ['QDi.001', 'QDi.003']);
    const removed = (await store.findWatchlistEntryByRef('un-1267', 'QDi.002'))!;
    assert.equal(removed.status, 'removed');
    assert.deepEqual(
      (await store.watchlistHistory(removed.id)).map((v) => [v.change, v.actor, v.note]),
      [
        ['added', 'cli:ana', 'imported from un-v1.json'],
        ['removed', 'cli:ben', 'not in un-v2.json'],
      ],
    );
    await importFile(store, later, version1, 'un-v1.json');
    assert.equal((await store.findWatchlistEntryByRef('un-1267', 'QDi.002'))!.status, 'active');
    assert.equal((await store.watchlistHistory(removed.id)).at(-1)!.change, 'restored');
  });

  it('retires nothing with --partial, since an unreadable row may be a delisted one', async () => {
    await importFile(store, clock, version1, 'un-v1.json');
    const withProblem = { list: 'un-1267', entries: [{ ref: 'QDi.001', name: 'Abu Khalid al-Tikriti' }, { ref: 'QDi.002', name: 'Abu Hamza', dob: 'soon' }] };
    const report = await importFile(store, later, withProblem, 'un-v2.json', { partial: true });
    assert.equal(report.retired, 0);
    assert.equal((await listWatchlist(store, { status: 'active' })).length, 2);
  });
});
