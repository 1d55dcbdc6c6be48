// Seeded generators of synthetic people and of the spelling variants real lists and documents show.
// Used by the screening benchmark and by property tests of the candidate index; never by the product.
import { cultures, type Culture } from './name-parts.js';
import { seededRandom } from '../../seeded-random.js';

export { seededRandom };

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Zipf exponents: given names are more concentrated than family names (Muhammad, Mehmet; but few Tikritis). */
const givenSkew = 0.8;
const familySkew = 0.6;
const cumulativeWeights = new WeakMap<readonly string[], Float64Array>();

/** A name from a list that runs from common to rare, the k-th drawn with weight 1 / k^skew. */
function pickCommon(random: () => number, names: readonly string[], skew: number): string {
  let cumulative = cumulativeWeights.get(names);
  if (!cumulative) {
    cumulative = new Float64Array(names.length);
    let total = 0;
    for (let k = 0; k < names.length; k++) cumulative[k] = total += 1 / (k + 1) ** skew;
    cumulativeWeights.set(names, cumulative);
  }
  const target = random() * cumulative[cumulative.length - 1]!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return names[low]!;
}

export interface SyntheticPerson {
  id: string;
  culture: string;
  name: string;
  aliases: string[];
  dob: string;
  nationality: string;
}

const nationalities: Record<string, readonly string[]> = {
  arabic: ['IRQ', 'SYR', 'SAU', 'JOR', 'EGY', 'LBY', 'TUN', 'YEM'],
  persian: ['IRN', 'AFG'],
  turkish: ['TUR', 'AZE'],
  russian: ['RUS', 'KAZ', 'UZB', 'TJK'],
  english: ['GBR', 'USA', 'AUS', 'CAN'],
};

function personName(random: () => number, culture: Culture): string {
  const given = pickCommon(random, culture.given, givenSkew);
  const middle = random() < 0.5 ? ' ' + pickCommon(random, culture.given, givenSkew) : '';
  let family = pickCommon(random, culture.family, familySkew);
  if (random() < culture.article) family = 'al-' + family;
  if (random() < culture.kunya) return `Abu ${pickCommon(random, culture.given, givenSkew)} ${family}`;
  return `${given}${middle} ${family}`;
}

// Romanisation differences seen across lists and documents, applied to one word at a time.
const wordVariants: ((w: string, random: () => number) => string)[] = [
  (w) => w.replace(/u/, 'ou'),
  (w) => w.replace(/ou/, 'u'),
  (w) => w.replace(/i(?=[^aeiou]*$)/, 'ee'),
  (w) => w.replace(/a(?=[^aeiou]+[aeiou][^aeiou]*$)/, 'e'),
  (w) => w.replace(/([bdfklmnrst])(?!\1)/, '$1$1'),
  (w) => w.replace(/([bdfklmnrst])\1/, '$1'),
  (w) => w.replace(/q/i, (m) => (m === 'Q' ? 'K' : 'k')),
  (w) => w.replace(/y$/, 'i').replace(/i$/, 'y'),
  (w) => w.replace(/ph|f/, (m) => (m === 'f' ? 'ph' : 'f')),
  (w) => w.replace(/ks|x/, (m) => (m === 'x' ? 'ks' : 'x')),
  (w, random) => {
    // one typing error: a letter dropped or two swapped
    if (w.length < 5) return w;
    const i = 1 + Math.floor(random() * (w.length - 2));
    return random() < 0.5 ? w.slice(0, i) + w.slice(i + 1) : w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  },
];

/** A spelling variant of a whole name: some words respelled, particles varied, sometimes reordered. */
export function variantOf(name: string, random: () => number): string {
  let words = name.split(' ');
  words = words.map((word) => {
    if (/^(al|el)-/i.test(word) && random() < 0.4) return (random() < 0.5 ? 'el-' : 'Al ') + word.slice(3);
    if (word === 'Abu' && random() < 0.4) return 'Abou';
    return random() < 0.45 ? pick(random, wordVariants)(word, random) : word;
  });
  if (words.length > 2 && random() < 0.2) words.splice(1, 1); // middle name left out
  if (random() < 0.15) return `${words[words.length - 1]!.toUpperCase()}, ${words.slice(0, -1).join(' ')}`;
  return words.join(' ');
}

export function generatePeople(count: number, seed: number): SyntheticPerson[] {
  const random = seededRandom(seed);
  const people: SyntheticPerson[] = [];
  for (let i = 0; i < count; i++) {
    const culture = pick(random, cultures);
    const name = personName(random, culture);
    const aliases = random() < 0.4 ? [variantOf(name, random)] : [];
    const year = 1950 + Math.floor(random() * 50);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    people.push({ id: `p${i}`, culture: culture.name, name, aliases, dob: `${year}-${month}-${day}`, nationality: pick(random, nationalities[culture.name]!) });
  }
  return people;
}
