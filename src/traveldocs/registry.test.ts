import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseDocumentNumber, splitDocumentNumber } from './document-number.js';
import { DocumentRegistryIndex, type RegistryHit } from './registry.js';
import { seededRandom } from '../seeded-random.js';

interface Entry {
  id: string;
  country: string;
  number: string;
  numberEnd: string | null;
  status: string;
}

const single = (id: string, country: string, number: string, status = 'lost'): Entry => ({ id, country, number, numberEnd: null, status });
const range = (id: string, country: string, number: string, numberEnd: string, status = 'stolen-blank'): Entry => ({ id, country, number, numberEnd, status });

const ids = (hits: RegistryHit<Entry>[]) => hits.map((h) => `${h.entry.id}:${h.match}`);

const registry = () =>
  new DocumentRegistryIndex<Entry>([
    single('one', 'SYR', 'N04318872', 'stolen-personalised'),
    range('blanks', 'SYR', 'P1200000', 'P1249999'),
    range('overlap', 'SYR', 'P1240000', 'P1300000', 'revoked'),
    range('inside', 'SYR', 'P1245000', 'P1245010', 'invalid'),
    range('german', 'D', 'P1200000', 'P1200999', 'lost'),
    range('other-prefix', 'SYR', 'Q1200000', 'Q1249999'),
    range('digits-only', 'IRQ', '00100', '00200'),
  ]);

describe('document registry index', () => {
  it('finds a single document by its number, with its status', () => {
    const hits = registry().lookup('N04318872', 'SYR');
    assert.deepEqual(hits.map((h) => [h.entry.id, h.match, h.status]), [['one', 'exact', 'stolen-personalised']]);
  });

  it('finds a range at its first booklet, its last booklet and inside', () => {
    const index = registry();
    assert.deepEqual(ids(index.lookup('P1200000', 'SYR')), ['blanks:range']);
    assert.deepEqual(ids(index.lookup('P1239999', 'SYR')), ['blanks:range']);
    assert.deepEqual(ids(index.lookup('P1300000', 'SYR')), ['overlap:range']);
    assert.deepEqual(ids(index.lookup('P1212345', 'SYR')), ['blanks:range']);
  });

  it('finds nothing just outside a range', () => {
    const index = registry();
    assert.deepEqual(index.lookup('P1199999', 'SYR'), []);
    assert.deepEqual(index.lookup('P1300001', 'SYR'), []);
    assert.deepEqual(index.lookup('00099', 'IRQ'), []);
    assert.deepEqual(index.lookup('00201', 'IRQ'), []);
  });

  it('reports every one of overlapping ranges, in order of their first booklet', () => {
    const index = registry();
    assert.deepEqual(ids(index.lookup('P1245005', 'SYR')), ['blanks:range', 'overlap:range', 'inside:range']);
    assert.deepEqual(ids(index.lookup('P1249999', 'SYR')), ['blanks:range', 'overlap:range']);
    assert.deepEqual(ids(index.lookup('P1245011', 'SYR')), ['blanks:range', 'overlap:range']);
  });

  it('keeps issuing states apart when one is given, and searches them all when not', () => {
    const index = registry();
    assert.deepEqual(ids(index.lookup('P1200500', 'D')), ['german:range']);
    assert.deepEqual(ids(index.lookup('P1201000', 'D')), []);
    assert.deepEqual(index.lookup('N04318872', 'IRQ'), []);
    assert.deepEqual(ids(index.lookup('P1200500')), ['german:range', 'blanks:range']);
    assert.deepEqual(ids(index.lookup('N04318872')), ['one:exact']);
  });

  it('does not match a number with another prefix or another length', () => {
    const index = registry();
    assert.deepEqual(ids(index.lookup('Q1200500', 'SYR')), ['other-prefix:range']);
    assert.deepEqual(index.lookup('R1200500', 'SYR'), []);
    assert.deepEqual(index.lookup('P01200500', 'SYR'), [], 'one digit longer');
    assert.deepEqual(index.lookup('P120050', 'SYR'), [], 'one digit shorter');
    assert.deepEqual(index.lookup('0100', 'IRQ'), [], 'the serial without its leading zero');
    assert.deepEqual(index.lookup('N0431887', 'SYR'), []);
  });

  it('reads numbers and states in any case, with spaces, dashes and MRZ fillers', () => {
    const index = registry();
    assert.deepEqual(ids(index.lookup('n 0431-8872', 'syr')), ['one:exact']);
    assert.deepEqual(ids(index.lookup('P1212345<<', 'SYR<')), ['blanks:range']);
    assert.deepEqual(ids(index.lookup('p–120 0500', 'd<<')), ['german:range']);
    assert.deepEqual(index.lookup('<<<', 'SYR'), []);
  });

  it('finds documents only by exact number when they do not end in digits', () => {
    const index = new DocumentRegistryIndex<Entry>([single('letters', 'GBR', '12345AB')]);
    assert.deepEqual(ids(index.lookup('12345ab')), ['letters:exact']);
    assert.deepEqual(index.lookup('12345AC'), []);
  });

  it('finds entries added later beside those it was built with', () => {
    const index = new DocumentRegistryIndex<Entry>([range('first', 'SYR', 'P1000', 'P1999')]);
    index.add([range('second', 'SYR', 'P1500', 'P2500'), single('third', 'SYR', 'P1700')]);
    assert.deepEqual(ids(index.lookup('P1700')), ['third:exact', 'first:range', 'second:range']);
    assert.deepEqual(ids(index.lookup('P2100')), ['second:range']);
    assert.equal(index.size, 3);
  });
});

describe('document numbers', () => {
  it('split into the prefix and the serial counted on, keeping the whole length', () => {
    assert.deepEqual(splitDocumentNumber('P1200000'), { prefix: 'P', serial: 1200000, length: 8 });
    assert.deepEqual(splitDocumentNumber('00100'), { prefix: '', serial: 100, length: 5 });
    assert.deepEqual(splitDocumentNumber('AB12C345'), { prefix: 'AB12C', serial: 345, length: 8 });
    assert.deepEqual(splitDocumentNumber('12345AB'), { prefix: '12345AB', serial: null, length: 7 });
    assert.deepEqual(splitDocumentNumber('X12345678901234567'), { prefix: 'X12', serial: 345678901234567, length: 18 });
  });

  it('normalise to upper case without separators', () => {
    assert.equal(normaliseDocumentNumber(' l898-902 c<<'), 'L898902C');
    assert.equal(normaliseDocumentNumber('A\u2212123\u00a0456'), 'A123456');
  });
});

// --- property: the index returns exactly what a scan of every entry returns ---


/** The reference: every entry compared as text, numbers of one length compared digit by digit. */
function scan(entries: Entry[], number: string, country?: string): string[] {
  const n = number.toUpperCase().replace(/[\s<-]/g, '');
  return entries
    .filter((e) => country === undefined || e.country === country)
    .filter((e) => {
      if (e.numberEnd === null) return e.number === n;
      const prefix = e.number.replace(/\d+$/, '');
      return n.length === e.number.length && n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)) && n >= e.number && n <= e.numberEnd;
    })
    .map((e) => `${e.id}:${e.numberEnd === null ? 'exact' : 'range'}`)
    .sort();
}

describe('document registry index against a full scan', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`returns what a scan returns on seeded random ranges (seed ${seed})`, () => {
      const random = seededRandom(seed);
      const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
      const countries = ['SYR', 'IRQ', 'D'];
      const prefixes = ['P', 'AB', ''];
      const numberOf = (prefix: string, digits: number, serial: number) => prefix + String(serial).padStart(digits, '0');
      const entries: Entry[] = [];
      for (let i = 0; i < 1500; i++) {
        const prefix = pick(prefixes);
        const digits = pick([4, 5]);
        const start = Math.floor(random() * 10 ** digits);
        if (random() < 0.4) {
          entries.push(single(`e${i}`, pick(countries), numberOf(prefix, digits, start)));
        } else {
          const end = Math.min(10 ** digits - 1, start + Math.floor(random() ** 3 * 3000));
          entries.push(range(`e${i}`, pick(countries), numberOf(prefix, digits, start), numberOf(prefix, digits, end)));
        }
      }
      const index = new DocumentRegistryIndex<Entry>();
      index.add(entries.slice(0, 1000));
      index.add(entries.slice(1000));
      let withHits = 0;
      for (let q = 0; q < 3000; q++) {
        const edge = pick(entries);
        const number = random() < 0.5
          ? numberOf(pick(prefixes), pick([3, 4, 5, 6]), Math.floor(random() * 100_000) % 10 ** 5)
          : (() => {
              const end = edge.numberEnd ?? edge.number;
              const { prefix, serial } = splitDocumentNumber(pick([edge.number, end]));
              return numberOf(prefix, end.length - prefix.length, Math.max(0, serial! + pick([-1, 0, 1])));
            })();
        const country = random() < 0.3 ? undefined : pick(countries);
        const expected = scan(entries, number, country);
        assert.deepEqual(ids(index.lookup(number, country)).sort(), expected, `${number} ${country ?? '(any state)'}`);
        if (expected.length > 0) withHits++;
      }
      assert.ok(withHits > 1000, `only ${withHits} queries had hits: the test would not test much`);
    });
  }
});
