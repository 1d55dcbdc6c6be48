import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VigilError } from '../errors.js';
import type { WatchlistEntry } from '../store/index.js';
import { screenTraveller, type ScreeningCandidate } from './screen-traveller.js';

function entry(id: string, name: string, fields: Partial<WatchlistEntry> = {}): WatchlistEntry {
  return {
    id,
    list: 'un-1267',
    ref: `ref-${id}`,
    name,
    aliases: [],
    birthDates: [],
    nationalities: [],
    gender: null,
    documents: [],
    notes: null,
    evidence: [],
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    ...fields,
  };
}

const tikriti = entry('w-tikriti', 'Abu Khalid al-Tikriti', {
  aliases: ['Khalid Hamid Salih'],
  birthDates: ['1978-04-12'],
  nationalities: ['IRQ'],
});
const raqqawi = entry('w-raqqawi', 'Abu Hamza al-Raqqawi', { birthDates: ['1985'], nationalities: ['SYR'] });
const hassan = entry('w-hassan', 'Mohammed Ali Hassan', { list: 'local', ref: null });
const entries = [raqqawi, hassan, tikriti];

function only(candidates: ScreeningCandidate[], entryId: string): ScreeningCandidate {
  const found = candidates.find((c) => c.entryId === entryId);
  assert.ok(found, `${entryId} not among ${candidates.map((c) => c.entryId).join(', ') || 'no candidates'}`);
  return found;
}

describe('screenTraveller', () => {
  it('ranks first the entry whose alias a transliteration variant matches, naming that alias', () => {
    const [first] = screenTraveller(entries, { name: 'Khaled Hamed Saleh' });
    assert.equal(first?.entryId, 'w-tikriti');
    assert.equal(first?.name, 'Abu Khalid al-Tikriti');
    assert.equal(first?.matchedName, 'Khalid Hamid Salih');
    assert.match(first!.reason, /vs "Khalid Hamid Salih"/);
    assert.match(first!.reason, /khaled~khalid/);
  });

  it('ranks first the entry whose main name a variant spelling matches, with its list and reference', () => {
    const [first] = screenTraveller(entries, { name: 'Abou Khaled el-Tikriti' });
    assert.deepEqual(
      { entryId: first?.entryId, list: first?.list, ref: first?.ref, matchedName: first?.matchedName },
      { entryId: 'w-tikriti', list: 'un-1267', ref: 'ref-w-tikriti', matchedName: 'Abu Khalid al-Tikriti' },
    );
    assert.ok(first!.score >= 0.9 && first!.score < 1, `score ${first!.score}`);
    assert.equal(first!.score, first!.nameScore);
  });

  it('finds a name written in another order', () => {
    assert.equal(screenTraveller(entries, { name: 'HASSAN, Muhammad Ali' })[0]?.entryId, 'w-hassan');
  });

  it('returns nothing for unrelated names', () => {
    assert.deepEqual(screenTraveller(entries, { name: 'John Smith' }), []);
    assert.deepEqual(screenTraveller(entries, { name: 'Abu Yusuf al-Ansari' }), []);
    assert.deepEqual(screenTraveller([], { name: 'Abu Khalid al-Tikriti' }), []);
  });

  it('raises the score when the birth date matches', () => {
    const nameOnly = only(screenTraveller(entries, { name: 'Abou Khaled el-Tikriti' }), 'w-tikriti');
    const withDob = only(screenTraveller(entries, { name: 'Abou Khaled el-Tikriti', dob: '1978-04-12' }), 'w-tikriti');
    assert.ok(withDob.score > nameOnly.score, `${withDob.score} <= ${nameOnly.score}`);
    assert.equal(withDob.nameScore, nameOnly.nameScore);
    assert.match(withDob.reason, /birth date 1978-04-12 matches/);
  });

  it('raises the score less for a birth date that only fits a partial listed date', () => {
    const nameOnly = only(screenTraveller(entries, { name: 'Abou Hamza el-Raqqawi' }), 'w-raqqawi');
    const fits = only(screenTraveller(entries, { name: 'Abou Hamza el-Raqqawi', dob: '1985-06-01' }), 'w-raqqawi');
    const exact = only(screenTraveller(entries, { name: 'Abou Khaled el-Tikriti', dob: '1978-04-12' }), 'w-tikriti');
    assert.ok(fits.score > nameOnly.score);
    assert.ok(fits.score - nameOnly.score < exact.score - exact.nameScore, 'a fitting year should count less than an exact date');
    assert.match(fits.reason, /birth date 1985-06-01 fits listed 1985/);
  });

  it('raises the score for a partial traveller birth date that fits the listed full date', () => {
    // Travel documents often carry only a year (or year and month) of birth.
    const nameOnly = only(screenTraveller(entries, { name: 'Abou Khaled el-Tikriti' }), 'w-tikriti');
    for (const dob of ['1978', '1978-04']) {
      const partial = only(screenTraveller(entries, { name: 'Abou Khaled el-Tikriti', dob }), 'w-tikriti');
      assert.ok(partial.score > nameOnly.score, `dob ${dob}: ${partial.score} <= ${nameOnly.score}`);
      assert.match(partial.reason, new RegExp(`birth date ${dob} fits listed 1978-04-12`));
    }
  });

  it('lowers the score for a birth year a few years off but keeps a strong name match at 0.7 or above', () => {
    const nameOnly = only(screenTraveller(entries, { name: 'Abou Khaled el-Tikriti' }), 'w-tikriti');
    const otherYear = only(screenTraveller(entries, { name: 'Abou Khaled el-Tikriti', dob: '1982-01-01' }), 'w-tikriti');
    assert.ok(otherYear.score < nameOnly.score);
    assert.ok(otherYear.score >= 0.7, `score ${otherYear.score}`);
    assert.match(otherYear.reason, /birth date 1982-01-01 differs from listed 1978-04-12/);
    const exactName = only(screenTraveller(entries, { name: 'Abu Khalid al-Tikriti', dob: '1982-01-01' }), 'w-tikriti');
    assert.ok(exactName.score >= 0.7 && exactName.score < 1, `score ${exactName.score}`);
  });

  it('lowers the score less for a birth year one off than for one further off', () => {
    const near = only(screenTraveller(entries, { name: 'Abu Khalid al-Tikriti', dob: '1979-01-01' }), 'w-tikriti');
    const further = only(screenTraveller(entries, { name: 'Abu Khalid al-Tikriti', dob: '1982-01-01' }), 'w-tikriti');
    assert.ok(near.score > further.score, `${near.score} <= ${further.score}`);
  });

  it('clears a namesake born more than five years from the listed date, even with the listed nationality', () => {
    const namesake = { name: 'Abu Khalid al-Tikriti', dob: '1990-01-01', nationality: 'IRQ' };
    assert.equal(screenTraveller(entries, namesake).find((c) => c.entryId === 'w-tikriti'), undefined);
    const explained = only(screenTraveller(entries, namesake, { minScore: 0.5 }), 'w-tikriti');
    assert.match(explained.reason, /differs from listed 1978-04-12 by more than 5 years \(a namesake\)/);
    // A listed year is as far as the list knows: 1983 is within five years of a listed 1985.
    assert.ok(screenTraveller(entries, { name: 'Abu Hamza al-Raqqawi', dob: '1983-02-02' }).some((c) => c.entryId === 'w-raqqawi'));
  });

  it('reads a birth date within a listed range as fitting it, and counts years from its nearer end', () => {
    const ranged = [entry('w-range', 'Abu Khalid al-Tikriti', { birthDates: ['1961/1964'] })];
    const within = only(screenTraveller(ranged, { name: 'Abou Khaled el-Tikriti', dob: '1963-02-01' }), 'w-range');
    assert.match(within.reason, /birth date 1963-02-01 fits listed 1961 to 1964/);
    assert.ok(within.score > within.nameScore);
    for (const dob of ['1961', '1964-12-31', '1961-01']) assert.match(only(screenTraveller(ranged, { name: 'Abu Khalid al-Tikriti', dob }), 'w-range').reason, /fits listed/, dob);
    const nearEnd = only(screenTraveller(ranged, { name: 'Abu Khalid al-Tikriti', dob: '1965-06-01' }), 'w-range');
    assert.match(nearEnd.reason, /differs from listed 1961 to 1964/);
    assert.equal(screenTraveller(ranged, { name: 'Abu Khalid al-Tikriti', dob: '1971-06-01' }).length, 0, 'seven years after the range: a namesake');
  });

  it('raises the score for a listed nationality and lowers it, without clearing, for another', () => {
    const nameOnly = only(screenTraveller(entries, { name: 'Abou Khaled el-Tikriti' }), 'w-tikriti');
    const same = only(screenTraveller(entries, { name: 'Abou Khaled el-Tikriti', nationality: 'irq' }), 'w-tikriti');
    const other = only(screenTraveller(entries, { name: 'Abou Khaled el-Tikriti', nationality: 'JOR' }), 'w-tikriti');
    assert.ok(same.score > nameOnly.score);
    assert.match(same.reason, /nationality IRQ matches/);
    assert.ok(other.score < nameOnly.score);
    assert.match(other.reason, /nationality JOR not among listed IRQ/);
  });

  it('ignores birth date and nationality when the entry lists none', () => {
    const plain = only(screenTraveller(entries, { name: 'Muhammad Ali Hasan' }), 'w-hassan');
    const withFacts = only(screenTraveller(entries, { name: 'Muhammad Ali Hasan', dob: '1970-01-01', nationality: 'EGY' }), 'w-hassan');
    assert.equal(withFacts.score, plain.score);
  });

  it('never lets a birth date and nationality lift a weak name match', () => {
    assert.deepEqual(screenTraveller(entries, { name: 'Khalid al-Raqqawi', dob: '1985', nationality: 'SYR' }, { minScore: 0 }), []);
  });

  it('returns at most limit candidates, best first', () => {
    const many = [1, 2, 3, 4, 5].map((n) => entry(`w-${n}`, n % 2 ? 'Abu Khalid al-Tikriti' : 'Abou Khaled el-Tikriti'));
    const all = screenTraveller(many, { name: 'Abu Khalid al-Tikriti' });
    assert.equal(all.length, 5);
    const top = screenTraveller(many, { name: 'Abu Khalid al-Tikriti' }, { limit: 2 });
    assert.deepEqual(top.map((c) => c.entryId), ['w-1', 'w-3']);
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.score >= all[i]!.score);
  });

  it('returns no candidate scoring below minScore', () => {
    const variants = [entry('w-exact', 'Abu Khalid al-Tikriti'), entry('w-variant', 'Abou Khaled el-Tikriti')];
    assert.deepEqual(screenTraveller(variants, { name: 'Abu Khalid al-Tikriti' }, { minScore: 0.99 }).map((c) => c.entryId), ['w-exact']);
    assert.equal(screenTraveller(variants, { name: 'Abu Khalid al-Tikriti' }, { minScore: 0.5 }).length, 2);
  });

  it('refuses a birth date that is not a date as an input error naming the value', () => {
    for (const dob of ['31/02/1990', 'not a date', '1990-13-01']) {
      assert.throws(
        () => screenTraveller(entries, { name: 'Abu Khalid al-Tikriti', dob }),
        (error: unknown) => error instanceof VigilError && error.kind === 'input' && error.message.includes(`"${dob}"`),
      );
    }
  });

  it('refuses a traveller without a name or with a bad nationality, naming the field', () => {
    const refusal = (field: string) => (error: unknown) => error instanceof VigilError && error.kind === 'input' && error.message.includes(field);
    assert.throws(() => screenTraveller(entries, { name: ' ' }), refusal('name'));
    assert.throws(() => screenTraveller(entries, {}), refusal('name'));
    assert.throws(() => screenTraveller(entries, { name: 'Abu Khalid', nationality: 'Iraq' }), refusal('nationality'));
  });
});

describe('record evidence and verdicts', () => {
  const listed = entry('w-furati', 'Abu Ayyub al-Furati', {
    birthDates: ['1974-03-07'],
    nationalities: ['SYR'],
    gender: 'M',
    documents: [{ type: 'passport', number: 'N01234567', country: 'SYR' }],
  });

  it('lists every factor with its signed effect, and the effects add up to the score', () => {
    const [c] = screenTraveller([listed], { name: 'Abou Ayoub el-Furati', dob: '1974-03-07', nationality: 'SYR' });
    assert.deepEqual(c!.factors.map((f) => f.factor), ['name', 'birthDate', 'nationality']);
    assert.ok(c!.factors[1]!.effect > 0 && c!.factors[2]!.effect > 0);
    const sum = c!.factors.reduce((s, f) => s + f.effect, 0);
    assert.ok(Math.abs(sum - c!.score) < 0.005, `effects sum ${sum} vs score ${c!.score}`);
    assert.equal(c!.verdict, 'match');
  });

  it('reads a birth date with day and month swapped as support, not as a different person', () => {
    const [swapped] = screenTraveller([listed], { name: 'Abu Ayyub al-Furati', dob: '1974-07-03' });
    const [other] = screenTraveller([listed], { name: 'Abu Ayyub al-Furati', dob: '1977-07-03' });
    assert.match(swapped!.reason, /day and month swapped/);
    assert.ok(swapped!.score > other!.score);
    assert.ok(swapped!.factors.find((f) => f.factor === 'birthDate')!.effect >= 0);
  });

  it('counts a different gender against the entry', () => {
    const [same] = screenTraveller([listed], { name: 'Abu Ayyub al-Furati', gender: 'male' });
    const [different] = screenTraveller([listed], { name: 'Abu Ayyub al-Furati', gender: 'F' });
    assert.ok(different!.score < same!.score);
    assert.match(different!.reason, /gender F differs from listed M/);
  });

  it('raises an entry whose document number the traveller carries, even under another name', () => {
    const [c] = screenTraveller([listed], { name: 'Jean Dupont', document: { number: 'n0123 4567', country: 'SYR' } });
    assert.equal(c!.entryId, 'w-furati');
    assert.ok(c!.score >= 0.95);
    assert.equal(c!.verdict, 'match');
    assert.match(c!.reason, /passport N01234567 \(SYR\) is listed/);
    assert.deepEqual(screenTraveller([listed], { name: 'Jean Dupont', document: { number: 'N01234567', country: 'FRA' } }), [], 'another country issued that number');
    const [otherBirth] = screenTraveller([listed], { name: 'Jean Dupont', dob: '1950-01-01', document: { number: 'N01234567' } });
    assert.ok(otherBirth!.score >= 0.95, 'a listed document is not cleared by a birth date');
  });

  it('sorts candidates into match and review by the thresholds, which a caller may set', () => {
    const [c] = screenTraveller([listed], { name: 'Ayyub Furati' });
    assert.equal(c!.verdict, c!.score >= 0.92 ? 'match' : 'review');
    const [strict] = screenTraveller([listed], { name: 'Abu Ayyub al-Furati' }, { thresholds: { match: 1.01 } });
    assert.equal(strict!.verdict, 'review');
  });

  it('refuses empty, huge and binary names with a message naming the field', () => {
    for (const name of ['   ', 'x'.repeat(301), 'Abu\u0000Khalid']) {
      assert.throws(() => screenTraveller([listed], { name }), (e: unknown) => e instanceof VigilError && e.kind === 'input' && /traveller name/.test(e.message));
    }
  });
});

describe('weak aliases', () => {
  it('counts a match on an alias the list calls weak for less, and says so', () => {
    const listed = entry('w-weak', 'Rezan Haji Osman', { weakAliases: ['Abu Rezan'] });
    const [viaWeak] = screenTraveller([listed], { name: 'Abu Rezan' });
    const [viaStrong] = screenTraveller([{ ...listed, aliases: ['Abu Rezan'], weakAliases: [] }], { name: 'Abu Rezan' });
    assert.ok(viaWeak!.score < viaStrong!.score, `${viaWeak!.score} < ${viaStrong!.score}`);
    assert.match(viaWeak!.reason, /vs weak alias "Abu Rezan"/);
    assert.equal(viaWeak!.matchedName, 'Abu Rezan');
  });
});

describe('thresholds per list', () => {
  it("applies a list's own thresholds to its entries and the defaults to the others", () => {
    const strictList = entry('w-strict', 'Abu Ayyub al-Furati', { list: 'strict' });
    const laxList = entry('w-lax', 'Abu Ayyub al-Furati', { list: 'lax' });
    const results = screenTraveller([strictList, laxList], { name: 'Ayyub Furati' }, { thresholdsByList: { strict: { match: 1.01, review: 0.99 } } });
    assert.deepEqual(results.map((c) => c.entryId), ['w-lax'], 'the strict list does not raise a score below its review threshold');
    const reviewed = screenTraveller([strictList], { name: 'Abu Ayyub al-Furati' }, { thresholdsByList: { strict: { match: 1.01, review: 0.5 } } });
    assert.equal(reviewed[0]!.verdict, 'review');
  });
});
