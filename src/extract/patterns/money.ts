// Sums of money in prose: "$4 million a month", "20,000 euros", "SYP 50,000", "between $2 and $3 million",
// "500 dollars per fighter". Currencies come out as ISO 4217 codes; a currency word that names several
// ("dinars": Iraqi, Jordanian, Kuwaiti…) stays unresolved unless the caller says which one the documents mean.
import { type Found, withoutOverlaps } from './found.js';
import { numeralPattern, type Qualifier, qualifierBefore, readNumeral, scaleExponent, scalePattern, wordBefore } from './numbers.js';

export type MoneyPeriod = 'day' | 'week' | 'month' | 'year';

export interface MoneyValue {
  /** A single sum, scaled: "$4 million" → 4000000. Absent for ranges. */
  amount?: number;
  /** Both ends of a range: "between $2 and $3 million" → 2000000 and 3000000. */
  min?: number;
  max?: number;
  /** ISO 4217 code, or null when the text names a currency that several countries use and no default was given. */
  currency: string | null;
  /** The ambiguous currency word, when currency is null or came from `options.ambiguous`: 'dinar'. */
  currencyName?: AmbiguousCurrency;
  /** "a month", "per year", "annually". */
  period?: MoneyPeriod;
  /** What the sum is counted per, singular: "500 dollars per fighter" → 'fighter'. */
  per?: string;
  qualifier?: Qualifier;
}

export type MoneyFound = Found<'MONEY', MoneyValue>;

export type AmbiguousCurrency = 'dinar' | 'riyal' | 'dirham' | 'lira' | 'pound';

export interface MoneyOptions {
  /** ISO 4217 codes for currency words that name several currencies, e.g. { dinar: 'IQD', pound: 'SYP' }. */
  ambiguous?: Partial<Record<AmbiguousCurrency, string>>;
}

interface CurrencyEntry {
  code: string;
  /** Written before the amount: "$4", "US$1.5bn", "SYP 50,000". */
  before: string[];
  /** Written after the amount: "20,000 euros", "50,000 SYP". Plurals are listed; matching is case-sensitive. */
  after: string[];
}

// ISO 4217 alphabetic codes. The table holds the currencies of the region the documents come from and the
// world's reserve currencies; codes are recognised upper-case only, so the verb "try" is not Turkish lira.
const currencies: CurrencyEntry[] = [
  { code: 'USD', before: ['US$', 'US $', '$', 'USD'], after: ['USD', 'US dollars', 'US dollar', 'U.S. dollars', 'American dollars', 'dollars', 'dollar'] },
  { code: 'EUR', before: ['€', 'EUR'], after: ['EUR', 'euros', 'euro', 'Euros', 'Euro'] },
  { code: 'GBP', before: ['£', 'GBP'], after: ['GBP', 'pounds sterling', 'British pounds', 'sterling'] },
  { code: 'SYP', before: ['SYP', 'SY£', 'LS'], after: ['SYP', 'Syrian pounds', 'Syrian pound', 'Syrian liras', 'Syrian lira', 'Syrian lire'] },
  { code: 'IQD', before: ['IQD'], after: ['IQD', 'Iraqi dinars', 'Iraqi dinar'] },
  { code: 'JOD', before: ['JOD', 'JD'], after: ['JOD', 'Jordanian dinars', 'Jordanian dinar'] },
  { code: 'KWD', before: ['KWD'], after: ['KWD', 'Kuwaiti dinars', 'Kuwaiti dinar'] },
  { code: 'LYD', before: ['LYD'], after: ['LYD', 'Libyan dinars', 'Libyan dinar'] },
  { code: 'TND', before: ['TND'], after: ['TND', 'Tunisian dinars', 'Tunisian dinar'] },
  { code: 'TRY', before: ['TRY', '₺'], after: ['TRY', 'Turkish liras', 'Turkish lira', 'Turkish lire'] },
  { code: 'SAR', before: ['SAR'], after: ['SAR', 'Saudi riyals', 'Saudi riyal', 'Saudi rials'] },
  { code: 'QAR', before: ['QAR'], after: ['QAR', 'Qatari riyals', 'Qatari riyal'] },
  { code: 'AED', before: ['AED'], after: ['AED', 'UAE dirhams', 'UAE dirham', 'Emirati dirhams', 'Emirati dirham'] },
  { code: 'MAD', before: ['MAD'], after: ['MAD', 'Moroccan dirhams', 'Moroccan dirham'] },
  { code: 'LBP', before: ['LBP', 'L.L.'], after: ['LBP', 'Lebanese pounds', 'Lebanese pound', 'Lebanese liras', 'Lebanese lira'] },
  { code: 'EGP', before: ['EGP', 'E£'], after: ['EGP', 'Egyptian pounds', 'Egyptian pound'] },
  { code: 'IRR', before: ['IRR'], after: ['IRR', 'Iranian rials', 'Iranian rial'] },
  { code: 'AFN', before: ['AFN'], after: ['AFN', 'afghanis', 'Afghan afghanis'] },
  { code: 'PKR', before: ['PKR'], after: ['PKR', 'Pakistani rupees', 'Pakistani rupee'] },
  { code: 'RUB', before: ['RUB', '₽'], after: ['RUB', 'roubles', 'rubles', 'rouble', 'ruble'] },
  { code: 'CHF', before: ['CHF'], after: ['CHF', 'Swiss francs', 'Swiss franc'] },
  { code: 'ILS', before: ['ILS', '₪'], after: ['ILS', 'shekels', 'shekel'] },
];

const ambiguousWords: [string, AmbiguousCurrency][] = [
  ['dinars', 'dinar'],
  ['dinar', 'dinar'],
  ['riyals', 'riyal'],
  ['riyal', 'riyal'],
  ['rials', 'riyal'],
  ['rial', 'riyal'],
  ['dirhams', 'dirham'],
  ['dirham', 'dirham'],
  ['liras', 'lira'],
  ['lira', 'lira'],
  ['lire', 'lira'],
  ['pounds', 'pound'],
  ['pound', 'pound'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: string[]) =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => escape(w).replace(/ /g, String.raw`\s`)).join('|');

const codeBefore = new Map(currencies.flatMap((c) => c.before.map((w) => [w.replace(/\s/g, ''), c.code] as const)));
const codeAfter = new Map(currencies.flatMap((c) => c.after.map((w) => [w.toLowerCase(), c.code] as const)));
const ambiguousAfter = new Map(ambiguousWords);

const beforePattern = alternation(currencies.flatMap((c) => c.before));
const afterPattern = alternation([...currencies.flatMap((c) => c.after), ...ambiguousWords.map(([w]) => w)]);

// One amount: an optional currency before, a numeral, an optional scale, an optional currency after.
// Amounts without any currency are kept only as the first end of a range ("between 2 and 3 million dollars").
const amountPattern = new RegExp(
  String.raw`(?<![\p{L}\d.,$€£₺₽₪])(?:(?<before>${beforePattern})\s?)?(?<numeral>${numeralPattern})(?![\d])(?<scale>${scalePattern})?` +
    String.raw`(?:\s?(?<after>${afterPattern})(?![\p{L}]))?`,
  'dgu',
);

const rangeJoiner = /^\s?(?:[-–—]|to|and)\s?$|^\s+(?:to|and)\s+$/;
const periodPattern =
  /\s+(?:a|an|per|each|every)\s+(?<unit>day|week|month|year)(?!\s+(?:ago|later|earlier|before|after))\b|\s+per\s+(?<annum>annum)\b|\s?\/\s?(?<short>day|week|month|year|mo|yr)\b|\s+(?<ly>daily|weekly|monthly|annually|yearly)\b/uy;
const perPattern = /\s+(?:per|for\s+each|for\s+every)\s+(?<noun>\p{L}[\p{L}-]{1,30})\b/uy;
const periodWords: Record<string, MoneyPeriod> = {
  day: 'day', daily: 'day', week: 'week', weekly: 'week', month: 'month', mo: 'month', monthly: 'month',
  year: 'year', yr: 'year', annum: 'year', annually: 'year', yearly: 'year',
};
const betweenBefore = /\b(?<word>between|from)\s+$/i;

interface Amount {
  start: number;
  end: number;
  numeral: string;
  exponent: number;
  /** The scale was written ("$3 million"), not assumed. */
  scaled: boolean;
  code: string | null;
  ambiguous?: AmbiguousCurrency;
  /** Some currency was written, resolved or not. */
  hasCurrency: boolean;
}

function readAmounts(text: string, options: MoneyOptions): Amount[] {
  const amounts: Amount[] = [];
  for (const m of text.matchAll(amountPattern)) {
    const g = m.groups!;
    const exponent = scaleExponent(g.scale);
    if (exponent === undefined) continue;
    let end = m.index + m[0].length;
    const before = g.before !== undefined ? codeBefore.get(g.before.replace(/\s/g, '')) : undefined;
    let after: string | undefined;
    let ambiguous: AmbiguousCurrency | undefined;
    if (g.after !== undefined) {
      ambiguous = ambiguousAfter.get(g.after.toLowerCase());
      // "500 pounds of explosives" is a weight.
      if (ambiguous === 'pound' && /^\s+of\b/.test(text.slice(end, end + 4))) {
        ambiguous = undefined;
        end = (m.indices!.groups!.scale ?? m.indices!.groups!.numeral!)[1];
      } else if (ambiguous !== undefined) after = options.ambiguous?.[ambiguous];
      else after = codeAfter.get(g.after.toLowerCase());
    }
    const hasCurrency = before !== undefined || after !== undefined || ambiguous !== undefined;
    amounts.push({
      start: m.index,
      end,
      numeral: g.numeral!,
      exponent,
      scaled: g.scale !== undefined,
      code: before ?? after ?? null,
      ...(ambiguous !== undefined ? { ambiguous } : {}),
      hasCurrency,
    });
  }
  return amounts;
}

export function findMoney(text: string, options: MoneyOptions = {}): MoneyFound[] {
  const amounts = readAmounts(text, options);
  const found: MoneyFound[] = [];
  for (let i = 0; i < amounts.length; i++) {
    let first = amounts[i]!;
    let last = first;
    const next = amounts[i + 1];
    let range = false;
    const compatible = next && (first.hasCurrency || next.hasCurrency) && (!first.hasCurrency || !next.hasCurrency || first.code === next.code);
    if (next && compatible) {
      const joiner = text.slice(first.end, next.start);
      const between = wordBefore(text, first.start, betweenBefore);
      // "and" joins a range only after "between": "$2 and $3 million" alone may be two sums.
      if (rangeJoiner.test(joiner) && (!/and/.test(joiner) || between?.word.toLowerCase() === 'between')) {
        range = true;
        last = next;
        i++;
      }
    }
    if (!last.hasCurrency && !first.hasCurrency) continue;
    // "between $2 and $3 million": the first end takes the second's scale when it has none and stays below it.
    if (range && !first.scaled && last.scaled && readNumeral(first.numeral, last.exponent) <= readNumeral(last.numeral, last.exponent)) {
      first = { ...first, exponent: last.exponent };
    }
    let start = (range ? wordBefore(text, first.start, betweenBefore)?.start : undefined) ?? first.start;
    let end = last.end;
    const value: MoneyValue = { currency: (last.hasCurrency ? last.code : first.code) ?? null };
    if (range) {
      value.min = readNumeral(first.numeral, first.exponent);
      value.max = readNumeral(last.numeral, last.exponent);
    } else value.amount = readNumeral(last.numeral, last.exponent);
    const ambiguous = last.ambiguous ?? first.ambiguous;
    if (ambiguous !== undefined) value.currencyName = ambiguous;
    for (let k = 0; k < 2; k++) {
      periodPattern.lastIndex = end;
      perPattern.lastIndex = end;
      const period = value.period === undefined ? periodPattern.exec(text) : null;
      const per = period ? null : value.per === undefined ? perPattern.exec(text) : null;
      if (period) {
        const g = period.groups!;
        value.period = periodWords[(g.unit ?? g.annum ?? g.short ?? g.ly)!.toLowerCase()];
        end += period[0].length;
      } else if (per && !periodWords[per.groups!.noun!.toLowerCase()]) {
        value.per = singular(per.groups!.noun!.toLowerCase());
        end += per[0].length;
      } else break;
    }
    const qualifier = qualifierBefore(text, start);
    if (qualifier) {
      value.qualifier = qualifier.qualifier;
      start = qualifier.start;
    }
    const confidence = value.currency === null ? 0.6 : ambiguous !== undefined ? 0.75 : 0.9;
    found.push({ type: 'MONEY', text: text.slice(start, end), start, end, value, confidence, method: range ? 'pattern:money-range' : 'pattern:money' });
  }
  return withoutOverlaps(found);
}

function singular(noun: string): string {
  if (/ies$/.test(noun)) return noun.slice(0, -3) + 'y';
  if (/(?:ss|sh|ch|x)es$/.test(noun)) return noun.slice(0, -2);
  if (/[^s]s$/.test(noun)) return noun.slice(0, -1);
  return noun;
}
