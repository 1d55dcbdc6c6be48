// The order in which ingest writes the store. While workers prepare later files, each file's writes (resolution and
// its one transaction, or its failure) run strictly in the order the haul was walked, so entity ids, reports and
// the store come out as a one-file-at-a-time run would leave them. The files in flight are bounded in number and in
// bytes, so memory stays bounded however large the haul.

export interface Queued {
  written: Promise<void>;
}

export interface CommitOrder {
  /**
   * Waits until there is room for one more file of `bytes` in flight, calls `begin` at once (to start preparing it)
   * and queues `write` with what `begin` returned, after every write queued before. Resolves, once queued, to
   * `written`: a promise that settles when the write has run (or was skipped because an earlier write failed).
   */
  add<T>(bytes: number, begin: () => T, write: (begun: T) => Promise<void>): Promise<Queued>;
}

/** Runs each write as soon as it is added: for the files of a file (attachments), written inside its own turn. */
export const immediateOrder: CommitOrder = {
  async add(_bytes, begin, write) {
    await write(begin());
    return { written: Promise.resolve() };
  },
};

export class CommitQueue implements CommitOrder {
  private chain: Promise<void> = Promise.resolve();
  private files = 0;
  private bytes = 0;
  private failure: { error: unknown } | null = null;
  private stopped = false;
  private readonly waiting: (() => void)[] = [];

  /** Whether writes were left out because the run was stopped: their files are read again by the next run. */
  interrupted = false;

  constructor(private readonly maxFiles: number, private readonly maxBytes: number, private readonly signal?: AbortSignal) {}

  async add<T>(bytes: number, begin: () => T, write: (begun: T) => Promise<void>): Promise<Queued> {
    // One file always fits, however large: the byte bound only keeps others from joining it.
    while (this.files > 0 && (this.files >= this.maxFiles || this.bytes + bytes > this.maxBytes)) {
      this.rethrow();
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
    this.rethrow();
    this.files++;
    this.bytes += bytes;
    const begun = begin();
    const done = this.chain.then(async () => {
      try {
        // Stopped: the files read ahead are left unwritten, whole, as if they had not been reached.
        if (this.signal?.aborted) this.interrupted = true;
        else if (!this.stopped && !this.failure) await write(begun);
      } catch (error) {
        // A write that fails is the store's failure, not a file's: the run stops and says why.
        this.failure ??= { error };
      } finally {
        this.files--;
        this.bytes -= bytes;
        for (const wake of this.waiting.splice(0)) wake();
      }
    });
    this.chain = done;
    return { written: done };
  }

  /** Waits for every queued write; throws the first write's error, if one failed. */
  async drain(): Promise<void> {
    await this.chain;
    this.rethrow();
  }

  /** Skips the writes not yet run (the walk failed) and waits for the one running, so nothing writes afterwards. */
  async abandon(): Promise<void> {
    this.stopped = true;
    await this.chain;
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}
