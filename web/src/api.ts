// The one way the workbench talks to Vigil: JSON over /api, the session cookie sent by the browser, and the session's
// anti-forgery token on every change. Errors come back as ApiError with the server's own message, to show as is.

export type EntityType = 'PERSON' | 'ORG' | 'LOCATION' | 'PHONE' | 'EMAIL' | 'PASSPORT' | 'DATE' | 'MONEY' | 'COUNT' | 'URL' | 'COORDINATES';
export type Permission = 'haul:read' | 'entities:decide' | 'watchlist:read' | 'watchlist:propose' | 'watchlist:edit' | 'screen' | 'audit:read' | 'users:manage';

export interface Me {
  actor: string;
  role: string | null;
  permissions: Permission[];
  /** The collections (cases) the user reads, or 'all'. */
  collections: string[] | 'all';
  csrf?: string;
}

export interface SearchHit {
  id: string;
  title: string | null;
  author: string | null;
  date: string | null;
  path: string;
  parentId: string | null;
  score: number;
  snippet: string;
  highlights: [number, number][];
  mediaType?: string;
  language?: string | null;
  collections?: string[];
}
export interface FacetValue { value: string; count: number }
export interface EntityFacet { id: string; name: string; type: EntityType; count: number }
export interface Facets {
  entity: EntityFacet[];
  type: FacetValue[];
  place: { id: string; name: string; count: number }[];
  date: FacetValue[];
  collection: FacetValue[];
  language: FacetValue[];
  format: FacetValue[];
}
export interface SearchPage { results: SearchHit[]; total: number; nextCursor: string | null; facets?: Facets }

export interface DocumentRecord {
  id: string;
  sha256: string;
  size: number;
  path: string;
  mediaType: string;
  ingestedAt: string;
  parentId: string | null;
  position: number;
  title: string | null;
  author: string | null;
  date: string | null;
  language: string | null;
  text: string;
  span: { start: number; end: number } | null;
  isLeaf: boolean;
  metadata: Record<string, string>;
  places?: { path: string; seenAt: string; container: { sha256: string; entry: string } | null }[];
  collections?: string[];
  articles?: { id: string; title: string | null; position: number; span: { start: number; end: number } | null }[];
}
export interface Mention {
  documentId: string;
  entityId: string;
  type: EntityType;
  text: string;
  start: number;
  end: number;
  confidence: number;
  method: string;
  value: string | null;
  sentence: { start: number; end: number };
}
export interface PlaceLink { id: string; name: string; country: string | null; lat: number; lon: number }
export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: number;
  documents: string[];
  place: PlaceLink | null;
  mergedInto: string | null;
}
export interface RelatedEntity { id: string; name: string; type: EntityType; documents: number; mentions: number }
export interface TimelinePoint { period: string; mentions: number; documents: number }
export interface PlaceCount { id: string; name: string; country: string | null; lat: number; lon: number; documents: number; mentions: number }
export interface NetworkNode { id: string; name: string; type: EntityType; mentions: number; documents: number; seed: boolean }
export interface NetworkEdge { source: string; target: string; weight: number; kind: string }
export interface Network { nodes: NetworkNode[]; edges: NetworkEdge[] }

export interface WatchlistDocument { type: string; number: string; country: string | null }
export interface WatchlistEntry {
  id: string;
  list: string;
  ref: string | null;
  name: string;
  aliases: string[];
  birthDates: string[];
  nationalities: string[];
  gender: 'M' | 'F' | null;
  documents: WatchlistDocument[];
  notes: string | null;
  evidence: { entityId: string; documentIds: string[]; mentionCount: number }[];
  createdAt: string;
  updatedAt: string;
  status?: 'active' | 'removed' | 'proposed';
  version?: number;
}
export interface WatchlistVersion { version: number; at: string; actor: string; change: string; note: string | null; entry: WatchlistEntry }
export interface ImportPreview {
  dryRun: boolean;
  list: string;
  format: string;
  added: number;
  updated: number;
  unchanged: number;
  retired: number;
  skipped: number;
  /** What could not be read: `line` when the problem is on a line of the file, else `where` says (entries[3]). */
  rejected: { where?: string; line: number | null; reason: string }[];
  /** A dry run of a file with problems, not marked partial: nothing would be imported. */
  refused?: boolean;
  changes?: { kind: 'added' | 'updated' | 'retired'; id?: string; ref: string | null; name: string; fields?: string[] }[];
  changesTotal?: number;
}

export interface Factor { factor: string; effect: number; detail: string }
export interface Candidate {
  entryId: string;
  entryVersion: number;
  list: string;
  ref: string | null;
  name: string;
  matchedName: string;
  score: number;
  nameScore: number;
  verdict: 'match' | 'review';
  factors: Factor[];
  reason: string;
  decision?: { decision: 'true-match' | 'false-match'; actor: string; at: string; note: string | null; entryVersion: number };
}
export interface DocumentVerdict {
  number: string;
  country: string | null;
  status: 'ok' | 'alert';
  alerts: string[];
  mrz: { format: string; valid: boolean; errors: string[]; warnings: string[] } | null;
  expired: boolean | null;
  consistency: { field: string; mrz: string; given: string; agrees: boolean }[];
}
export interface Screening {
  travellerKey: string;
  candidates: Candidate[];
  suppressed: { entryId: string; name: string; score: number; decision: { actor: string; at: string; note: string | null } }[];
  document?: DocumentVerdict;
  tookMs?: number;
}
export interface BatchResult {
  id: string;
  travellerKey?: string;
  matches: { entry: string; list: string; sourceId: string | null; name: string; score: number; verdict: 'match' | 'review'; explanation: string }[];
  suppressed?: number;
  document?: DocumentVerdict;
  error?: string;
}
export interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  outcome: string;
  details: unknown;
  hash?: string;
}
export interface AuditVerification { records: number; head: { seq: number; hash: string } | null; problem: { seq: number; problem: string } | null }

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
  }
}

let csrf: string | null = null;
let onSignedOut: (message: string) => void = () => {};

export function setCsrf(token: string | null): void {
  csrf = token;
}
/** Called when the server says the session is over, so the app can show the sign-in again. */
export function whenSignedOut(handler: (message: string) => void): void {
  onSignedOut = handler;
}

type Query = Record<string, string | number | boolean | string[] | null | undefined>;

/** `/api/x?a=1&b=x,y`, leaving out empty values; lists are sent comma-separated. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function failure(response: Response): Promise<ApiError> {
  const text = await response.text();
  let message = `the server answered ${response.status} ${response.statusText}`;
  let code: string | null = null;
  try {
    const body = JSON.parse(text) as { error?: { message?: string; code?: string } };
    if (body.error?.message) message = body.error.message;
    code = body.error?.code ?? null;
  } catch {
    // Not JSON (a proxy's error page): the status line above is what there is to say.
  }
  return new ApiError(message, response.status, code);
}

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const method = init.method ?? 'GET';
  const headers = new Headers(init.headers);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  if (method !== 'GET' && csrf) headers.set('x-csrf-token', csrf);
  let response: Response;
  try {
    response = await fetch(path, { ...init, method, headers, credentials: 'same-origin' });
  } catch (error) {
    throw new ApiError(`Vigil could not be reached (${error instanceof Error ? error.message : String(error)}); check the connection and try again`, 0, 'network');
  }
  if (response.status === 401 && path !== '/api/session') onSignedOut('Your session has ended. Sign in again to go on.');
  if (!response.ok) throw await failure(response);
  return response;
}

export async function get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return (await (await send(withQuery(path, query), signal ? { signal } : {})).json()) as T;
}
export async function post<T>(path: string, body: unknown, method = 'POST'): Promise<T> {
  return (await (await send(path, { method, body: JSON.stringify(body) })).json()) as T;
}
export async function remove<T>(path: string, query?: Query): Promise<T> {
  return (await (await send(withQuery(path, query), { method: 'DELETE' })).json()) as T;
}
/** A file sent as the request body (imports, manifests). */
export async function upload(path: string, query: Query, file: Blob): Promise<Response> {
  return send(withQuery(path, query), { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } });
}

/** Reads a streamed answer of one JSON value per line, calling `onLine` for each as it arrives. */
export async function readLines(response: Response, onLine: (value: unknown) => void): Promise<void> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) onLine(JSON.parse(line));
    }
    if (done) break;
  }
  if (buffered.trim()) onLine(JSON.parse(buffered));
}
