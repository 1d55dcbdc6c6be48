import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WatchlistEntry } from '../store/index.js';
import { screenTraveller } from './screen-traveller.js';
import { ScreeningIndex } from './screening-index.js';
import { generatePeople, seededRandom, variantOf } from './synthetic/generate.js';

function entriesOf(count: number, seed: number): WatchlistEntry[] {
  return generatePeople(count, seed).map((p) => ({
    id: p.id, list: 'synthetic', ref: p.id, name: p.name, aliases: p.aliases, birthDates: [p.dob], nationalities: [p.nationality],
    gender: null, documents: [], notes: null, evidence: [], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  }));
}

describe('ScreeningIndex', () => {
  it('gives the same ranked candidates as screening every entry (seeded property)', () => {
    const entries = entriesOf(1500, 21);
    const index = new ScreeningIndex(entries);
    const random = seededRandom(5);
    let hits = 0;
    for (let i = 0; i < 60; i++) {
      const listed = entries[Math.floor(random() * entries.length)]!;
      const traveller = { name: variantOf(listed.name, random), dob: i % 2 === 0 ? listed.birthDates[0] : undefined, nationality: i % 3 === 0 ? 'SYR' : undefined };
      const expected = screenTraveller(entries, traveller, { limit: 50 });
      assert.deepEqual(index.screen(traveller, { limit: 50 }), expected, traveller.name);
      hits += expected.length;
    }
    assert.ok(hits > 30, 'the travellers do hit listed people');
  });

  it('follows additions and removals', () => {
    const index = new ScreeningIndex();
    const [entry] = entriesOf(1, 3);
    index.put({ ...entry!, name: 'Abu Ayyub al-Furati', aliases: [] });
    assert.equal(index.screen({ name: 'Abou Ayoub el-Forati' })[0]?.entryId, entry!.id);
    index.remove(entry!.id);
    assert.deepEqual(index.screen({ name: 'Abou Ayoub el-Forati' }), []);
    assert.equal(index.size, 0);
  });

  it('finds an entry by the document number a traveller carries, whatever the name', () => {
    const [entry] = entriesOf(1, 4);
    const index = new ScreeningIndex([{ ...entry!, documents: [{ type: 'passport', number: 'A7731905', country: 'IRQ' }] }]);
    assert.equal(index.screen({ name: 'John Smith', document: { number: 'A7731905' } })[0]?.entryId, entry!.id);
    assert.deepEqual(index.screen({ name: 'John Smith', document: { number: 'A7731906' } }), []);
  });

  it('refuses an invalid traveller with the scorer message', () => {
    assert.throws(() => new ScreeningIndex().screen({ name: '' }), /name/);
  });
});
