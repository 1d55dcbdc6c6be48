// The keys under which the gazetteer files and finds a place name. Every name, from the data packages, the
// curated tables or a query, goes through this one function, so the two sides always agree; the spelling rules
// themselves are those of the name engine (names/), not a second normaliser.
import { detectScript, skeletonKey, syllablePattern, tokeniseName, type NameToken } from '../../names/index.js';
import type { PlaceKind } from './place-match.js';

export interface PlaceNameKey {
  /** The words as written (case, diacritics, articles and a leading "The" aside), space-joined: "Al Bāb", "al-Bab", "Bab" are "bab". */
  exact: string;
  /** The words' folded spellings run together: "Raqqa", "Rakka", "Ar Raqqah" are "raka"; "Tal Afar" and "Talafar" meet. */
  spelling: string;
  /** The words, for verifying a variant match token by token. */
  tokens: readonly NameToken[];
  /**
   * For a name in Arabic script, its words as written (vowel marks and tatweel aside): Arabic names are exact only as
   * written, since transliteration joins words the script keeps apart (حمص Homs and حماس Hamas are both "hamas").
   */
  arabic: string | null;
  /** The kind a designator word asks for ("… Governorate", "… Camp", "محافظة …"), when the name carries one. */
  designator: PlaceKind | null;
  /** The key without the designator word, when there is one ("Deir ez-Zor Governorate" → the key of "Deir ez-Zor"). */
  withoutDesignator: PlaceNameKey | null;
}

/** Words after a place name that say what kind of place it is. */
const trailingDesignators = new Map<string, PlaceKind>([
  ['governorate', 'region'], ['province', 'region'], ['district', 'region'], ['subdistrict', 'region'], ['region', 'region'],
  ['county', 'region'],
  ['city', 'city'], ['town', 'city'], ['village', 'city'],
  ['camp', 'site'],
]);
/**
 * Words before a place name that say what kind of place it is: Arabic muḥāfaẓa (governorate), wilāya (province, as
 * the Islamic State named its areas) and mukhayyam (camp), in the spellings the name engine transliterates them to.
 */
const leadingDesignators = new Map<string, PlaceKind>([
  ['mahafza', 'region'], ['muhafaza', 'region'], ['muhafazat', 'region'], ['mohafazat', 'region'],
  ['walaya', 'region'], ['wilaya', 'region'], ['wilayat', 'region'], ['wilayah', 'region'],
  ['makhim', 'site'], ['mukhayam', 'site'], ['mukhayyam', 'site'],
]);
/**
 * Standalone article spellings the name engine keeps (it drops al/el/as/ash… but not these, which can be names):
 * in a place name "Ar Raqqah", "An Nabk", "Ar Ruţbah" they are the article assimilated to the next word's first letter,
 * and only then are they dropped.
 */
const assimilatedArticles = new Set(['ar', 'an', 'er', 'en', 'ur', 'un']);

/** A run of single capital letters with dots ("U.S.", "U.K.") is an abbreviation: the dots go, so it keys like "US". */
const dottedAbbreviation = /^(?:\p{Lu}\.){2,}$|^(?:\p{Lu}\.)+\p{Lu}$/u;

/** The key of a place name, or null when the name has no letters or digits to key. */
export function placeNameKey(name: string): PlaceNameKey | null {
  const text = dottedAbbreviation.test(name.trim()) ? name.replace(/\./g, '') : name;
  const tokens = tokeniseName(text).filter((token, index, all) => {
    const next = all[index + 1];
    if (next === undefined) return true;
    if (index === 0 && token.text === 'the') return false;
    return !(assimilatedArticles.has(token.text) && next.text.startsWith(token.text[1]!));
  });
  if (tokens.length === 0) return null;
  const arabic = detectScript(text) === 'arabic' ? writtenArabicWords(text) : null;
  let designator: PlaceKind | null = null;
  let rest: readonly NameToken[] | null = null;
  let restArabic: string[] | null = null;
  if (tokens.length > 1) {
    const trailing = trailingDesignators.get(tokens[tokens.length - 1]!.text);
    const leading = leadingDesignators.get(tokens[0]!.text);
    if (trailing) [designator, rest, restArabic] = [trailing, tokens.slice(0, -1), arabic?.slice(0, -1) ?? null];
    else if (leading) [designator, rest, restArabic] = [leading, tokens.slice(1), arabic?.slice(1) ?? null];
  }
  const key = keyOfTokens(tokens, arabic, designator);
  key.withoutDesignator = rest ? keyOfTokens(rest, restArabic, designator) : null;
  return key;
}

function keyOfTokens(tokens: readonly NameToken[], arabic: string[] | null, designator: PlaceKind | null): PlaceNameKey {
  return {
    exact: tokens.map((t) => t.text).join(' '),
    spelling: tokens.map((t) => t.folded).join(''),
    tokens,
    arabic: arabic ? arabic.join(' ') : null,
    designator,
    withoutDesignator: null,
  };
}

/** The words of Arabic-script text as written: compatibility forms composed, vowel marks and tatweel dropped. */
function writtenArabicWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .replace(/[\p{M}\u0640]/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The key under which a name's spelling variants are filed: each word's consonant skeleton and vowel places ("Deir
 * ez-Sor" and "Dayr az-Zawr" are both "tr/cvc sr/cvc"). Candidates to verify, not matches. `wordShapes`, when given,
 * keeps each word's shape for the next name with that word (an index keys 135k names; "san", "nova" recur).
 */
export function variantKey(key: PlaceNameKey, wordShapes?: Map<string, string>): string {
  return key.tokens.map((t) => wordShape(t.folded, wordShapes)).join(' ');
}

function wordShape(folded: string, wordShapes: Map<string, string> | undefined): string {
  let shape = wordShapes?.get(folded);
  if (shape === undefined) {
    shape = `${skeletonKey(folded)}/${syllablePattern(folded)}`;
    wordShapes?.set(folded, shape);
  }
  return shape;
}
