import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldToken, nameBlockingKey, nameTokenKeys, normaliseText, skeletonKey, syllablePattern, tokeniseName } from './normalise.js';

const texts = (name: string) => tokeniseName(name).map((t) => t.text);
const folded = (name: string) => tokeniseName(name).map((t) => t.folded);

describe('normaliseText', () => {
  const cases: { behaviour: string; input: string; expected: string }[] = [
    { behaviour: 'folds full-width letters (NFKC)', input: 'Ｍｏｈａｍｍｅｄ', expected: 'mohammed' },
    { behaviour: 'folds the ﬁ ligature (NFKC)', input: 'Raﬁq', expected: 'rafiq' },
    { behaviour: 'lower-cases', input: 'ABU BAKR', expected: 'abu bakr' },
    { behaviour: 'removes diacritics', input: 'Rêzan Hacî Müller Ḥasan', expected: 'rezan haci muller hasan' },
    { behaviour: 'folds Turkish dotted İ and dotless ı to i', input: 'İbrahim Yıldız', expected: 'ibrahim yildiz' },
    { behaviour: 'drops apostrophes inside words', input: "Ja'far Mu’awiya Ma‘mun", expected: 'jafar muawiya mamun' },
    { behaviour: 'drops an acute accent typed for an apostrophe', input: 'Ja´far', expected: 'jafar' },
    { behaviour: 'drops ʿayn and hamza marks at the start of a word', input: 'ʿAli ʾAhmad', expected: 'ali ahmad' },
    { behaviour: 'drops ALA-LC ʻayn and ʼhamza marks inside words', input: 'Saʻīd Raʼs', expected: 'said ras' },
    { behaviour: 'turns every run of punctuation and spaces into one space', input: '  Abu-Bakr,  al-Baghdadi! ', expected: 'abu bakr al baghdadi' },
    { behaviour: 'keeps digits', input: 'Unit 101', expected: 'unit 101' },
    { behaviour: 'returns an empty string for punctuation only', input: ' -- ', expected: '' },
  ];
  for (const { behaviour, input, expected } of cases) {
    it(`${behaviour}: "${input}" → "${expected}"`, () => assert.equal(normaliseText(input), expected));
  }

  it('gives the same text for ʿAli, Ali and ALI', () => {
    assert.equal(normaliseText('ʿAli'), normaliseText('Ali'));
    assert.equal(normaliseText('ALI'), normaliseText('Ali'));
  });
});

describe('tokeniseName', () => {
  it('drops hyphenated article particles: "ez-Zor" and "al-Zor" give the same tokens', () => {
    assert.deepEqual(texts('Deir ez-Zor'), ['deir', 'zor']);
    assert.deepEqual(tokeniseName('Deir al-Zor'), tokeniseName('Deir ez-Zor'));
  });

  it('drops sun-letter assimilated articles ("ad-Din", "ash-Shami", "ar-Rahman")', () => {
    assert.deepEqual(texts('Salah ad-Din ash-Shami'), ['salah', 'din', 'shami']);
    assert.deepEqual(folded('Abd ar-Rahman'), ['abd', 'rahman']);
  });

  it('drops a standalone article before a name ("Abu Khalid Al Tikriti")', () => {
    assert.deepEqual(texts('Abu Khalid Al Tikriti'), ['abu', 'khalid', 'tikriti']);
  });

  it('keeps a standalone "Al" at the end of a name, as a name token', () => {
    const tokens = tokeniseName('Abu Khalid Al');
    assert.deepEqual(tokens.at(-1), { text: 'al', folded: 'al', connector: false });
  });

  it('maps Abu, Abou and Abo to one canonical connector', () => {
    for (const spelling of ['Abu', 'Abou', 'Abo']) {
      const [kunya] = tokeniseName(`${spelling} Bakr`);
      assert.deepEqual(kunya, { text: spelling.toLowerCase(), folded: 'abu', connector: true }, spelling);
    }
  });

  it('maps bin, ibn and ben to one canonical connector', () => {
    for (const spelling of ['bin', 'ibn', 'ben']) assert.deepEqual(folded(`Hamza ${spelling} Laden`), ['hamza', 'bin', 'ladan'], spelling);
  });

  it('gives Abdulrahman, Abd al-Rahman, Abdel Rahman and Abdurrahman the same folded tokens', () => {
    for (const spelling of ['Abdulrahman', 'Abd al-Rahman', 'Abdel Rahman', 'Abdurrahman', 'Abd-al-Rahman']) {
      assert.deepEqual(folded(spelling), ['abd', 'rahman'], spelling);
      assert.deepEqual(tokeniseName(spelling).map((t) => t.connector), [true, false], spelling);
    }
  });

  it('reads abd with an assimilated article as abd ("Abdur Rauf", "Abdus Salam" = Abd al-…)', () => {
    assert.deepEqual(folded('Abdur Rauf'), folded('Abdul Rauf'));
    assert.deepEqual(folded('Abdussalam'), ['abd', 'salam']);
  });

  it('ends every way of writing a -din compound in the token "din" (ad-Din, Eddine, uddin, el-Din)', () => {
    for (const name of ['Salah ad-Din', 'Salah Eddine', 'Salahuddin', 'Salah el-Din', 'Salah Uddin']) assert.deepEqual(folded(name), ['sala', 'din'], name);
  });

  it('keeps names that merely end in -din or begin with Din whole', () => {
    assert.deepEqual(folded('Dinah Aldin'), ['dina', 'din']);
    assert.deepEqual(folded('Baldwin'), ['baldwin']);
  });

  it('splits a kunya written fused with the name ("Abubakr", "Aboubakar" = Abu Bakr)', () => {
    assert.deepEqual(folded('Abubakr'), ['abu', 'bakr']);
    assert.deepEqual(tokeniseName('Aboubakar').map((t) => t.connector), [true, false]);
  });

  it('keeps Abdullah whole instead of splitting it into abd + "llah"', () => {
    assert.deepEqual(tokeniseName('Abdullah'), [{ text: 'abdullah', folded: 'abdula', connector: false }]);
  });

  it('drops titles', () => {
    assert.deepEqual(texts('Sheikh Abdullah Azzam'), ['abdullah', 'azzam']);
    assert.deepEqual(texts('Dr. Ayman al-Zawahiri'), ['ayman', 'zawahiri']);
    assert.deepEqual(texts('Mullah Omar'), ['omar']);
  });

  it('returns no tokens for an empty name or a title alone', () => {
    assert.deepEqual(tokeniseName(''), []);
    assert.deepEqual(tokeniseName('Mr.'), []);
  });
});

describe('foldToken', () => {
  it('folds Mohammed, Muhammad, Mohamad and Muhammed to one spelling', () => {
    for (const spelling of ['mohammed', 'muhammad', 'mohamad', 'muhammed']) assert.equal(foldToken(spelling), 'muhamad', spelling);
  });

  it('keeps Mahmoud distinct from Muhammad', () => {
    assert.equal(foldToken('mahmoud'), 'mahmud');
    assert.notEqual(foldToken('mahmoud'), foldToken('muhammad'));
  });

  const cases: [string, string, string][] = [
    ['youssef', 'yousef', 'ou/oo → u, e → a, doubled letters collapsed'],
    ['hussein', 'husayn', 'ei → ay'],
    ['qasim', 'kasim', 'q → k'],
    ['kais', 'qais', 'ai → ay and q → k'],
    ['hamzah', 'hamza', 'final -ah → -a'],
    ['raqqa', 'raka', 'doubled letters collapsed'],
  ];
  for (const [a, b, rule] of cases) {
    it(`folds "${a}" and "${b}" together (${rule})`, () => assert.equal(foldToken(a), foldToken(b)));
  }

  it('turns ph into f and a final -y into -i', () => {
    assert.equal(foldToken('philip'), 'filip');
    assert.equal(foldToken('rashidy'), 'rashidi');
  });
});

describe('skeletonKey', () => {
  const cases: [string, string][] = [
    ['khalid', 'hlt'],
    ['khalad', 'hlt'],
    ['thamir', 'tmr'],
    ['dhiyabi', 'tp'],
    ['ghamdi', 'kmt'],
    ['umar', 'amr'],
    ['ibrahim', 'aprhm'],
    ['yusaf', 'ysf'],
    ['aleksandr', 'alksntr'],
    ['alexander', 'alksntr'],
    ['pavlichenko', 'plchnk'],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    it(`keys "${input}" as "${expected}"`, () => assert.equal(skeletonKey(input), expected));
  }

  it('groups Khalid and Khaled under one key', () => {
    assert.equal(skeletonKey(foldToken('khalid')), skeletonKey(foldToken('khaled')));
  });

  it('turns any initial vowel into "a", so Omar and Umar meet', () => {
    assert.equal(skeletonKey(foldToken('omar')), skeletonKey(foldToken('umar')));
    assert.equal(skeletonKey('emin')[0], 'a');
  });
});

describe('syllablePattern', () => {
  it('places the vowels among the consonants, runs of vowels as one', () => {
    assert.equal(syllablePattern('khalid'), 'cvcvc');
    assert.equal(syllablePattern('huasayn'), 'cvcvc');
  });

  it('agrees for spellings of one name and differs for names sharing consonants only', () => {
    assert.equal(syllablePattern(foldToken('khaled')), syllablePattern(foldToken('khalid')));
    assert.equal(syllablePattern(foldToken('thamer')), syllablePattern(foldToken('tamir')));
    assert.notEqual(syllablePattern(foldToken('emre')), syllablePattern(foldToken('umar')));
    assert.notEqual(syllablePattern(foldToken('mahmoud')), syllablePattern(foldToken('muhammad')));
  });
});

describe('nameTokenKeys', () => {
  it('lets "Mehmet Emin Karaca" and "M. Emin Karaca" meet under karaca', () => {
    const full = nameTokenKeys('Mehmet Emin Karaca');
    const initial = nameTokenKeys('M. Emin Karaca');
    assert.ok(full.includes('krc'));
    assert.ok(initial.includes('krc'));
  });

  it('skips a bare initial', () => {
    assert.deepEqual(nameTokenKeys('M. Emin Karaca'), ['amn', 'krc']);
  });

  it('never keys on connectors such as abu', () => {
    assert.deepEqual(nameTokenKeys('Abu Hamza'), ['hms']);
    assert.deepEqual(nameTokenKeys('Abu'), []);
  });

  it('lists each key once', () => {
    assert.deepEqual(nameTokenKeys('Hassan Hasan'), ['hsn']);
  });
});

describe('nameBlockingKey', () => {
  it('gives "al-Baghdadi, Abu Bakr" and "Abu Bakr al-Baghdadi" the same key', () => {
    assert.equal(nameBlockingKey('al-Baghdadi, Abu Bakr'), nameBlockingKey('Abu Bakr al-Baghdadi'));
    assert.equal(nameBlockingKey('Abu Bakr al-Baghdadi'), 'pkr pkt');
  });

  it('falls back to the connectors when a name holds nothing else', () => {
    assert.equal(nameBlockingKey('Abou'), nameBlockingKey('Abu'));
    assert.notEqual(nameBlockingKey('Abu'), '');
  });
});
