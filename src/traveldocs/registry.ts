// The stolen, lost and blank document registry as an in-memory index: which reports cover a document number.
// Single documents sit in a Map by number; serial ranges in one static interval tree per (issuing state, prefix,
// length), so a lookup costs O(log n + k log n) for k hits however many booklets the ranges hold.
import { normaliseDocumentNumber, normaliseIssuingState, splitDocumentNumber } from './document-number.js';

/** What the index reads of an entry; the entry itself is handed back in each hit. */
export interface RegistryRow {
  country: string;
  number: string;
  /** Last booklet of a serial range (same prefix and length as `number`), or null for one document. */
  numberEnd: string | null;
  status: string;
}

export type RegistryMatch = 'exact' | 'range';

export interface RegistryHit<E extends RegistryRow = RegistryRow> {
  status: E['status'];
  match: RegistryMatch;
  entry: E;
}

/**
 * Ranges of one (issuing state, prefix, length), sorted by first serial, read as an implicit balanced tree: the
 * node of positions [lo, hi) is their middle, and `maxEnds[middle]` is the largest last serial in [lo, hi).
 */
interface RangeGroup<E> {
  country: string;
  entries: E[];
  starts: Float64Array;
  ends: Float64Array;
  maxEnds: Float64Array;
}

const emptyArray = new Float64Array(0);

export class DocumentRegistryIndex<E extends RegistryRow> {
  private readonly exact = new Map<string, E[]>();
  /** `prefix \0 length` → its ranges by issuing state, and the same groups in order of issuing state. */
  private readonly ranges = new Map<string, { byCountry: Map<string, RangeGroup<E>>; ordered: RangeGroup<E>[] }>();
  private entryCount = 0;

  constructor(entries: Iterable<E> = []) {
    this.add(entries);
  }

  /** Entries indexed (a range counts once). */
  get size(): number {
    return this.entryCount;
  }

  /** Adds entries; each range group they touch is rebuilt once per call, so add in batches. Ranges must be valid. */
  add(entries: Iterable<E>): void {
    const added = new Map<RangeGroup<E>, E[]>();
    for (const entry of entries) {
      this.entryCount++;
      const number = normaliseDocumentNumber(entry.number);
      if (entry.numberEnd === null) {
        const same = this.exact.get(number);
        if (same) same.push(entry);
        else this.exact.set(number, [entry]);
        continue;
      }
      const { prefix, length } = splitDocumentNumber(number);
      const country = normaliseIssuingState(entry.country);
      let groups = this.ranges.get(groupKey(prefix, length));
      if (!groups) this.ranges.set(groupKey(prefix, length), (groups = { byCountry: new Map(), ordered: [] }));
      let group = groups.byCountry.get(country);
      if (!group) {
        group = { country, entries: [], starts: emptyArray, ends: emptyArray, maxEnds: emptyArray };
        groups.byCountry.set(country, group);
        groups.ordered.push(group);
        groups.ordered.sort((a, b) => (a.country < b.country ? -1 : 1));
      }
      const pending = added.get(group);
      if (pending) pending.push(entry);
      else added.set(group, [entry]);
    }
    for (const [group, more] of added) rebuild(group, more);
  }

  /**
   * Every report covering `number` (any spelling: case, spaces, dashes and MRZ fillers do not matter): exact
   * reports first, then ranges by issuing state and first booklet. Without `country`, every issuing state is searched.
   */
  lookup(number: string, country?: string): RegistryHit<E>[] {
    const normalised = normaliseDocumentNumber(number);
    if (normalised === '') return [];
    const state = country ? normaliseIssuingState(country) : undefined;
    const hits: RegistryHit<E>[] = [];
    for (const entry of this.exact.get(normalised) ?? []) {
      if (state === undefined || normaliseIssuingState(entry.country) === state) hits.push({ status: entry.status, match: 'exact', entry });
    }
    const { prefix, serial, length } = splitDocumentNumber(normalised);
    const groups = serial === null ? undefined : this.ranges.get(groupKey(prefix, length));
    if (!groups) return hits;
    const covering: E[] = [];
    if (state === undefined) for (const group of groups.ordered) stab(group, serial!, 0, group.entries.length, covering);
    else {
      const group = groups.byCountry.get(state);
      if (group) stab(group, serial!, 0, group.entries.length, covering);
    }
    for (const entry of covering) hits.push({ status: entry.status, match: 'range', entry });
    return hits;
  }
}

function groupKey(prefix: string, length: number): string {
  return `${prefix}\u0000${length}`;
}

function serialOf(number: string): number {
  const { serial } = splitDocumentNumber(normaliseDocumentNumber(number));
  if (serial === null) throw new Error(`registry range end "${number}" does not end in digits`);
  return serial;
}

function rebuild<E extends RegistryRow>(group: RangeGroup<E>, more: E[]): void {
  const count = group.entries.length + more.length;
  const entries = group.entries.concat(more);
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  starts.set(group.starts);
  ends.set(group.ends);
  for (let i = group.entries.length; i < count; i++) {
    starts[i] = serialOf(entries[i]!.number);
    ends[i] = serialOf(entries[i]!.numberEnd!);
    if (ends[i]! < starts[i]!) throw new Error(`registry range ${entries[i]!.number}–${entries[i]!.numberEnd} ends before it starts`);
  }
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => starts[a]! - starts[b]! || ends[a]! - ends[b]!);
  group.entries = order.map((i) => entries[i]!);
  group.starts = Float64Array.from(order, (i) => starts[i]!);
  group.ends = Float64Array.from(order, (i) => ends[i]!);
  group.maxEnds = new Float64Array(count);
  fillMaxEnds(group, 0, count);
}

function fillMaxEnds(group: RangeGroup<unknown>, lo: number, hi: number): number {
  if (lo >= hi) return Number.NEGATIVE_INFINITY;
  const mid = (lo + hi) >>> 1;
  const max = Math.max(group.ends[mid]!, fillMaxEnds(group, lo, mid), fillMaxEnds(group, mid + 1, hi));
  group.maxEnds[mid] = max;
  return max;
}

/**
 * Collects, in start order, the ranges of [lo, hi) that contain `serial`. A subtree whose largest end is below
 * `serial` holds none; right of a node that starts after `serial` nothing can start early enough. So only nodes
 * on the search path for `serial` and subtrees holding a hit are visited.
 */
function stab<E>(group: RangeGroup<E>, serial: number, lo: number, hi: number, out: E[]): void {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (group.maxEnds[mid]! < serial) return;
    stab(group, serial, lo, mid, out);
    if (group.starts[mid]! > serial) return;
    if (group.ends[mid]! >= serial) out.push(group.entries[mid]!);
    lo = mid + 1;
  }
}
