// The Store boundary: every persistent read and write in Vigil goes through this interface,
// shaped by use case rather than by table. Implementations: sqlite/ (embedded), postgres (later).
import type {
  DocumentRecord,
  DocumentRegistryEntry,
  EntityCandidate,
  EntityDecision,
  EntityMerge,
  EntitySplit,
  PlaceLink,
  ReextractedDocument,
  EntityKeyRecord,
  EntitySummary,
  EntityType,
  IngestBatch,
  IngestProblem,
  ListThresholds,
  MentionRecord,
  Page,
  SearchHit,
  StoreSummary,
  ScreeningDecision,
  TextQuery,
  WatchlistChange,
  ContainerPlace,
  Scope,
  SourcePlace,
  WatchlistEntry,
  WatchlistFilter,
  WatchlistVersion,
} from './records.js';
import type { AccessStore, AuditStore } from './access-records.js';
import type { CoMention, DocumentFacets, DocumentFilter, EntityActivity, EntityTimeline, LinkFilter, PlaceActivity } from './view-records.js';

/** Users, tokens, sessions and the audit log are in access-records.ts; the rest is here. */
export interface Store extends AccessStore, AuditStore {
  // --- ingest ---
  /** True when these exact bytes were already ingested. */
  hasSource(sha256: string): Promise<boolean>;
  /** Remembers another path at which known bytes were seen (provenance, no new document), and clears any earlier problem recorded for that path. */
  addSourcePath(sha256: string, path: string, seenAt: string, container?: ContainerPlace | null, collection?: string): Promise<void>;
  /** Every place these bytes were found, in path order; empty for unknown bytes. */
  sourcePlaces(sha256: string): Promise<SourcePlace[]>;
  /**
   * Saves one source's documents, entities and mentions atomically, and clears earlier problems for its path.
   * Returns 'already-known' (and writes nothing but the path) when another writer stored the same bytes first.
   */
  saveIngestBatch(batch: IngestBatch): Promise<'stored' | 'already-known'>;
  recordProblem(problem: IngestProblem): Promise<void>;
  listProblems(): Promise<IngestProblem[]>;

  // --- documents and search ---
  // Reads of the haul take a Scope: only documents in those collections, and only what they say of entities (the
  // names, counts and documents of an entity are those of its mentions in them); null reads everything.
  listDocuments(page: Page, scope?: Scope): Promise<DocumentRecord[]>;
  /** Null when there is no such document, or it is outside the scope: the caller cannot tell which. */
  getDocument(id: string, scope?: Scope): Promise<DocumentRecord | null>;
  /**
   * Leaf documents matching the query (null: every one) and the filter, ranked by the query when there is one, else
   * newest date first (undated last). Without a query a hit's snippet is the start of its text, with no highlights.
   */
  searchDocuments(query: TextQuery | null, page: Page, scope?: Scope, filter?: DocumentFilter): Promise<{ total: number; hits: SearchHit[] }>;
  /** The articles of a page (the documents whose parent it is), in their order on the page. */
  childDocuments(parentId: string, scope?: Scope): Promise<DocumentRecord[]>;
  /** Which of these document ids are in the scope (all of the known ones for a null scope). */
  documentsIn(ids: string[], scope: Scope): Promise<Set<string>>;
  /** How the documents searchDocuments would match divide, by entity, type, place, month, collection, language and format; `top` entities and places. */
  documentFacets(query: TextQuery | null, filter: DocumentFilter, scope?: Scope, top?: number): Promise<DocumentFacets>;
  /** The places with a gazetteer record mentioned in the documents searchDocuments would match, most documents first, and how many documents match. */
  placesInDocuments(query: TextQuery | null, filter: DocumentFilter, scope?: Scope): Promise<{ places: PlaceActivity[]; documents: number }>;
  /** Every collection, with how many sources are in it. */
  listCollections(): Promise<{ name: string; sources: number }[]>;

  // --- entities ---
  /**
   * Entities of a type sharing at least `minSharedKeys` (default 1) of `keys`, or already written as one of `names`,
   * with every surface form seen.
   */
  findEntityCandidates(type: EntityType, keys: string[], names: string[], minSharedKeys?: number): Promise<EntityCandidate[]>;
  listEntities(filter: { type?: EntityType }, page: Page, scope?: Scope): Promise<EntitySummary[]>;
  /** Null when there is no such entity, or none of its mentions is in the scope. */
  getEntity(id: string, scope?: Scope): Promise<EntitySummary | null>;
  mentionsOfEntity(id: string, scope?: Scope): Promise<MentionRecord[]>;
  /**
   * Entities one of whose spellings seen in the scope contains `text`, ignoring case and accents (names/normaliseText
   * on both sides): those where a spelling starts with it first, then where a word of one does, then the rest, each
   * group most mentioned first.
   */
  findEntitiesByName(text: string, filter: { types?: EntityType[] }, page: Page, scope?: Scope): Promise<EntitySummary[]>;

  // --- links: entities mentioned in the same leaf document ---
  /** For each of `ids`, every other entity mentioned in a document that mentions it (in the scope and the filter). */
  coMentions(ids: string[], filter: LinkFilter, scope?: Scope): Promise<CoMention[]>;
  /** Names (as getEntity gives them) and counts of mentions in the scope, in documents dated in from … to when given; entities unseen are left out. */
  entityActivity(ids: string[], range: { from?: string; to?: string }, scope?: Scope): Promise<EntityActivity[]>;
  /** An entity's mentions and documents by the month of the document's date. */
  entityTimeline(id: string, scope?: Scope): Promise<EntityTimeline>;
  /**
   * For each entity, how many of the `company` entities (other than itself) are mentioned in the documents of its
   * latest mentions: the company an entity keeps, which tells namesakes apart.
   */
  sharedCompany(entityIds: string[], company: string[]): Promise<Record<string, number>>;
  /** Every mention in one document, in text order. */
  mentionsInDocument(documentId: string, scope?: Scope): Promise<MentionRecord[]>;
  /** Which version of the lookup-key rules wrote the keys of entities of name types (0: never recorded). */
  entityKeyVersion(): Promise<number>;
  /**
   * Replaces, in one transaction, every lookup key of the entities of `types` with `keys`, and records `version`:
   * when the key rules change, entities written under the old ones must still be found.
   */
  replaceEntityKeys(version: number, types: EntityType[], keys: EntityKeyRecord[]): Promise<void>;
  /** Sets the gazetteer record of places (re-keying links places stored before they could be linked). */
  setEntityPlaces(links: { entityId: string; place: PlaceLink }[]): Promise<void>;

  // --- analysts' decisions on entities (kept for good, replayed by resolution) ---
  /**
   * Moves every mention, spelling, lookup key and watchlist link of `merged` to `target`, marks `merged` as merged
   * into it, and records the decision, in one transaction. Both must exist, be of one type and not be merged already.
   */
  mergeEntities(decision: EntityMerge): Promise<{ moved: number }>;
  /**
   * Moves the mentions the split selects to the new entity `decision.newEntity`, gives both entities `keys`, and
   * records the decision, in one transaction. Refuses a split that selects no mention or every mention.
   */
  splitEntity(decision: EntitySplit, keys: EntityKeyRecord[]): Promise<{ moved: number }>;
  /** Every decision (about `entityId` alone, when given) in the order made. */
  entityDecisions(entityId?: string): Promise<EntityDecision[]>;

  // --- re-extraction ---
  /** Replaces one stored document's mentions with newly extracted and resolved ones, in one transaction. */
  replaceDocumentMentions(doc: ReextractedDocument): Promise<void>;
  /** Deletes entities that no mention, watchlist entry or decision refers to, and spellings no mention uses. */
  pruneEntities(): Promise<{ entities: number; names: number }>;

  // --- watchlist ---
  /**
   * Inserts, or replaces the entry with the same id, and records the change as a new version (who, when, what).
   * Fails with a conflict if (list, ref) belongs to another entry.
   */
  putWatchlistEntry(entry: WatchlistEntry, change?: WatchlistChange): Promise<void>;
  /** Several puts in one transaction: all of them or none (a list import never leaves a list half-replaced). */
  putWatchlistEntries(writes: { entry: WatchlistEntry; change: WatchlistChange }[]): Promise<void>;
  /** Every version of an entry, oldest first. */
  watchlistHistory(entryId: string): Promise<WatchlistVersion[]>;
  getWatchlistEntry(id: string): Promise<WatchlistEntry | null>;
  findWatchlistEntryByRef(list: string, ref: string): Promise<WatchlistEntry | null>;
  findWatchlistEntriesByEntity(entityId: string): Promise<WatchlistEntry[]>;
  /** Entries in the order they were created. */
  listWatchlistEntries(filter: WatchlistFilter, page: Page): Promise<WatchlistEntry[]>;
  /** How many entries `listWatchlistEntries` would list without paging. */
  countWatchlistEntries(filter: WatchlistFilter): Promise<number>;
  /** Sets one list's screening thresholds (replacing earlier ones). */
  putListThresholds(thresholds: ListThresholds): Promise<void>;
  listThresholds(): Promise<ListThresholds[]>;
  /** Appends a reviewer's decision on a screening hit (the audit trail of decisions). */
  recordScreeningDecision(decision: ScreeningDecision): Promise<void>;
  /** Every decision about this traveller, oldest first. */
  screeningDecisions(travellerKey: string): Promise<ScreeningDecision[]>;

  /** The entries changed (added, edited, removed) after store-wide watchlist version `version`, as they are now. */
  watchlistChangedSince(version: number): Promise<{ version: number; entries: WatchlistEntry[] }>;
  /** Increases on every watchlist change; screening indexes use it to know when to catch up. */
  watchlistVersion(): Promise<number>;

  // --- document registry (stolen, lost and blank travel documents) ---
  /**
   * Adds entries in one transaction, all of them or none. An entry whose id is already stored (the same report
   * again) is left as it is and counted as already known.
   */
  addDocumentRegistryEntries(entries: DocumentRegistryEntry[]): Promise<{ added: number; alreadyKnown: number }>;
  /**
   * Entries added after registry version `version` (0: every entry), oldest first, and the version they bring the
   * reader up to. Entries are only ever added, so an index that holds everything up to a version needs only these.
   */
  documentRegistrySince(version: number): Promise<{ version: number; entries: DocumentRegistryEntry[] }>;
  /** Increases whenever entries are added; indexes of the registry use it to know when to catch up. */
  documentRegistryVersion(): Promise<number>;

  /** Counts of what the store holds; with a scope, of the documents, entities and mentions in it (problems and watchlists whole). */
  summary(scope?: Scope): Promise<StoreSummary>;
  close(): Promise<void>;
}
