// Writing results for people (tables, highlights) and for machines (one JSON object per line).
import type { Writable } from 'node:stream';

export interface Output {
  out: Writable & { isTTY?: boolean };
  err: Writable & { isTTY?: boolean };
}

export const processOutput: Output = { out: process.stdout, err: process.stderr };

export function writeJsonLine(output: Output, value: unknown): void {
  output.out.write(JSON.stringify(value) + '\n');
}

export function writeLine(output: Output, line = ''): void {
  output.out.write(line + '\n');
}

/** Marks highlight ranges: bold on a terminal, [brackets] when piped. */
export function highlight(text: string, ranges: [number, number][], tty: boolean): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += text.slice(at, start) + (tty ? `\u001b[1m${text.slice(start, end)}\u001b[22m` : `[${text.slice(start, end)}]`);
    at = end;
  }
  return (out + text.slice(at)).replace(/\s+/g, ' ');
}

/** Left-aligned columns sized to their content, with a header row. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const fit = (cell: string, width: number) => (cell.length > width ? cell.slice(0, width - 1) + '…' : cell.padEnd(width));
  const line = (cells: string[]) => cells.map((c, i) => fit(c, widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
