import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareTokenisedNames, tokeniseName, type NameToken } from '../names/index.js';
import { CandidateIndex } from './candidate-index.js';
import { generatePeople, seededRandom, variantOf, type SyntheticPerson } from './synthetic/generate.js';

/** The reference: each entry's best name score, by comparing the query with every name of every entry. */
function fullScan(people: { id: string; names: (readonly NameToken[])[] }[], query: string): Map<string, number> {
  const q = tokeniseName(query);
  const out = new Map<string, number>();
  for (const p of people) out.set(p.id, Math.max(...p.names.map((n) => compareTokenisedNames(q, n).score)));
  return out;
}

function indexOf(people: Pick<SyntheticPerson, 'id' | 'name' | 'aliases'>[]): CandidateIndex {
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

  it('returns every entry a full scan finds when names and queries have initials, kunyas, lone names, extra, fused and split tokens (property, seeded)', () => {
    const random = seededRandom(4242);
    const base = generatePeople(1500, 31);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    // Reshapes a name the ways lists and manifests do: a given name cut to its initial, a kunya or nasab added,
    // only the family name kept, an unrelated token added, two words written as one or one as two, the article
    // fused to the family name.
    const reshape = (name: string): string => {
      const words = name.split(' ');
      const roll = random();
      if (roll >= 0.75 && roll < 0.83 && words.length > 1) {
        const at = Math.floor(random() * (words.length - 1));
        return [...words.slice(0, at), words[at]! + words[at + 1]!.toLowerCase(), ...words.slice(at + 2)].join(' ');
      }
      if (roll >= 0.83 && roll < 0.9) {
        const at = Math.floor(random() * words.length);
        const word = words[at]!;
        if (word.length >= 6) return [...words.slice(0, at), word.slice(0, 3), word.slice(3), ...words.slice(at + 1)].join(' ');
      }
      if (roll >= 0.9 && roll < 0.96) return [...words.slice(0, -1), 'Al' + words[words.length - 1]!.toLowerCase()].join(' ');
      if (roll < 0.2) return words.map((w, i) => (i < words.length - 1 && random() < 0.6 ? w[0]! + '.' : w)).join(' ');
      if (roll < 0.35) return `${pick(['Abu', 'Umm', 'bin', 'Abd'])} ${name}`;
      if (roll < 0.5) return words[words.length - 1]!;
      if (roll < 0.65) return `${name} ${pick(base).name.split(' ')[0]}`;
      if (roll < 0.75) return `${pick(['Abu', 'bin'])} ${words[words.length - 1]}`;
      return name;
    };
    const people = base.map((p) => ({ ...p, name: reshape(p.name), aliases: p.aliases.map(reshape) }));
    const index = indexOf(people);
    const tokenised = people.map((p) => ({ id: p.id, names: [p.name, ...p.aliases].map(tokeniseName) }));
    let found = 0;
    for (let i = 0; i < 250; i++) {
      const query = reshape(variantOf(pick(people).name, random));
      const scores = fullScan(tokenised, query);
      for (const minScore of [0.7, 0.75, 0.85]) {
        const candidates = new Set(index.candidates(query, minScore));
        for (const [id, score] of scores) {
          if (score < minScore) continue;
          assert.ok(candidates.has(id), `"${query}" at ${minScore}: the index missed ${id} (${people.find((p) => p.id === id)!.name}, ${score})`);
          found++;
        }
      }
    }
    assert.ok(found > 250, `the queries do find listed people (${found}), so the property is not vacuous`);
  });

  it('finds a listed initial from a full given name, and a full name from a query initial', () => {
    const index = new CandidateIndex();
    index.put('initial', ['M. Hassan Karaca']);
    index.put('full', ['Mehmet Emin Karaca']);
    assert.ok(index.candidates('Mehmet Karaca', 0.75).includes('initial'));
    assert.ok(index.candidates('M. Emin Karaca', 0.75).includes('full'));
  });

  it('finds a name written as one token from the query written as two, and the reverse', () => {
    const index = new CandidateIndex();
    index.put('fused', ['Seyed Mirahmad']);
    index.put('split', ['Seyed Mir Ahmad']);
    assert.ok(index.candidates('Seyed Mir Ahmad', 0.9).includes('fused'));
    assert.ok(index.candidates('Seyed Mirahmad', 0.9).includes('split'));
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
