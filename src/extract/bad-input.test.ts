// Extraction on input that is not the English prose it was written for: other scripts, bytes that were never text,
// one line of megabytes, a hundred thousand entities, pathological punctuation. It must return, with offsets that
// hold, in time that grows linearly with the input. Times are compared as ratios within one test (4× the input
// must take well under 8× the time; quadratic work takes 16×), never against a clock, so a busy machine does not fail them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../seeded-random.js';
import { extractMentions, type ExtractOptions } from './extract-mentions.js';
import type { ExtractedMention } from './mention.js';
import { loadNerModel, type NerModel } from './ner/index.js';
import { findEmails, findPhones } from './patterns/identifiers.js';
import { maxSentenceLength, splitSentences } from './sentences.js';

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Words from `words` joined by spaces (and `separator` now and then) up to `length` characters. */
function prose(random: Random, words: readonly string[], length: number, separator = ' '): string {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const word = pick(random, words) + (random() < 0.1 ? separator : ' ');
    parts.push(word);
    size += word.length;
  }
  return parts.join('').slice(0, length);
}

function randomBytes(random: Random, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

const arabicWords = ['قال', 'أبو', 'محمد', 'العدناني', 'في', 'الرقة', 'مع', 'عبد', 'الله', 'بن', 'دير', 'الزور', 'أمس', 'مقاتلا', '٣٠٠', 'دولار', '+٩٦٣ ٩٤٤ ١٢٣ ٤٥٦'];
const russianWords = ['Президент', 'встретился', 'в', 'Москве', 'с', 'Ахмадом', 'Кадыровым', 'заявил', 'что', 'боевики', 'Грозный', 'ИГИЛ', '2015', 'года'];
const chineseWords = ['北京', '会见', '代表团', '恐怖', '组织', '阿布', '穆罕默德', '在', '了', '叙利亚', '拉卡', '2015年'];
const englishWords = ['the', 'convoy', 'left', 'Raqqa', 'with', 'Abu', 'Omar', 'al-Tikriti', 'and', 'paid', '$4', 'million', 'to', 'Khalid', 'Hassan', 'in', '2014', 'near', 'Mosul', 'for', 'Syrian', 'Democratic', 'Forces', '(SDF)'];

/** Generators of bad input, each seeded and of the length asked for. */
const inputs: Record<string, (length: number) => string> = {
  'Arabic text': (n) => prose(seededRandom(1), arabicWords, n, '، '),
  'Russian text': (n) => prose(seededRandom(2), russianWords, n, '. '),
  'Chinese text': (n) => prose(seededRandom(3), chineseWords, n, '。'),
  'random bytes decoded as UTF-8': (n) => new TextDecoder('utf-8').decode(randomBytes(seededRandom(4), n)),
  'random bytes decoded as latin1': (n) => Buffer.from(randomBytes(seededRandom(5), n)).toString('latin1'),
  'one line of English words without sentence punctuation': (n) => prose(seededRandom(6), englishWords, n),
  'very long words': (n) => prose(seededRandom(7), ['a'.repeat(5_000), 'B'.repeat(3_000), 'al-'.repeat(1_000), 'x1'.repeat(2_000)], n),
  'deeply repeated punctuation': (n) => prose(seededRandom(8), ['!!!!!!!!', '?..?..', '((((((', '))))))', '""""', '....', '-–—', '…', '. . . .'], n, ''),
  'lone surrogates': (n) => prose(seededRandom(9), ['\ud800', '\udc00', 'Abu\ud83d', '\ude00Omar', 'Raqqa\udbff', '\ud83d\ude00'], n, '. '),
  'NUL bytes': (n) => prose(seededRandom(10), ['\u0000', 'Abu\u0000Omar', 'Raqqa', '+963\u0000944 123 456', '\u0000\u0000'], n),
  // Shapes that made a pattern read the text again from every position.
  'dots and letters with no @': (n) => 'a.'.repeat(n / 2),
  'one @ then dotted letters': (n) => 'a@' + 'b.'.repeat(n / 2 - 1),
  'hyphenated particles': (n) => 'al-'.repeat(Math.ceil(n / 3)).slice(0, n),
  'acronym definitions on one line': (n) => 'Abc Bcd Cde (ABC) '.repeat(Math.ceil(n / 18)).slice(0, n),
  'plus signs and digits': (n) => '+1 '.repeat(Math.ceil(n / 3)).slice(0, n),
};

function assertValidMentions(text: string, mentions: ExtractedMention[], label: string): void {
  for (const m of mentions) {
    const where = `${label}: ${JSON.stringify({ ...m, text: m.text.slice(0, 40) })}`;
    assert.ok(Number.isInteger(m.start) && Number.isInteger(m.end), where);
    assert.ok(m.start >= 0 && m.start < m.end && m.end <= text.length, where);
    assert.equal(text.slice(m.start, m.end), m.text, where);
    if (m.sentence) assert.ok(m.sentence.start >= 0 && m.sentence.start <= m.start && m.sentence.end <= text.length, where);
  }
}

function milliseconds(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * How much longer `run` takes on 4n characters than on n, n grown from `from` until one run takes long enough to time
 * (or `largest` is reached). The fastest of five runs of each size counts, the two sizes taking turns, so that one
 * garbage collection or a burst of other work on a shared machine does not decide.
 */
function growth(make: (length: number) => string, run: (text: string) => void, from: number, largest: number): { ratio: number; n: number; ms: number } {
  let n = from;
  let small = make(n);
  run(small);
  while (n * 2 <= largest && Math.min(milliseconds(() => run(small)), milliseconds(() => run(small))) < 20) small = make((n *= 2));
  const large = make(4 * n);
  let timeSmall = Number.POSITIVE_INFINITY;
  let timeLarge = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    timeSmall = Math.min(timeSmall, milliseconds(() => run(small)));
    timeLarge = Math.min(timeLarge, milliseconds(() => run(large)));
  }
  return { ratio: timeLarge / Math.max(timeSmall, 0.5), n, ms: timeLarge };
}

const rulesOnly: ExtractOptions = { model: null };

describe('extractMentions on bad input (rules and patterns)', () => {
  for (const [name, make] of Object.entries(inputs)) {
    it(`returns valid offsets on ${name}, in time linear in its length`, () => {
      const text = make(40_000);
      assertValidMentions(text, extractMentions(text, rulesOnly), name);
      const { ratio, n, ms } = growth(make, (t) => extractMentions(t, rulesOnly), 10_000, 160_000);
      assert.ok(ratio < 8, `${name}: ${4 * n} characters took ${ratio.toFixed(1)}× the time of ${n} (${ms.toFixed(0)} ms)`);
    });
  }

  it('reads a 10 MB line without sentence punctuation in pieces no longer than a sentence may be', () => {
    const random = seededRandom(11);
    const text = prose(random, ['the', 'convoy', 'left', 'with', 'and', 'paid', 'to', 'near', 'for', 'fighters', 'Raqqa', 'Abu Omar', 'in 2014'], 10_000_000);
    const spans = splitSentences(text);
    assert.ok(spans.length >= text.length / maxSentenceLength, `${spans.length} spans`);
    assert.ok(spans.every((s) => s.end - s.start <= maxSentenceLength));
    const mentions = extractMentions(text, rulesOnly);
    assertValidMentions(text, mentions, '10 MB line');
    assert.ok(mentions.some((m) => m.text === 'Raqqa' && m.type === 'LOCATION'), 'still finds the places in it');
  });

  it('finds every one of 100,000 phone numbers and names in one document, and on one line', () => {
    const random = seededRandom(12);
    const given = ['Ahmad', 'Khalid', 'Omar', 'Hamza', 'Bilal', 'Tariq', 'Yusuf'];
    const family = ['al-Tikriti', 'al-Rawi', 'al-Dulaimi', 'al-Jubouri', 'al-Obeidi', 'al-Zubaidi'];
    const parts: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const phone = `+963 9${30 + (i % 40)} ${String(100 + Math.floor(random() * 900))} ${String(100 + (i % 900))}`;
      parts.push(`Abu ${pick(random, given)} ${pick(random, family)} called ${phone}`);
    }
    const sentences = parts.join('. ') + '.';
    const sentenceMentions = extractMentions(sentences, rulesOnly);
    assertValidMentions(sentences, sentenceMentions, 'sentences');
    assert.equal(sentenceMentions.filter((m) => m.type === 'PHONE').length, 50_000);
    assert.equal(sentenceMentions.filter((m) => m.type === 'PERSON').length, 50_000);
    // On one line the text is read in pieces of a sentence's length, and a cut may fall inside a name (one in 2,000 characters).
    const line = parts.join(' and ');
    const lineMentions = extractMentions(line, rulesOnly);
    assertValidMentions(line, lineMentions, 'one line');
    assert.equal(lineMentions.filter((m) => m.type === 'PHONE').length, 50_000);
    const people = lineMentions.filter((m) => m.type === 'PERSON').length;
    assert.ok(Math.abs(people - 50_000) <= line.length / maxSentenceLength, `${people} people`);
  });
});

describe('finders on bad input', () => {
  it('reads e-mail addresses in time linear in the text, whatever runs of address characters it holds', () => {
    for (const name of ['dots and letters with no @', 'one @ then dotted letters', 'hyphenated particles'] as const) {
      const { ratio, n } = growth(inputs[name]!, findEmails, 20_000, 640_000);
      assert.ok(ratio < 8, `${name}: ${4 * n} characters took ${ratio.toFixed(1)}× the time of ${n}`);
    }
    const text = `${'a.'.repeat(5_000)} write to Courier.Cell@Example.org today`;
    assert.deepEqual(findEmails(text).map((m) => [m.text, text.slice(m.start, m.end)]), [['Courier.Cell@Example.org', 'Courier.Cell@Example.org']]);
  });

  it('finds phone numbers after a plus sign, at their offsets in the whole text, and the local one in their country', () => {
    const text = 'No number here: 2014, 3,000 dollars.\nCall +963 944 123 456 now.\r\nNone: 0944 123 456.\n(+90 532 111 2233)' +
      '\nOn 12 May 2019 he paid 4,000 to +44 20 7946 0958, then 2,500 to (+963) 11-234-5678; not +12 or + 2019.' +
      '\nTel: +44 20 7946 0958 extension 1234567 (office), +963 944 123 456+963 944 123 457.';
    assert.deepEqual(findPhones(text).map((m) => [text.slice(m.start, m.end), m.value]), [
      ['+963 944 123 456', '+963944123456'],
      ['0944 123 456', '+963944123456'], // most of the numbers are Syrian
      ['+90 532 111 2233', '+905321112233'],
      ['+44 20 7946 0958', '+442079460958'],
      ['(+963) 11-234-5678', '+963112345678'],
      ['+44 20 7946 0958', '+442079460958'], // the extension is not part of the number
      ['+963 944 123 456', '+963944123456'],
      ['+963 944 123 457', '+963944123457'],
    ]);
  });

  it('reads a megabyte line of local numbers, or of digits, whole, with each number found once', () => {
    const numbers = '0944 123 456 '.repeat(80_000);
    assert.equal(findPhones(numbers, { country: 'SY' }).length, 80_000);
    assert.equal(findPhones('0944123456'.repeat(100_000), { country: 'SY' }).length, 0);
    // Numbers written in pairs, and pairs that make none: every group starts a candidate.
    assert.equal(findPhones('09 44 12 34 56 '.repeat(70_000), { country: 'SY' }).length, 70_000);
    assert.equal(findPhones('12 34 56 78 90 '.repeat(70_000), { country: 'SY' }).length, 0);
    const withInternational = `Tel. +963 944 111 222.\n${numbers}`;
    const mentions = extractMentions(withInternational, rulesOnly).filter((m) => m.type === 'PHONE');
    assertValidMentions(withInternational, mentions, 'local numbers');
    assert.deepEqual([mentions.length, mentions[1]?.method], [80_001, 'pattern:phone-local-inferred']);
  });

  it('cuts a run longer than a sentence after a clause mark or a space, never inside a surrogate pair', () => {
    const clauses = 'word, '.repeat(1_000);
    for (const s of splitSentences(clauses)) assert.ok(clauses.slice(s.start, s.end).endsWith(','), 'cut after a comma');
    const emoji = '\ud83d\ude00'.repeat(3_000);
    const spans = splitSentences(emoji);
    assert.ok(spans.length > 1);
    for (const s of spans) assert.ok(!/^[\udc00-\udfff]/.test(emoji.slice(s.start)) && s.end - s.start <= maxSentenceLength);
    // Sentences of ordinary length are left as they are.
    const sentence = `${'He crossed the river at night with the others, '.repeat(30)}then left.`;
    assert.deepEqual(splitSentences(sentence), [{ start: 0, end: sentence.length }]);
  });
});

/** The shipped model, or why it cannot be used here (its file is rebuilt by npm run train:ner). */
function shippedModel(): NerModel | string {
  try {
    return loadNerModel();
  } catch (error) {
    return (error as Error).message;
  }
}

describe('extractMentions on bad input (with the shipped model)', () => {
  const model = shippedModel();
  const skip = typeof model === 'string' ? `the shipped model cannot be loaded: ${model}` : false;
  for (const name of ['random bytes decoded as UTF-8', 'one line of English words without sentence punctuation', 'lone surrogates', 'acronym definitions on one line'] as const) {
    it(`returns valid offsets on ${name}, in time linear in its length`, { skip }, () => {
      const options: ExtractOptions = { model: model as NerModel };
      const make = inputs[name]!;
      const text = make(20_000);
      assertValidMentions(text, extractMentions(text, options), name);
      const { ratio, n, ms } = growth(make, (t) => extractMentions(t, options), 5_000, 40_000);
      assert.ok(ratio < 8, `${name}: ${4 * n} characters took ${ratio.toFixed(1)}× the time of ${n} (${ms.toFixed(0)} ms)`);
    });
  }
});
