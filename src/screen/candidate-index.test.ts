import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareTokenisedNames, tokeniseName, type NameToken } from '../names/index.js';
import { CandidateIndex } from './candidate-index.js';
import { generatePeople, seededRandom, variantOf, type SyntheticPerson } from './synthetic/generate.js';

/** The reference: each entry's best name score, by comparing the query with every name of every entry. */
function fullScan(people: { id: string; names: NameToken[][] }[], query: string): Map<string, number> {
  const q = tokeniseName(query);
  const out = new Map<string, number>();
  for (const p of people) out.set(p.id, Math.max(...p.names.map((n) => compareTokenisedNames(q, n).score)));
  return out;
}

function indexOf(people: SyntheticPerson[]): CandidateIndex {
  const index = new CandidateIndex();
  for (const p of people) index.put(p.id, [p.name, ...p.aliases]);
  return index;
}

describe('CandidateIndex', () => {
  it('returns every entry a full scan finds, for variant, unrelated and partial queries (property, seeded)', () => {
    const people = generatePeople(2000, 7);
    const index = indexOf(people);
    const tokenised = people.map((p) => ({ id: p.id, names: [p.name, ...p.aliases].map(tokeniseName) }));
    const random = seededRandom(99);
    let checked = 0;
    let found = 0;
    for (let i = 0; i < 300; i++) {
      const source = people[Math.floor(random() * people.length)]!;
      const query = i % 5 === 4 ? generatePeople(1, 1000 + i)[0]!.name : variantOf(source.name, random);
      const scores = fullScan(tokenised, query);
      for (const minScore of [0.7, 0.8, 0.9]) {
        const candidates = new Set(index.candidates(query, minScore));
        for (const [id, score] of scores) {
          if (score < minScore) continue;
          assert.ok(candidates.has(id), `"${query}" at ${minScore}: the index missed ${id} (${people.find((p) => p.id === id)!.name}, ${score})`);
          found++;
        }
        checked++;
      }
    }
    assert.ok(found > checked, 'the queries do find listed people, so the property is not vacuous');
  });

  it('touches a small share of a large list', () => {
    const people = generatePeople(5000, 11);
    const index = indexOf(people);
    const sizes = people.slice(0, 100).map((p) => index.candidates(p.name, 0.8).length);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    assert.ok(mean < people.length * 0.05, `mean candidate set ${mean} of ${people.length}`);
  });

  it('finds an entry under any of its names, in any order and spelling', () => {
    const index = new CandidateIndex();
    index.put('w1', ['Abu Khalid al-Tikriti', 'Faisal Hamad Salih']);
    index.put('w2', ['Muhammad Yasin al-Hamoud']);
    assert.deepEqual(index.candidates('Abou Khaled el-Tikriti', 0.8), ['w1']);
    assert.deepEqual(index.candidates('SALIH, Faisal', 0.8), ['w1']);
    assert.deepEqual(index.candidates('Mohamed Yaseen Hamoud', 0.8), ['w2']);
    assert.deepEqual(index.candidates('John Smith', 0.8), []);
  });

  it('updates without a rebuild: put replaces names, remove forgets the entry', () => {
    const index = new CandidateIndex();
    index.put('w1', ['Rezan Haji Osman']);
    assert.deepEqual(index.candidates('Rezan Osman', 0.8), ['w1']);
    index.put('w1', ['Qais Hamad al-Tikriti']);
    assert.deepEqual(index.candidates('Rezan Osman', 0.8), []);
    assert.deepEqual(index.candidates('Kais Hammad Tikriti', 0.8), ['w1']);
    index.remove('w1');
    assert.deepEqual(index.candidates('Kais Hammad Tikriti', 0.8), []);
    assert.equal(index.size, 0);
  });

  it('scores names made only of initials on every query, and answers low thresholds with every entry', () => {
    const index = new CandidateIndex();
    index.put('initials', ['M. K.']);
    index.put('full', ['Mehmet Karaca']);
    assert.ok(index.candidates('Mehmet Karaca', 0.7).includes('initials'));
    assert.deepEqual(index.candidates('Someone Else', 0.5).sort(), ['full', 'initials']);
  });
});
