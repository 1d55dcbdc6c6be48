// The PAXLST qualifiers the parser reads, as tables. Section numbers are those of the WCO/IATA/ICAO PAXLST
// Implementation Guide (Annex/Appendix to the API Guidelines, versions 3.0 of 2010 to 5.0 of 2015; D02B and D05B).

/** NAD 3035 party function code: §4.6 (gr. 1, the reporting party) and §4.11 (gr. 4, the travellers). */
export const partyFunctions: Record<string, 'reporting-party' | 'passenger' | 'crew'> = {
  MS: 'reporting-party', // message sender, the person or department to contact
  FL: 'passenger',
  DDU: 'passenger', // in-transit passenger
  FM: 'crew',
  DDT: 'crew', // in-transit crew member
};

export type FlightLocation = 'departure' | 'arrival';
export type TravellerLocation = 'embarkation' | 'debarkation' | 'clearance' | 'residence' | 'birthPlace';

/** LOC 3227 location function code in gr. 3 (§4.9). 92 (routing) is accepted and not kept. */
export const flightLocations: Record<string, FlightLocation | 'routing'> = {
  '125': 'departure', // last place/port of call of departure: the departure airport
  '87': 'arrival', // place/port of conveyance initial arrival: the arrival airport
  '92': 'routing',
};

/** LOC 3227 in gr. 4 (§4.17). */
export const travellerLocations: Record<string, TravellerLocation> = {
  '178': 'embarkation', // port of embarkation
  '179': 'debarkation', // port of debarkation
  '22': 'clearance', // place of initial customs/immigration clearance
  '174': 'residence', // country of residence
  '180': 'birthPlace', // place of birth
};

/** LOC 3227 in gr. 5 (§4.23). */
export const documentIssuePlace = '91';

/** DTM 2005 date/time qualifier: gr. 3 (§4.10), gr. 4 (§4.13), gr. 5 (§4.22). 182 (issue date) is accepted and not kept. */
export const dateQualifiers: Record<string, 'departure' | 'arrival' | 'birth' | 'expiry' | 'issue'> = {
  '189': 'departure', // departure date/time, scheduled
  '232': 'arrival', // arrival date/time, scheduled
  '329': 'birth',
  '36': 'expiry',
  '182': 'issue',
};

/** ATT 9017 attribute function code qualifier "2" (gender), 9019 values (§4.12); X added for ICAO 9303 "unspecified". */
export const genderAttribute = '2';
export const sexCodes = new Set(['M', 'F', 'U', 'X'] as const);

/** NAT 3493 nationality code qualifier (§4.19): 2, current nationality. */
export const currentNationality = '2';

/** RFF 1153 reference code qualifier (§4.20). Others (seat, frequent flyer, ticket) are accepted and not kept. */
export const referenceQualifiers: Record<string, 'bookingReference' | 'passengerReference'> = {
  AVF: 'bookingReference', // reservation reference: the PNR record locator
  ABO: 'passengerReference', // originator's reference: the unique passenger reference
};

/** CNT 6069 control total type code qualifier (§4.24). */
export const controlTotals: Record<string, 'crew' | 'passenger'> = {
  '41': 'crew',
  '42': 'passenger',
};

/** The segments of the air-mode PAXLST (§3.1), with GIS from D98B; anything else in a message is reported. */
export const messageSegmentTags = new Set(['BGM', 'RFF', 'DTM', 'LOC', 'NAD', 'CTA', 'COM', 'TDT', 'ATT', 'MEA', 'GEI', 'GIS', 'FTX', 'EMP', 'NAT', 'DOC', 'CPI', 'QTY', 'CNT']);
