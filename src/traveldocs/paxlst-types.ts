// What parsePaxlst returns: flights, the travellers on them, and every problem found on the way.

export interface FlightEnd {
  /** IATA airport code as sent (LOC 3225), or null when the segment is missing. */
  airport: string | null;
  /** Local time as sent, ISO 8601 without zone: 'YYYY-MM-DDTHH:MM', or 'YYYY-MM-DD' when only a date was sent. */
  time: string | null;
}

export interface Flight {
  /** Airline designator (IATA two-character or ICAO three-letter). '' when the conveyance reference could not be split. */
  carrier: string;
  /** Flight number as sent, with any operational suffix. */
  number: string;
  departure: FlightEnd;
  arrival: FlightEnd;
}

export type PaxlstSex = 'M' | 'F' | 'U' | 'X';

export interface PaxlstDocument {
  /** Document name code as sent (DOC 1001: P passport, V visa, I identity card, …). */
  type: string;
  number: string;
  /** Issuing country (LOC+91), ISO 3166 alpha-3 as sent. */
  country: string | null;
  /** ISO date. */
  expiry: string | null;
}

export interface PaxlstTraveller {
  /** `<message reference>-<sequence in the message>`, e.g. 'PAX001-2'. */
  id: string;
  kind: 'passenger' | 'crew';
  surname: string;
  givenNames: string;
  /** Given names then surname, for screening. */
  name: string;
  sex: PaxlstSex | null;
  /** ISO date; a two-digit year is read as the latest such date not after `today`. */
  birthDate: string | null;
  nationality: string | null;
  /** Country of residence (LOC+174). */
  residence: string | null;
  /** Place of birth (LOC+180): the code, or the name when no code is sent. */
  birthPlace: string | null;
  /** Port of embarkation (LOC+178) and debarkation (LOC+179). */
  embarkation: string | null;
  debarkation: string | null;
  /** Place of initial customs and immigration clearance (LOC+22). */
  clearance: string | null;
  /** Reservation reference, the PNR record locator (RFF+AVF). */
  bookingReference: string | null;
  /** Unique passenger reference (RFF+ABO). */
  passengerReference: string | null;
  documents: PaxlstDocument[];
  /** Index into `flights` of the flight this traveller is listed on, or null when the message named none. */
  flight: number | null;
  /** The segment number (as in PaxlstProblem.segment) of the traveller's NAD. */
  segmentIndex: number;
}

export type PaxlstProblemCode =
  | 'paxlst.syntax' // the text cannot be split as ISO 9735 says
  | 'paxlst.structure' // a segment missing, out of place or not part of PAXLST
  | 'paxlst.value' // a data element missing or not of its form (a date, a code, a name)
  | 'paxlst.count' // a control count (UNT, CNT, UNE, UNZ) that does not match what was read
  | 'paxlst.reference'; // a trailer's reference that differs from its header's

export interface PaxlstProblem {
  code: PaxlstProblemCode;
  /** The segment's tag, or null when the problem is not about one segment. */
  tag: string | null;
  /** 1-based position of the segment in the interchange (UNA not counted), or null. */
  segment: number | null;
  /** Where in the text the segment starts (or, with no segment, where the problem was noticed); both 1-based. */
  line: number;
  column: number;
  message: string;
}

export interface PaxlstOptions {
  /** 'YYYY-MM-DD': the day the list is read, for resolving two-digit years. Passed in, never read from a clock. */
  today: string;
}

export interface ParsedPaxlst {
  flights: Flight[];
  travellers: PaxlstTraveller[];
  problems: PaxlstProblem[];
}
