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
    // Birth dates exact, missing, or some years off (namesakes beyond namesakeYears are cleared unread), under
    // default thresholds and under a list threshold low enough that a namesake may still be returned.
    const shifted = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
    const optionsFor = [{ limit: 50 }, { limit: 50, thresholdsByList: { synthetic: { review: 0.5 } } }, { limit: 50, minScore: 0.6 }];
    let hits = 0;
    let namesakes = 0;
    for (let i = 0; i < 120; i++) {
      const listed = entries[Math.floor(random() * entries.length)]!;
      const roll = i % 4;
      const dob = roll === 0 ? listed.birthDates[0] : roll === 1 ? undefined : shifted(listed.birthDates[0]!, Math.floor(random() * 21) - 10);
      const traveller = { name: variantOf(listed.name, random), dob, nationality: i % 3 === 0 ? 'SYR' : undefined };
      for (const options of optionsFor) {
        const expected = screenTraveller(entries, traveller, options);
        assert.deepEqual(index.screen(traveller, options), expected, `${traveller.name} ${dob} ${JSON.stringify(options)}`);
        hits += expected.length;
        namesakes += expected.filter((c) => c.factors.some((f) => f.detail.includes('a namesake'))).length;
      }
    }
    assert.ok(hits > 60, 'the travellers do hit listed people');
    assert.ok(namesakes > 0, 'low thresholds do return namesakes, so skipping them is tested both ways');
  });

  it('returns an entry born a year from the traveller when the name alone would still carry it', () => {
    const [base] = entriesOf(1, 8);
    const entry = { ...base!, name: 'Ahmet Kaya Demir', aliases: [], birthDates: ['1980-03-04'] };
    const traveller = { name: 'Ahmet Kaya', dob: '1981-06-07' };
    const expected = screenTraveller([entry], traveller);
    assert.equal(expected.length, 1, 'a year apart weakens the match, it does not clear it');
    assert.deepEqual(new ScreeningIndex([entry]).screen(traveller), expected);
    assert.deepEqual(new ScreeningIndex([entry]).screen({ ...traveller, dob: '1990-06-07' }), []);
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
