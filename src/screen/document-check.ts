// The document half of screening: a traveller's machine-readable zone read into the fields screening needs, the
// MRZ checked against what else was supplied, and one document verdict (MRZ validity, registry reports, expiry,
// consistency). Pure: the registry lookup is passed in, today too.
import { z } from 'zod';
import { VigilError } from '../errors.js';
import { compareNames } from '../names/index.js';
import { readMrzDocument, type MrzResult, type RegistryHit, type RegistryRow } from '../traveldocs/index.js';
import { normaliseDocumentNumber } from './screen-traveller.js';

/** Whether a field the MRZ holds agrees with what was supplied beside it. */
export interface Consistency {
  field: 'name' | 'birthDate' | 'nationality' | 'gender';
  mrz: string;
  given: string;
  agrees: boolean;
}

export interface DocumentVerdict {
  /** The document checked, as read (from the MRZ when one was given). */
  number: string;
  country: string | null;
  /** 'alert' when any of `alerts` holds: the officer must look at the document. */
  status: 'ok' | 'alert';
  alerts: string[];
  mrz: Pick<MrzResult, 'format' | 'valid' | 'errors' | 'warnings'> | null;
  /** Past its expiry date (from the MRZ or the manifest); null when unknown. */
  expired: boolean | null;
  registry: RegistryHit<RegistryRow>[];
  consistency: Consistency[];
}

/** A document beside a traveller: a number (with its issuing state and expiry when known), or a whole MRZ. */
export interface TravellerDocument {
  number: string;
  country: string | null;
  expiry: string | null;
  mrz: MrzResult | null;
  consistency: Consistency[];
}

const mrzInput = z.object({ mrz: z.string().trim().min(1, 'an MRZ of two or three lines').max(300, 'an MRZ of at most 300 characters') });

/** Names as agreeing from this name score: an MRZ holds at most 39 letters of a name, transliterated (ICAO 9303-3 §6). */
const sameNameScore = 0.8;

/**
 * Reads the traveller's MRZ, if any: the fields the caller left out are taken from it (an MRZ alone is enough to
 * screen), and each field given both ways is compared. Returns the traveller to screen and the document read.
 */
export function readTravellerDocument(input: unknown, today: Date): { traveller: unknown; document: TravellerDocument | null } {
  const given = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (given.mrz === undefined) return { traveller: input, document: documentOf(given) };
  const parsed = mrzInput.safeParse(given);
  if (!parsed.success) throw new VigilError('input', 'screen.invalid-traveller', `traveller mrz: ${parsed.error.issues[0]!.message}`);
  // A shell argument cannot hold a line break easily: a typed "\n" separates lines too.
  const { reading, documentNumber: number, issuingState } = readMrzDocument(parsed.data.mrz.replace(/\\n/g, '\n'), today);
  const fields = reading.fields;
  if (!fields) throw new VigilError('input', 'screen.unreadable-mrz', `traveller mrz: ${reading.errors.map((e) => e.message).join('; ') || 'not a machine-readable zone'}`);
  const fromMrz = {
    name: [fields.names.value.secondary, fields.names.value.primary].filter(Boolean).join(' '),
    dob: fields.birthDate.value ?? undefined,
    nationality: fields.nationality.value ?? undefined,
    gender: fields.sex.value ?? undefined,
  };
  const consistency: Consistency[] = [];
  const compare = (field: Consistency['field'], mrz: string | undefined, value: unknown, agrees: (a: string, b: string) => boolean) => {
    if (mrz === undefined || mrz === '' || typeof value !== 'string' || value.trim() === '') return;
    consistency.push({ field, mrz, given: value, agrees: agrees(mrz, value.trim()) });
  };
  compare('name', fromMrz.name, given.name, (a, b) => compareNames(a, b).score >= sameNameScore);
  compare('birthDate', fromMrz.dob, given.dob, (a, b) => a === b);
  compare('nationality', fromMrz.nationality, given.nationality, (a, b) => a === b.toUpperCase());
  compare('gender', fromMrz.gender, given.gender, (a, b) => a === b.toUpperCase().slice(0, 1));
  const country = issuingState || null;
  const traveller = {
    name: typeof given.name === 'string' && given.name.trim() !== '' ? given.name : fromMrz.name,
    dob: given.dob ?? fromMrz.dob,
    nationality: given.nationality ?? fromMrz.nationality,
    gender: given.gender ?? fromMrz.gender,
    document: given.document ?? (number ? { number, ...(country ? { country } : {}) } : undefined),
  };
  return { traveller, document: { number: normaliseDocumentNumber(number), country, expiry: fields.expiryDate.value, mrz: reading, consistency } };
}

function documentOf(given: Record<string, unknown>): TravellerDocument | null {
  const document = given.document as { number?: unknown; country?: unknown; expiry?: unknown } | undefined;
  if (!document || typeof document.number !== 'string' || document.number.trim() === '') return null;
  return {
    number: normaliseDocumentNumber(document.number),
    country: typeof document.country === 'string' && document.country.trim() !== '' ? document.country.trim().toUpperCase() : null,
    expiry: typeof document.expiry === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(document.expiry) ? document.expiry : null,
    mrz: null,
    consistency: [],
  };
}

/** The one document verdict: what about the document alone should stop the traveller for a look. */
export function documentVerdict(document: TravellerDocument, registry: RegistryHit<RegistryRow>[], today: Date): DocumentVerdict {
  const alerts: string[] = [];
  const mrz = document.mrz;
  if (mrz && !mrz.valid) alerts.push(`MRZ invalid: ${mrz.errors.map((e) => e.message).join('; ')}`);
  for (const hit of registry) alerts.push(`registry: ${hit.status} (${hit.match === 'exact' ? 'this number' : 'inside a reported range'})`);
  const expired = mrz?.expired ?? (document.expiry ? document.expiry < today.toISOString().slice(0, 10) : null);
  if (expired) alerts.push(`expired${document.expiry ? ` on ${document.expiry}` : ''}`);
  for (const c of document.consistency) if (!c.agrees) alerts.push(`${c.field} in the MRZ (${c.mrz}) differs from the one given (${c.given})`);
  return {
    number: document.number,
    country: document.country,
    status: alerts.length > 0 ? 'alert' : 'ok',
    alerts,
    mrz: mrz ? { format: mrz.format, valid: mrz.valid, errors: mrz.errors, warnings: mrz.warnings } : null,
    expired,
    registry,
    consistency: document.consistency,
  };
}
