// Features are 32-bit keys, not strings: a template's seed mixed with the hashes of its values (a word's hash is
// computed once per distinct word), so context features cost a few integer multiplications instead of string
// concatenation and a Map of millions of strings. Two features that share a key share a weight; with a few
// million features over 2^32 keys that happens to a handful of rare ones, which the hashing-trick literature
// (Weinberger et al. 2009) shows costs nothing measurable.

/** MurmurHash3 (x86, 32-bit) body round and finaliser, over UTF-16 code units. */
function round(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Hash of `text[start, end)`; equal substrings hash equal wherever they stand. */
export function hashString(text: string, start = 0, end = text.length): number {
  let h = 0x2f1b3c5d ^ (end - start);
  for (let i = start; i < end; i++) h = round(h, text.charCodeAt(i));
  return finish(h);
}

// Keys are never 0, so that 0 can mark an empty slot in a weight table: the one key that hashes to 0 shares
// its weight with key 1, in training and tagging alike.

/** The key of a feature with one value (or none: pass 0). */
export function featureKey(seed: number, value: number): number {
  return finish(round(round(seed, value), 0x51ed27)) || 1;
}

/** The key of a feature with two values, in order. */
export function featureKey2(seed: number, a: number, b: number): number {
  return finish(round(round(round(seed, a), b), 0x3c6ef3)) || 1;
}

/**
 * Feature key → the weights of its tags, for tagging: one slot of eight 32-bit words holds the key and its
 * seven weights, so a lookup reads one cache line where a key table plus a weight matrix read two or three.
 */
export class WeightTable {
  readonly keys: Int32Array;
  readonly weights: Float32Array;
  readonly mask: number;

  constructor(table: FeatureTable, emissions: ArrayLike<number>, tagCount: number) {
    if (tagCount !== 7) throw new Error(`WeightTable holds 7 weights a slot, not ${tagCount}`);
    let capacity = 1024;
    while (capacity < table.size * 2) capacity *= 2;
    const buffer = new ArrayBuffer(capacity * 32);
    this.keys = new Int32Array(buffer);
    this.weights = new Float32Array(buffer);
    this.mask = capacity - 1;
    const keysByRow = table.keysByRow();
    keysByRow.forEach((key, row) => {
      if (key === 0) throw new Error('feature key 0 is reserved for empty slots');
      let slot = key & this.mask;
      while (this.keys[slot * 8] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot * 8] = key;
      for (let t = 0; t < 7; t++) this.weights[slot * 8 + 1 + t] = emissions[row * 7 + t]!;
    });
  }

  /** Where the weights of `key` start in `weights` (seven of them), or -1 when the table does not hold it. */
  find(key: number): number {
    const { keys, mask } = this;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const found = keys[slot * 8]!;
      if (found === key) return slot * 8 + 1;
      if (found === 0) return -1;
    }
  }
}

/** Open-addressing map from feature key to a dense row number (0, 1, 2… in order of insertion). */
export class FeatureTable {
  private keys: Int32Array;
  private rows: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.rows = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  /** The row of `key`, or -1 when the table does not hold it. */
  get(key: number): number {
    const { keys, rows, mask } = this;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const row = rows[slot]!;
      if (row < 0 || keys[slot] === key) return row;
    }
  }

  /** The row of `key`, adding it as the next row when it is new. */
  intern(key: number): number {
    const { keys, rows, mask } = this;
    let slot = key & mask;
    for (; ; slot = (slot + 1) & mask) {
      const row = rows[slot]!;
      if (row < 0) break;
      if (keys[slot] === key) return row;
    }
    keys[slot] = key;
    rows[slot] = this.size;
    if (++this.size * 2 > keys.length) this.grow();
    return this.size - 1;
  }

  /** Every key, indexed by its row. */
  keysByRow(): Int32Array {
    const out = new Int32Array(this.size);
    for (let slot = 0; slot < this.keys.length; slot++) if (this.rows[slot]! >= 0) out[this.rows[slot]!] = this.keys[slot]!;
    return out;
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.rows = new Int32Array(keys.length * 2).fill(-1);
    this.mask = this.keys.length - 1;
    for (let slot = 0; slot < keys.length; slot++) {
      if (rows[slot]! < 0) continue;
      let to = keys[slot]! & this.mask;
      while (this.rows[to]! >= 0) to = (to + 1) & this.mask;
      this.keys[to] = keys[slot]!;
      this.rows[to] = rows[slot]!;
    }
  }
}

/** A feature template: its name (for reading features back) and the seed its keys start from. */
export interface Template {
  name: string;
  seed: number;
}

export function template(name: string): Template {
  return { name, seed: hashString(name) };
}

/**
 * A growable list of feature keys, with readable names beside them when asked for (tests, debugging). The
 * texts passed in are only read when describing, so callers pass strings they already hold.
 */
export class KeyList {
  keys = new Int32Array(64);
  length = 0;
  readonly names: string[] | null;

  constructor(describe = false) {
    this.names = describe ? [] : null;
  }

  push(key: number): void {
    if (this.length === this.keys.length) {
      const bigger = new Int32Array(this.keys.length * 2);
      bigger.set(this.keys);
      this.keys = bigger;
    }
    this.keys[this.length++] = key;
  }

  /** A feature without a value ("first", "hyphen"). */
  flag(t: Template): void {
    this.push(featureKey(t.seed, 0));
    if (this.names) this.names.push(t.name);
  }

  /** A feature with one value: its hash, and its text for the name. */
  add(t: Template, value: number, text: string): void {
    this.push(featureKey(t.seed, value));
    if (this.names) this.names.push(`${t.name}=${text}`);
  }

  /** A feature with two values, in order. */
  add2(t: Template, a: number, b: number, textA: string, textB: string): void {
    this.push(featureKey2(t.seed, a, b));
    if (this.names) this.names.push(`${t.name}=${textA}|${textB}`);
  }

  /** Keys made earlier (a word's cached features), with their names when both sides have them. */
  append(keys: Int32Array, names: readonly string[] | undefined): void {
    for (let k = 0; k < keys.length; k++) this.push(keys[k]!);
    if (this.names && names) this.names.push(...names);
  }

  clear(): void {
    this.length = 0;
    if (this.names) this.names.length = 0;
  }

  toArray(): Int32Array {
    return this.keys.slice(0, this.length);
  }
}

/** Hash of a sequence of tokens, one token hash at a time: start from `sequenceStart`. */
export const sequenceStart = 0x1b873593;
export function extendSequence(sequence: number, token: number): number {
  return finish(round(round(sequence, token), 0x2545f491));
}
