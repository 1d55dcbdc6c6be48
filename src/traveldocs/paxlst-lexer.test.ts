import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { componentOf, defaultSeparators, lexEdifact } from './paxlst-lexer.js';

/** Each segment as its elements, the tag first. */
const shape = (text: string) => lexEdifact(text).segments.map((s) => s.elements);

describe('lexEdifact splitting (ISO 9735-1)', () => {
  const cases: { name: string; text: string; elements: string[][][] }[] = [
    { name: 'elements and components with the default separators', text: "NAD+FL+++DOE:JANE'", elements: [[['NAD'], ['FL'], [''], [''], ['DOE', 'JANE']]] },
    { name: 'empty elements and components kept in place', text: "DOC+P::111++X'", elements: [[['DOC'], ['P', '', '111'], [''], ['X']]] },
    { name: 'an empty trailing element', text: "ATT+2+'", elements: [[['ATT'], ['2'], ['']]] },
    { name: 'a released terminator inside a name', text: "NAD+FL+++O?'BRIEN'", elements: [[['NAD'], ['FL'], [''], [''], ["O'BRIEN"]]] },
    { name: 'a released release character', text: "FTX+A??B'", elements: [[['FTX'], ['A?B']]] },
    { name: 'released element and component separators', text: "RFF+AVF:A?+B?:C'", elements: [[['RFF'], ['AVF', 'A+B:C']]] },
    { name: 'segments with no line breaks between them', text: "BGM+745'CNT+42:0'", elements: [[['BGM'], ['745']], [['CNT'], ['42', '0']]] },
    { name: 'whitespace and CRLF after terminators ignored', text: "BGM+745'\r\n  \tCNT+42:0'\n", elements: [[['BGM'], ['745']], [['CNT'], ['42', '0']]] },
    { name: 'a line break inside a segment dropped as line wrapping', text: "NAD+FL+++LONG\nNAME'", elements: [[['NAD'], ['FL'], [''], [''], ['LONGNAME']]] },
    { name: 'spaces inside values kept', text: "NAD+MS+++API DESK'", elements: [[['NAD'], ['MS'], [''], [''], ['API DESK']]] },
    { name: 'UNA separators replacing the defaults', text: "UNA|*.\\ ~\nNAD*FL***DOE|JO\\~E'S~", elements: [[['NAD'], ['FL'], [''], [''], ['DOE', "JO~E'S"]]] },
    { name: 'a UNA with a space for release character, so none is used', text: "UNA:+.  'FTX+A?B'", elements: [[['FTX'], ['A?B']]] },
  ];
  for (const c of cases) {
    it(`reads ${c.name}`, () => {
      const lexed = lexEdifact(c.text);
      assert.deepEqual(lexed.problems, []);
      assert.deepEqual(shape(c.text), c.elements);
    });
  }

  it('reads the separators from UNA and defaults to :+.? \' without it', () => {
    assert.deepEqual(lexEdifact("UNA#^,! |BGM^745|").separators, { component: '#', element: '^', decimal: ',', release: '!', reserved: ' ', terminator: '|' });
    assert.deepEqual(lexEdifact("BGM+745'").separators, defaultSeparators);
  });

  it('numbers segments from 1 after UNA and gives each its line and column', () => {
    const segments = lexEdifact("UNA:+.? '\nUNB+X'UNH+1'\n  BGM+745'").segments;
    assert.deepEqual(segments.map((s) => [s.tag, s.number, s.line, s.column]), [['UNB', 1, 2, 1], ['UNH', 2, 2, 7], ['BGM', 3, 3, 3]]);
  });

  it('counts released characters as two columns of text', () => {
    const [, second] = lexEdifact("FTX+??'CNT+1'").segments;
    assert.equal(second!.column, 8);
  });

  it('returns an empty component for positions the segment stops short of', () => {
    const [segment] = lexEdifact("DTM+329'").segments;
    assert.equal(componentOf(segment!, 1, 0), '329');
    assert.equal(componentOf(segment!, 1, 1), '');
    assert.equal(componentOf(segment!, 7), '');
  });
});

describe('lexEdifact faults', () => {
  it('marks the text unreadable when a release character ends it', () => {
    const lexed = lexEdifact("BGM+745'FTX+AB?");
    assert.equal(lexed.unreadable, true);
    assert.deepEqual(lexed.segments, []);
    assert.deepEqual(lexed.problems.map((p) => [p.code, p.line, p.column]), [['paxlst.syntax', 1, 15]]);
  });

  it('marks the text unreadable when UNA is short or gives one character two roles', () => {
    for (const text of ['UNA:+', "UNA::.? 'BGM'", "UNA:+.? +BGM+"]) {
      const lexed = lexEdifact(text);
      assert.equal(lexed.unreadable, true, text);
      assert.equal(lexed.problems[0]!.tag, 'UNA', text);
    }
  });

  it('keeps an unterminated last segment and reports it', () => {
    const lexed = lexEdifact("BGM+745'UNZ+1+IC1");
    assert.equal(lexed.unreadable, false);
    assert.deepEqual(lexed.segments.map((s) => s.tag), ['BGM', 'UNZ']);
    assert.deepEqual(lexed.problems.map((p) => [p.tag, p.segment]), [['UNZ', 2]]);
  });

  it('reports a release before an ordinary character and keeps the character', () => {
    const lexed = lexEdifact("FTX+A?B'");
    assert.deepEqual(shape("FTX+A?B'"), [[['FTX'], ['AB']]]);
    assert.match(lexed.problems[0]!.message, /before "B", which is not a service character/);
  });

  it('reports a segment whose tag is not three letters or digits', () => {
    const lexed = lexEdifact("BGM+745'hello world'");
    assert.deepEqual(lexed.problems.map((p) => [p.tag, p.segment]), [['hello world', 2]]);
  });
});
