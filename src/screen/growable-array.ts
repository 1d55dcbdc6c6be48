// Typed arrays that grow as values are appended: a million-entry index keeps its per-name facts in a few of
// these instead of a million small objects (a tenth of the memory, and no work for the garbage collector).

type TypedArray = Int32Array | Float64Array | Uint8Array;

export class GrowableArray<T extends TypedArray> {
  private values: T;
  private count = 0;

  constructor(private readonly create: (size: number) => T) {
    this.values = create(1024);
  }

  get length(): number {
    return this.count;
  }

  push(value: number): number {
    if (this.count === this.values.length) {
      const larger = this.create(this.values.length * 2);
      larger.set(this.values);
      this.values = larger;
    }
    this.values[this.count] = value;
    return this.count++;
  }

  get(index: number): number {
    return this.values[index]!;
  }

  set(index: number, value: number): void {
    this.values[index] = value;
  }

  /** The filled part, without copying: valid until the next push. */
  view(): T {
    return this.values.subarray(0, this.count) as T;
  }
}

export const int32s = () => new GrowableArray((size) => new Int32Array(size));
export const float64s = () => new GrowableArray((size) => new Float64Array(size));
export const flags = () => new GrowableArray((size) => new Uint8Array(size));
