// Geographic coordinates: decimal degrees ("36.34, 43.13", "36.34°N 43.13°E") and degrees-minutes-seconds
// ("36°20′N 43°08′E", "36 20 24N 43 07 48E"), validated (latitude within ±90°, longitude ±180°,
// minutes and seconds below 60) and returned as signed decimal degrees (WGS 84 order: lat, lon).
import { type Found, withoutOverlaps } from './found.js';

export interface CoordinatesValue {
  lat: number;
  lon: number;
}

export type CoordinatesFound = Found<'COORDINATES', CoordinatesValue>;

const degreeSign = '[°º˚]';
const minuteSign = "['′’]";
const secondSign = '(?:["″”]|\'\'|′′|’’)';
const number = (digits: string, decimals = 8) => String.raw`\d{${digits}}(?:\.\d{1,${decimals}})?`;

// One axis with a hemisphere letter: degrees, then optional minutes and seconds, each with its sign or a space.
const axis = (letters: string) =>
  String.raw`${number('1,3')}(?:\s?${degreeSign})?(?:\s?${number('1,2', 4)}(?:\s?${minuteSign})?(?:\s?${number('1,2', 4)}(?:\s?${secondSign})?)?)?\s?[${letters}]`;
const hemisphereAxis = `${axis('NSEW')}(?![\\p{L}\\d])`;

const markedPattern = new RegExp(String.raw`(?<![\p{L}\d.,°])(?<first>${hemisphereAxis})\s?[,;/]?\s?(?<second>${hemisphereAxis})`, 'gu');

// Bare decimal pairs need two decimals on each number, so that "3.5, 4.5" in a table is not a place.
const decimalPattern = new RegExp(
  String.raw`(?<![\p{L}\d.,\-−]|,\s)(?<lat>[-−]?\d{1,2}\.\d{2,8})${degreeSign}?,\s?(?<lon>[-−]?\d{1,3}\.\d{2,8})${degreeSign}?(?![\d°]|\.\d|,\s?[-−]?\d)`,
  'gu',
);

export function findCoordinates(text: string): CoordinatesFound[] {
  const found: CoordinatesFound[] = [];
  for (const m of text.matchAll(markedPattern)) {
    const first = readAxis(m.groups!.first!);
    const second = readAxis(m.groups!.second!);
    if (!first || !second || first.isLatitude === second.isLatitude) continue;
    const [lat, lon] = first.isLatitude ? [first.degrees, second.degrees] : [second.degrees, first.degrees];
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) continue;
    const dms = /\d\s?(?:['′’]|\s\d)/.test(m[0]);
    found.push(foundAt(m, { lat, lon }, 0.95, dms ? 'pattern:coordinates-dms' : 'pattern:coordinates-decimal'));
  }
  for (const m of text.matchAll(decimalPattern)) {
    const lat = Number(m.groups!.lat!.replace('−', '-'));
    const lon = Number(m.groups!.lon!.replace('−', '-'));
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) continue;
    found.push(foundAt(m, { lat: round(lat), lon: round(lon) }, 0.6, 'pattern:coordinates-pair'));
  }
  return withoutOverlaps(found);
}

function foundAt(m: RegExpMatchArray, value: CoordinatesValue, confidence: number, method: string): CoordinatesFound {
  return { type: 'COORDINATES', text: m[0], start: m.index!, end: m.index! + m[0].length, value, confidence, method };
}

/** One axis as signed decimal degrees; undefined when minutes or seconds are out of range or follow decimal degrees. */
function readAxis(text: string): { degrees: number; isLatitude: boolean } | undefined {
  const hemisphere = text.at(-1)!;
  const parts = text.match(/\d+(?:\.\d+)?/g)!.map(Number);
  const [degrees, minutes = 0, seconds = 0] = parts;
  if (degrees === undefined || parts.length > 3 || minutes >= 60 || seconds >= 60) return undefined;
  // Only the last written part may have decimals: "36.5°20′" is not a coordinate.
  if (parts.slice(0, -1).some((p) => !Number.isInteger(p))) return undefined;
  const value = round(degrees + minutes / 60 + seconds / 3600);
  return { degrees: hemisphere === 'S' || hemisphere === 'W' ? -value : value, isLatitude: hemisphere === 'N' || hemisphere === 'S' };
}

function round(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}
