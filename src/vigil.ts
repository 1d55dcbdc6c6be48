// What Vigil offers its callers: the one interface the CLI and the HTTP API call (built by createVigil in app.ts),
// with the shapes of what it answers. Types only, besides the command line's reader.
import { type AccessControl, type AccessOptions } from './access/index.js';
import { type Clock } from './clock.js';
import { type IngestOptions, type IngestReport, type QueueWorkerOptions, type QueueWorkerReport, type ReextractOptions, type ReextractReport } from './ingest/index.js';
import { type Logger } from './logger.js';
import { type FieldLabel, type MrzResult, type RegistryCsvProblem, type RegistryHit } from './traveldocs/index.js';
import { type MergeResult, type SplitResult } from './resolve/index.js';
import { type BatchResult, type ParsedManifest, type ScreeningResult, type ScreenOptions } from './screen/index.js';
import { type Paged, type SearchRequest } from './search/index.js';
import {
  type EntityPath,
  type MentionContext,
  type Network,
  type NetworkRequest,
  type PathRequest,
  type PlacesRequest,
  type RelatedEntity,
} from './links/index.js';
import {
  type BlobStore,
  type IngestQueue,
  type QueueStatus,
  type DocumentRecord,
  type DocumentFacets,
  type DocumentRegistryEntry,
  type EntityDecision,
  type EntityTimeline,
  type PlaceActivity,
  type EntitySummary,
  type MentionRecord,
  type Scope,
  type EntityType,
  type IngestProblem,
  type ListThresholds,
  type ScreeningDecision,
  type ScreeningDecisionKind,
  type SearchHit,
  type SourcePlace,
  type Store,
  type StoreSummary,
  type WatchlistEntry,
  type WatchlistFilter,
  type WatchlistStatus,
  type WatchlistVersion,
} from './store/index.js';
import { defaultActor, type ImportReport, type ListFormat, type PromoteResult } from './watchlist/index.js';

/** A list file's import (or its dry run), with the file and format it was read as. */
export interface ListImportReport extends ImportReport {
  file: string;
  format: ListFormat;
}

export interface VigilDeps {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
  logger: Logger;
  /** Session timeouts and sign-in throttling (defaults in access/). */
  access?: AccessOptions;
  /** The shared ingest work queue (a PostgreSQL deployment); none for the embedded store. */
  queue?: IngestQueue;
}

export interface RegistryImportReport {
  file: string;
  added: number;
  /** Rows identical to entries already in the registry (the same file imported again). */
  alreadyKnown: number;
  /** Rows that could not be read, by line; with `partial` the rest was imported. */
  rejected: RegistryCsvProblem[];
  /** The file had problems and `partial` was not asked: nothing was imported. */
  refused: boolean;
}

/** A document checked against the registry: the MRZ as read (when it was given one) and every report covering it. */
export interface DocumentCheck {
  /** The MRZ as read (format, validity, fields, errors, warnings), when one was given. */
  mrz: MrzResult | null;
  registry: RegistryHit<DocumentRegistryEntry>[];
}

export interface PageRequest {
  cursor?: string;
  limit?: number;
}

/** A document as the workbench reads it: every place its bytes were found (in the reader's view) and a page's articles. */
export type DocumentView = DocumentRecord & {
  places: SourcePlace[];
  articles: Pick<DocumentRecord, 'id' | 'title' | 'position' | 'span'>[];
};

export type MentionInContext = MentionRecord & Partial<MentionContext> & { documentTitle: string | null };

/**
 * Who reads: the actor the audit log names, and the collections they may read (null: all, as on the command line).
 * A read outside them finds nothing, as if the document or entity did not exist.
 */
export interface Reader {
  actor: string;
  scope: Scope;
}

/** The command line's reader: whoever holds the data folder reads all of it. */
export const everything: Reader = { actor: defaultActor, scope: null };

export interface Vigil {
  ingest(paths: string[], options?: IngestOptions): Promise<IngestReport>;
  /** Lists the files under `paths` and puts them on the shared work queue, for `work` to read on any machine. */
  enqueue(paths: string[], options?: Pick<IngestOptions, 'collection' | 'country'>): Promise<{ files: number; added: number; alreadyQueued: number }>;
  /** Reads files from the shared work queue until stopped (or, with exitWhenIdle, until no work is left anywhere). */
  work(options?: QueueWorkerOptions): Promise<QueueWorkerReport>;
  /** The shared queue's counts and throughput; null on the embedded store, which has none. */
  queueStatus(): Promise<QueueStatus | null>;
  /** Reads again only the files recorded as failed or needing OCR. */
  retryFailed(options?: IngestOptions): Promise<IngestReport>;
  search(request: SearchRequest, reader?: Reader): Promise<Paged<SearchHit> & { facets?: DocumentFacets }>;
  documents(request: PageRequest, reader?: Reader): Promise<Paged<DocumentRecord>>;
  /** A document with where it was found and, for a page, its articles (its reading is recorded in the audit log). */
  document(id: string, reader?: Reader): Promise<DocumentView>;
  entities(filter: { type?: EntityType }, request: PageRequest, reader?: Reader): Promise<Paged<EntitySummary>>;
  entity(id: string, reader?: Reader): Promise<EntitySummary>;
  /** Every mention of an entity, with its document, offsets, sentence and method. */
  entityMentions(id: string, reader?: Reader): Promise<MentionRecord[]>;
  /** The first `limit` mentions of an entity, each with its sentence and its document's title, and how many there are. */
  entityMentionsInContext(id: string, limit: number, reader?: Reader): Promise<{ results: MentionInContext[]; total: number }>;
  /** Every mention in a document, in text order. */
  documentMentions(id: string, reader?: Reader): Promise<MentionRecord[]>;
  /** An analyst's "these are one": merges each of `others` into `target` (decisions kept and replayed on re-runs). */
  mergeEntities(target: string, others: string[], options?: { actor?: string; note?: string; scope?: Scope }): Promise<MergeResult>;
  /** An analyst's "these mentions are someone else": splits them off `id` by spelling and/or document. */
  splitEntity(id: string, selection: { names?: string[]; documents?: string[] }, options?: { actor?: string; note?: string; scope?: Scope }): Promise<SplitResult>;
  /** Analysts' merges and splits, oldest first (about one entity, when given); in a scope, those about entities seen in it. */
  entityDecisions(id?: string, reader?: Reader): Promise<EntityDecision[]>;
  /** Every collection (case) and how many sources it holds. */
  collections(): Promise<{ name: string; sources: number }[]>;

  // --- haul views (links/): places on a map, names for pickers, related entities, timelines, the network ---
  /** The places with coordinates that the documents a search matches mention, and how many documents match. */
  places(request: PlacesRequest, reader?: Reader): Promise<{ results: PlaceActivity[]; documents: number }>;
  /** Entities with a spelling (seen in the reader's collections) containing `text`, ignoring case and accents. */
  findEntities(text: string, filter: { types?: EntityType[] }, request: PageRequest, reader?: Reader): Promise<Paged<EntitySummary>>;
  /** Entities mentioned in the same documents as `id`, most shared documents first. */
  relatedEntities(id: string, options: { limit?: number; types?: EntityType[] }, reader?: Reader): Promise<RelatedEntity[]>;
  /** An entity's mentions by month of their documents' dates. */
  entityTimeline(id: string, reader?: Reader): Promise<{ results: EntityTimeline['periods']; years: EntityTimeline['years']; undated: EntityTimeline['undated'] }>;
  /** Seed entities, their heaviest co-mentioned neighbours, and the links among them all. */
  network(request: NetworkRequest, reader?: Reader): Promise<Network>;
  /** A shortest chain of co-mentions between two entities. */
  networkPath(request: PathRequest, reader?: Reader): Promise<EntityPath>;
  /** Finds and resolves every stored document's mentions again (after a model update), keeping analysts' decisions. */
  reextract(options?: ReextractOptions): Promise<ReextractReport>;
  /** `actor` names who made a change, for the entry's history. */
  addWatchlistEntry(input: unknown, list?: string, actor?: string): Promise<WatchlistEntry>;
  importWatchlistFile(path: string, options?: { format?: ListFormat; list?: string; partial?: boolean; actor?: string }): Promise<ImportReport>;
  /** Entries whole (a list is the agency's, not a case's), their evidence cut to the documents the reader may see. */
  watchlist(filter: { list?: string; status?: WatchlistStatus }, reader?: Reader): Promise<WatchlistEntry[]>;
  watchlistHistory(entryId: string, reader?: Reader): Promise<WatchlistVersion[]>;
  /** The original bytes of a document's file, as seized (recorded in the audit log as a download). */
  original(documentId: string, reader?: Reader): Promise<{ document: DocumentRecord; bytes: Uint8Array }>;
  /** `status` 'proposed': an analyst's promotion, not screened against until a watchlist manager approves it. */
  promote(entityId: string, list?: string, actor?: string, scope?: Scope, status?: 'active' | 'proposed'): Promise<PromoteResult>;
  /** Screens one traveller; reviewers' earlier false-match decisions hide their hits (listed as suppressed). */
  screen(traveller: unknown, options?: ScreenOptions, actor?: string): Promise<ScreeningResult>;
  /** Records a reviewer's decision on a hit; the entry must exist, and its current version is what was decided on. */
  decide(decision: { travellerKey: string; entryId: string; decision: ScreeningDecisionKind; note?: string }, actor?: string): Promise<ScreeningDecision>;
  decisions(travellerKey: string): Promise<ScreeningDecision[]>;
  /** Sets a watchlist's match and review thresholds (0 < review ≤ match ≤ 1). */
  setThresholds(list: string, thresholds: { match: number; review: number }, actor?: string): Promise<ListThresholds>;
  /** The thresholds set per list, and the defaults for lists without their own. */
  thresholds(): Promise<{ defaults: { match: number; review: number }; lists: ListThresholds[] }>;
  screenBatch(travellers: { id: string; traveller: unknown }[], options?: ScreenOptions, onProgress?: (done: number, total: number) => void, actor?: string): Promise<BatchResult[]>;
  /** Reads a manifest CSV and screens every traveller in it; unreadable rows come back as problems. */
  screenManifest(path: string, options?: ScreenOptions, onProgress?: (done: number, total: number) => void, actor?: string): Promise<{ results: BatchResult[]; problems: ParsedManifest['problems'] }>;
  /** Reports a stolen, lost or blank document, or a serial range of booklets; `label` names fields in problems (CLI flags). */
  addRegistryEntry(input: unknown, options?: { actor?: string; label?: FieldLabel }): Promise<{ entry: DocumentRegistryEntry; added: boolean }>;
  /** Imports registry reports from CSV (country,type,number,number_end,status,reported,source,notes) in one transaction. */
  importRegistryFile(path: string, options?: { partial?: boolean; actor?: string; onProgress?: (done: number, total: number) => void }): Promise<RegistryImportReport>;
  /** Every registry report covering a document, given by number (and issuing state: all states when absent) or by its MRZ. */
  checkDocument(request: { mrz: string } | { number: string; country?: string }, actor?: string): Promise<DocumentCheck>;
  /** Builds the screening and registry indexes now (a server does before it listens), so the first traveller waits for nothing. */
  prepareScreening(): Promise<{ entries: number; registryEntries: number }>;
  problems(): Promise<IngestProblem[]>;
  summary(reader?: Reader): Promise<StoreSummary>;
  // --- the workbench's watchlist, checkpoint console and audit screens (issue 8) ---
  /** One page of entries (all from `offset` when no limit) and how many pass the filter in all; evidence as in `watchlist`. */
  watchlistPage(filter: WatchlistFilter, page: { offset: number; limit?: number }, reader?: Reader): Promise<{ results: WatchlistEntry[]; total: number }>;
  /** Makes a proposed entry active (screened against from now on). */
  approveWatchlistEntry(id: string, note: string | null, reader?: Reader): Promise<WatchlistEntry>;
  /** Turns a proposal down: removed, with the reason in its history. */
  rejectWatchlistEntry(id: string, reason: string, reader?: Reader): Promise<WatchlistEntry>;
  /** Replaces what an entry says (moving it to `list` when given); its status stays. */
  updateWatchlistEntry(id: string, input: unknown, options: { list?: string; note?: string | null }, reader?: Reader): Promise<WatchlistEntry>;
  removeWatchlistEntry(id: string, reason: string | null, reader?: Reader): Promise<WatchlistEntry>;
  /** Imports (or, with `dryRun`, previews) a list file given as text; its format from its name unless given. */
  importWatchlistText(text: string, file: string, options?: { format?: ListFormat; list?: string; partial?: boolean; dryRun?: boolean; actor?: string }): Promise<ListImportReport>;
  /** Reads a manifest (CSV or PAXLST) given as text; fails on one that cannot be read at all, before anything is screened. */
  readManifestText(text: string, file: string): ParsedManifest;
  /** Screens the travellers of a manifest read by `readManifestText`; `onProgress` may return a promise, awaited. */
  screenManifestTravellers(
    manifest: ParsedManifest,
    file: string,
    options?: ScreenOptions,
    onProgress?: (done: number, total: number) => void | Promise<void>,
    actor?: string,
  ): Promise<{ results: BatchResult[]; problems: ParsedManifest['problems'] }>;

  /** Users, tokens and the audit log (every screening, document view and watchlist change is recorded there). */
  access: AccessControl;
  close(): Promise<void>;
}
