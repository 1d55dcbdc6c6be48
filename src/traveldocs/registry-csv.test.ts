import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCsvRecords } from '../watchlist/index.js';
import { parseRegistryCsv } from './registry-csv.js';
import { documentsInEntry, registryEntryId, validateRegistryEntry } from './registry-entry.js';

const header = 'country,type,number,number_end,status,reported,source,notes';
const parse = (...lines: string[]) => parseRegistryCsv(readCsvRecords(lines.join('\n') + '\n', 'registry.csv'));

describe('registry CSV', () => {
  it('reads single documents and serial ranges, normalising numbers, states, types and statuses', () => {
    const parsed = parse(
      header,
      'SYR,passport,N 0431-8872,,stolen-personalised,2024-03-02,Interior ministry,',
      'd,ID-Card,l0100000,L0149999,Stolen-Blank,,"Bundespolizei, Berlin","consignment lost in transit,\nnever delivered"',
      '',
      'IRQ,visa,00100,00200,lost,2023-12-31,,',
    );
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.entries, [
      {
        line: 2,
        entry: { country: 'SYR', type: 'passport', number: 'N04318872', numberEnd: null, status: 'stolen-personalised', reported: '2024-03-02', source: 'Interior ministry', notes: null },
      },
      {
        line: 3,
        entry: {
          country: 'D', type: 'id-card', number: 'L0100000', numberEnd: 'L0149999', status: 'stolen-blank', reported: null,
          source: 'Bundespolizei, Berlin', notes: 'consignment lost in transit,\nnever delivered',
        },
      },
      { line: 6, entry: { country: 'IRQ', type: 'visa', number: '00100', numberEnd: '00200', status: 'lost', reported: '2023-12-31', source: null, notes: null } },
    ]);
    assert.equal(documentsInEntry(parsed.entries[1]!.entry), 50_000);
  });

  it('reads the columns in any order, and optional ones may be left out', () => {
    const parsed = parse('status,number,country,type', 'lost,A123,GBR,passport');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.entries[0]?.entry, { country: 'GBR', type: 'passport', number: 'A123', numberEnd: null, status: 'lost', reported: null, source: null, notes: null });
  });

  const badRows: [string, string, RegExp][] = [
    ['a different prefix', 'SYR,passport,Q10,P12,stolen-blank,,,', /^number_end "P12" has a different prefix than number "Q10"$/],
    ['a different length', 'SYR,passport,P1200,P12000,stolen-blank,,,', /^number_end "P12000" has 6 characters and number "P1200" has 5/],
    ['an end before the start', 'SYR,passport,P1200,P1100,stolen-blank,,,', /^number_end "P1100" comes before number "P1200"$/],
    ['a start without digits at the end', 'SYR,passport,P12A,P12B,stolen-blank,,,', /^number "P12A" does not end in digits, so it cannot start a range$/],
    ['an unknown status', 'SYR,passport,P1200,,stolen,,,', /^status "stolen" is not one of stolen-blank, stolen-personalised, lost, revoked, invalid$/],
    ['an unknown type', 'SYR,pasport,P1200,,lost,,,', /^type "pasport" is not one of passport, id-card/],
    ['a bad issuing state', 'SYRIA,passport,P1200,,lost,,,', /^country "SYRIA" is not an issuing state/],
    ['an impossible date', 'SYR,passport,P1200,,lost,2024-02-30,,', /^reported "2024-02-30" is not a date \(use YYYY-MM-DD\)$/],
    ['a date in another format', 'SYR,passport,P1200,,lost,02/03/2024,,', /^reported "02\/03\/2024" is not a date/],
    ['no number', 'SYR,passport,,,lost,,,', /^number is required$/],
    ['no status', 'SYR,passport,P1200,,,,,', /^status is required$/],
    ['a number with other characters', 'SYR,passport,P12/00,,lost,,,', /^number "P12\/00" has "\/": only letters and digits/],
    ['too few fields', 'SYR,passport,P1200,lost', /^has 4 fields where the header has 8$/],
  ];
  for (const [what, row, reason] of badRows) {
    it(`reports a row with ${what} by its line, and reads the rows around it`, () => {
      const parsed = parse(header, 'SYR,passport,N1,,lost,,,', '', row, 'SYR,passport,N2,,lost,,,');
      assert.equal(parsed.problems.length, 1, JSON.stringify(parsed.problems));
      assert.equal(parsed.problems[0]!.line, 4);
      assert.match(parsed.problems[0]!.reason, reason);
      assert.deepEqual(parsed.entries.map((e) => [e.line, e.entry.number]), [[2, 'N1'], [5, 'N2']]);
    });
  }

  it('refuses a header with an unknown, a repeated or a missing column, on line 1', () => {
    for (const [head, reason] of [
      ['country,type,number,end,status', /^unknown column "end" in the header/],
      ['country,type,number,number,status', /^column "number" appears twice/],
      ['country,number,status', /^the header lacks "type"/],
    ] as const) {
      const parsed = parse(head, 'SYR,passport,N1,lost,x');
      assert.equal(parsed.entries.length, 0);
      assert.deepEqual(parsed.problems.map((p) => p.line), [1]);
      assert.match(parsed.problems[0]!.reason, reason);
    }
    assert.match(parseRegistryCsv([]).problems[0]!.reason, /^the file is empty/);
  });
});

describe('registry entries', () => {
  it('name the field as the caller calls it', () => {
    const result = validateRegistryEntry({ country: 'SYR', type: 'passport', number: 'P10', numberEnd: 'P09', status: 'lost' }, (f) => `--${f.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`);
    assert.deepEqual(result, { problem: '--number-end "P09" comes before --number "P10"' });
  });

  it('explain a range whose ends differ beyond the last 15 digits', () => {
    const result = validateRegistryEntry({ country: 'SYR', type: 'passport', number: 'P1000000000000000', numberEnd: 'P2000000000000000', status: 'lost' });
    assert.ok('problem' in result);
    assert.match(result.problem, /different prefix .*\(a range counts at most the last 15 digits\)$/);
  });

  it('get one id per report, another when anything in it differs', () => {
    const entry = { country: 'SYR', type: 'passport', number: 'P10', numberEnd: null, status: 'lost', reported: null, source: null, notes: null } as const;
    assert.equal(registryEntryId(entry), registryEntryId({ ...entry }));
    assert.match(registryEntryId(entry), /^r_[0-9a-f]{20}$/);
    assert.notEqual(registryEntryId(entry), registryEntryId({ ...entry, status: 'revoked' }));
    assert.notEqual(registryEntryId(entry), registryEntryId({ ...entry, notes: 'found again' }));
  });
});
