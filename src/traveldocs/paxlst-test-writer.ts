// A small PAXLST writer for the round-trip tests only: renders travellers the way the guide's examples do, so the
// parser can be checked against what was written. Not part of the traveldocs surface.
import type { EdifactSeparators } from './paxlst-lexer.js';
import type { Flight, PaxlstTraveller } from './paxlst-types.js';

export type WrittenTraveller = Omit<PaxlstTraveller, 'id' | 'name' | 'flight' | 'segmentIndex'>;

export interface WrittenList {
  separators: EdifactSeparators;
  /** Send UNA even when the separators are the defaults. */
  withUna: boolean;
  lineBreak: '' | '\n' | '\r\n';
  messageReference: string;
  flight: Flight;
  /** DTM 2379 203 (CCYYMMDDHHMM) rather than 201 (YYMMDDHHMM) for the flight times. */
  flightTimesWithCentury: boolean;
  travellers: WrittenTraveller[];
  /** How each traveller's dates and name are laid out; indexed like travellers. */
  layouts: { fourDigitYears: boolean; nameElement: 3 | 4; givenNamesInOneComponent: boolean }[];
}

const digitsOf = (iso: string) => iso.replace(/[-T:]/g, '');

export function writePaxlst(list: WrittenList): { text: string; nadSegments: number[] } {
  const sep = list.separators;
  const special = [sep.component, sep.element, sep.release, sep.terminator, sep.reserved].filter((c) => c !== ' ');
  const escape = (value: string) => [...value].map((c) => (special.includes(c) ? sep.release + c : c)).join('');
  const segments: string[] = [];
  const nadSegments: number[] = [];
  /** One segment from its elements, each an array of components (or a plain string for one component). */
  const add = (...elements: (string | string[])[]) => {
    segments.push(elements.map((e) => (typeof e === 'string' ? [e] : e).map(escape).join(sep.component)).join(sep.element) + sep.terminator);
  };

  add('UNB', ['UNOA', '4'], ['VIGILTEST', 'ZZ'], ['APIGOV', 'ZZ'], ['250615', '1200'], 'IC0001');
  const header = segments.length;
  add('UNH', list.messageReference, ['PAXLST', 'D', '02B', 'UN', 'IATA']);
  add('BGM', list.travellers.every((t) => t.kind === 'crew') ? '250' : '745');
  const f = list.flight;
  add('TDT', '20', f.carrier + f.number);
  for (const [code, end, qualifier] of [['125', f.departure, '189'], ['87', f.arrival, '232']] as const) {
    if (end.airport !== null) add('LOC', code, end.airport);
    if (end.time !== null) {
      const long = list.flightTimesWithCentury;
      add('DTM', [qualifier, long ? digitsOf(end.time) : digitsOf(end.time).slice(2), long ? '203' : '201']);
    }
  }
  list.travellers.forEach((t, i) => {
    const layout = list.layouts[i]!;
    const date = (iso: string) => (layout.fourDigitYears ? [digitsOf(iso), '102'] : [digitsOf(iso).slice(2)]);
    const name = [t.surname, ...(layout.givenNamesInOneComponent ? [t.givenNames] : t.givenNames.split(' '))];
    nadSegments.push(segments.length + 1);
    add('NAD', t.kind === 'crew' ? 'FM' : 'FL', '', ...(layout.nameElement === 4 ? ['', name] : [name]));
    if (t.sex !== null) add('ATT', '2', '', t.sex);
    if (t.birthDate !== null) add('DTM', ['329', ...date(t.birthDate)]);
    const places = [['178', t.embarkation], ['179', t.debarkation], ['22', t.clearance], ['174', t.residence], ['180', t.birthPlace]] as const;
    for (const [code, place] of places) if (place !== null) add('LOC', code, place);
    if (t.nationality !== null) add('NAT', '2', t.nationality);
    if (t.bookingReference !== null) add('RFF', ['AVF', t.bookingReference]);
    if (t.passengerReference !== null) add('RFF', ['ABO', t.passengerReference]);
    for (const d of t.documents) {
      add('DOC', [d.type, '110', '111'], d.number);
      if (d.expiry !== null) add('DTM', ['36', digitsOf(d.expiry).slice(2)]);
      if (d.country !== null) add('LOC', '91', d.country);
    }
  });
  const passengers = list.travellers.filter((t) => t.kind === 'passenger').length;
  add('CNT', ['42', String(passengers)], ['41', String(list.travellers.length - passengers)]);
  add('UNT', String(segments.length - header + 1), list.messageReference);
  add('UNZ', '1', 'IC0001');

  const defaults = sep.component === ':' && sep.element === '+' && sep.decimal === '.' && sep.release === '?' && sep.reserved === ' ' && sep.terminator === "'";
  const una = list.withUna || !defaults ? `UNA${sep.component}${sep.element}${sep.decimal}${sep.release}${sep.reserved}${sep.terminator}${list.lineBreak}` : '';
  return { text: una + segments.join(list.lineBreak), nadSegments };
}
