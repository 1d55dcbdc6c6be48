// Reading the segments between one UNH and its UNT into flights and travellers (PAXLST gr. 1–5).
// Qualifiers the guide defines but we do not keep are accepted quietly; a known qualifier in the wrong group, a value
// not of its form, or a segment PAXLST does not have is reported, and reading goes on with the next segment.
import {
  controlTotals,
  currentNationality,
  dateQualifiers,
  documentIssuePlace,
  flightLocations,
  genderAttribute,
  messageSegmentTags,
  partyFunctions,
  referenceQualifiers,
  sexCodes,
  travellerLocations,
} from './paxlst-codes.js';
import { readEdifactDate, type CenturyRule } from './paxlst-dates.js';
import { componentOf as at, type EdifactSegment } from './paxlst-lexer.js';
import type { Flight, PaxlstDocument, PaxlstProblemCode, PaxlstSex, PaxlstTraveller } from './paxlst-types.js';

export interface MessageContext {
  reference: string;
  today: string;
  /** Shared by all messages of the interchange; the reader appends to them. */
  flights: Flight[];
  travellers: PaxlstTraveller[];
  report(segment: EdifactSegment, code: PaxlstProblemCode, message: string): void;
}

export interface MessageReader {
  read(segment: EdifactSegment): void;
  /** Called at UNT (or where the message is cut short); reports what the message as a whole lacks. */
  finish(header: EdifactSegment): void;
}

type Group = 'header' | 'flight' | 'traveller' | 'unreadable-party';

// TDT 8028 conveyance reference (§4.8): the airline designator, three ICAO letters or two IATA characters, then 1–4 digits and an optional suffix.
const conveyanceReference = /^(?:([A-Z]{3})|([A-Z0-9]{2}))(\d{1,4}[A-Z]?)$/;
const flightNumber = /^\d{1,4}[A-Z]?$/;

function splitConveyance(reference: string, carrierElement: string): { carrier: string; number: string } | null {
  const compact = reference.replace(/\s+/g, '').toUpperCase();
  // Some senders put only the number in 8028 and the designator in C040 (element 5, 3127).
  const rest = carrierElement !== '' && compact.startsWith(carrierElement) ? compact.slice(carrierElement.length) : compact;
  if (carrierElement !== '' && flightNumber.test(rest)) return { carrier: carrierElement, number: rest };
  const m = conveyanceReference.exec(compact);
  return m ? { carrier: (m[1] ?? m[2])!, number: m[3]! } : null;
}

// NAD (§4.11): the guide puts the name in C080 (element 4: surname, given names…, then 3045 format code); some
// senders use C058 (element 3, name and address lines) instead. Either reads surname first, then given names.
function readName(segment: EdifactSegment): { surname: string; givenNames: string } | null {
  for (const element of [4, 3]) {
    const parts = (segment.elements[element] ?? []).slice(0, 5).map((p) => p.trim().replace(/\s+/g, ' '));
    if (parts.some((p) => p !== '')) return { surname: parts[0] ?? '', givenNames: parts.slice(1).filter((p) => p !== '').join(' ') };
  }
  return null;
}

/** LOC C517 (§4.9, §4.17): the location code, or its name (3224) when only a name is sent. */
const placeOf = (segment: EdifactSegment) => (at(segment, 2, 0) || at(segment, 2, 3)).trim();

export function startMessage(context: MessageContext): MessageReader {
  const { report, today } = context;
  let group: Group = 'header';
  let sawBeginning = false;
  let flight: number | null = null;
  let traveller: PaxlstTraveller | null = null;
  let document: PaxlstDocument | null = null;
  const listed: PaxlstTraveller[] = [];

  const readDate = (segment: EdifactSegment, rule: CenturyRule): string | null => {
    const value = at(segment, 1, 1).trim();
    if (value === '') {
      report(segment, 'paxlst.value', `DTM+${at(segment, 1)} has no date`);
      return null;
    }
    const reading = readEdifactDate(value, at(segment, 1, 2).trim(), rule, today);
    if ('error' in reading) {
      report(segment, 'paxlst.value', `DTM+${at(segment, 1)}: ${reading.error}`);
      return null;
    }
    return reading.iso;
  };

  const misplaced = (segment: EdifactSegment, where: string) =>
    report(segment, 'paxlst.structure', `${segment.tag}+${at(segment, 1)} belongs ${where}; it is not read here`);

  /** The traveller this segment is about, or null (reported when the segment stands outside any traveller). */
  const currentTraveller = (segment: EdifactSegment): PaxlstTraveller | null => {
    if (group === 'unreadable-party') return null;
    if (traveller === null) misplaced(segment, 'after a traveller NAD (gr. 4)');
    return traveller;
  };

  const readParty = (segment: EdifactSegment) => {
    const code = at(segment, 1).trim();
    const role = partyFunctions[code];
    traveller = null;
    document = null;
    if (role === undefined) {
      group = 'unreadable-party';
      report(segment, 'paxlst.value', `NAD party function "${code}" is not one of ${Object.keys(partyFunctions).join(', ')}; its segments up to the next NAD are not read`);
      return;
    }
    if (role === 'reporting-party') {
      group = 'header';
      return;
    }
    group = 'traveller';
    const name = readName(segment);
    if (name === null) report(segment, 'paxlst.value', `NAD+${code} has no name (neither element 4, C080, nor element 3, C058)`);
    else if (name.surname === '') report(segment, 'paxlst.value', `NAD+${code} has given names but no surname`);
    if (flight === null) report(segment, 'paxlst.structure', `NAD+${code} comes before any TDT, so the traveller has no flight`);
    const surname = name?.surname ?? '';
    const givenNames = name?.givenNames ?? '';
    traveller = {
      id: `${context.reference}-${listed.length + 1}`,
      kind: role,
      surname,
      givenNames,
      name: [givenNames, surname].filter((p) => p !== '').join(' '),
      sex: null,
      birthDate: null,
      nationality: null,
      residence: null,
      birthPlace: null,
      embarkation: null,
      debarkation: null,
      clearance: null,
      bookingReference: null,
      passengerReference: null,
      documents: [],
      flight,
      segmentIndex: segment.number,
    };
    listed.push(traveller);
    context.travellers.push(traveller);
  };

  const readTransport = (segment: EdifactSegment) => {
    const reference = at(segment, 2).trim();
    const split = splitConveyance(reference, at(segment, 5).trim().toUpperCase());
    if (split === null) report(segment, 'paxlst.value', `TDT conveyance reference "${reference}" is not a carrier code and flight number (e.g. LH123)`);
    context.flights.push({ carrier: split?.carrier ?? '', number: split?.number ?? reference, departure: { airport: null, time: null }, arrival: { airport: null, time: null } });
    flight = context.flights.length - 1;
    group = 'flight';
    traveller = null;
    document = null;
  };

  const readLocation = (segment: EdifactSegment) => {
    const code = at(segment, 1).trim();
    const place = placeOf(segment);
    const flightRole = flightLocations[code];
    const travellerRole = travellerLocations[code];
    if (flightRole === undefined && travellerRole === undefined && code !== documentIssuePlace) return;
    if (place === '') return report(segment, 'paxlst.value', `LOC+${code} names no place`);
    if (flightRole !== undefined) {
      if (group !== 'flight' || flight === null) return misplaced(segment, 'in the flight group after TDT (gr. 3)');
      const current = context.flights[flight]!;
      // One sector per TDT: the first departure and the last arrival are the flight's ends.
      if (flightRole === 'departure' && current.departure.airport === null) current.departure.airport = place;
      if (flightRole === 'arrival') current.arrival.airport = place;
      return;
    }
    const person = currentTraveller(segment);
    if (person === null) return;
    if (code === documentIssuePlace) {
      if (document === null) return misplaced(segment, 'after a DOC (gr. 5)');
      document.country = place;
      return;
    }
    person[travellerRole!] = place;
  };

  const readDateSegment = (segment: EdifactSegment) => {
    const role = dateQualifiers[at(segment, 1).trim()];
    if (role === undefined || role === 'issue') return;
    if (role === 'departure' || role === 'arrival') {
      if (group !== 'flight' || flight === null) return misplaced(segment, 'in the flight group after TDT (gr. 3)');
      const time = readDate(segment, 'nearest');
      const end = context.flights[flight]![role];
      if (time !== null && (role === 'arrival' || end.time === null)) end.time = time;
      return;
    }
    const person = currentTraveller(segment);
    if (person === null) return;
    if (role === 'birth') {
      person.birthDate = readDate(segment, 'past') ?? person.birthDate;
      return;
    }
    if (document === null) return misplaced(segment, 'after a DOC (gr. 5)');
    document.expiry = readDate(segment, 'nearest');
  };

  const readAttribute = (segment: EdifactSegment) => {
    if (at(segment, 1).trim() !== genderAttribute) return;
    const person = currentTraveller(segment);
    if (person === null) return;
    const sex = at(segment, 3).trim().toUpperCase();
    if (sexCodes.has(sex as PaxlstSex)) person.sex = sex as PaxlstSex;
    else report(segment, 'paxlst.value', `ATT+2 sex "${sex}" is not one of ${[...sexCodes].join(', ')}`);
  };

  const readNationality = (segment: EdifactSegment) => {
    if (at(segment, 1).trim() !== currentNationality) return;
    const person = currentTraveller(segment);
    if (person === null) return;
    const nationality = at(segment, 2).trim();
    if (nationality === '') report(segment, 'paxlst.value', 'NAT+2 names no nationality');
    else person.nationality = nationality;
  };

  const readReference = (segment: EdifactSegment) => {
    const field = referenceQualifiers[at(segment, 1).trim()];
    if (field === undefined || group === 'header') return;
    const person = currentTraveller(segment);
    const value = at(segment, 1, 1).trim();
    if (person === null) return;
    if (value === '') report(segment, 'paxlst.value', `RFF+${at(segment, 1)} has no reference`);
    else person[field] = value;
  };

  const readDocument = (segment: EdifactSegment) => {
    document = null;
    const person = currentTraveller(segment);
    if (person === null) return;
    const type = at(segment, 1).trim();
    const number = at(segment, 2).trim();
    if (type === '' || number === '') {
      report(segment, 'paxlst.value', `DOC has no document ${type === '' ? 'type (element 1, 1001)' : 'number (element 2, 1004)'}; the document is not read`);
      return;
    }
    document = { type, number, country: null, expiry: null };
    person.documents.push(document);
  };

  const readControlTotal = (segment: EdifactSegment) => {
    for (const element of segment.elements.slice(1)) {
      const kind = controlTotals[(element[0] ?? '').trim()];
      if (kind === undefined) continue;
      const declared = (element[1] ?? '').trim();
      const read = listed.filter((t) => t.kind === kind).length;
      if (!/^\d+$/.test(declared)) report(segment, 'paxlst.value', `CNT+${element[0]} total "${declared}" is not a number`);
      else if (Number(declared) !== read) report(segment, 'paxlst.count', `CNT+${element[0]} says ${declared} ${kind === 'crew' ? 'crew' : 'passengers'}, the message lists ${read}`);
    }
  };

  const readers: Record<string, (segment: EdifactSegment) => void> = {
    BGM: () => (sawBeginning = true),
    NAD: readParty,
    TDT: readTransport,
    LOC: readLocation,
    DTM: readDateSegment,
    ATT: readAttribute,
    NAT: readNationality,
    RFF: readReference,
    DOC: readDocument,
    CNT: readControlTotal,
  };

  return {
    read(segment) {
      const reader = readers[segment.tag];
      if (reader !== undefined) reader(segment);
      else if (!messageSegmentTags.has(segment.tag)) report(segment, 'paxlst.structure', `${segment.tag} is not a PAXLST segment`);
    },
    finish(header) {
      if (!sawBeginning) report(header, 'paxlst.structure', `message ${context.reference} has no BGM`);
    },
  };
}
