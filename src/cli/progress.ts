// A one-line progress bar for long work on a terminal; silent when stderr is not a TTY.
import type { Writable } from 'node:stream';

export interface Progress {
  update(done: number, total: number, label: string): void;
  finish(): void;
}

export function createProgress(stream: Writable & { isTTY?: boolean; columns?: number }, now: () => number = Date.now): Progress {
  if (!stream.isTTY) return { update() {}, finish() {} };
  let last = Number.NEGATIVE_INFINITY; // the first update always draws
  let drawn = false;
  return {
    update(done, total, label) {
      const t = now();
      if (done < total && t - last < 80) return; // redraw at most ~12 times a second
      last = t;
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const columns = stream.columns ?? 80;
      const head = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} `;
      const room = Math.max(0, columns - head.length - 1);
      const tail = label.length > room ? '…' + label.slice(label.length - room + 1) : label;
      stream.write('\r\u001b[2K' + head + tail);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
