import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokeniseName } from './normalise.js';
import { detectScript, transliterate } from './transliterate.js';

type Case = { behaviour: string; input: string; expected: string };

function table(cases: Case[]): void {
  for (const { behaviour, input, expected } of cases) {
    it(`${behaviour}: "${input}" → "${expected}"`, () => assert.equal(transliterate(input), expected));
  }
}

describe('transliterate: Latin and unknown scripts', () => {
  table([
    { behaviour: 'leaves a Latin name as it is', input: 'Abu Bakr al-Baghdadi', expected: 'Abu Bakr al-Baghdadi' },
    { behaviour: 'keeps Latin diacritics (normaliseText strips them later)', input: 'Ḥasan Müller Yıldız Ştefan', expected: 'Ḥasan Müller Yıldız Ştefan' },
    { behaviour: 'keeps apostrophes, ʿayn marks and punctuation', input: "Ja'far ʿAli, O'Brien (Jr.)", expected: "Ja'far ʿAli, O'Brien (Jr.)" },
    { behaviour: 'keeps an empty string empty', input: '', expected: '' },
    { behaviour: 'leaves Chinese alone', input: '李小龍', expected: '李小龍' },
    { behaviour: 'leaves Hebrew alone', input: 'אברהם', expected: 'אברהם' },
    { behaviour: 'leaves Bengali alone', input: 'ইসলাম', expected: 'ইসলাম' },
  ]);

  it('returns the very same string for Latin input', () => {
    const name = 'Mohammed ibn Salman Āl Saʿūd';
    assert.equal(transliterate(name), name);
  });
});

describe('transliterate: Arabic letters', () => {
  // Each letter alone, as a one-letter word: the consonant table and the word-initial values of the vowel letters.
  const letters: [string, string][] = [
    ['ا', 'a'], ['ب', 'b'], ['ت', 't'], ['ث', 'th'], ['ج', 'j'], ['ح', 'h'], ['خ', 'kh'], ['د', 'd'], ['ذ', 'dh'],
    ['ر', 'r'], ['ز', 'z'], ['س', 's'], ['ش', 'sh'], ['ص', 's'], ['ض', 'd'], ['ط', 't'], ['ظ', 'z'], ['ع', 'a'],
    ['غ', 'g'], ['ف', 'f'], ['ق', 'q'], ['ك', 'k'], ['ل', 'l'], ['م', 'm'], ['ن', 'n'], ['ه', 'h'], ['و', 'w'], ['ي', 'y'],
    ['پ', 'p'], ['چ', 'ch'], ['ژ', 'zh'], ['گ', 'g'], ['ک', 'k'], ['ی', 'y'], ['ۆ', 'o'], ['ێ', 'e'], ['ڤ', 'v'],
  ];
  for (const [letter, latin] of letters) {
    it(`writes ${letter} as "${latin}"`, () => assert.equal(transliterate(letter), latin));
  }
});

describe('transliterate: Arabic names', () => {
  table([
    { behaviour: 'writes a full name with kunya and article', input: 'أبو بكر البغدادي', expected: 'abu bakr al-baghdadi' },
    { behaviour: 'writes nasab bin', input: 'أسامة بن لادن', expected: 'usama bin laden' },
    { behaviour: 'splits a fused abd-compound at its article', input: 'عبدالرحمن', expected: 'abd al-rahman' },
    { behaviour: 'writes the two-word Abdullah as one word', input: 'عبد الله', expected: 'abdullah' },
    { behaviour: 'writes the fused Abdullah', input: 'عبدالله', expected: 'abdullah' },
    { behaviour: 'keeps a fused -allah compound fused', input: 'نصرالله', expected: 'nasrallah' },
    { behaviour: 'splits a fused ad-Din compound', input: 'نورالدين', expected: 'nur al-din' },
    { behaviour: 'writes the article as al- before a moon letter', input: 'القاسمي', expected: 'al-qasmi' },
    { behaviour: 'writes the article as al- before a sun letter', input: 'الشمري', expected: 'al-shamri' },
    { behaviour: 'does not take a two-letter word for the article', input: 'ال', expected: 'al' },
    { behaviour: 'writes و between consonants as the vowel u in Arabic words', input: 'منصور', expected: 'mansur' },
    { behaviour: 'writes و after a long a as w', input: 'داود الحوراني', expected: 'dawud al-hurani' },
    { behaviour: 'writes ي before a long a after a consonant as i', input: 'زياد', expected: 'ziad' },
    { behaviour: 'writes ي after a hamza-seat vowel as y', input: 'الأيوبي', expected: 'al-ayubi' },
    { behaviour: 'writes ʿayn before a consonant as a', input: 'جعفر', expected: 'jafar' },
    { behaviour: 'drops ʿayn next to a long a', input: 'عادل', expected: 'adal' },
    { behaviour: 'writes غ as gh in an Arabic word', input: 'الغامدي', expected: 'al-ghamdi' },
    { behaviour: 'writes غ as g in a foreign name', input: 'هامبورغ', expected: 'hamborg' },
    { behaviour: 'writes تش as ch in a foreign name', input: 'ريتشارد', expected: 'richard' },
    { behaviour: 'writes a foreign -ng ending', input: 'أرمسترونغ', expected: 'armstrong' },
    { behaviour: 'vowels a word-initial consonant pair in an Arabic word', input: 'حسن', expected: 'hasan' },
    { behaviour: 'keeps a foreign initial cluster, and no vowel after a diphthong', input: 'براون', expected: 'brawn' },
    { behaviour: 'writes a Persian name', input: 'چمران', expected: 'chamran' },
    { behaviour: 'writes Persian ی like ي, drops the zero-width non-joiner, writes a final ه as e', input: 'علی\u200cزاده', expected: 'alizade' },
    { behaviour: 'writes Kurdish vowel letters', input: 'ڕۆژ', expected: 'rozh' },
    { behaviour: 'writes ڤ as v', input: 'ڤيان', expected: 'vian' },
  ]);
});

describe('transliterate: hamza, taa marbuta, alif maqsura, shadda', () => {
  table([
    { behaviour: 'writes initial أ as a', input: 'أحمد', expected: 'ahmad' },
    { behaviour: 'writes initial إ as i', input: 'إبراهيم', expected: 'ibrahim' },
    { behaviour: 'writes initial آ as a', input: 'آمنة', expected: 'amna' },
    { behaviour: 'writes medial أ as a', input: 'مأمون', expected: 'mamon' },
    { behaviour: 'writes ؤ as u', input: 'فؤاد', expected: 'fuad' },
    { behaviour: 'writes ئ before ي as nothing after a long vowel', input: 'ميخائيل', expected: 'mikhail' },
    { behaviour: 'writes ئ elsewhere as i', input: 'فائز', expected: 'faiz' },
    { behaviour: 'writes a final ء after alif as nothing', input: 'وفاء', expected: 'wafa' },
    { behaviour: 'writes a hamza made of alif + combining hamza like أ', input: 'ا\u0654حمد', expected: 'ahmad' },
    { behaviour: 'writes a final taa marbuta as a', input: 'طلحة', expected: 'talha' },
    { behaviour: 'writes taa marbuta in a longer name as a', input: 'خديجة', expected: 'khadija' },
    { behaviour: 'writes alif maqsura as a', input: 'سلمى', expected: 'salma' },
    { behaviour: 'doubles a consonant under shadda', input: 'حسّان', expected: 'hassan' },
    { behaviour: 'makes ي under shadda a double consonant', input: 'سيّد', expected: 'sayyed' },
    { behaviour: 'reads a final ـيّ as -i', input: 'عليّ', expected: 'ali' },
  ]);
});

describe('transliterate: marks, tatweel, digits, presentation forms', () => {
  table([
    { behaviour: 'reads fatha, kasra, damma and shadda as written', input: 'مُحَمَّد', expected: 'muhammad' },
    { behaviour: 'reads a damma + و as one long u', input: 'يُوسُف', expected: 'yusuf' },
    { behaviour: 'reads fatha + ي + sukun as the diphthong ay', input: 'زَيْنَب', expected: 'zaynab' },
    { behaviour: 'reads fatha on each consonant', input: 'حَسَن', expected: 'hasan' },
    { behaviour: 'drops the case ending on the last letter', input: 'مُحَمَّدٌ', expected: 'muhammad' },
    { behaviour: 'reads tanwin fath before a final alif as -an', input: 'شُكْرًا', expected: 'shukran' },
    { behaviour: 'drops the sun-letter doubling after a written-out al-', input: 'الشَّمْس', expected: 'al-shams' },
    { behaviour: 'removes tatweel', input: 'محـــمد', expected: 'muhammad' },
    { behaviour: 'removes tatweel inside any word', input: 'بـكر', expected: 'bakr' },
    { behaviour: 'writes Arabic-Indic digits', input: '٢٠١٩', expected: '2019' },
    { behaviour: 'writes Persian digits', input: '۱۳۹۸', expected: '1398' },
    { behaviour: 'writes Arabic punctuation', input: 'علي، حسن؟', expected: 'ali, hasan?' },
    { behaviour: 'reads presentation forms (NFKC)', input: 'ﻣﺤﻤﺪ', expected: 'muhammad' },
    { behaviour: 'drops direction marks around a name', input: '\u200fمحمد\u200f', expected: 'muhammad' },
  ]);
});

describe('transliterate: mixed scripts', () => {
  table([
    { behaviour: 'transliterates only the Arabic part', input: 'Ali محمد', expected: 'Ali muhammad' },
    { behaviour: 'keeps Latin in brackets next to Arabic', input: 'أحمد (Ahmed)', expected: 'ahmad (Ahmed)' },
    { behaviour: 'handles Cyrillic and Latin in one string', input: 'Ангела Меркель (Angela)', expected: 'Angela Merkel (Angela)' },
    { behaviour: 'handles Greek, Arabic and Cyrillic in one string', input: 'Χρήστος / خالد / Жуков', expected: 'Christos / khalad / Zhukov' },
  ]);
});

describe('transliterate: Cyrillic (ICAO 9303)', () => {
  table([
    { behaviour: 'writes the Russian alphabet', input: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя', expected: 'abvgdeezhziiklmnoprstufkhtschshshchieyeiuia' },
    { behaviour: 'writes capitals as capitals', input: 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ', expected: 'ABVGDEEZHZIIKLMNOPRSTUFKHTSCHSHSHCHIEYEIUIA' },
    { behaviour: 'title-cases a digraph at the start of a word', input: 'Жуков', expected: 'Zhukov' },
    { behaviour: 'upper-cases a digraph in an upper-case word', input: 'ЖУКОВ', expected: 'ZHUKOV' },
    { behaviour: 'writes щ as shch', input: 'Щукин', expected: 'Shchukin' },
    { behaviour: 'writes ю, я and й as iu, ia and i', input: 'Юрий Яковлев', expected: 'Iurii Iakovlev' },
    { behaviour: 'writes ё as e and х as kh', input: 'Хрущёв', expected: 'Khrushchev' },
    { behaviour: 'writes ъ as ie', input: 'Подъячев', expected: 'Podieiachev' },
    { behaviour: 'omits ь', input: 'Игорь', expected: 'Igor' },
    { behaviour: 'writes Ukrainian є, ї and ґ', input: 'Євген Їжак Ґонта', expected: 'Ievgen Izhak Gonta' },
    { behaviour: 'writes Serbian ђ, ћ, љ and џ', input: 'Ђоковић Љубљана Џеко', expected: 'Dokovic Ljubljana Dzeko' },
    { behaviour: 'composes a decomposed й first', input: 'И\u0306о', expected: 'Io' },
  ]);
});

describe('transliterate: Greek (ELOT 743)', () => {
  table([
    { behaviour: 'writes a name with ου and accents', input: 'Γεώργιος Παπαδόπουλος', expected: 'Georgios Papadopoulos' },
    { behaviour: 'writes ευ before a vowel as ev and γγ as ng', input: 'Ευάγγελος', expected: 'Evangelos' },
    { behaviour: 'writes ευ before a voiceless consonant as ef', input: 'Ευθύμιος', expected: 'Efthymios' },
    { behaviour: 'writes αυ before a voiced consonant as av', input: 'Αύγουστος', expected: 'Avgoustos' },
    { behaviour: 'writes an initial μπ as b', input: 'Μπακογιάννης', expected: 'Bakogiannis' },
    { behaviour: 'writes a medial μπ as mp', input: 'Λαμπράκης', expected: 'Lamprakis' },
    { behaviour: 'writes ντ as nt', input: 'Ντόρα', expected: 'Ntora' },
    { behaviour: 'writes θ, χ, ψ, ξ, η and ω', input: 'Θεοδωράκης Χρήστος Ψαρρός Ξενοφών', expected: 'Theodorakis Christos Psarros Xenofon' },
    { behaviour: 'keeps a diaeresis from forming a digraph', input: 'Ταΰγετος', expected: 'Taygetos' },
    { behaviour: 'writes an upper-case name', input: 'ΠΑΠΑΔΟΠΟΥΛΟΣ ΧΡΗΣΤΟΣ', expected: 'PAPADOPOULOS CHRISTOS' },
    { behaviour: 'reads polytonic letters', input: 'Ἀλέξανδρος Ἰωάννης', expected: 'Alexandros Ioannis' },
    { behaviour: 'composes a decomposed accent first', input: 'Ευ\u0301α', expected: 'Eva' },
  ]);
});

describe('transliterate: properties', () => {
  const arabicAlphabet = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئةىپچژگکیۆێڤ';
  const cyrillicAlphabet = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўѓђѕјљњћќџ';
  const greekAlphabet = 'αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ';

  it('leaves no Arabic, Cyrillic or Greek letter behind', () => {
    const words = [...arabicAlphabet].map((letter, i) => letter + arabicAlphabet[(i * 7) % arabicAlphabet.length] + 'ا' + letter);
    const text = [...words, cyrillicAlphabet, cyrillicAlphabet.toUpperCase(), greekAlphabet, greekAlphabet.toUpperCase()].join(' ');
    const out = transliterate(text);
    assert.doesNotMatch(out, /[\u0370-\u03ff\u0400-\u052f\u0600-\u06ff]/u, out);
  });

  it('gives Latin output that transliterate leaves unchanged', () => {
    for (const name of ['أبو بكر البغدادي', 'Жуков', 'Ευάγγελος', 'مُحَمَّد']) {
      const once = transliterate(name);
      assert.equal(transliterate(once), once);
    }
  });

  it('lets an Arabic-script name meet its Latin spelling after tokenising', () => {
    const folded = (name: string) => tokeniseName(name).map((token) => token.folded);
    assert.deepEqual(folded(transliterate('أبو بكر البغدادي')), folded('Abu Bakr al-Baghdadi'));
    assert.deepEqual(folded(transliterate('عبدالرحمن')), folded('Abdulrahman'));
    assert.deepEqual(folded(transliterate('أسامة بن لادن')), folded('Usama bin Laden'));
  });
});

describe('detectScript', () => {
  const cases: [string, string][] = [
    ['Abu Bakr', 'latin'],
    ['Müller', 'latin'],
    ['أبو بكر', 'arabic'],
    ['Жуков', 'cyrillic'],
    ['Χρήστος', 'greek'],
    ['李小龍', 'other'],
    ['Ali محمد', 'mixed'],
    ['٢٠١٩ - 42', 'none'],
    ['', 'none'],
  ];
  for (const [text, script] of cases) {
    it(`finds "${text}" to be ${script}`, () => assert.equal(detectScript(text), script));
  }
});
