import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WatchlistEntry } from '../store/index.js';
import { exportWatchlist } from './export.js';
import { parseFtmJsonLines, parsePlainCsv } from './importers/index.js';

const entry: WatchlistEntry = {
  id: 'w_1', list: 'agency', ref: 'AG-1', name: 'Abu Khalid al-Tikriti', aliases: ['Abou Khaled el-Tikriti', 'أبو خالد التكريتي', 'Salih, "the accountant"'], weakAliases: ['Abu Khalid'],
  birthDates: ['1979-04-11', '1980'], nationalities: ['IRQ', 'SYR'], gender: 'M',
  documents: [{ type: 'passport', number: 'N04318872', country: 'SYR' }, { type: 'passport', number: 'A1234567', country: 'IRQ' }],
  notes: 'finance emir, fictional', evidence: [], createdAt: '', updatedAt: '',
};

describe('exportWatchlist', () => {
  it('writes FollowTheMoney entities that the FtM importer reads back to the same person', () => {
    const { text, losses } = exportWatchlist([entry], 'ftm');
    assert.deepEqual(losses, []);
    const { entries, problems } = parseFtmJsonLines(text);
    assert.deepEqual(problems, []);
    const back = entries[0]!;
    assert.equal(back.sourceId, 'agency-AG-1');
    assert.equal(back.name, entry.name);
    assert.deepEqual(back.aliases.filter((a) => a.quality === 'strong').map((a) => a.name), entry.aliases);
    assert.deepEqual(back.aliases.filter((a) => a.quality === 'weak').map((a) => a.name), ['Abu Khalid']);
    assert.deepEqual(back.birthDates, entry.birthDates);
    assert.deepEqual(back.nationalities, entry.nationalities);
    assert.equal(back.gender, 'M');
    assert.deepEqual(back.documents.map((d) => d.number).sort(), ['A1234567', 'N04318872']);
  });

  it('writes the plain CSV the CSV importer reads back, quoting what needs quoting, and says what it left out', () => {
    const { text, losses } = exportWatchlist([entry], 'csv');
    assert.deepEqual(losses.map((l) => l.entryId), ['w_1', 'w_1']);
    assert.match(losses.map((l) => l.reason).join(' '), /A1234567/);
    assert.match(losses.map((l) => l.reason).join(' '), /weak aliases \(Abu Khalid\)/);
    const { entries, problems } = parsePlainCsv(text);
    assert.deepEqual(problems, []);
    const back = entries[0]!;
    assert.equal(back.sourceId, 'AG-1');
    assert.deepEqual(back.aliases.map((a) => a.name), [...entry.aliases, 'Abu Khalid']);
    assert.deepEqual(back.birthDates, entry.birthDates);
    assert.deepEqual(back.nationalities, entry.nationalities);
    assert.deepEqual(back.documents, [{ type: 'passport', number: 'N04318872', country: 'SYR' }]);
    assert.equal(back.listingReason, 'finance emir, fictional');
  });

  it('keeps a birth-date range through the plain CSV, and gives FollowTheMoney its two ends', () => {
    const ranged = { ...entry, birthDates: ['1961/1964'] };
    assert.deepEqual(parsePlainCsv(exportWatchlist([ranged], 'csv').text).entries[0]!.birthDates, ['1961/1964']);
    assert.deepEqual(parseFtmJsonLines(exportWatchlist([ranged], 'ftm').text).entries[0]!.birthDates, ['1961', '1964']);
  });
});
