// Numbers as written in prose: numerals with thousands commas and decimals, scale words ("1.5bn",
// "4 million"), small number words ("two hundred") and the qualifiers around them ("more than").
// Shared by the money, count and relative-date finders so that each reads "4,000" the same way.

/**
 * A numeral: comma-grouped ("1,200", "20,000.50") or plain ("300", "1.5"). Quantifiers are bounded
 * so that a finder stays linear on long runs of digits.
 */
export const numeralPattern = String.raw`\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,4})?|\d{1,15}(?:\.\d{1,4})?`;

/** A scale after a numeral: words may follow a space, abbreviations stick to it ("$4m", "US$1.5bn", "5 mn"). */
export const scalePattern = String.raw`(?:\s?(?:[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion|[Mm]ln|[Mm]n|[Bb]n)|[kKmMbB])(?![\p{L}\d])`;

const scaleExponents: Record<string, number> = {
  thousand: 3,
  k: 3,
  million: 6,
  mln: 6,
  mn: 6,
  m: 6,
  billion: 9,
  bn: 9,
  b: 9,
  trillion: 12,
};

/** 10^n for a scale word or abbreviation, 0 for none; undefined for text that is not a scale. */
export function scaleExponent(scale: string | undefined): number | undefined {
  if (scale === undefined || scale.trim() === '') return 0;
  return scaleExponents[scale.trim().toLowerCase()];
}

/** "1,500.5" with exponent 6 → 1500500000, exactly: the decimal string is scaled, not the float. */
export function readNumeral(numeral: string, exponent = 0): number {
  return Number(`${numeral.replace(/,/g, '')}e${exponent}`);
}

const unitWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const tenWords = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const bigWords: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

/** "two", "twenty-five", "a hundred", "three thousand" (case-insensitive; no "and" compounds). */
export const numberWordPattern =
  String.raw`(?:(?:an?|${unitWords.slice(1).join('|')}|(?:${tenWords.slice(2).join('|')})(?:[-\s](?:${unitWords.slice(1, 10).join('|')}))?)(?:\s(?:hundred|thousand|million))?)(?![\p{L}-])`;

/** The value of a number word matched by numberWordPattern, or undefined. */
export function readNumberWord(words: string): number | undefined {
  let total = 0;
  let seen = false;
  for (const word of words.toLowerCase().split(/[-\s]+/)) {
    const unit = word === 'a' || word === 'an' ? 1 : unitWords.indexOf(word);
    const ten = tenWords.indexOf(word);
    if (unit > 0) total += unit;
    else if (ten >= 2) total += ten * 10;
    else if (bigWords[word] !== undefined) total = (seen ? total : 1) * bigWords[word]!;
    else return undefined;
    seen = true;
  }
  return seen ? total : undefined;
}

/** How the text bounds a number: "more than 1,200" is 'more-than', "some 300" is 'about'. */
export type Qualifier = 'more-than' | 'at-least' | 'about' | 'nearly' | 'up-to' | 'less-than';

const qualifierWords: [string, Qualifier][] = [
  ['more than', 'more-than'],
  ['over', 'more-than'],
  ['upwards of', 'more-than'],
  ['in excess of', 'more-than'],
  ['at least', 'at-least'],
  ['no fewer than', 'at-least'],
  ['no less than', 'at-least'],
  ['some', 'about'],
  ['about', 'about'],
  ['around', 'about'],
  ['approximately', 'about'],
  ['roughly', 'about'],
  ['an estimated', 'about'],
  ['estimated', 'about'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['close to', 'nearly'],
  ['up to', 'up-to'],
  ['as many as', 'up-to'],
  ['as much as', 'up-to'],
  ['fewer than', 'less-than'],
  ['less than', 'less-than'],
  ['under', 'less-than'],
];

/** A qualifier and the space after it, for the start of a number pattern (case-insensitive). */
export const qualifierPattern = String.raw`(?:${qualifierWords
  .map(([words]) => words.replace(/ /g, String.raw`\s+`))
  .sort((a, b) => b.length - a.length)
  .join('|')})\s+`;

export function readQualifier(text: string | undefined): Qualifier | undefined {
  if (!text) return undefined;
  const words = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return qualifierWords.find(([w]) => w === words)?.[1];
}

const qualifierAtEnd = new RegExp(String.raw`\b(${qualifierPattern})$`, 'i');

/** The qualifier written right before `at` ("more than 1,200"), and where it starts. */
export function qualifierBefore(text: string, at: number): { qualifier: Qualifier; start: number } | undefined {
  const found = wordBefore(text, at, qualifierAtEnd);
  const qualifier = found && readQualifier(found.word);
  return found && qualifier ? { qualifier, start: found.start } : undefined;
}

/**
 * The match of `pattern` (anchored with `$`, first group the word) that ends right before `at`, looked
 * for in a short window so that the search stays linear, and only where it starts a word.
 */
export function wordBefore(text: string, at: number, pattern: RegExp): { word: string; start: number } | undefined {
  const from = Math.max(0, at - 24);
  const m = pattern.exec(text.slice(from, at));
  if (!m || /\p{L}/u.test(text[from + m.index - 1] ?? '')) return undefined;
  return { word: m[1]!, start: from + m.index };
}
