// E-mail messages (RFC 5322, with MIME: RFC 2045–2049) through postal-mime: one document per message, its text a
// header block (From, To, Cc, Bcc, Date, Subject) and then the body, so the extractor finds the correspondents'
// names and addresses as it finds them anywhere else. Attachments, inline images and forwarded messages are
// handed to the pipeline, which ingests each as a file of its own under `MESSAGE!/NAME`.
import type { Address, Email } from 'postal-mime';
import { VigilError } from '../../errors.js';
import { normaliseDate } from '../../extract/index.js';
import { looksLikeText, restoreWindows1252 } from '../decode-text.js';
import type { Attachment, ParsedDocument, Parser } from '../parser.js';
import { htmlToDocument } from './html.js';

/**
 * Header fields of which at least one marks bytes as a message: RFC 5322 §3.6's originator, destination,
 * identification and informational fields, the trace fields a server adds (§3.6.7), RFC 2045's MIME-Version.
 */
const messageFields = new Set([
  'from', 'sender', 'reply-to', 'to', 'cc', 'bcc', 'message-id', 'in-reply-to', 'references', 'subject', 'date',
  'received', 'return-path', 'delivered-to', 'mime-version',
]);

/** Extensions for attachments sent without a file name, so that the pipeline reads them by the right parser. */
const extensionOf: Record<string, string> = {
  'message/rfc822': 'eml', 'text/plain': 'txt', 'text/html': 'html', 'text/csv': 'csv', 'text/calendar': 'ics',
  'application/pdf': 'pdf', 'application/zip': 'zip', 'application/gzip': 'gz', 'image/png': 'png',
  'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/tiff': 'tif', 'image/bmp': 'bmp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

const mailboxes = (addresses: Address | Address[] | undefined) =>
  (addresses === undefined ? [] : Array.isArray(addresses) ? addresses : [addresses]).flatMap((a) => (a.group ? a.group : [a]));

/** `Abu Omar <abu.omar@example.org>`, or the bare address when no name was given. */
function shown(addresses: Address | Address[] | undefined): string {
  return mailboxes(addresses)
    .map((m) => {
      const name = restoreWindows1252(m.name).trim();
      if (!m.address) return name;
      return name && name !== m.address ? `${name} <${m.address}>` : m.address;
    })
    .filter(Boolean)
    .join(', ');
}

const addressList = (addresses: Address | Address[] | undefined) => mailboxes(addresses).map((m) => m.address).filter(Boolean).join(', ');

/** A file name for each attachment: its own, a Content-ID that reads as one (`image001.png@01D2…`), or `inline-2.png`. */
function attachmentName(attachment: Email['attachments'][number], position: number): string {
  const forwarded = attachment.mimeType === 'message/rfc822';
  const cid = attachment.contentId?.replace(/^<|>$/g, '').split('@')[0] ?? '';
  let name = attachment.filename?.trim() || (/\.[a-z0-9]{1,5}$/i.test(cid) ? cid : '');
  if (!name) {
    const kind = attachment.disposition === 'inline' || attachment.related ? 'inline' : forwarded ? 'message' : 'attachment';
    name = `${kind}-${position}.${extensionOf[attachment.mimeType] ?? 'bin'}`;
  }
  // A forwarded message is read as a message of its own only when its name says so.
  if (forwarded && !/\.eml$/i.test(name)) name += '.eml';
  return name;
}

function attachmentBytes(content: Email['attachments'][number]['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function notAMessage(path: string, bytes: Uint8Array): VigilError {
  const why = bytes.byteLength === 0
    ? 'the file is empty'
    : looksLikeText(bytes)
      ? 'no header such as From, To, Date or Subject before its first blank line'
      : 'binary content, no header lines';
  return new VigilError('input', 'ingest.email-unreadable', `${path}: not an e-mail message (${why})`);
}

/** Reads one message into its document; throws VigilError('input') when the bytes are not a message. */
export async function parseMessage(bytes: Uint8Array, path: string): Promise<ParsedDocument> {
  // Loaded on first use, as most hauls hold no mail.
  const { default: PostalMime } = await import('postal-mime');
  let email: Email;
  try {
    // Forwarded messages stay attachments, so each becomes a document with its own sender, date and subject.
    email = await PostalMime.parse(bytes, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    // postal-mime refuses only what breaks its limits (nesting, part count, header size): a hostile message.
    const reason = error instanceof Error ? error.message : String(error);
    throw new VigilError('input', 'ingest.email-unreadable', `${path}: not a readable e-mail message (${reason})`, { cause: error });
  }
  if (!email.headers.some((h) => messageFields.has(h.key))) throw notAMessage(path, bytes);

  const raw = (key: string) => email.headers.find((h) => h.key === key)?.value.trim() || undefined;
  const from = email.from ?? email.sender;
  const subject = email.subject === undefined ? undefined : restoreWindows1252(email.subject).trim();
  const rawDate = raw('date');
  const header = [
    ['From', shown(from)],
    ['To', shown(email.to)],
    ['Cc', shown(email.cc)],
    ['Bcc', shown(email.bcc)],
    ['Date', rawDate],
    ['Subject', subject],
  ]
    .filter((field): field is [string, string] => Boolean(field[1]))
    .map(([name, value]) => `${name}: ${value}`);

  // A message with only an HTML body is read as a page would be (the plain alternative is preferred when sent).
  const body = email.text ?? (email.html ? htmlToDocument(email.html).text : '');
  // NUL has no place in text (nor in the store's full-text index); a body sent as 8-bit binary may still hold one.
  const cleanBody = restoreWindows1252(body).replace(/\r\n?/g, '\n').replace(/\u0000/g, '\ufffd').trim();

  const fromMailbox = mailboxes(from)[0];
  const metadata: Record<string, string> = {};
  const put = (key: string, value: string | undefined) => {
    if (value) metadata[key] = value;
  };
  put('from', addressList(from));
  put('to', addressList(email.to));
  put('cc', addressList(email.cc));
  put('bcc', addressList(email.bcc));
  put('messageId', email.messageId);
  put('inReplyTo', email.inReplyTo);
  put('references', email.references);
  put('subject', subject);
  put('date', rawDate);
  // The moment it was sent, in UTC; the document's date is the sender's own day, as the header wrote it.
  if (email.date && email.date !== rawDate) put('sentAt', email.date);

  const attachments: Attachment[] = email.attachments.map((a, i) => ({ name: attachmentName(a, i + 1), bytes: attachmentBytes(a.content) }));
  if (attachments.length > 0) metadata['attachments'] = String(attachments.length);
  return {
    title: subject || null,
    author: fromMailbox ? restoreWindows1252(fromMailbox.name).trim() || fromMailbox.address || null : null,
    // RFC 5322 §3.3 date-time: the sender's local day, so "tomorrow" in the body is read from the day they wrote it.
    date: rawDate ? normaliseDate(rawDate) : null,
    language: null,
    text: cleanBody ? `${header.join('\n')}\n\n${cleanBody}` : header.join('\n'),
    metadata,
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}

/**
 * RFC 5322 §2.2: a message begins with header fields ("Name: value", folded lines indented) up to a blank line. A
 * file whose first lines are such a block naming the sender and a date or message id is a message, whatever its
 * name (a Maildir file, an e-mail saved as .txt).
 */
function looksLikeMessage(head: Uint8Array): boolean {
  const lines = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 16_384)).toString('latin1').split(/\r?\n/);
  const names = new Set<string>();
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (names.size === 0) return false;
      continue;
    }
    const field = /^([!-9;-~]+):/.exec(line);
    if (!field) return false;
    names.add(field[1]!.toLowerCase());
  }
  return names.has('from') && (names.has('date') || names.has('message-id') || names.has('received')) && names.size >= 3;
}

export const emlParser: Parser = {
  mediaType: 'message/rfc822',
  extensions: ['.eml'],
  recognises: looksLikeMessage,
  async *parse(bytes, meta) {
    yield await parseMessage(bytes, meta.path);
  },
};
