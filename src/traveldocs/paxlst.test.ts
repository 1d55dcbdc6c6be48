import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { packageRoot } from '../package-root.js';
import { parsePaxlst, type ParsedPaxlst } from './paxlst.js';

// tsc does not copy fixtures: they are read from the source tree.
const fixtureFolder = join(packageRoot, 'src', 'traveldocs', 'fixtures', 'paxlst');
const today = '2025-06-15';
const parse = (text: string) => parsePaxlst(text, { today });

const envelope = (body: string[], { count, reference = 'M1' }: { count?: number; reference?: string } = {}) =>
  ["UNB+UNOA:4+S:ZZ+R:ZZ+250615:1200+IC1'", `UNH+M1+PAXLST:D:02B:UN:IATA'`, ...body, `UNT+${count ?? body.length + 2}+${reference}'`, "UNZ+1+IC1'"].join('\n');

const flight = ["BGM+745'", "TDT+20+LH123'", "LOC+125+FRA'", "DTM+189:2506151000:201'", "LOC+87+CDG'", "DTM+232:2506151115:201'"];

const messages = (result: ParsedPaxlst) => result.problems.map((p) => p.message);

describe('parsePaxlst golden fixtures', () => {
  const cases = readdirSync(fixtureFolder).sort();

  it('has the five hand-written cases', () => {
    assert.deepEqual(cases, ['01-passenger-list', '02-una-separators', '03-release-characters', '04-crew-list', '05-bad-segments']);
  });

  for (const name of cases) {
    it(`reads ${name} into its expected flights, travellers and problems`, () => {
      const input = readFileSync(join(fixtureFolder, name, 'input.edi'), 'utf8');
      const expected = JSON.parse(readFileSync(join(fixtureFolder, name, 'expected.json'), 'utf8')) as ParsedPaxlst;
      assert.deepEqual(parse(input), expected);
    });
  }
});

describe('parsePaxlst travellers', () => {
  it('reads the name from C058 (element 3) when C080 (element 4) is empty, and prefers C080 when both are sent', () => {
    const result = parse(envelope([...flight, "NAD+FL++ALDER:MIRA'", "NAD+FL++IGNORED:LINE+BRACKEN:OTTO:PIERS'"]));
    assert.deepEqual(
      result.travellers.map((t) => [t.surname, t.givenNames, t.name]),
      [
        ['ALDER', 'MIRA', 'MIRA ALDER'],
        ['BRACKEN', 'OTTO PIERS', 'OTTO PIERS BRACKEN'],
      ],
    );
    assert.deepEqual(result.problems, []);
  });

  it('splits IATA, alphanumeric and ICAO designators from the flight number, and uses the TDT carrier element when sent', () => {
    const carriers = ['LH123', 'U21234', '9W7A', 'BAW1', 'X9 0042'].map((reference) => {
      const { flights } = parse(envelope(["BGM+745'", `TDT+20+${reference}'`]));
      return [flights[0]!.carrier, flights[0]!.number];
    });
    assert.deepEqual(carriers, [['LH', '123'], ['U2', '1234'], ['9W', '7A'], ['BAW', '1'], ['X9', '0042']]);
    const numberOnly = parse(envelope(["BGM+745'", "TDT+20+0815+++LH'"]));
    assert.deepEqual([numberOnly.flights[0]!.carrier, numberOnly.flights[0]!.number], ['LH', '0815']);
  });

  it('reports a conveyance reference that is not a flight and keeps it as the number', () => {
    const result = parse(envelope(["BGM+745'", "TDT+20+CHARTER'"]));
    assert.deepEqual([result.flights[0]!.carrier, result.flights[0]!.number], ['', 'CHARTER']);
    assert.match(messages(result)[0]!, /TDT conveyance reference "CHARTER"/);
  });

  it('skips the segments of a party with an unknown function code without touching the traveller before it', () => {
    const result = parse(envelope([...flight, "NAD+FL+++FERRIS:NOLA'", "NAT+2+NZL'", "NAD+ZZ+++WHO:EVER'", "NAT+2+XXX'", "ATT+2++M'", "NAD+FL+++GRANT:ILSE'", "NAT+2+AUT'"]));
    assert.deepEqual(result.travellers.map((t) => [t.surname, t.nationality, t.sex]), [['FERRIS', 'NZL', null], ['GRANT', 'AUT', null]]);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0]!.tag, 'NAD');
    assert.match(result.problems[0]!.message, /party function "ZZ"/);
  });

  it('reports a document issuing country or expiry with no DOC before it', () => {
    const result = parse(envelope([...flight, "NAD+FL+++HALE:RUTH'", "LOC+91+NZL'", "DTM+36:300101'"]));
    assert.deepEqual(result.travellers[0]!.documents, []);
    assert.deepEqual(result.problems.map((p) => [p.tag, p.code]), [['LOC', 'paxlst.structure'], ['DTM', 'paxlst.structure']]);
  });

  it('reports a traveller listed before any flight and gives it no flight', () => {
    const result = parse(envelope(["BGM+745'", "NAD+FL+++KEMP:ADA'"]));
    assert.equal(result.travellers[0]!.flight, null);
    assert.match(messages(result)[0]!, /before any TDT/);
  });

  it('numbers travellers of several messages apart and points each at its own flight', () => {
    const second = ["UNH+M2+PAXLST:D:02B:UN:IATA'", "BGM+745'", "TDT+20+AF9'", "NAD+FL+++LAMB:IRIS'", "UNT+5+M2'"];
    const text = envelope([...flight, "NAD+FL+++MOSS:ELI'"]).replace("UNZ+1+IC1'", [...second, "UNZ+2+IC1'"].join(''));
    const result = parse(text);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.travellers.map((t) => [t.id, t.flight]), [['M1-1', 0], ['M2-1', 1]]);
  });
});

describe('parsePaxlst envelope checks', () => {
  it('reports a UNT whose reference is not its UNH reference', () => {
    const result = parse(envelope(flight, { reference: 'M9' }));
    assert.deepEqual(result.problems.map((p) => [p.code, p.tag]), [['paxlst.reference', 'UNT']]);
    assert.match(result.problems[0]!.message, /"M9" differs from UNH reference "M1"/);
  });

  it('reports a UNZ whose control reference or message count differs from what was read', () => {
    const result = parse(envelope(flight).replace("UNZ+1+IC1'", "UNZ+2+IC7'"));
    assert.deepEqual(messages(result), ['UNZ says 2 messages, counted 1', 'UNZ reference "IC7" differs from UNB reference "IC1" (segment 1)']);
  });

  it('counts groups, not messages, in UNZ when the interchange has groups, and checks UNE against UNG', () => {
    const text = ["UNB+UNOA:4+S+R+250615:1200+IC1'", "UNG+PAXLST+S+R+250615:1200+G5+UN+D:02B'", "UNH+M1+PAXLST:D:02B:UN:IATA'", "BGM+745'", "UNT+3+M1'", "UNE+2+G6'", "UNZ+1+IC1'"].join('');
    assert.deepEqual(messages(parse(text)), ['UNE says 2 messages, counted 1', 'UNE reference "G6" differs from UNG reference "G5" (segment 2)']);
  });

  it('reports a message without UNT and an interchange without UNZ, keeping the travellers read', () => {
    const text = ["UNB+UNOA:4+S+R+250615:1200+IC1'", "UNH+M1+PAXLST:D:02B:UN:IATA'", ...flight, "NAD+FL+++NORTH:WREN'"].join('\n');
    const result = parse(text);
    assert.equal(result.travellers.length, 1);
    assert.deepEqual(messages(result), ['message M1 has no UNT', 'interchange IC1 has no UNZ']);
  });

  it('reports segments outside a message and a UNH of another message type, reading neither', () => {
    const text = ["UNB+UNOA:4+S+R+250615:1200+IC1'", "NAD+FL+++STRAY:ONE'", "UNH+M1+CUSRES:D:02B:UN'", "NAD+FL+++OTHER:TWO'", "UNT+3+M1'", "UNZ+1+IC1'"].join('\n');
    const result = parse(text);
    assert.deepEqual(result.travellers, []);
    assert.deepEqual(result.problems.map((p) => [p.tag, p.segment, p.line]), [['NAD', 2, 2], ['UNH', 3, 3]]);
  });

  it('gives the line and column of a segment that shares its line with others', () => {
    const text = "UNB+UNOA:4+S+R+250615:1200+IC1'\nUNH+M1+PAXLST:D:02B:UN:IATA'BGM+745'TDT+20+LH1'\n  NAD+FL+++KEY:AL'ATT+2++Z'UNT+6+M1'UNZ+1+IC1'";
    const [problem] = parse(text).problems;
    assert.deepEqual(problem, { code: 'paxlst.value', tag: 'ATT', segment: 6, line: 3, column: 19, message: 'ATT+2 sex "Z" is not one of M, F, U, X' });
  });
});

describe('parsePaxlst unreadable interchanges', () => {
  for (const [what, text] of [
    ['empty text', ''],
    ['prose', 'Dear customs, please find the passengers attached.'],
    ['a UNB with no message', "UNB+UNOA:4+S+R+250615:1200+IC1'UNZ+0+IC1'"],
  ] as const) {
    it(`gives problems and no travellers for ${what}, without throwing`, () => {
      const result = parse(text);
      assert.deepEqual(result.travellers, []);
      assert.ok(result.problems.some((p) => p.message.startsWith('no UNH message header')));
    });
  }

  it('reads nothing when a release character at the end leaves the last terminator escaped', () => {
    const result = parse(envelope([...flight, "NAD+FL+++ROOK:TESS'"]) + '?');
    assert.deepEqual([result.flights, result.travellers], [[], []]);
    assert.deepEqual(result.problems.map((p) => p.code), ['paxlst.syntax']);
    assert.match(result.problems[0]!.message, /releases nothing/);
  });

  it('reads nothing when UNA is cut short', () => {
    const result = parse("UNA:+.");
    assert.deepEqual(result.travellers, []);
    assert.deepEqual(result.problems.map((p) => [p.code, p.tag]), [['paxlst.syntax', 'UNA']]);
  });

  it('refuses a today that is not a date, since that is the caller’s mistake, not the sender’s', () => {
    assert.throws(() => parsePaxlst('', { today: '15/06/2025' }), RangeError);
  });
});
