// Name normalisation shared by resolution and screening: one tokeniser for every name in Vigil.
// The rules here fold the spelling differences that romanised Arabic names show across sources
// (particles al-/el-/ez-, kunya abu/abou, nasab bin/ibn/ben, abd-compounds) without guessing identity.
import { doubleMetaphone } from 'double-metaphone';
import { transliterate } from './transliterate.js';

/** NFKC and lower case. The acute accent ´, often typed for ʿayn, becomes an apostrophe first: NFKC would make it a space. */
function compatibilityLowerCase(text: string): string {
  // Arabic, Cyrillic and Greek script become Latin first, so that every comparison and key sees one script.
  return transliterate(text.replace(/´/g, "'").normalize('NFKC')).toLocaleLowerCase('en');
}

/** Lower-case, NFKC, diacritics removed, every non-letter/digit run turned into one space. */
export function normaliseText(text: string): string {
  return compatibilityLowerCase(text)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    // Unicode counts the ʿayn/hamza marks ʿ ʾ ʻ ʼ as letters (Lm), so they go wherever they stand: "ʿAli" → "ali".
    .replace(/[ʻʼʽʾʿ]/gu, '')
    // Apostrophes vanish inside words: "Ja'far" → "jafar", "Mu'awiya" → "muawiya".
    .replace(/(?<=\p{L})['’‘`](?=\p{L})/gu, '')
    // Turkish dotless ı has no decomposition to strip: without this "Yıldız" never meets "YILDIZ".
    .replace(/ı/g, 'i')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The Arabic definite article and its sun-letter assimilations ("ez-Zor", "ad-Din", "ash-Shami"). */
const hyphenatedArticle =
  /(?<![\p{L}\p{N}])(al|el|ul|il|ad|ed|ud|adh|as|es|us|ash|esh|at|et|ath|az|ez|uz|ar|er|ur|an|en|un)[-‐‑–](?=\p{L})/gu;
/** Standalone article spellings that are never names themselves ("Abu Khalid Al Tikriti"). */
const standaloneArticles = new Set(['al', 'el', 'ad', 'ed', 'ud', 'adh', 'as', 'ash', 'at', 'ath', 'az', 'ez', 'ul']);
const titles = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sheikh', 'shaykh', 'sheik', 'shaikh', 'haji', 'hajji', 'hajj', 'haci', 'hadji', 'sayyid',
  'sayed', 'mullah',
]);
/** Kunya (abu, umm) and nasab (bin, bint) spellings mapped to one canonical token. */
const kinshipTokens = new Map<string, string>([
  ['abu', 'abu'], ['abou', 'abu'], ['abo', 'abu'], ['aboo', 'abu'], ['abi', 'abu'],
  ['umm', 'um'], ['um', 'um'], ['oum', 'um'], ['om', 'um'],
  ['bin', 'bin'], ['ibn', 'bin'], ['ben', 'bin'], ['bn', 'bin'], ['ebn', 'bin'],
  ['bint', 'bint'], ['binte', 'bint'],
  ['abd', 'abd'], ['abdul', 'abd'], ['abdel', 'abd'], ['abdal', 'abd'], ['abdol', 'abd'], ['abdoul', 'abd'], ['abdil', 'abd'],
  // abd with the article assimilated to a sun letter: Abdur Rauf, Abdus Salam, Abdun Nasir (= Abd al-…).
  ['abdur', 'abd'], ['abdus', 'abd'], ['abdun', 'abd'], ['abdush', 'abd'], ['abduz', 'abd'], ['abduth', 'abd'],
]);
/** Whole names that merely look like abd-compounds: "Abdullah" is one name, not abd + "llah". */
const abdWholeNames = new Set(['abdullah', 'abdallah', 'abdulla', 'abdalla', 'abdellah', 'abdollah']);
const abdPrefix = /^(abdul|abdel|abdal|abdol|abdoul|abdil|abdur|abdus|abdun|abdush|abduz|abdu|abd)(\p{L}{3,})$/u;
/**
 * The second half of a compound in -din ("religion"), however it is written: Salah ad-Din, Salah Eddine, Salahuddin,
 * Nureddin, Salah el-Din all end in the token "din" (the hyphenated article is dropped before this).
 */
const dinForms = 'uddin|uddeen|udeen|udin|eddine|eddin|edin|addin|adin|iddin|oddin|eldine|eldin|aldin|uldin';
const dinWord = new RegExp(`^(?:${dinForms})$`, 'u');
const dinSuffix = new RegExp(`^(\\p{L}{3,}?)(?:${dinForms})$`, 'u');
/**
 * Forms of one name across languages that no spelling rule joins: the Turkish Mehmet (Mehmed) is Muhammad.
 * Folded spelling → the folded form it stands for.
 */
const nameForms = new Map<string, string>([
  ['mahmat', 'muhamad'],
  ['mahmad', 'muhamad'],
]);
/** A kunya written fused with the name after it: "Abubakr", "Aboubakar" (= Abu Bakr). */
const kunyaPrefix = /^(abu|abou)(\p{L}{3,})$/u;

export interface NameToken {
  /** The token as written, after normaliseText. */
  readonly text: string;
  /** Folded form used for comparison (see foldToken). */
  readonly folded: string;
  /** Kunya/nasab/abd tokens carry little identity on their own. */
  readonly connector: boolean;
}

/**
 * Splits a name into comparable tokens: titles dropped, article particles dropped, kinship
 * words canonicalised, fused abd-compounds and kunyas split ("Abdulrahman" → abd + rahman, "Abubakr" → abu + bakr).
 */
export function tokeniseName(name: string): NameToken[] {
  const words = normaliseText(compatibilityLowerCase(name).replace(hyphenatedArticle, ''))
    .split(' ')
    .filter(Boolean);
  const out: NameToken[] = [];
  for (const [index, word] of words.entries()) {
    if (titles.has(word)) continue;
    if (standaloneArticles.has(word) && index < words.length - 1) continue;
    const kin = kinshipTokens.get(word);
    if (kin) {
      out.push({ text: word, folded: kin, connector: true });
      continue;
    }
    const abd = abdWholeNames.has(word) ? null : abdPrefix.exec(word);
    if (abd) {
      out.push({ text: abd[1]!, folded: 'abd', connector: true });
      const rest = abd[2]!;
      out.push({ text: rest, folded: foldToken(rest), connector: false });
      continue;
    }
    if (dinWord.test(word)) {
      out.push({ text: word, folded: 'din', connector: false });
      continue;
    }
    const din = dinSuffix.exec(word);
    if (din) {
      out.push({ text: din[1]!, folded: foldToken(din[1]!), connector: false });
      out.push({ text: word.slice(din[1]!.length), folded: 'din', connector: false });
      continue;
    }
    const kunya = kunyaPrefix.exec(word);
    if (kunya) {
      out.push({ text: kunya[1]!, folded: 'abu', connector: true });
      out.push({ text: kunya[2]!, folded: foldToken(kunya[2]!), connector: false });
      continue;
    }
    out.push({ text: word, folded: foldToken(word), connector: false });
  }
  return out;
}

/**
 * Light spelling fold for romanised Arabic: vowel spellings (ou/oo/o → u, ee → i, e → a, ei/ai → ay),
 * q → k, ph → f, doubled letters collapsed, final -ah → -a and -y → -i.
 * "Mohammed", "Muhammad", "Mohamad" all fold to "muhamad"; "Mahmoud" stays distinct ("mahmud").
 */
export function foldToken(token: string): string {
  let t = token;
  // A final -ah is the taa marbuta ("Hamzah", "Raqqah") and drops its h; a final -eh is a real h ("Saleh" = Salih),
  // so this runs before e becomes a.
  t = t.replace(/(?<=\p{L}{2})ah$/u, 'a');
  t = t.replace(/ph/g, 'f').replace(/q/g, 'k').replace(/ck/g, 'k').replace(/dj/g, 'j');
  t = t.replace(/ou|oo/g, 'u').replace(/ee/g, 'i').replace(/[ea]i/g, 'ay').replace(/o/g, 'u').replace(/e/g, 'a');
  t = t.replace(/(\p{L})\1+/gu, '$1');
  t = t.replace(/(?<=\p{L}{2})y$/u, 'i');
  return nameForms.get(t) ?? t;
}

/** Consonants that romanisations of one name trade for each other, by the one that stands for the class. */
const consonantClasses: Record<string, string> = { d: 't', g: 'k', b: 'p', v: 'w', z: 's' };

/**
 * Consonants as romanisations confuse them, folded to one letter: the digraphs kh/h, dh/d, th/t, gh/g (Khalid,
 * Halid; Thamer, Tamer), x/ks (Alexander, Aleksandr), an initial j/y (Josef, Yosef), and the voiced and voiceless
 * pairs d/t, g/k/q, b/p, z/s (Ahmad, Ahmet; Faqih, Fagih), and v as the glide w (Vilai, Wilai; Pavlichenko,
 * Paulichenka).
 */
function foldConsonants(folded: string): string {
  return folded
    .replace(/([kdtg])h/g, (_, letter: string) => (letter === 'k' ? 'h' : letter))
    .replace(/x/g, 'ks')
    .replace(/^j(?=[aeiou])/, 'y')
    .replace(/[dgbvz]/g, (letter) => consonantClasses[letter]!);
}

/**
 * Consonant skeleton of a folded token: consonants folded (see foldConsonants), initial letter kept (an initial vowel becomes "a"),
 * later vowels and the glides w/y dropped. Coarse on purpose: it groups candidates; the syllable pattern
 * (see syllablePattern) must agree too before two tokens count as spelling variants.
 */
export function skeletonKey(folded: string): string {
  const t = foldConsonants(folded);
  if (!t) return '';
  const first = /[aeiou]/.test(t[0]!) ? 'a' : t[0]!;
  const rest = t.slice(1).replace(/[aeiouwy]/g, '');
  return (first + rest).replace(/(\p{L})\1+/gu, '$1');
}

/**
 * Where the vowels stand: "c" for each consonant of the skeleton, "v" for each run of vowels between them.
 * Khalid and Khaled (cvcvc) agree; Emre (vccv) is not Umar (vcvc), nor Mahmoud (cvccvc) Muhammad (cvcvcvc).
 */
export function syllablePattern(folded: string): string {
  return foldConsonants(folded)
    .replace(/[wy]/g, '')
    .replace(/[aeiou]+/g, 'v')
    .replace(/[^v]/g, 'c');
}

/**
 * The general phonetic key, for names of any origin: Double Metaphone's primary and alternate codes of a folded
 * token (Stephen and Steven are both STFN; Schmidt is XMT or SMT).
 */
export function phoneticKeys(folded: string): [string, string] {
  return doubleMetaphone(folded);
}

/**
 * Keys under which candidates for a name are looked up: the skeleton of each identity-bearing token
 * (so "Mehmet Emin Karaca" and "M. Emin Karaca" meet under "karaca"), never connectors like "abu".
 */
export function nameTokenKeys(name: string): string[] {
  const keys = tokeniseName(name)
    .filter((t) => !t.connector && t.folded.length >= 3)
    .map((t) => skeletonKey(t.folded));
  return [...new Set(keys)];
}

/**
 * A blocking key for a whole name: the skeletons of its identity-bearing tokens, sorted so that
 * "al-Baghdadi, Abu Bakr" and "Abu Bakr al-Baghdadi" share it (a fused "Albaghdadi" does not yet).
 */
export function nameBlockingKey(name: string): string {
  const tokens = tokeniseName(name);
  const meaningful = tokens.filter((t) => !t.connector);
  const use = meaningful.length > 0 ? meaningful : tokens;
  return use.map((t) => skeletonKey(t.folded)).sort().join(' ');
}
