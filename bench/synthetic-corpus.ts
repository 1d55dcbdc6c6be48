// Seeded synthetic intelligence reports for the extraction benchmark: English report-style documents of 1–20 KB
// naming people (mostly Arabic names, written in their spelling variants, by surname or kunya), organisations
// (some introduced with an acronym), places, dates, sums, counts, phone numbers, e-mail addresses and passport
// numbers. A document is made when it is asked for and forgotten after: the corpus is never all in memory.
// Entities recur across documents (a cast drawn with Zipf-like weights), so resolution meets earlier ones.
import { seededRandom } from '../src/seeded-random.js';
import { generatePeople, variantOf } from '../src/screen/synthetic/generate.js';

export interface SyntheticReport {
  id: string;
  title: string;
  /** ISO 8601 day the report was written; relative dates in it ("two weeks ago") count from it. */
  date: string;
  text: string;
}

export interface CorpusOptions {
  seed: number;
  /** Stop after the document that brings the corpus to this many bytes of UTF-8 text. */
  bytes: number;
  /** People in the cast; documents name a few of them each. */
  people?: number;
}

interface CastMember {
  name: string;
  /** The other spellings sources use for this person: a few each, as real reporting shows, not a new one every time. */
  variants: string[];
  phone: string;
  email: string;
  passport: string;
  nationality: string;
}

interface Organisation {
  name: string;
  /** The acronym reports define it by ("the Eastern Desert Brigade (EDB)"), if it has one. */
  acronym?: string;
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
/** Index k drawn with weight about 1/(k+1): a few entities are in most reports, most in a few. */
const pickCommon = <T>(random: Random, items: readonly T[]): T => items[Math.floor(items.length ** random()) - 1]!;

const places = [
  'Raqqa', 'Deir ez-Zor', 'Mosul', 'Aleppo', 'Idlib', 'Gaziantep', 'Sanliurfa', 'Tal Abyad', 'Manbij', 'Al-Hasakah', 'Qamishli',
  'Baghdad', 'Fallujah', 'Ramadi', 'Tikrit', 'Kirkuk', 'Erbil', 'Al-Qaim', 'Abu Kamal', 'Mayadin', 'Hajin', 'Baghuz', 'Istanbul',
  'Antakya', 'Reyhanli', 'Kilis', 'Amman', 'Beirut', 'Damascus', 'Homs', 'Palmyra', 'Jarablus', 'Azaz', 'Sinjar', 'Tal Afar',
  'Akcakale', 'Haditha', 'Rawa', 'Anah', 'Shaddadi', 'Suwar', 'Markada', 'Busayrah', 'Tabqa', 'Maskanah', 'Dabiq', 'Sarmada',
];
const nationalities = ['Syrian', 'Iraqi', 'Turkish', 'Jordanian', 'Tunisian', 'Saudi', 'Egyptian', 'Moroccan', 'Libyan'];
const mobilePrefixes: [string, (random: Random) => string][] = [
  ['+963', (r) => `9${digits(r, 2, 3)} ${digits(r, 3)} ${digits(r, 3)}`],
  ['+90', (r) => `5${digits(r, 2)} ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}`],
  ['+964', (r) => `7${digits(r, 2, 7)} ${digits(r, 3)} ${digits(r, 4)}`],
  ['+962', (r) => `7${digits(r, 1, 7)} ${digits(r, 3)} ${digits(r, 4)}`],
];
const mailDomains = ['gmail.com', 'yahoo.com', 'hotmail.com', 'protonmail.com', 'outlook.com', 'mail.ru', 'yandex.com'];
const orgAdjectives = ['Eastern', 'Northern', 'Southern', 'Western', 'Free', 'Islamic', 'United', 'Revolutionary', 'Popular', 'Euphrates', 'Desert', 'Martyrs'];
const orgNouns = ['Desert', 'Shield', 'Lions', 'Falcons', 'Dawn', 'Victory', 'Conquest', 'Unity', 'Liberation', 'Defence', 'Support', 'Relief'];
const orgDesignators = ['Brigade', 'Battalion', 'Front', 'Movement', 'Council', 'Group', 'Army', 'Forces', 'Committee', 'Network'];
const companyKinds = ['Money Exchange Company', 'Trading Company', 'Transport Company', 'Charitable Foundation', 'Construction Company'];
const wellKnown: Organisation[] = [
  { name: 'Syrian Democratic Forces', acronym: 'SDF' },
  { name: 'Islamic State of Iraq and the Levant', acronym: 'ISIL' },
  { name: 'Popular Mobilization Forces', acronym: 'PMF' },
  { name: 'Hayat Tahrir al-Sham', acronym: 'HTS' },
  { name: 'Free Syrian Army', acronym: 'FSA' },
  { name: 'Commercial Bank of Syria', acronym: 'CBS' },
  { name: 'Counter-Terrorism Finance Cell', acronym: 'CTFC' },
  { name: 'Kurdistan Regional Government', acronym: 'KRG' },
];
// A few names as Arabic-language sources write them, quoted next to the romanised name.
const arabicScriptNames = ['أبو محمد العدناني', 'أبو بكر البغدادي', 'أبو مصعب الزرقاوي', 'أبو عمر الشيشاني', 'عبد الرحمن القادولي'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const fillers = [
  'The source assessed the information as probably true.',
  'This report has not been corroborated by a second source.',
  'Further reporting is requested on the points below.',
  'The meeting lasted about two hours and no notes were taken.',
  'Reporting from the area remains fragmentary.',
  'The vehicle was last seen heading north on the main road.',
  'It is not known whether the transfer was completed.',
  'The information was obtained during a debriefing.',
  'Comment: the source has reported reliably in the past.',
  'Local residents described the checkpoint as new.',
  'The source did not know where the money was kept or who else had access to it.',
  'Several of the men were seen carrying weapons, but none were wearing uniforms at the time.',
  'Prices for the crossing have risen sharply since the border was closed to most traffic.',
  'The group is reported to have moved its remaining families to smaller villages further south.',
  'No further contact between the two men has been reported since the end of the month.',
  'The warehouse was emptied overnight and the guards were replaced with new recruits.',
  'It remains unclear whether the orders came from the leadership or were decided locally.',
  'The source added that the shipment was delayed because of fighting along the road.',
  'Assessment: the network is likely to continue operating on a smaller scale.',
  'Both vehicles were registered to a company that no longer exists.',
];

function digits(random: Random, count: number, first = 0): string {
  let out = String(first > 0 ? first + Math.floor(random() * (10 - first)) : Math.floor(random() * 10));
  for (let i = 1; i < count; i++) out += String(Math.floor(random() * 10));
  return out;
}

function castOf(count: number, seed: number, random: Random): CastMember[] {
  // Mostly Arabic names, with the Persian, Turkish and Russian ones the same reporting meets.
  const people = generatePeople(count * 2, seed).filter((p, i) => p.culture === 'arabic' || i % 4 === 0).slice(0, count);
  return people.map((p) => {
    const [prefix, local] = pick(random, mobilePrefixes);
    const words = p.name.toLowerCase().replace(/[^a-z ]/g, '').split(' ').filter(Boolean);
    return {
      name: p.name,
      variants: Array.from({ length: Math.floor(random() * 5) }, () => variantOf(p.name, random)),
      phone: `${prefix} ${local(random)}`,
      email: `${words[0]}.${words[words.length - 1]}${Math.floor(random() * 100)}@${pick(random, mailDomains)}`,
      passport: random() < 0.6 ? pick(random, ['N', 'A', 'P', 'E']) + digits(random, 8) : digits(random, 9, 1),
      nationality: pick(random, nationalities),
    };
  });
}

function organisationsOf(count: number, random: Random): Organisation[] {
  const out = [...wellKnown];
  while (out.length < count) {
    if (random() < 0.3) {
      out.push({ name: `${pick(random, places).replace(/^Al-/, '')} ${pick(random, companyKinds)}` });
      continue;
    }
    const words = [pick(random, orgAdjectives), pick(random, orgNouns), pick(random, orgDesignators)];
    const name = random() < 0.3 ? `${words[0]} ${words[1]} ${words[2]} of ${pick(random, places).replace(/^Al-/, '')}` : words.join(' ');
    const acronym = random() < 0.5 ? name.split(' ').filter((w) => w !== 'of').map((w) => w[0]).join('') : undefined;
    out.push(acronym ? { name, acronym } : { name });
  }
  return out;
}

function writtenDate(random: Random, year: number): string {
  const day = 1 + Math.floor(random() * 28);
  const month = pick(random, months);
  switch (Math.floor(random() * 7)) {
    case 0: return `${day} ${month} ${year}`;
    case 1: return `${month} ${day}, ${year}`;
    case 2: return `in ${year}`;
    case 3: return `${pick(random, ['early', 'mid', 'late'])}-${year}`;
    case 4: return `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    case 5: return pick(random, ['two weeks ago', 'last month', 'on Tuesday', 'yesterday', 'earlier this year']);
    default: return `${month} ${year}`;
  }
}

function sum(random: Random): string {
  const n = 1 + Math.floor(random() * 9);
  switch (Math.floor(random() * 6)) {
    case 0: return `$${n} million`;
    case 1: return `${n * 5},000 euros`;
    case 2: return `SYP ${n * 50},000`;
    case 3: return `between $${n} and $${n + 2} million`;
    case 4: return `${n},500 Turkish lira`;
    default: return `US$${n * 100},000`;
  }
}

/** One document's cast: the people, organisations and places it is about, each written as reports write it. */
class ReportWriter {
  private readonly defined = new Set<string>();
  private readonly introduced = new Set<CastMember>();

  constructor(
    private readonly random: Random,
    private readonly people: CastMember[],
    private readonly organisations: Organisation[],
    private readonly places: string[],
    private readonly year: number,
  ) {}

  person(): string {
    const r = this.random;
    const p = pick(r, this.people);
    const words = p.name.split(' ');
    if (this.introduced.has(p) && r() < 0.35) return words[words.length - 1]!;
    this.introduced.add(p);
    const written = p.variants.length > 0 && r() < 0.3 ? pick(r, p.variants) : p.name;
    if (r() < 0.03) return `${written} (${pick(r, arabicScriptNames)})`;
    return r() < 0.15 ? `${pick(r, ['Sheikh', 'Commander', 'Dr.', 'Mr.'])} ${written}` : written;
  }

  organisation(): string {
    const org = pick(this.random, this.organisations);
    if (!org.acronym) return `the ${org.name}`;
    if (!this.defined.has(org.acronym)) {
      this.defined.add(org.acronym);
      return `the ${org.name} (${org.acronym})`;
    }
    return this.random() < 0.7 ? `the ${org.acronym}` : `the ${org.name}`;
  }

  place(): string {
    return pick(this.random, this.places);
  }

  sentence(): string {
    const r = this.random;
    const p = () => this.person();
    const member = pick(r, this.people);
    // About two sentences in five name nobody: the report's narrative and assessments.
    switch (Math.floor(r() * 22)) {
      case 0: return `${p()} met ${p()} in ${this.place()} ${writtenDate(r, this.year)}.`;
      case 1: return `According to the source, ${p()} transferred ${sum(r)} to ${p()} through ${this.organisation()} in ${this.place()}.`;
      case 2: return `${member.name} was travelling on ${member.nationality} passport ${member.passport} when he crossed at ${this.place()}.`;
      case 3: return `He used the number ${member.phone} and the e-mail address ${member.email} to arrange the payments.`;
      case 4: return `${capitalise(this.organisation())} is said to control the crossings near ${this.place()} and ${this.place()}.`;
      case 5: return `Commander ${p()} said the group paid its fighters ${sum(r)} a month.`;
      case 6: return `Some ${(1 + Math.floor(r() * 20)) * 50} fighters left ${this.place()} for ${this.place()} ${writtenDate(r, this.year)}.`;
      case 7: return `The spokesman ${p()} denied that ${this.organisation()} had any presence in ${this.place()}.`;
      case 8: return `${p()}, a courier for ${this.organisation()}, was arrested at a checkpoint outside ${this.place()} on ${writtenDate(r, this.year).replace(/^(?:in|on) /, '')}.`;
      case 9: return `Calls from ${member.phone} to ${pick(r, this.people).phone} were logged between ${this.place()} and ${this.place()}.`;
      case 10: return `${p()} and ${p()} are believed to run a hawala office in ${this.place()} on behalf of ${this.organisation()}.`;
      case 11: return `A passport numbered ${member.passport} in the name of ${member.name} was found in ${this.place()}.`;
      case 12: return `Messages sent to ${member.email} mention ${p()} and a payment of ${sum(r)}.`;
      default: return pick(r, fillers);
    }
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The reports of one seeded corpus, in order, until `bytes` of UTF-8 text have been produced. The same seed gives
 * the same documents on every machine; each is made only when the consumer asks for it.
 */
export function* syntheticReports(options: CorpusOptions): Generator<SyntheticReport> {
  const random = seededRandom(options.seed);
  const people = castOf(options.people ?? 4_000, options.seed, random);
  const organisations = organisationsOf(300, random);
  let produced = 0;
  for (let n = 0; produced < options.bytes; n++) {
    const year = 2013 + Math.floor(random() * 7);
    const date = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    // Each report is about a handful of people, organisations and places, mostly the commonly reported ones.
    const cast = Array.from({ length: 3 + Math.floor(random() * 8) }, () => pickCommon(random, people));
    const orgs = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pickCommon(random, organisations));
    const where = Array.from({ length: 2 + Math.floor(random() * 4) }, () => pickCommon(random, places));
    const writer = new ReportWriter(random, cast, orgs, where, year);
    // 1 to 20 KB, smaller ones more often.
    const target = Math.round(1024 * (1 + 19 * random() ** 1.5));
    const id = `R-${year}-${String(n).padStart(6, '0')}`;
    const title = `${writer.person()} and ${writer.organisation().replace(/^the /, '')}`;
    const lines = [`REPORT ${id}`, `Date: ${date}`, `Subject: ${title}`, ''];
    let length = lines.join('\n').length;
    while (length < target) {
      const paragraph = Array.from({ length: 2 + Math.floor(random() * 5) }, () => writer.sentence()).join(' ');
      lines.push(paragraph, '');
      length += paragraph.length + 2;
    }
    const text = lines.join('\n');
    produced += Buffer.byteLength(text, 'utf8');
    yield { id, title, date, text };
  }
}
