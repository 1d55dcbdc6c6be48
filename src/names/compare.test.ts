import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareNames, compareTokens, explainComparison } from './compare.js';
import { tokeniseName } from './normalise.js';

describe('compareNames', () => {
  // Spellings of one person as the sources write them (samples/README.md, "Recurring people and spellings").
  const sameName: [string, string][] = [
    ['Mohammed Khaled', 'Muhammad Khalid'],
    ['Abou Khaled el-Tikriti', 'Abu Khalid al-Tikriti'],
    ['Abu Khalid Al Tikriti', 'Abu Khalid al-Tikriti'],
    ['Mohamad Yaseen el-Hamoud', 'Muhammad Yasin al-Hamoud'],
    ['Mohammed Yassin Al Hamoud', 'Muhammad Yasin al-Hamoud'],
    ['Abou Hamza el-Raqqaoui', 'Abu Hamza al-Raqqawi'],
    ['Abu Hamzah al-Raqawi', 'Abu Hamza al-Raqqawi'],
    ['Abdel Rahman Ibn Salim el-Dhiyabi', 'Abd al-Rahman ibn Salim al-Dhiyabi'],
    ['Abdulrahman bin Salem al-Dhiyabi', 'Abd al-Rahman ibn Salim al-Dhiyabi'],
    ['Abou Ayoub el-Furati', 'Abu Ayyub al-Furati'],
    ['Abu Ayub al-Forati', 'Abu Ayyub al-Furati'],
    ['Youssef Khalil Ahmed', 'Yusuf Khalil Ahmad'],
    ['Kais Hammad al-Tikriti', 'Qais Hamad al-Tikriti'],
    ['Abou Ibrahim al-Belgiki', 'Abu Ibrahim al-Baljiki'],
    ['Tomas Verhoeven', 'Thomas Verhoeven'],
    ['ʿAli Hasan', 'Ali Hassan'],
    ['Yıldız', 'YILDIZ'],
    // Two tokens written as one, the article fused, the kunya fused.
    ['NOOSHIN, Seid Mir Ahmad', 'NOOSHIN, Seyed Mirahmad'],
    ['Pejman Kosarayan Fard', 'Pejman Kosarayanifard'],
    ['Abu Bakr al-Baghdadi', 'Albaghdadi, Abu Bakr'],
    ['Abu Bakr al-Baghdadi', 'Abubakr Albaghdadi'],
    // Compounds in -din however written, and the Turkish form of Muhammad.
    ['Salah ad-Din', 'Salah Eddine'],
    ['Salahuddin', 'Salah ud-Din'],
    ['Nureddin Zengi', 'Nur al-Din Zengi'],
    ['Mehmet Ali', 'Muhammad Ali'],
    // Same sound (Double Metaphone) in European spellings.
    ['Stephen Walker', 'Steven Walker'],
    ['Ivan Petrov', 'Yvan Petrov'],
  ];
  for (const [query, candidate] of sameName) {
    it(`scores "${query}" against "${candidate}" at 0.9 or more`, () => {
      const { score } = compareNames(query, candidate);
      assert.ok(score >= 0.9, `score ${score}`);
    });
  }

  it('scores the same name 1, every token an exact match', () => {
    const result = compareNames('Abu Bakr al-Baghdadi', 'Abu Bakr al-Baghdadi');
    assert.equal(result.score, 1);
    assert.ok(result.matches.every((m) => m.kind === 'exact'));
    assert.deepEqual([result.unmatchedQuery, result.unmatchedCandidate], [[], []]);
  });

  it('does not depend on token order ("al-Baghdadi, Abu Bakr" vs "Abu Bakr al-Baghdadi")', () => {
    assert.equal(compareNames('al-Baghdadi, Abu Bakr', 'Abu Bakr al-Baghdadi').score, 1);
  });

  it('gives the same score whichever name is the query', () => {
    for (const [a, b] of [...sameName, ['Mehmet Emin Karaca', 'Mehmet Karaca'], ['Qais Hamad al-Tikriti', 'Abu Khalid al-Tikriti']] as const) {
      assert.equal(compareNames(a, b).score, compareNames(b, a).score, `${a} / ${b}`);
    }
  });

  it('ignores titles', () => {
    assert.equal(compareNames('Sheikh Abdullah Azzam', 'Abdullah Azzam').score, 1);
  });

  it('still scores high when a middle name is missing, and names the missing token', () => {
    const result = compareNames('Mehmet Emin Karaca', 'Mehmet Karaca');
    assert.ok(result.score >= 0.85, `score ${result.score}`);
    assert.ok(result.score < 1);
    assert.deepEqual(result.unmatchedQuery, ['emin']);
    assert.deepEqual(result.unmatchedCandidate, []);
  });

  it('matches an initial to the given name it abbreviates', () => {
    const result = compareNames('M. Emin Karaca', 'Mehmet Emin Karaca');
    assert.ok(result.score >= 0.9, `score ${result.score}`);
    assert.deepEqual(
      result.matches.find((m) => m.kind === 'initial'),
      { query: 'm', candidate: 'mehmet', similarity: 0.85, kind: 'initial' },
    );
  });

  it('does not match an initial to a name with another first letter', () => {
    const wrongInitial = compareNames('K. Emin Karaca', 'Mehmet Emin Karaca');
    assert.ok(!wrongInitial.matches.some((m) => m.kind === 'initial'));
    assert.deepEqual(wrongInitial.unmatchedQuery, ['k']);
    assert.ok(wrongInitial.score < compareNames('M. Emin Karaca', 'Mehmet Emin Karaca').score);
  });

  it('keeps Muhammad and Mahmoud, as single-token names, below 0.9', () => {
    const { score } = compareNames('Muhammad', 'Mahmoud');
    assert.ok(score < 0.9, `score ${score}`);
  });

  it('does not take Mahmoud for a spelling of Muhammad even beside a shared surname', () => {
    // Same consonant skeleton (mhmd), different syllables: brothers "Muhammad Ali" and "Mahmoud Ali" must stay two people.
    const result = compareNames('Muhammad Ali', 'Mahmoud Ali');
    assert.ok(result.score < 0.9, `score ${result.score}`);
    assert.ok(!result.matches.some((m) => m.kind === 'spelling-variant'));
  });

  it('scores 0 for "Abu Khalid" vs "Abu Hamza": only the connector matches', () => {
    const result = compareNames('Abu Khalid', 'Abu Hamza');
    assert.equal(result.score, 0);
    assert.deepEqual(result.matches.map((m) => m.query), ['abu']);
    assert.deepEqual(result.unmatchedQuery, ['khalid']);
    assert.deepEqual(result.unmatchedCandidate, ['hamza']);
  });

  it('never takes a kunya or nasab word for a name ("Abu" is not "Abud", "Bin" is not "Bina")', () => {
    assert.equal(compareTokens(tokeniseName('Abu')[0]!, tokeniseName('Abud')[0]!).similarity, 0);
    assert.equal(compareNames('Bin Hamza', 'Bina Hamza').matches.length, 1);
  });

  it('takes a typing slip for the same name (a letter dropped, two letters swapped)', () => {
    for (const [a, b] of <[string, string][]>[['Bagheri', 'Bageri'], ['Karaca', 'Karcaa'], ['Jennifer', 'Jenifre']]) {
      assert.ok(compareTokens(tokeniseName(a)[0]!, tokeniseName(b)[0]!).similarity >= 0.8, `${a} / ${b}`);
    }
  });

  it('matches two tokens written as one, and says so', () => {
    const comparison = compareNames('Hasan Ali Kaya', 'Hasanali Kaya');
    assert.ok(comparison.score >= 0.95, `score ${comparison.score}`);
    assert.deepEqual(comparison.matches.find((m) => m.kind === 'fused'), { query: 'hasan ali', candidate: 'hasanali', similarity: 1, kind: 'fused' });
    assert.equal(compareNames('Hasanali Kaya', 'Hasan Ali Kaya').score, comparison.score);
  });

  it('does not fuse tokens into a different name that merely sounds alike ("Salem Ani" is not "Salman")', () => {
    assert.equal(compareNames('Abu Salman', 'Abu Salem Ani').score, 0);
    assert.ok(compareNames('Ali Aksoy', 'Aleksei Usmonov').score < 0.7);
  });

  it('takes a name with the article fused for the same name, but only a name long enough ("Alford" is not al-Ford)', () => {
    assert.equal(compareTokens(tokeniseName('Albaghdadi')[0]!, tokeniseName('Baghdadi')[0]!).kind, 'spelling-variant');
    assert.ok(compareTokens(tokeniseName('Alford')[0]!, tokeniseName('Ford')[0]!).similarity < 0.8);
  });

  it('counts a typing slip only when the spelled forms are a slip apart too (folded Olavi and Levy are one edit apart)', () => {
    for (const [a, b] of <[string, string][]>[['Olavi', 'Levy'], ['Matthew', 'Martha'], ['Samah', 'Usama']]) {
      assert.equal(compareTokens(tokeniseName(a)[0]!, tokeniseName(b)[0]!).similarity, 0, `${a} / ${b}`);
    }
  });

  it('keeps apart short names a letter or two apart, and names that merely look alike', () => {
    for (const [a, b] of <[string, string][]>[['Emre', 'Umar'], ['Kaya', 'Kara'], ['Mary', 'Martin'], ['Mary', 'Maryam'], ['Emre', 'Amina'], ['Jones', 'John'], ['Irina', 'Shirin'], ['Mary', 'Mark'], ['Mari', 'Mura'], ['Kaya', 'Kuwayti']]) {
      assert.ok(compareTokens(tokeniseName(a)[0]!, tokeniseName(b)[0]!).similarity < 0.8, `${a} / ${b}`);
    }
  });

  it('scores 0 for a kunya spelling alone ("Abu" vs "Abou")', () => {
    assert.equal(compareNames('Abu', 'Abou').score, 0);
  });

  it('scores clearly different names low', () => {
    assert.equal(compareNames('John Smith', 'Ahmed Karimi').score, 0);
    assert.equal(compareNames('Faisal Hamad Salih', 'Abu Khalid al-Tikriti').score, 0);
    // Brothers share the family name and nothing else.
    assert.ok(compareNames('Qais Hamad al-Tikriti', 'Abu Khalid al-Tikriti').score < 0.5);
  });

  it('scores 0 when either name is empty, and lists the other side as unmatched', () => {
    const result = compareNames('', 'Abu Hamza');
    assert.equal(result.score, 0);
    assert.deepEqual(result.unmatchedCandidate, ['abu', 'hamza']);
  });

  it('ranks a closer spelling above a looser one', () => {
    assert.ok(compareNames('Khaled', 'Khalid').score > compareNames('Hamza', 'Hamid').score);
  });
});

describe('explainComparison', () => {
  it('lists exact matches by name', () => {
    assert.equal(explainComparison(compareNames('Abu Bakr al-Baghdadi', 'al-Baghdadi, Abu Bakr')), 'abu, bakr, baghdadi');
  });

  it('shows variant matches with their kind and similarity, and the tokens left unmatched', () => {
    assert.equal(
      explainComparison(compareNames('Abu Khalid Hassan', 'Abou Khaled')),
      'abu~abou (spelling-variant 0.97), khalid~khaled (spelling-variant 0.93); unmatched: hassan',
    );
  });

  it('shows an initial match', () => {
    assert.match(explainComparison(compareNames('M. Emin Karaca', 'Mehmet Emin Karaca')), /m~mehmet \(initial 0\.85\)/);
  });

  it('says only what is unmatched when nothing matches', () => {
    assert.equal(explainComparison(compareNames('John Smith', 'Ahmed Karimi')), 'unmatched: john, smith, ahmed, karimi');
  });
});
