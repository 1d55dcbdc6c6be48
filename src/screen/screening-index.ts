// Screening against a whole watchlist: the candidate index picks the few entries a traveller's name could
// match (and the entries listing the traveller's document number), and the record scorer ranks and explains
// just those. The answer equals screening every entry.
import type { WatchlistEntry } from '../store/index.js';
import { CandidateIndex } from './candidate-index.js';
import { entryNames, minNameScore, normaliseDocumentNumber, parseTraveller, screenParsedTraveller, type ScreeningCandidate, type ScreenOptions } from './screen-traveller.js';

export class ScreeningIndex {
  private readonly candidatesIndex = new CandidateIndex();
  private readonly entries = new Map<string, WatchlistEntry>();
  private readonly byDocument = new Map<string, Set<string>>();

  constructor(entries: Iterable<WatchlistEntry> = []) {
    for (const entry of entries) this.put(entry);
  }

  put(entry: WatchlistEntry): void {
    this.remove(entry.id);
    this.entries.set(entry.id, entry);
    this.candidatesIndex.put(entry.id, entryNames(entry).map((n) => n.name));
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
    this.candidatesIndex.remove(entryId);
  }

  get size(): number {
    return this.entries.size;
  }

  screen(input: unknown, options: ScreenOptions = {}): ScreeningCandidate[] {
    const traveller = parseTraveller(input);
    const ids = this.candidatesIndex.candidates(traveller.name, minNameScore);
    const byDocument = traveller.document ? this.byDocument.get(traveller.document.number) : undefined;
    if (byDocument && byDocument.size > 0) {
      const named = new Set(ids);
      for (const id of byDocument) if (!named.has(id)) ids.push(id);
    }
    return screenParsedTraveller(ids.map((id) => this.entries.get(id)!), traveller, options, (entry) => this.candidatesIndex.tokensOf(entry.id));
  }
}
