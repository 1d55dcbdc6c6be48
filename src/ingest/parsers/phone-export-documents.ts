// A checked phone export as documents: the device and its owner, one per conversation, the call log, the address
// book. Each line puts names beside numbers ("+963 944 123 456 (Abu Omar)") so that extraction finds the PERSON and
// the PHONE together, and numbers are written in international form so they are read whatever the run's country.
import type { CountryCode } from 'libphonenumber-js/max';
import type { ParsedDocument } from '../parser.js';
import { edgeCollector, partyReader, readNumber, type PartyReader, type ResolvedParty } from './phone-export-parties.js';
import type { Call, Contact, Message, PhoneExport } from './phone-export-schema.js';

/** `metadata.phoneExport`: which part of the export a document is. */
export type PhoneExportPart = 'device' | 'conversation' | 'calls' | 'contacts';

const appNames: Record<string, string> = {
  phone: 'phone', sms: 'SMS', mms: 'MMS', whatsapp: 'WhatsApp', telegram: 'Telegram', signal: 'Signal', viber: 'Viber',
  imessage: 'iMessage', messenger: 'Messenger', skype: 'Skype', wechat: 'WeChat', threema: 'Threema', wire: 'Wire',
  snapchat: 'Snapchat', instagram: 'Instagram', line: 'LINE', facetime: 'FaceTime',
};
const appName = (app: string) => appNames[app] ?? app;

/** `2017-06-02 10:15:00+03:00`: the phone's local time and offset, as recorded. */
const localTime = (iso: string) => iso.replace('T', ' ');
const day = (iso: string) => iso.slice(0, 10);

function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : '', s || (!h && !m) ? `${s} s` : ''].filter(Boolean).join(' ');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Lines of a message's text after the first are indented, so each line of the document still starts a message. */
const indented = (text: string) => text.trim().replace(/\n+/g, '\n    ');

export function phoneExportDocuments(phoneExport: PhoneExport): ParsedDocument[] {
  const { device, contacts, messages, calls } = phoneExport;
  const parties = partyReader(device, contacts);
  const base: Record<string, string> = device?.country ? { country: device.country } : {};
  const documents: ParsedDocument[] = [];
  if (device) documents.push(deviceDocument(phoneExport, parties, base));
  documents.push(...conversationDocuments(messages, parties, base));
  if (calls.length > 0) documents.push(callLogDocument(calls, parties, base));
  if (contacts.length > 0) documents.push(contactsDocument(contacts, parties, device?.country, base));
  return documents;
}

const ownerPhrase = (parties: PartyReader) => (parties.owner.display === "the phone's owner" ? 'the phone' : `the phone of ${parties.owner.display}`);

function deviceDocument(phoneExport: PhoneExport, parties: PartyReader, base: Record<string, string>): ParsedDocument {
  const device = phoneExport.device!;
  const owner = device.owner;
  const numbers = (owner?.numbers ?? []).map((n) => readNumber(n, device.country));
  const lines = [`Phone export${device.model ? `: ${device.model}` : ''}`];
  if (owner?.name || numbers.length > 0) lines.push(`Owner: ${[owner?.name, ...numbers.map((n) => n.display)].filter(Boolean).join(', ')}`);
  if (device.imei.length > 0) lines.push(`IMEI: ${device.imei.join(', ')}`);
  if (device.imsi.length > 0) lines.push(`IMSI: ${device.imsi.join(', ')}`);
  if (device.extraction?.tool || device.extraction?.date) {
    lines.push(`Extracted${device.extraction.tool ? ` with ${device.extraction.tool}` : ''}${device.extraction.date ? ` on ${localTime(device.extraction.date)}` : ''}`);
  }
  if (device.country) lines.push(`Local numbers read in: ${device.country}`);
  const threads = new Set(phoneExport.messages.map(threadKey(parties))).size;
  lines.push(`Holds ${plural(phoneExport.contacts.length, 'contact')}, ${plural(phoneExport.messages.length, 'message')} in ${plural(threads, 'conversation')}, ${plural(phoneExport.calls.length, 'call')}`);
  if (phoneExport.skipped.length > 0) lines.push(`Left out as malformed: ${plural(phoneExport.skipped.length, 'record')} of ${phoneExport.records.toLocaleString('en')}`);
  const metadata: Record<string, string> = { ...base, phoneExport: 'device' satisfies PhoneExportPart };
  if (device.model) metadata.model = device.model;
  if (device.imei.length > 0) metadata.imei = device.imei.join(',');
  if (device.imsi.length > 0) metadata.imsi = device.imsi.join(',');
  if (owner?.name) metadata.ownerName = owner.name;
  if (numbers.length > 0) metadata.ownerNumbers = JSON.stringify(numbers.map((n) => n.value));
  if (device.extraction?.tool) metadata.extractionTool = device.extraction.tool;
  if (device.extraction?.date) metadata.extractedAt = device.extraction.date;
  const title = owner?.name ? `Phone of ${owner.name}${device.model ? ` (${device.model})` : ''}` : `Phone ${device.model ?? parties.owner.display}`;
  return { title, author: null, date: device.extraction?.date ? day(device.extraction.date) : null, language: null, text: lines.join('\n') + '\n', metadata };
}

/**
 * Messages are grouped by app and chat id; without an id, by app and the other side, its number read in the device
 * country (the SMS thread with a number, written "+90 532…" on one message and "0532…" on the next).
 */
const threadKey = (parties: PartyReader) => (message: Message): string => {
  if (message.thread) return JSON.stringify([message.app, message.thread]);
  const other = message.direction === 'incoming' ? [parties.read(message.from)] : message.to.map((p) => parties.read(p));
  return JSON.stringify([message.app, other.map((p) => p.key).sort()]);
};

function conversationDocuments(messages: readonly Message[], parties: PartyReader, base: Record<string, string>): ParsedDocument[] {
  const threads = new Map<string, Message[]>();
  const keyOf = threadKey(parties);
  for (const message of messages) {
    const key = keyOf(message);
    const thread = threads.get(key);
    if (thread) thread.push(message);
    else threads.set(key, [message]);
  }
  const ordered = [...threads.values()].map((thread) => thread.map((m, i) => ({ m, i })).sort((a, b) => a.m.timestamp.instant - b.m.timestamp.instant || a.i - b.i).map(({ m }) => m));
  ordered.sort((a, b) => a[0]!.timestamp.instant - b[0]!.timestamp.instant);
  return ordered.map((thread) => conversationDocument(thread, parties, base));
}

function conversationDocument(thread: readonly Message[], parties: PartyReader, base: Record<string, string>): ParsedDocument {
  const first = thread[0]!;
  const app = appName(first.app);
  const threadName = thread.find((m) => m.threadName)?.threadName;
  const edges = edgeCollector();
  const participants = new Map<string, ResolvedParty>();
  const lines: string[] = [];
  for (const message of thread) {
    const from = parties.read(message.from);
    const to = message.direction === 'incoming' && message.to.length === 0 ? [parties.owner] : message.to.map((p) => parties.read(p));
    for (const party of [from, ...to]) if (!participants.has(party.key)) participants.set(party.key, party);
    for (const recipient of to) edges.add(from, recipient, 'message', message.app, message.timestamp);
    // A group message lists its first few recipients; the edges keep all of them.
    const shown = to.slice(0, 3).map((p) => p.display);
    if (to.length > 3) shown.push(`${to.length - 3} others`);
    const recipients = to.length === 0 ? (threadName ? `"${threadName}"` : 'the chat') : shown.join(', ');
    const notes = [
      message.attachments.length > 0 ? `[attached: ${message.attachments.join(', ')}]` : '',
      message.deleted ? '[deleted, recovered]' : '',
    ].filter(Boolean);
    const body = [indented(message.text), ...notes].filter(Boolean).join(' ');
    lines.push(`${localTime(message.timestamp.iso)} ${from.display} → ${recipients}:${body ? ` ${body}` : ''}`);
  }
  const others = [...participants.values()].filter((p) => p.key !== 'owner');
  const named = others.slice(0, 3).map((p) => p.display).join(', ') + (others.length > 3 ? ` and ${others.length - 3} others` : '');
  const title = threadName ? `${app} chat "${threadName}"` : `${app} with ${named || parties.owner.display}`;
  const last = thread[thread.length - 1]!;
  const header = [
    `${title} on ${ownerPhrase(parties)}${first.thread ? ` (chat id ${first.thread})` : ''}: ${plural(thread.length, 'message')}, ${day(first.timestamp.iso)} to ${day(last.timestamp.iso)}`,
    `Participants: ${[...participants.values()].map((p) => p.display).join('; ')}`,
  ];
  const metadata: Record<string, string> = {
    ...base,
    phoneExport: 'conversation' satisfies PhoneExportPart,
    app: first.app,
    messages: String(thread.length),
    first: first.timestamp.iso,
    last: last.timestamp.iso,
    contacts: edges.toJson(),
  };
  if (first.thread) metadata.thread = first.thread;
  return { title, author: null, date: day(first.timestamp.iso), language: null, text: [...header, '', ...lines].join('\n') + '\n', metadata };
}

function callLogDocument(calls: readonly Call[], parties: PartyReader, base: Record<string, string>): ParsedDocument {
  const ordered = calls.map((c, i) => ({ c, i })).sort((a, b) => a.c.timestamp.instant - b.c.timestamp.instant || a.i - b.i).map(({ c }) => c);
  const edges = edgeCollector();
  const lines = ordered.map((call) => {
    const other = parties.read({ number: call.number, handle: call.handle, name: call.name });
    const outgoing = call.direction === 'outgoing';
    edges.add(outgoing ? parties.owner : other, outgoing ? other : parties.owner, 'call', call.app, call.timestamp, { seconds: call.durationSeconds, missed: call.direction === 'missed' });
    const what = outgoing ? `outgoing call to ${other.display}` : `${call.direction} call from ${other.display}`;
    const details = [
      call.app === 'phone' ? '' : appName(call.app),
      call.durationSeconds !== undefined && call.direction !== 'missed' ? duration(call.durationSeconds) : '',
      call.deleted ? 'deleted, recovered' : '',
    ].filter(Boolean);
    return `${localTime(call.timestamp.iso)} ${what}${details.length > 0 ? `, ${details.join(', ')}` : ''}`;
  });
  const first = ordered[0]!;
  const last = ordered[ordered.length - 1]!;
  const header = `Call log of ${ownerPhrase(parties)}: ${plural(calls.length, 'call')}, ${day(first.timestamp.iso)} to ${day(last.timestamp.iso)}`;
  const metadata: Record<string, string> = {
    ...base,
    phoneExport: 'calls' satisfies PhoneExportPart,
    calls: String(calls.length),
    first: first.timestamp.iso,
    last: last.timestamp.iso,
    contacts: edges.toJson(),
  };
  return { title: `Call log (${plural(calls.length, 'call')})`, author: null, date: day(first.timestamp.iso), language: null, text: [header, '', ...lines].join('\n') + '\n', metadata };
}

function contactsDocument(contacts: readonly Contact[], parties: PartyReader, country: CountryCode | undefined, base: Record<string, string>): ParsedDocument {
  const edges = edgeCollector();
  const lines = contacts.map((contact) => {
    const numbers = contact.numbers.map((n) => readNumber(n, country));
    for (const number of numbers) {
      const saved = { ref: { number: number.value, ...(contact.name ? { name: contact.name } : {}) }, display: number.display, key: number.value };
      edges.add(parties.owner, saved, 'address-book', 'contacts');
    }
    const reach = [numbers.map((n) => n.display).join(', '), contact.emails.join(', ')].filter(Boolean).join('; ');
    const notes = [contact.notes ? `notes: ${indented(contact.notes)}` : '', contact.deleted ? '[deleted, recovered]' : ''].filter(Boolean).join(' ');
    return `${contact.name ?? '(no name)'}: ${reach}${notes ? ` — ${notes}` : ''}`;
  });
  const header = `Contacts saved on ${ownerPhrase(parties)}: ${plural(contacts.length, 'contact')}`;
  const metadata: Record<string, string> = { ...base, phoneExport: 'contacts' satisfies PhoneExportPart, entries: String(contacts.length), contacts: edges.toJson() };
  return { title: `Contacts (${plural(contacts.length, 'contact')})`, author: null, date: null, language: null, text: [header, '', ...lines].join('\n') + '\n', metadata };
}
