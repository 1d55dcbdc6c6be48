// Names in Arabic prose. Arabic script has no capitals, so a sentence is one unbroken run of "name-like" words; the
// names in it are found from anchors instead: a kunya (أبو بكر, أم سياف) or a common given name (خالد, فاطمة) with
// the name words that follow it (a second name, ibn/bin and a father's name, nisbas such as البغدادي), and places
// the gazetteer knows as written (الرقة, دير الزور), with a leading "and", "in", "to" or "so" taken off (بالرقة).
// Precision over recall, as in the Latin rules: a lone given name, or a run no anchor explains, is left out.
import { linkPlace } from '../gazetteer/index.js';

export interface ArabicToken {
  text: string;
  start: number;
  end: number;
}

export interface ArabicProseName {
  type: 'PERSON' | 'LOCATION' | 'ORG';
  start: number;
  end: number;
  confidence: number;
  method: 'rule:arabic-kunya' | 'rule:arabic-given-name' | 'rule:arabic-place' | 'rule:arabic-script-org';
}

// First words of Arabic-script organisation names: foundation, front, party, army, brigade(s), battalion, movement,
// bank (two words), company, ministry, state, organisation, association, forces, commission, office, council, network.
export const arabicOrgWords = new Set([
  'مؤسسة', 'جبهة', 'حزب', 'جيش', 'لواء', 'كتائب', 'كتيبة', 'حركة', 'بنك', 'مصرف', 'شركة', 'وزارة', 'الدولة', 'دولة', 'تنظيم',
  'جمعية', 'منظمة', 'قوات', 'هيئة', 'مكتب', 'مجلس', 'شبكة', 'جماعة',
]);

const kunyas = new Set(['أبو', 'ابو', 'أبي', 'ابي', 'أبا', 'ابا', 'أم', 'ام']);
const sonOf = new Set(['بن', 'ابن', 'بنت']);

/**
 * Common Arabic given names (and the first halves of compounds: عبد الله, عبد الرحمن), as written; enough for
 * the names of a haul's people to be anchored, not a census.
 */
const givenNames = new Set([
  'محمد', 'أحمد', 'احمد', 'محمود', 'مصطفى', 'علي', 'عمر', 'عثمان', 'خالد', 'حسن', 'حسين', 'إبراهيم', 'ابراهيم', 'يوسف', 'يونس',
  'موسى', 'عيسى', 'سليمان', 'داود', 'إسماعيل', 'اسماعيل', 'يعقوب', 'صالح', 'سالم', 'سعيد', 'سعد', 'فهد', 'فيصل', 'طلال', 'ماجد',
  'نادر', 'ناصر', 'منصور', 'جمال', 'كمال', 'عادل', 'عماد', 'رامي', 'سامي', 'هاني', 'وليد', 'زياد', 'زيد', 'طارق', 'ياسر', 'ياسين',
  'أنس', 'انس', 'بلال', 'حمزة', 'جعفر', 'عباس', 'قاسم', 'كريم', 'رشيد', 'مراد', 'هشام', 'وائل', 'أسامة', 'اسامة', 'معاذ', 'مهند',
  'مازن', 'باسل', 'بشار', 'بكر', 'عامر', 'عمار', 'عمرو', 'مالك', 'حامد', 'حمد', 'راشد', 'سيف', 'عدي', 'قصي', 'جاسم', 'جابر',
  'حارث', 'حازم', 'حيدر', 'رضا', 'شريف', 'صلاح', 'ضياء', 'عبد', 'عبيد', 'عدنان', 'عزام', 'عصام', 'غسان', 'فارس', 'فراس', 'لؤي',
  'ماهر', 'مروان', 'مصعب', 'نبيل', 'نزار', 'نور', 'هادي', 'همام', 'يحيى', 'أيمن', 'ايمن', 'أيوب', 'ايوب', 'إياد', 'اياد', 'ثامر',
  'فاطمة', 'عائشة', 'خديجة', 'مريم', 'زينب', 'سارة', 'ليلى', 'هدى', 'ريم', 'سلمى', 'رنا', 'آمنة', 'امنة', 'أسماء', 'اسماء', 'حفصة',
  'سمية', 'رقية', 'نادية', 'هند', 'سعاد', 'منى', 'وفاء', 'أمل', 'امل',
]);

/** Words that end a name: prepositions, particles, pronouns, and the verbs of reporting and meeting around names. */
const stopWords = new Set([
  'في', 'من', 'إلى', 'الى', 'على', 'عن', 'مع', 'إن', 'ان', 'أن', 'أنه', 'انه', 'قال', 'قالت', 'التقى', 'التقت', 'وصل', 'وصلت', 'الذي',
  'التي', 'الذين', 'يوم', 'بعد', 'قبل', 'عند', 'هو', 'هي', 'هم', 'كان', 'كانت', 'قد', 'لقد', 'ثم', 'أو', 'او', 'لا', 'لم', 'لن', 'ما',
  'هذا', 'هذه', 'ذلك', 'تلك', 'حيث', 'حتى', 'منذ', 'خلال', 'بين', 'أمام', 'امام', 'وراء', 'فوق', 'تحت', 'أيضا', 'ايضا', 'كل', 'بعض',
  'أرسل', 'ارسل', 'دفع', 'أعلن', 'اعلن', 'أكد', 'اكد', 'ذكر', 'أضاف', 'اضاف', 'نفى', 'طلب', 'زعيم', 'أمير', 'امير', 'قائد',
  // Days and times, which follow names as nisbas do: "وصل خالد اليوم" (Khalid arrived today).
  'اليوم', 'أمس', 'امس', 'الأمس', 'غدا', 'الآن', 'صباح', 'مساء', 'ليلة', 'السبت', 'الأحد', 'الاحد', 'الاثنين', 'الإثنين', 'الثلاثاء',
  'الأربعاء', 'الاربعاء', 'الخميس', 'الجمعة', 'صباحا', 'ظهرا', 'فجرا',
]);

/** A family name written without the article (حداد, كنعان): a plain word that does not read as a verb or particle. */
const isPlainFamilyName = (word: string) => word.length >= 3 && !stopWords.has(word) && !/^(?:ي|ت|ن|سي|ست|سن|ال|و)/.test(word) && !arabicOrgWords.has(word);

/** "and", "in/with", "to", "so", "like" written onto the next word. */
const proclitics = /^(?:و|ف)?(?:ب|ل|ك)?/;

/** The word as it would stand alone: its conjunction or preposition taken off, when what is left is a word. */
function bare(word: string): string {
  const stripped = word.replace(proclitics, '');
  return stripped.length >= 2 ? stripped : word;
}

/** A place the gazetteer knows as written in Arabic script, of one to three words starting at `at`: its length in words, and the length of the proclitic before it. */
function placeAt(tokens: readonly ArabicToken[], at: number): { words: number; offset: number } | null {
  for (let n = Math.min(3, tokens.length - at); n >= 1; n--) {
    const words = tokens.slice(at, at + n).map((t) => t.text);
    for (const first of new Set([words[0]!, bare(words[0]!)])) {
      if (stopWords.has(first)) continue;
      const name = [first, ...words.slice(1)].join(' ');
      const place = linkPlace(name);
      // Only as written, not by a transliteration that happens to meet a Latin name (القتال, "the fighting": Kaithal).
      if (place && place.matchedName === name) return { words: n, offset: words[0]!.length - first.length };
    }
  }
  return null;
}

/** A nisba or laqab after a name: al- and an adjective of origin or family, ending in -i (البغدادي, القحطاني). */
const isNisba = (word: string) => /^ال\p{L}{2,}(?:ي|ية)$/u.test(word) && !stopWords.has(word);

/** The end (exclusive) of the name words after an anchor at `at`: second names, ibn/bin chains and nisbas. */
function nameEnd(tokens: readonly ArabicToken[], at: number, anchoredByKunya: boolean): number {
  let j = at + 1;
  // The kunya's own name (أبو بكر), or a compound's second half (عبد الله, عبد الرحمن).
  if ((anchoredByKunya || tokens[at]!.text === 'عبد') && j < tokens.length && !stopWords.has(tokens[j]!.text) && !kunyas.has(tokens[j]!.text)) j++;
  let extra = 0;
  while (j < tokens.length && extra < 3) {
    const word = tokens[j]!.text;
    if (sonOf.has(word) && j + 1 < tokens.length && !stopWords.has(tokens[j + 1]!.text)) {
      j += 2;
      extra++;
    } else if (givenNames.has(word) && !anchoredByKunya && extra === 0 && j === at + 1) {
      j++; // a father's name after the given name: "محمد أحمد"
      extra++;
    } else if (isNisba(word) && !placeAt(tokens, j)) {
      j++;
      extra++;
    } else if (!anchoredByKunya && extra === 0 && j === at + 1 && isPlainFamilyName(word) && !placeAt(tokens, j)) {
      j++; // "ليلى حداد"
      extra++;
    } else break;
  }
  return j;
}

/** Persons and places in a run of Arabic-script words (a sentence or part of one), in text order. */
export function findArabicProseNames(tokens: readonly ArabicToken[]): ArabicProseName[] {
  const out: ArabicProseName[] = [];
  let i = 0;
  while (i < tokens.length) {
    const word = tokens[i]!.text;
    const bareWord = bare(word);
    // An organisation word and the name after it, up to a particle or verb (مؤسسة نور الخير الخيرية).
    if (arabicOrgWords.has(word) || arabicOrgWords.has(bareWord)) {
      let end = i + 1;
      while (end < tokens.length && end - i < 5 && !stopWords.has(tokens[end]!.text) && !placeAt(tokens, end)) end++;
      if (end > i + 1) {
        out.push({ type: 'ORG', start: tokens[i]!.start + (arabicOrgWords.has(word) ? 0 : word.length - bareWord.length), end: tokens[end - 1]!.end, confidence: 0.75, method: 'rule:arabic-script-org' });
        i = end;
        continue;
      }
    }
    if (kunyas.has(word) || kunyas.has(bareWord)) {
      const end = nameEnd(tokens, i, true);
      if (end > i + 1) {
        const offset = kunyas.has(word) ? 0 : word.length - bareWord.length;
        out.push({ type: 'PERSON', start: tokens[i]!.start + offset, end: tokens[end - 1]!.end, confidence: 0.8, method: 'rule:arabic-kunya' });
        i = end;
        continue;
      }
    }
    const given = givenNames.has(word) ? word : givenNames.has(bareWord) ? bareWord : null;
    if (given) {
      const end = nameEnd(tokens, i, false);
      // A given name alone is too often a word (نور, light; أمل, hope): it needs a second name word.
      const words = end - i - (given === 'عبد' ? 1 : 0);
      if (words >= 2) {
        out.push({ type: 'PERSON', start: tokens[i]!.start + (word.length - given.length), end: tokens[end - 1]!.end, confidence: 0.7, method: 'rule:arabic-given-name' });
        i = end;
        continue;
      }
    }
    const place = placeAt(tokens, i);
    if (place) {
      out.push({ type: 'LOCATION', start: tokens[i]!.start + place.offset, end: tokens[i + place.words - 1]!.end, confidence: 0.8, method: 'rule:arabic-place' });
      i += place.words;
      continue;
    }
    i++;
  }
  return out;
}

/** Whether a run of Arabic-script words reads as prose (a verb or particle in it, or too long for one name). */
export function isArabicProse(words: readonly string[]): boolean {
  return words.length > 4 || words.some((w) => stopWords.has(w));
}
