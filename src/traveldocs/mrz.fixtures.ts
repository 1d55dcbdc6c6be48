// Zones shared by the MRZ tests: the ICAO 9303 specimens, written out from the published documents.
import assert from 'node:assert/strict';
import type { MrzReading, MrzResult } from './mrz-types.js';

// The ICAO 9303 specimens, all issued by Utopia to Anna Maria Eriksson.
export const specimens = {
  // ICAO 9303-4, passport.
  TD3: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
  // ICAO 9303-5, identity card.
  TD1: ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
  // ICAO 9303-6.
  TD2: ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
  // ICAO 9303-7, full-size visa (holder of unspecified nationality, XXX).
  'MRV-A': ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'],
  // ICAO 9303-7, small visa.
  'MRV-B': ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'],
} as const;

export const today = new Date('2025-06-01T00:00:00Z');

export function reading(result: MrzResult): MrzReading {
  assert.notEqual(result.format, null, JSON.stringify(result.errors));
  return result as MrzReading;
}

/** The zone with `text` written over line `line` from 0-based `index` on. */
export function overwrite(zone: readonly string[], line: number, index: number, text: string): string[] {
  return zone.map((l, i) => (i === line ? l.slice(0, index) + text + l.slice(index + text.length) : l));
}
