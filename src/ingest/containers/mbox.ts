// MBOX mailboxes (RFC 4155): messages one after another, each starting at a "From " line that follows a blank line.
// Each message is yielded as an entry `0001-SUBJECT.eml`, read by the e-mail parser. The mailbox is read as a
// stream, line by line, so one larger than memory is read in place; only the message being read is held.
import { VigilError } from '../../errors.js';
import { EntryRefused, sourceStream, type Container, type ContainerEntry, type ExpansionBudget } from './container.js';

const LF = 0x0a;
const CR = 0x0d;
const fromLine = new TextEncoder().encode('From ');

function startsWithFrom(line: Uint8Array, at: number): boolean {
  if (line.byteLength < at + fromLine.byteLength) return false;
  for (let i = 0; i < fromLine.byteLength; i++) if (line[at + i] !== fromLine[i]) return false;
  return true;
}

/**
 * RFC 4155 §2: a separator is "From ", the envelope sender and a timestamp (`From abu@example.org Tue May  2
 * 10:15:00 2017`). The time of day is asked for too, so a body line "From here we go" after a blank line, left
 * unescaped by a careless writer, does not split its message.
 */
function isSeparator(line: Uint8Array): boolean {
  if (!startsWithFrom(line, 0)) return false;
  const text = Buffer.from(line.buffer, line.byteOffset, Math.min(line.byteLength, 512)).toString('latin1');
  return /^From \S+ .*\d{1,2}:\d{2}/.test(text);
}

const isBlank = (line: Uint8Array) => line.byteLength === 1 || (line.byteLength === 2 && line[0] === CR);

/** mboxrd (and mboxo) writers quote body lines that begin "From " as ">From ", and ">From " as ">>From ". */
function unquoted(line: Uint8Array): Uint8Array {
  if (line[0] !== 0x3e) return line;
  let at = 1;
  while (line[at] === 0x3e) at++;
  return startsWithFrom(line, at) ? line.subarray(1) : line;
}

/** The message's Subject, else its Message-ID, as a short name safe in a path: `Meeting-in-Raqqa`. */
async function messageLabel(message: Uint8Array): Promise<string> {
  const headEnd = Math.min(message.byteLength, 64 * 1024);
  const head = Buffer.from(message.buffer, message.byteOffset, headEnd).toString('latin1');
  const section = head.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(section)?.[1]?.trim() ?? '';
  const { decodeWords } = await import('postal-mime');
  // Raw bytes as Latin-1 keep each byte one character; encoded words (RFC 2047) carry their own charset.
  const subject = field('Subject');
  const decoded = /=\?/.test(subject) ? decodeWords(subject) : Buffer.from(subject, 'latin1').toString('utf8');
  const label = (decoded || field('Message-ID').replace(/[<>]/g, ''))
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}@.]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return [...label].slice(0, 60).join('').replace(/[-.]+$/, '');
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** One message being gathered, line by line, up to the budget's limit for one entry. */
class MessageLines {
  private parts: Uint8Array[] = [];
  private length = 0;
  private refused: EntryRefused | null = null;
  private trailingBlank: Uint8Array | null = null;
  constructor(private readonly budget: ExpansionBudget) {}

  add(line: Uint8Array): void {
    if (this.refused) return;
    // The blank line before the next separator belongs to the mailbox, not the message: held back until known.
    if (this.trailingBlank) this.push(this.trailingBlank);
    this.trailingBlank = null;
    if (isBlank(line)) this.trailingBlank = line;
    else this.push(unquoted(line));
  }

  private push(line: Uint8Array): void {
    this.length += line.byteLength;
    try {
      this.budget.checkGrowth(this.length, this.length);
    } catch (error) {
      if (!(error instanceof EntryRefused)) throw error;
      this.refused = error;
      this.parts = [];
      return;
    }
    this.parts.push(line);
  }

  finish(): Uint8Array | EntryRefused {
    if (this.refused) return this.refused;
    this.budget.take(this.length);
    return concat(this.parts, this.length);
  }
}

export const mboxContainer: Container = {
  mediaType: 'application/mbox',
  extensions: ['.mbox', '.mbx'],
  // Mail programs keep mailboxes under names that do not say so (Thunderbird's "Inbox", Apple Mail's "mbox"):
  // a separator line followed by header lines is a mailbox.
  recognises(head) {
    const lines = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 8192)).toString('latin1').split(/\r?\n/);
    if (!isSeparator(Buffer.from(lines[0] ?? '', 'latin1'))) return false;
    const headers = lines.slice(1, 40).filter((line) => /^(From|To|Date|Subject|Message-ID|Received|Return-Path):/i.test(line));
    return headers.length >= 2;
  },
  async *entries(source, path, budget): AsyncGenerator<ContainerEntry> {
    let current: MessageLines | null = null;
    let finished: Uint8Array | EntryRefused | null = null;
    let previousBlank = true;
    let count = 0;
    const read = (line: Uint8Array) => {
      if (previousBlank && isSeparator(line)) {
        if (current) finished = current.finish();
        budget.countEntry();
        current = new MessageLines(budget);
      } else if (current) current.add(line);
      else if (!isBlank(line)) {
        throw new VigilError('input', 'ingest.mbox-unreadable', `${path}: not an MBOX mailbox (it does not begin with a "From " separator line, RFC 4155)`);
      }
      previousBlank = isBlank(line);
    };
    const entry = async (message: Uint8Array | EntryRefused): Promise<ContainerEntry> => {
      const number = String(++count).padStart(4, '0');
      if (message instanceof EntryRefused) return { name: `${number}.eml`, code: message.code, problem: message.problem };
      const label = await messageLabel(message);
      return { name: label ? `${number}-${label}.eml` : `${number}.eml`, bytes: message };
    };
    const handOn = () => {
      const message = finished!;
      finished = null;
      return message;
    };
    let carry: Uint8Array | null = null;
    for await (const chunk of sourceStream(source) as AsyncIterable<Uint8Array>) {
      let start = 0;
      for (let end = chunk.indexOf(LF); end >= 0; end = chunk.indexOf(LF, start)) {
        const piece = chunk.subarray(start, end + 1);
        // A line cut between two chunks is the only one copied before its message is put together.
        read(carry ? concat([carry, piece], carry.byteLength + piece.byteLength) : piece);
        carry = null;
        start = end + 1;
        // Each message is handed on as soon as it ends, so only one is held at a time.
        if (finished) yield await entry(handOn());
      }
      if (start < chunk.byteLength) {
        const rest = chunk.subarray(start);
        carry = carry ? concat([carry, rest], carry.byteLength + rest.byteLength) : rest;
        // A line without end (a binary file under an .mbox name) is held only up to the limit for one message.
        if (carry.byteLength > budget.limits.maxEntryBytes) {
          read(carry);
          carry = null;
          if (finished) yield await entry(handOn());
        }
      }
    }
    if (carry) read(carry);
    if (finished) yield await entry(handOn());
    // An empty mailbox holds no message, and that is no error.
    if (current) yield await entry((current as MessageLines).finish());
  },
};
