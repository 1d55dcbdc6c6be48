// Screening against a whole watchlist: the candidate index picks the few entries a traveller's name could
// match, and the record scorer ranks and explains just those. The answer equals screening every entry.
import { tokeniseName, type NameToken } from '../names/index.js';
import type { WatchlistEntry } from '../store/index.js';
import { CandidateIndex } from './candidate-index.js';
import { minNameScore, screenTraveller, type ScreeningCandidate, type ScreenOptions } from './screen-traveller.js';

export class ScreeningIndex {
  private readonly candidatesIndex = new CandidateIndex();
  private readonly entries = new Map<string, WatchlistEntry>();
  private readonly tokens = new Map<string, NameToken[][]>();

  constructor(entries: Iterable<WatchlistEntry> = []) {
    for (const entry of entries) this.put(entry);
  }

  put(entry: WatchlistEntry): void {
    this.entries.set(entry.id, entry);
    this.tokens.set(entry.id, [entry.name, ...entry.aliases].map(tokeniseName));
    this.candidatesIndex.put(entry.id, [entry.name, ...entry.aliases]);
  }

  remove(entryId: string): void {
    this.entries.delete(entryId);
    this.tokens.delete(entryId);
    this.candidatesIndex.remove(entryId);
  }

  get size(): number {
    return this.entries.size;
  }

  screen(traveller: unknown, options: ScreenOptions = {}): ScreeningCandidate[] {
    const name = typeof traveller === 'object' && traveller !== null && 'name' in traveller ? (traveller as { name: unknown }).name : undefined;
    // An invalid traveller is refused by the scorer with its own message; hand it no entries to spare the lookup.
    if (typeof name !== 'string' || name.trim() === '') return screenTraveller([], traveller, options);
    const ids = this.candidatesIndex.candidates(name, minNameScore);
    return screenTraveller(ids.map((id) => this.entries.get(id)!), traveller, options, (entry) => this.tokens.get(entry.id)!);
  }
}
