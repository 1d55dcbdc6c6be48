// Counts of people: "4,000 people", "some 300 fighters", "more than 1,200 foreign fighters", "dozens of
// civilians". Only nouns for people count (a curated list), so "300 vehicles" or "in 2013" are not counts.
import { type Found, withoutOverlaps } from './found.js';
import { numberWordPattern, numeralPattern, type Qualifier, qualifierBefore, readNumberWord, readNumeral } from './numbers.js';

export interface CountValue {
  /** The number of people, or for a vague quantity ("dozens") the least it can mean (24). For a range, its lower end. */
  count: number;
  /** The upper end of a range: "300 to 500 fighters". */
  max?: number;
  /** The person noun counted, plural, as the curated list spells it: 'militants', 'foreign fighters', 'Syrians'. */
  of: string;
  /** Words between the number and the noun: "300 Syrian refugees" → ['Syrian']. */
  modifiers?: string[];
  /** The text gave a vague quantity ("dozens", "several hundred"); `count` is its lower bound. */
  approximate?: true;
  qualifier?: Qualifier;
}

export type CountFound = Found<'COUNT', CountValue>;

// Plural nouns that name people. Multi-word entries are kept whole, so "foreign fighters" is what is counted.
const personNouns = [
  'people', 'persons', 'individuals', 'civilians', 'residents', 'inhabitants', 'villagers', 'citizens', 'nationals',
  'men', 'women', 'children', 'boys', 'girls', 'adults', 'minors', 'babies', 'infants', 'youths', 'teenagers', 'orphans',
  'widows', 'wives', 'families', 'households',
  'fighters', 'foreign fighters', 'foreign terrorist fighters', 'militants', 'jihadists', 'jihadis', 'insurgents', 'rebels',
  'combatants', 'gunmen', 'armed men', 'operatives', 'bombers', 'suicide bombers', 'commanders', 'leaders', 'emirs',
  'recruits', 'members', 'supporters', 'followers', 'sympathisers', 'sympathizers', 'loyalists', 'volunteers',
  'defectors', 'deserters', 'returnees', 'child soldiers',
  'soldiers', 'troops', 'servicemen', 'police', 'policemen', 'police officers', 'officers', 'guards', 'security forces',
  'refugees', 'migrants', 'asylum seekers', 'displaced people', 'displaced persons', 'detainees', 'prisoners',
  'inmates', 'hostages', 'captives', 'victims', 'casualties', 'students', 'workers', 'doctors', 'journalists',
  'Syrians', 'Iraqis', 'Kurds', 'Yazidis', 'Turks', 'Tunisians', 'Moroccans', 'Saudis', 'Jordanians', 'Egyptians',
  'Libyans', 'Chechens', 'Uighurs', 'Uyghurs', 'Afghans', 'Pakistanis', 'Europeans', 'Britons', 'Americans', 'Russians',
];

// Words that cannot sit between a number and its noun: "300 of the fighters" is a part, "500 dollars to fighters"
// a sum, "20 km from civilians" a distance.
const notModifiers = new Set([
  'a', 'an', 'the', 'of', 'and', 'or', 'to', 'for', 'from', 'in', 'on', 'at', 'by', 'with', 'per', 'as', 'than', 'that',
  'this', 'these', 'those', 'were', 'was', 'are', 'is', 'be', 'had', 'have', 'has', 'more', 'other', 'their', 'them', 'they',
  'dollars', 'euros', 'pounds', 'dinars', 'lira', 'riyals', 'km', 'kilometres', 'kilometers', 'miles', 'metres', 'meters',
  'years', 'months', 'weeks', 'days', 'hours', 'minutes', 'times', 'per cent', 'percent', 'kg', 'tonnes', 'tons',
]);

// Vague quantities and the least each can mean: "dozens" is at least two dozen.
const vagueQuantities: [RegExp, number][] = [
  [/^tens\s+of\s+thousands$/i, 20_000],
  [/^hundreds\s+of\s+thousands$/i, 200_000],
  [/^dozens$/i, 24],
  [/^scores$/i, 40],
  [/^hundreds$/i, 200],
  [/^thousands$/i, 2_000],
  [/^millions$/i, 2_000_000],
  [/^a\s+dozen$/i, 12],
  [/^(?:a\s+few|several|some)\s+dozen$/i, 24],
  [/^(?:a\s+few|several|some)\s+hundred$/i, 200],
  [/^(?:a\s+few|several|some)\s+thousand$/i, 2_000],
];

const vaguePattern = String.raw`(?:(?:tens|hundreds)\s+of\s+thousands|dozens|scores|hundreds|thousands|millions)\s+of|(?:a\s+few|several|some)\s+(?:dozen|hundred|thousand)|a\s+dozen`;
const nounPattern = [...personNouns].sort((a, b) => b.length - a.length).map((n) => n.replace(/ /g, String.raw`\s+`)).join('|');
const word = String.raw`\p{L}[\p{L}'’-]{0,30}`;

const countPattern = new RegExp(
  String.raw`(?<![\p{L}\d.,$€£₺₽₪-])(?:(?<min>${numeralPattern})(?:\s?[-–]\s?|\s+(?:to|and)\s+))?` +
    String.raw`(?:(?<numeral>${numeralPattern})(?![\d])(?:\s(?<scale>thousand|million))?|(?<words>${numberWordPattern})|(?<vague>${vaguePattern}))` +
    String.raw`(?:\s+(?<modifiers>${word}(?:\s+${word}){0,2}))??\s+(?<noun>${nounPattern})(?![\p{L}])`,
  'dgiu',
);
const nounAsListed = new Map(personNouns.map((n) => [n.toLowerCase(), n]));

// A four-digit number after one of these is a year: "in 2014 people fled" (but "a force of 2000 fighters" is a count).
const yearCue = /\b(?:in|since|by|until|till|from|during|after|before|end\s+of|early|mid|late|year|January|February|March|April|May|June|July|August|September|October|November|December)[\s-]+$/i;
const betweenBefore = /\bbetween\s+$/i;

export function findCounts(text: string): CountFound[] {
  const found: CountFound[] = [];
  for (const m of text.matchAll(countPattern)) {
    const g = m.groups!;
    let start = m.index;
    const end = m.index + m[0].length;
    const modifiers = g.modifiers?.split(/\s+/) ?? [];
    if (modifiers.some((w) => notModifiers.has(w.toLowerCase()) || /\d/.test(w))) continue;
    const at = m.indices!.groups!;
    const joiner = g.min === undefined ? '' : text.slice(at.min![1], (at.numeral ?? at.words ?? at.vague)![0]);
    if (/and/i.test(joiner)) {
      // "300 and 500 fighters" is a range only after "between".
      const between = betweenBefore.exec(text.slice(Math.max(0, start - 10), start));
      if (!between) continue;
      start -= between[0].length;
    }

    let count: number | undefined;
    let approximate = false;
    let yearLike = false;
    if (g.numeral !== undefined) {
      count = readNumeral(g.numeral, g.scale === undefined ? 0 : g.scale.toLowerCase() === 'thousand' ? 3 : 6);
      yearLike = g.scale === undefined && g.min === undefined && /^(?:1[89]|20)\d\d$/.test(g.numeral);
      if (yearLike && yearCue.test(text.slice(Math.max(0, start - 12), start))) continue;
    } else if (g.words !== undefined) {
      if (/^an?$/i.test(g.words)) continue;
      count = readNumberWord(g.words);
    } else {
      const vague = g.vague!.replace(/\s+of$/i, '');
      count = vagueQuantities.find(([pattern]) => pattern.test(vague))?.[1];
      approximate = true;
    }
    if (count === undefined || count < 1) continue;

    const value: CountValue = { count, of: nounAsListed.get(g.noun!.replace(/\s+/g, ' ').toLowerCase()) ?? g.noun! };
    if (g.min !== undefined) {
      const min = readNumeral(g.min);
      if (min >= count) continue;
      value.max = count;
      value.count = min;
    }
    if (modifiers.length > 0) value.modifiers = modifiers;
    if (approximate) value.approximate = true;
    const qualifier = g.min === undefined ? qualifierBefore(text, start) : undefined;
    if (qualifier) {
      value.qualifier = qualifier.qualifier;
      start = qualifier.start;
    }
    const confidence = yearLike && !qualifier ? 0.5 : approximate ? 0.7 : modifiers.length > 0 ? 0.75 : 0.85;
    found.push({
      type: 'COUNT',
      text: text.slice(start, end),
      start,
      end,
      value,
      confidence,
      method: approximate ? 'pattern:count-approximate' : g.min !== undefined ? 'pattern:count-range' : 'pattern:count',
    });
  }
  return withoutOverlaps(found);
}
