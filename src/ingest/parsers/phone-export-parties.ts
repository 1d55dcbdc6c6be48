// Who is on each end of a message or call in a phone export: numbers read as E.164 in the device's country, names
// as the phone showed them (or as its address book has them), the device's owner where the export leaves a side
// out; and the contact edges between them, kept on documents for the links stage to build relations from.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Contact, Device, Party } from './phone-export-schema.js';

/** One side of a contact, as kept in `metadata.contacts`. */
export interface PartyRef {
  /** E.164 (`+963944123456`) when the number parses in the device's country, else as written (`1234`, `Syriatel`). */
  number?: string;
  handle?: string;
  /** As the phone showed it, else as the address book has the number. */
  name?: string;
  /** The device's owner (a side the export left out, or one of the owner's numbers). */
  owner?: true;
}

export interface ResolvedParty {
  ref: PartyRef;
  /** How the text writes the party: `+963 944 123 456 (Abu Omar)`. */
  display: string;
  /** Same key, same party: the owner, a number, a handle, or failing those a name. */
  key: string;
}

/** A number as E.164 with its international spelling, or as written when the numbering plan does not know it. */
export function readNumber(written: string, country: CountryCode | undefined): { value: string; display: string } {
  const raw = written.trim();
  // E.164 (ITU-T E.164 §6) for every number the plan finds possible, as the extractor gives PHONE values: the same
  // number written "0944 123 456" on one phone and "+963 944 123 456" on another is one entity.
  const parsed = parsePhoneNumberFromString(raw, country ? { defaultCountry: country } : undefined);
  if (parsed?.isPossible()) return { value: parsed.number, display: parsed.formatInternational() };
  return { value: raw, display: raw };
}

export interface PartyReader {
  /** The party as recorded; undefined means the side the export left out, which is the owner. */
  read(party: Party | undefined): ResolvedParty;
  owner: ResolvedParty;
}

export function partyReader(device: Device | null, contacts: readonly Contact[]): PartyReader {
  const country = device?.country;
  const ownerNumbers = (device?.owner?.numbers ?? []).map((n) => readNumber(n, country));
  const ownerKeys = new Set(ownerNumbers.map((n) => n.value));
  // The address book names a number when exactly one contact holds it: two contacts sharing a number name neither.
  const names = new Map<string, string | null>();
  for (const contact of contacts) {
    if (contact.name === undefined) continue;
    for (const number of contact.numbers) {
      const { value } = readNumber(number, country);
      const known = names.get(value);
      names.set(value, known === undefined || known === contact.name ? contact.name : null);
    }
  }
  const ownerName = device?.owner?.name;
  const first = ownerNumbers[0];
  const owner: ResolvedParty = {
    ref: { ...(first ? { number: first.value } : {}), ...(ownerName ? { name: ownerName } : {}), owner: true },
    display: first ? withName(first.display, ownerName) : ownerName ?? "the phone's owner",
    key: 'owner',
  };
  return {
    owner,
    read(party) {
      if (party === undefined) return owner;
      const number = party.number === undefined ? undefined : readNumber(party.number, country);
      if (number && ownerKeys.has(number.value)) {
        const name = party.name ?? ownerName;
        return { ref: { number: number.value, ...(name ? { name } : {}), owner: true }, display: withName(number.display, name), key: 'owner' };
      }
      const name = party.name ?? (number ? names.get(number.value) ?? undefined : undefined);
      const ref: PartyRef = {};
      if (number) ref.number = number.value;
      if (party.handle) ref.handle = party.handle;
      if (name) ref.name = name;
      const id = number?.display ?? party.handle;
      const label = [name, number && party.handle].filter((part): part is string => Boolean(part)).join(', ');
      const display = id === undefined ? name! : withName(id, label || undefined);
      const key = number ? number.value : party.handle ? `handle:${party.handle}` : `name:${name}`;
      return { ref, display, key };
    },
  };
}

const withName = (id: string, name: string | undefined) => (name ? `${id} (${name})` : id);

export interface ContactEdge {
  from: PartyRef;
  to: PartyRef;
  kind: 'message' | 'call' | 'address-book';
  app: string;
  /** Messages or calls from `from` to `to` in this document. */
  count: number;
  /** The first and last of them, ISO 8601 as the phone recorded them; absent for an address-book entry. */
  first?: string;
  last?: string;
  /** Calls: seconds spoken in all, and how many were missed. */
  durationSeconds?: number;
  missed?: number;
}

/** Contact edges of one document, one per sender, recipient, kind and app, in the order first seen. */
export function edgeCollector() {
  const edges = new Map<string, ContactEdge & { firstInstant?: number; lastInstant?: number }>();
  return {
    add(from: ResolvedParty, to: ResolvedParty, kind: ContactEdge['kind'], app: string, at?: { iso: string; instant: number }, call?: { seconds?: number; missed: boolean }) {
      const key = JSON.stringify([from.key, to.key, kind, app]);
      let edge = edges.get(key);
      if (!edge) {
        edge = { from: from.ref, to: to.ref, kind, app, count: 0 };
        edges.set(key, edge);
      }
      edge.count++;
      if (at) {
        if (edge.firstInstant === undefined || at.instant < edge.firstInstant) [edge.first, edge.firstInstant] = [at.iso, at.instant];
        if (edge.lastInstant === undefined || at.instant > edge.lastInstant) [edge.last, edge.lastInstant] = [at.iso, at.instant];
      }
      if (call) {
        edge.durationSeconds = (edge.durationSeconds ?? 0) + (call.seconds ?? 0);
        if (call.missed) edge.missed = (edge.missed ?? 0) + 1;
      }
    },
    /** The JSON array for `metadata.contacts`. */
    toJson(): string {
      return JSON.stringify([...edges.values()].map(({ firstInstant: _first, lastInstant: _last, ...edge }) => edge));
    },
  };
}
