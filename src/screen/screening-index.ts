// Screening against a whole watchlist: the candidate index picks the few entries a traveller's name could
// match (and the entries listing the traveller's document number), and the record scorer ranks and explains
// just those. The answer equals screening every entry.
import type { WatchlistEntry } from '../store/index.js';
import { CandidateIndex } from './candidate-index.js';
import {
  birthYearSpan,
  entryNames,
  minNameScore,
  recordCeiling,
  normaliseDocumentNumber,
  parseTraveller,
  screenParsedTraveller,
  type ParsedTraveller,
  type ScreeningCandidate,
  type ScreenOptions,
} from './screen-traveller.js';
import { int32s } from './growable-array.js';

export class ScreeningIndex {
  private readonly candidatesIndex = new CandidateIndex();
  private readonly entries = new Map<string, WatchlistEntry>();
  /** Entries by their candidate-index slot, so that candidates are read without a lookup by id. */
  private readonly bySlot: (WatchlistEntry | undefined)[] = [];
  /** The first and last listed birth year by slot (0 when none): namesakes are cleared without reading the entry. */
  private readonly firstBirthYear = int32s();
  private readonly lastBirthYear = int32s();
  private readonly byDocument = new Map<string, Set<string>>();

  constructor(entries: Iterable<WatchlistEntry> = []) {
    // Entries sharing a family name are put side by side, so that the names a query reads lie close together in
    // memory (a tenth more travellers a second at a million entries); the order changes nothing else.
    const keyed = [...entries].map((entry) => ({ entry, key: familyKey(entry.name) }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const { entry } of keyed) this.put(entry);
  }

  put(entry: WatchlistEntry): void {
    this.remove(entry.id);
    this.entries.set(entry.id, entry);
    this.candidatesIndex.put(entry.id, entryNames(entry).map((n) => n.name));
    const slot = this.candidatesIndex.slotOf(entry.id)!;
    this.bySlot[slot] = entry;
    const [first, last] = birthYearSpan(entry);
    while (this.firstBirthYear.length <= slot) {
      this.firstBirthYear.push(0);
      this.lastBirthYear.push(0);
    }
    this.firstBirthYear.set(slot, first);
    this.lastBirthYear.set(slot, last);
    for (const d of entry.documents) {
      const key = normaliseDocumentNumber(d.number);
      const ids = this.byDocument.get(key);
      if (ids) ids.add(entry.id);
      else this.byDocument.set(key, new Set([entry.id]));
    }
  }

  remove(entryId: string): void {
    const entry = this.entries.get(entryId);
    if (!entry) return;
    for (const d of entry.documents) this.byDocument.get(normaliseDocumentNumber(d.number))?.delete(entryId);
    this.entries.delete(entryId);
    this.bySlot[this.candidatesIndex.slotOf(entryId)!] = undefined;
    this.candidatesIndex.remove(entryId);
  }

  get size(): number {
    return this.entries.size;
  }

  screen(input: unknown, options: ScreenOptions = {}): ScreeningCandidate[] {
    return this.screenParsed(parseTraveller(input), options);
  }

  /** `screen` for a traveller already parsed (a caller that also needs the parsed form parses once). */
  screenParsed(traveller: ParsedTraveller, options: ScreenOptions = {}): ScreeningCandidate[] {
    const slots = this.candidatesIndex.candidateSlots(traveller.name, minNameScore);
    // Entries that could not reach a threshold whatever their other facts are skipped unread (a namesake born years
    // apart); a document match lifts any entry, so those are added below.
    const ceiling = recordCeiling(traveller, options);
    const candidates: WatchlistEntry[] = [];
    const candidateSlots: number[] = [];
    for (const slot of slots) {
      if (ceiling.of(this.candidatesIndex.boundOf(slot), this.firstBirthYear.get(slot), this.lastBirthYear.get(slot)) < ceiling.lowest) continue;
      candidates.push(this.bySlot[slot]!);
      candidateSlots.push(slot);
    }
    const byDocument = traveller.document ? this.byDocument.get(traveller.document.number) : undefined;
    if (byDocument && byDocument.size > 0) {
      const named = new Set(candidates.map((entry) => entry.id));
      for (const id of byDocument) {
        if (named.has(id)) continue;
        candidates.push(this.entries.get(id)!);
        candidateSlots.push(this.candidatesIndex.slotOf(id)!);
      }
    }
    return screenParsedTraveller(
      candidates,
      traveller,
      options,
      (_, position) => this.candidatesIndex.tokensAt(candidateSlots[position]!),
      (position, listed) => this.candidatesIndex.queryTokenMayMatch(position, listed),
    );
  }
}

/** Roughly the family name, for ordering only: "Abu Bakr al-Baghdadi" → "al-baghdadi", "OBEIDI, Abu" → "obeidi". */
function familyKey(name: string): string {
  const comma = name.indexOf(',');
  const family = comma >= 0 ? name.slice(0, comma) : name.slice(name.trimEnd().lastIndexOf(' ') + 1);
  return family.trim().toLowerCase().replace(/^(?:[ae][lnrstdz]|ash|esh|ud|ul)[- ]/, '');
}
