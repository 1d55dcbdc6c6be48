import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EdifactSeparators } from './paxlst-lexer.js';
import { parsePaxlst, type Flight, type PaxlstTraveller } from './paxlst.js';
import { writePaxlst, type WrittenList, type WrittenTraveller } from './paxlst-test-writer.js';

const today = '2025-06-15';
const todayDay = Date.UTC(2025, 5, 15) / 86_400_000;

/** xorshift32: a small seeded generator, so a failing seed can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const maybe = <T>(make: () => T): T | null => (next() < 0.7 ? make() : null);
  return { next, int, pick, maybe };
}
type Random = ReturnType<typeof generator>;

// Candidates for separators, and characters names may contain: every one of them may end up a separator, so
// names exercise the release character.
const punctuation = ['+', ':', "'", '?', '*', '|', '~', '!', '#', '^', '/', '&', '@'] as const;
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜÑŁØÉ';

function randomSeparators(r: Random): EdifactSeparators {
  if (r.next() < 0.3) return { component: ':', element: '+', decimal: '.', release: '?', reserved: ' ', terminator: "'" };
  const pool = [...punctuation];
  const take = () => pool.splice(r.int(0, pool.length - 1), 1)[0]!;
  return { component: take(), element: take(), decimal: r.pick(['.', ',']), release: take(), reserved: r.next() < 0.5 ? ' ' : take(), terminator: take() };
}

const word = (r: Random) =>
  Array.from({ length: r.int(1, 9) }, (_, i) => (i > 0 && r.next() < 0.12 ? r.pick(punctuation) : letters[r.int(0, letters.length - 1)]!)).join('');
const code = (r: Random, length: number) => Array.from({ length }, () => r.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'])).join('');
const alphanumeric = (r: Random, length: number) =>
  Array.from({ length }, () => (r.next() < 0.1 ? r.pick(punctuation) : r.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789']))).join('');

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function randomTraveller(r: Random): WrittenTraveller {
  return {
    kind: r.next() < 0.8 ? 'passenger' : 'crew',
    surname: Array.from({ length: r.int(1, 2) }, () => word(r)).join(' '),
    givenNames: Array.from({ length: r.int(0, 3) }, () => word(r)).join(' '),
    sex: r.maybe(() => r.pick(['M', 'F', 'U', 'X'] as const)),
    // Within 98 years before today, so a two-digit year still has one past reading.
    birthDate: r.maybe(() => isoDay(todayDay - r.int(0, 98 * 365))),
    nationality: r.maybe(() => code(r, 3)),
    residence: r.maybe(() => code(r, 3)),
    birthPlace: r.maybe(() => code(r, r.int(3, 5))),
    embarkation: r.maybe(() => code(r, 3)),
    debarkation: r.maybe(() => code(r, 3)),
    clearance: r.maybe(() => code(r, 3)),
    bookingReference: r.maybe(() => alphanumeric(r, 6)),
    passengerReference: r.maybe(() => alphanumeric(r, r.int(8, 12))),
    documents: Array.from({ length: r.int(0, 2) }, () => ({
      type: r.pick(['P', 'I', 'V', 'AC']),
      number: alphanumeric(r, r.int(6, 9)),
      country: r.maybe(() => code(r, 3)),
      // Within ten years either side of today, so the nearest century is the right one.
      expiry: r.maybe(() => isoDay(todayDay + r.int(-3650, 3650))),
    })),
  };
}

function randomFlight(r: Random): Flight {
  const time = () => {
    const minute = (todayDay + r.int(-300, 300)) * 1440 + r.int(0, 1439);
    return new Date(minute * 60_000).toISOString().slice(0, 16);
  };
  return {
    carrier: r.next() < 0.7 ? code(r, 2) : code(r, 3),
    number: String(r.int(1, 9999)),
    departure: { airport: code(r, 3), time: time() },
    arrival: { airport: code(r, 3), time: time() },
  };
}

function randomList(seed: number): WrittenList {
  const r = generator(seed);
  const travellers = Array.from({ length: r.int(1, 8) }, () => randomTraveller(r));
  return {
    separators: randomSeparators(r),
    withUna: r.next() < 0.5,
    lineBreak: r.pick(['', '\n', '\r\n'] as const),
    messageReference: `M${seed}`,
    flight: randomFlight(r),
    flightTimesWithCentury: r.next() < 0.5,
    travellers,
    layouts: travellers.map(() => ({ fourDigitYears: r.next() < 0.3, nameElement: r.pick([3, 4] as const), givenNamesInOneComponent: r.next() < 0.3 })),
  };
}

function expectedTravellers(list: WrittenList, nadSegments: number[]): PaxlstTraveller[] {
  return list.travellers.map((t, i) => ({
    ...t,
    id: `${list.messageReference}-${i + 1}`,
    name: t.givenNames === '' ? t.surname : `${t.givenNames} ${t.surname}`,
    flight: 0,
    segmentIndex: nadSegments[i]!,
  }));
}

describe('PAXLST round trip', () => {
  it('parses 300 seeded random traveller lists back to the travellers written', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const list = randomList(seed);
      const { text, nadSegments } = writePaxlst(list);
      const parsed = parsePaxlst(text, { today });
      const context = `seed ${seed}:\n${text}`;
      assert.deepEqual(parsed.problems, [], context);
      assert.deepEqual(parsed.flights, [list.flight], context);
      assert.deepEqual(parsed.travellers, expectedTravellers(list, nadSegments), context);
    }
  });

  it('generates lists that exercise UNA, release characters, both name placements and two-digit years', () => {
    const lists = Array.from({ length: 300 }, (_, i) => randomList(i + 1));
    const share = (test: (list: WrittenList) => boolean) => lists.filter(test).length / lists.length;
    const released = (list: WrittenList) => {
      const { component, element, release, terminator } = list.separators;
      const values = list.travellers.flatMap((t) => [t.surname, t.givenNames, ...t.documents.map((d) => d.number)]);
      return values.some((v) => [component, element, release, terminator].some((c) => v.includes(c)));
    };
    assert.ok(share((l) => l.separators.element !== '+') > 0.4, 'non-default separators');
    assert.ok(share(released) > 0.3, 'names holding a service character');
    assert.ok(share((l) => l.layouts.some((x) => x.nameElement === 3)) > 0.4, 'names in C058');
    assert.ok(share((l) => l.layouts.some((x) => !x.fourDigitYears) && l.travellers.some((t) => t.birthDate !== null)) > 0.5, 'two-digit birth years');
    assert.ok(share((l) => l.lineBreak === '') > 0.2, 'no line breaks');
  });
});
