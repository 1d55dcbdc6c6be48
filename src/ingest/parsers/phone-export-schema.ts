// The records of a Vigil phone export (docs/phone-exports.md), checked one by one: a bad record is skipped and
// named, the others kept, since a forensic export of 40,000 messages should not be lost to one broken date.
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { z } from 'zod';

/** The top-level member that marks a JSON file as a phone export, and the version of the shape this code reads. */
export const phoneExportMarker = 'vigilPhoneExport';
export const phoneExportVersion = 1;

/** A moment as the phone recorded it: its local time and offset kept as written, and the instant for ordering. */
export interface Timestamp {
  /** `2017-06-02T10:15:00+03:00`: the local time and offset, seconds kept only when written. */
  iso: string;
  /** Milliseconds since the epoch. */
  instant: number;
}

// ISO 8601 extended format (RFC 3339 §5.6 profile): date, "T" or a space, hh:mm[:ss[.fff]], then Z or an offset
// (±hh:mm, ±hhmm, ±hh). The offset is required: a phone's local time without it can be hours off, and a timeline
// built on it puts calls in the wrong order across devices.
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)$/;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function parseTimestamp(written: string): Timestamp | null {
  const m = dateTimePattern.exec(written.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  const zone = m[7]!;
  let offset = 'Z';
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    // Offsets in use run from UTC−12:00 to UTC+14:00.
    if (hours > 14 || minutes > 59) return null;
    offset = `${zone[0]}${digits.slice(0, 2)}:${String(minutes).padStart(2, '0')}`;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const time = `${m[4]}:${m[5]}${m[6] === undefined ? '' : `:${m[6]}`}`;
  const instant = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  return { iso: `${m[1]}-${m[2]}-${m[3]}T${time}${offset}`, instant };
}

const timestamp = z.string({ error: 'an ISO 8601 date and time with an offset, such as "2017-06-02T10:15:00+03:00"' }).transform((written, ctx) => {
  const parsed = parseTimestamp(written);
  if (parsed) return parsed;
  ctx.addIssue({ code: 'custom', message: `"${written}" is not an ISO 8601 date and time with an offset (such as "2017-06-02T10:15:00+03:00", or "…Z" for UTC)` });
  return z.NEVER;
});

/** A day or a moment: when the extraction was made. */
const dateOrTimestamp = z.string().refine((written) => /^\d{4}-\d{2}-\d{2}$/.test(written) ? parseTimestamp(`${written}T00:00Z`) !== null : parseTimestamp(written) !== null, {
  error: (issue) => `"${String(issue.input)}" is not an ISO 8601 date ("2017-07-01") or date and time with an offset`,
});

const text = (what: string) => z.string({ error: what }).trim().min(1, `${what}, not empty`);

const country = z.string({ error: 'an ISO 3166-1 alpha-2 country code such as "SY"' }).transform((written, ctx) => {
  const code = written.trim().toUpperCase();
  if (isSupportedCountry(code)) return code as CountryCode;
  ctx.addIssue({ code: 'custom', message: `"${written}" is not an ISO 3166-1 alpha-2 code with a telephone numbering plan (such as "SY", "IQ", "TR", "GB")` });
  return z.NEVER;
});

// App names are lower-case identifiers so that "WhatsApp" in one export and "whatsapp" in another are one app.
const app = z.string({ error: 'the app, such as "sms" or "whatsapp"' }).transform((written, ctx) => {
  const name = written.trim().toLowerCase();
  if (/^[a-z0-9][a-z0-9._-]*$/.test(name)) return name;
  ctx.addIssue({ code: 'custom', message: `"${written}" is not an app name (letters, digits, ".", "_" or "-", such as "sms" or "whatsapp")` });
  return z.NEVER;
});

const digits = (what: string, min: number, max: number) =>
  z.string({ error: what }).regex(new RegExp(`^\\d{${min},${max}}$`), { error: (issue) => `"${String(issue.input)}" is not ${what}` });

// 3GPP TS 23.003 §6.2: an IMEI is 15 digits (14 and a check digit), an IMEISV 16; §2.2: an IMSI is at most 15.
const imei = digits('an IMEI (14 to 16 digits)', 14, 16);
const imsi = digits('an IMSI (6 to 15 digits)', 6, 15);

const present = <T extends object>(value: T, keys: (keyof T)[]) => keys.some((key) => value[key] !== undefined);

const party = z
  .strictObject({
    number: text('a phone number').optional(),
    handle: text('the account\'s handle in the app').optional(),
    name: text('the name the phone showed').optional(),
  })
  .refine((p) => present(p, ['number', 'handle', 'name']), 'a party needs a number, a handle or a name');

const device = z.strictObject({
  owner: z
    .strictObject({
      name: text('the owner\'s name').optional(),
      numbers: z.array(text('a phone number')).default([]),
    })
    .optional(),
  imei: z.array(imei).default([]),
  imsi: z.array(imsi).default([]),
  model: text('the model').optional(),
  extraction: z.strictObject({ tool: text('the tool').optional(), date: dateOrTimestamp.optional() }).optional(),
  country: country.optional(),
});

const deleted = z.boolean({ error: 'true or false' }).default(false);

const contact = z
  .strictObject({
    name: text('the name as saved').optional(),
    numbers: z.array(text('a phone number')).default([]),
    emails: z.array(text('an e-mail address')).default([]),
    notes: z.string().trim().optional(),
    deleted,
  })
  .refine((c) => c.name !== undefined || c.numbers.length > 0 || c.emails.length > 0, 'a contact needs a name, a number or an e-mail address');

const message = z
  .strictObject({
    app,
    thread: text('the chat\'s id').optional(),
    threadName: text('the chat\'s name').optional(),
    direction: z.enum(['incoming', 'outgoing'], { error: (issue) => `"${String(issue.input)}" is not "incoming" or "outgoing"` }),
    timestamp,
    from: party.optional(),
    to: z.array(party).default([]),
    text: z.string({ error: 'the message text' }).default(''),
    attachments: z.array(text('a file name')).default([]),
    deleted,
  })
  .refine((m) => m.direction === 'outgoing' || m.from !== undefined, { error: 'an incoming message needs "from"', path: ['from'] });

const call = z
  .strictObject({
    app: app.default('phone'),
    direction: z.enum(['incoming', 'outgoing', 'missed'], { error: (issue) => `"${String(issue.input)}" is not "incoming", "outgoing" or "missed"` }),
    timestamp,
    number: text('a phone number').optional(),
    handle: text('the account\'s handle in the app').optional(),
    name: text('the name the phone showed').optional(),
    durationSeconds: z.number({ error: 'a whole number of seconds' }).int('a whole number of seconds').nonnegative('a whole number of seconds').optional(),
    deleted,
  })
  .refine((c) => present(c, ['number', 'handle', 'name']), 'a call needs a number, a handle or a name');

export type Party = z.output<typeof party>;
export type Device = z.output<typeof device>;
export type Contact = z.output<typeof contact>;
export type Message = z.output<typeof message>;
export type Call = z.output<typeof call>;
export type RecordKind = 'contacts' | 'messages' | 'calls';

export const recordSchemas = { contacts: contact, messages: message, calls: call } as const;

/** What an export holds once checked: the good records, and a description of each record left out. */
export interface PhoneExport {
  device: Device | null;
  contacts: Contact[];
  messages: Message[];
  calls: Call[];
  /** `messages[12].timestamp: "31/02/2017" is not …`, in file order. */
  skipped: string[];
  /** Records in the file, good and bad. */
  records: number;
}

/** The top level of a JSON export, its records not yet checked (each is checked on its own). */
export const phoneExportFile = z.strictObject({
  [phoneExportMarker]: z.literal(phoneExportVersion, {
    error: (issue) => `${phoneExportMarker} is ${JSON.stringify(issue.input)}; this Vigil reads version ${phoneExportVersion}`,
  }),
  device: device.optional(),
  contacts: z.array(z.unknown(), { error: 'a list of contacts' }).default([]),
  messages: z.array(z.unknown(), { error: 'a list of messages' }).default([]),
  calls: z.array(z.unknown(), { error: 'a list of calls' }).default([]),
});

/** One zod issue as a reader can act on it: where (`from.number`) and what. */
export function describeIssue(issue: z.core.$ZodIssue, where: (path: PropertyKey[]) => string): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return `${where(issue.path)}${keys} ${issue.keys.length === 1 ? 'is not a field' : 'are not fields'} of the shape (see docs/phone-exports.md)`;
  }
  return `${where(issue.path)}${issue.message}`;
}

/** `messages[12].from.number: `: the JSON path of an issue inside one record, for messages. */
export const jsonPlace = (kind: RecordKind, index: number) => (path: PropertyKey[]) =>
  `${kind}[${index}]${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')}: `;

/**
 * Checks records of one kind, keeping the good ones; each bad one adds its first issue to `skipped`, so one export
 * with a systematic fault says what it is once per record rather than burying it in a thousand lines.
 */
export function checkRecords<K extends RecordKind>(
  kind: K,
  values: readonly unknown[],
  place: (index: number) => (path: PropertyKey[]) => string,
  skipped: string[],
): z.output<(typeof recordSchemas)[K]>[] {
  const schema = recordSchemas[kind];
  const good: z.output<(typeof recordSchemas)[K]>[] = [];
  values.forEach((value, index) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) good.push(parsed.data as z.output<(typeof recordSchemas)[K]>);
    else skipped.push(describeIssue(parsed.error.issues[0]!, place(index)));
  });
  return good;
}
