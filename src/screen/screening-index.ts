// Screening against a whole watchlist: the candidate index picks the few entries a traveller's name could
// match (and the entries listing the traveller's document number), and the record scorer ranks and explains
// just those. The answer equals screening every entry.
import { tokeniseName, type NameToken } from '../names/index.js';
import type { WatchlistEntry } from '../store/index.js';
import { CandidateIndex } from './candidate-index.js';
import { entryNames, minNameScore, normaliseDocumentNumber, parseTraveller, screenTraveller, type ScreeningCandidate, type ScreenOptions } from './screen-traveller.js';

export class ScreeningIndex {
  private readonly candidatesIndex = new CandidateIndex();
  private readonly entries = new Map<string, WatchlistEntry>();
  private readonly tokens = new Map<string, NameToken[][]>();
  private readonly byDocument = new Map<string, Set<string>>();

  constructor(entries: Iterable<WatchlistEntry> = []) {
    for (const entry of entries) this.put(entry);
  }

  put(entry: WatchlistEntry): void {
    this.remove(entry.id);
    this.entries.set(entry.id, entry);
    const names = entryNames(entry).map((n) => n.name);
    this.tokens.set(entry.id, names.map(tokeniseName));
    this.candidatesIndex.put(entry.id, names);
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
    this.tokens.delete(entryId);
    this.candidatesIndex.remove(entryId);
  }

  get size(): number {
    return this.entries.size;
  }

  screen(input: unknown, options: ScreenOptions = {}): ScreeningCandidate[] {
    const traveller = parseTraveller(input);
    const ids = new Set(this.candidatesIndex.candidates(traveller.name, minNameScore));
    if (traveller.document) for (const id of this.byDocument.get(traveller.document.number) ?? []) ids.add(id);
    return screenTraveller([...ids].map((id) => this.entries.get(id)!), input, options, (entry) => this.tokens.get(entry.id)!);
  }
}
