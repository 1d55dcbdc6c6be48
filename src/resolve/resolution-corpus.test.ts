import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import {
  assignmentsOf,
  corpusFolder,
  loadCorpus,
  resolveGoldMentions,
  scoreClusters,
  type Corpus,
  type ResolvedGoldMention,
} from '../../eval/resolution-corpus.js';

// Floors a little under what resolution reached on the corpus when they were set (pairwise P 0.995, R 0.818 with
// short forms, organisation designators, kunya and bare-name rules): a change that loses either fails here; raise
// them when resolution improves (npm run eval:resolve).
const pairwisePrecisionFloor = 0.98;
const pairwiseRecallFloor = 0.79;

/** Different real-world things with alike names that resolution keeps apart today. */
const keptApart: [string, string, string][] = [
  ['P:adnani', 'P:julani', 'two leaders called Abu Muhammad'],
  ['P:adnani', 'P:abu-muhammad-tunisi', 'a recruiter with the same kunya'],
  ['P:ahmed-hassan', 'P:ahmad-hussein', 'Ahmed Hassan al-Jubouri and Ahmad Hussein al-Obeidi (one consonant skeleton)'],
  ['L:gaziantep', 'L:antwerp', 'Antep and Antwerp'],
  ['L:al-bab', 'L:bab-al-hawa', 'al-Bab and Bab al-Hawa'],
  ['L:tal-abyad', 'L:tal-afar', 'Tal Abyad and Tal Afar'],
  ['L:deir-ez-zor', 'L:deir-hafer', 'Deir ez-Zor and Deir Hafer'],
  ['O:amana-exchange', 'O:amal-exchange', 'Amana Exchange and Amal Exchange'],
  ['O:coalition', 'O:islamic-state', 'the Global Coalition against Daesh and Daesh'],
  ['P:samir-haddad', 'P:rania-haddad', 'Samir and Rania Haddad, though a bare "Haddad" sits in a document naming both'],
];

/** Hard negatives resolution still merges: reported, not failed, until resolution learns to keep them apart. */
const notYetApart: [string, string, string][] = [
  ['P:abu-hajer-iraqi', 'P:abu-hajer-suri', 'a bare kunya "Abu Hajer" joins them'],
  ['P:khalil-rawi', 'P:omar-rawi', 'the son "Omar Khalil al-Rawi" and his father "Khaleel al-Rawi" share two names'],
];

function mergedInOnePredictedEntity(resolved: ResolvedGoldMention[], a: string, b: string): string[] {
  const entitiesOf = (gold: string) => new Set(resolved.filter((r) => r.mention.entity === gold).map((r) => r.entityId));
  const ofB = entitiesOf(b);
  return [...entitiesOf(a)].filter((id) => ofB.has(id)).flatMap((id) => resolved.filter((r) => r.entityId === id).map((r) => `${r.mention.entity} "${r.text}"`));
}

describe('resolution corpus (eval/fixtures/resolution)', () => {
  let corpus: Corpus;
  let resolved: ResolvedGoldMention[];
  before(async () => {
    corpus = loadCorpus();
    resolved = await resolveGoldMentions(corpus);
  });

  it('holds at least 200 gold mentions of 30 entities, every one at its recorded offsets', () => {
    assert.ok(corpus.mentions.length >= 200, `${corpus.mentions.length} mentions`);
    assert.ok(new Set(corpus.mentions.map((m) => m.entity)).size >= 30);
    for (const doc of corpus.documents) for (const m of doc.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text);
  });

  it('refuses a gold file whose offsets do not fall on the recorded text', () => {
    const folder = mkdtempSync(join(tmpdir(), 'vigil-resolution-gold-'));
    try {
      cpSync(join(corpusFolder, 'documents'), join(folder, 'documents'), { recursive: true });
      const gold = JSON.parse(readFileSync(join(corpusFolder, 'gold.json'), 'utf8')) as { mentions: { start: number; end: number }[] };
      gold.mentions[3]!.start += 1;
      gold.mentions[3]!.end += 1;
      writeFileSync(join(folder, 'gold.json'), JSON.stringify(gold));
      assert.throws(() => loadCorpus(folder), /mention 3 .*gold text ".+" but the document holds/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it(`resolves gold mentions with pairwise precision ≥ ${pairwisePrecisionFloor} and recall ≥ ${pairwiseRecallFloor}`, () => {
    const { pairwise } = scoreClusters(assignmentsOf(resolved).system);
    assert.ok(pairwise.precision >= pairwisePrecisionFloor, `pairwise precision ${pairwise.precision.toFixed(3)}`);
    assert.ok(pairwise.recall >= pairwiseRecallFloor, `pairwise recall ${pairwise.recall.toFixed(3)}`);
  });

  it('does better than exact normalised string match', () => {
    const { system, baseline } = assignmentsOf(resolved);
    assert.ok(scoreClusters(system).pairwise.f1 > scoreClusters(baseline).pairwise.f1);
  });

  for (const [a, b, what] of keptApart) {
    it(`keeps apart ${what}`, () => {
      assert.deepEqual(mergedInOnePredictedEntity(resolved, a, b), []);
    });
  }
  for (const [a, b, what] of notYetApart) {
    it(`keeps apart ${a} and ${b}`, { todo: what }, () => {
      assert.deepEqual(mergedInOnePredictedEntity(resolved, a, b), []);
    });
  }
});

describe('scoreClusters', () => {
  it('scores one predicted cluster over two gold entities by pairs and by B-cubed', () => {
    const s = scoreClusters([
      { gold: 'a', predicted: 'x' },
      { gold: 'a', predicted: 'x' },
      { gold: 'b', predicted: 'x' },
    ]);
    assert.equal(s.pairwise.precision, 1 / 3);
    assert.equal(s.pairwise.recall, 1);
    assert.ok(Math.abs(s.bcubed.precision - 5 / 9) < 1e-12);
    assert.equal(s.bcubed.recall, 1);
  });

  it('scores a split of one gold entity as lost recall, not precision', () => {
    const s = scoreClusters([
      { gold: 'a', predicted: 'x' },
      { gold: 'a', predicted: 'x' },
      { gold: 'a', predicted: 'y' },
    ]);
    assert.equal(s.pairwise.precision, 1);
    assert.equal(s.pairwise.recall, 1 / 3);
  });
});
