// The records that cross the Store boundary. Domain modules build and read these; only store/ knows tables.

/**
 * Names (PERSON, ORG, LOCATION) resolve by spelling; every other type is a value found by pattern and resolves by
 * its normalised value (an E.164 phone number, an ISO 8601 date or interval, "USD 4000000 per month").
 */
export type EntityType = 'PERSON' | 'ORG' | 'LOCATION' | 'PHONE' | 'EMAIL' | 'PASSPORT' | 'DATE' | 'MONEY' | 'COUNT' | 'URL' | 'COORDINATES';
export const entityTypes: readonly EntityType[] = [
  'PERSON', 'ORG', 'LOCATION', 'PHONE', 'EMAIL', 'PASSPORT', 'DATE', 'MONEY', 'COUNT', 'URL', 'COORDINATES',
];

/** One original file, or one file inside an archive, as it arrived. */
export interface SourceRecord {
  sha256: string;
  size: number;
  /** Where it was first found; an entry inside an archive is `ARCHIVE-PATH!/ENTRY-PATH`. */
  path: string;
  mediaType: string;
  ingestedAt: string;
  /** Set when the path is inside an archive. */
  container?: ContainerPlace | null;
  /** The collection (case) the file was ingested into (default: `defaultCollection`). */
  collection?: string;
}

/** The collection of files ingested without one named. */
export const defaultCollection = 'default';

/** Letters, digits, ".", "_" and "-", up to 64, starting with a letter or digit: "raqqa-2017", "op.lion". */
export function isCollectionName(name: string): boolean {
  return /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u.test(name);
}

/**
 * The collections a read may reach: null for all of them (the command line, which holds the data folder), else the
 * caller's. Documents are in a collection through their source's bytes: the same file ingested into two cases is in both.
 */
export type Scope = readonly string[] | null;

/** The archive a file was found in and its path inside it. */
export interface ContainerPlace {
  sha256: string;
  entry: string;
}

/** One place the same bytes were found. */
export interface SourcePlace {
  path: string;
  seenAt: string;
  container: ContainerPlace | null;
}

export interface DocumentRecord {
  id: string;
  /** sha256 of the original bytes this document came from (for split articles: of their page). */
  sha256: string;
  size: number;
  path: string;
  mediaType: string;
  ingestedAt: string;
  /** The containing document: the page a split article came from, the file a JSON record came from. */
  parentId: string | null;
  /** Order among siblings under the same parent (0-based); 0 for top-level files. */
  position: number;
  title: string | null;
  author: string | null;
  /** ISO 8601 date, possibly partial ("2017", "2017-07", "2017-07-12"). */
  date: string | null;
  language: string | null;
  text: string;
  /** Character range of this document inside its parent's text, when it was cut from it. */
  span: { start: number; end: number } | null;
  /** Leaves are searched and extracted; a page that was split keeps its text only for reading. */
  isLeaf: boolean;
  metadata: Record<string, string>;
}

export interface MentionRecord {
  documentId: string;
  entityId: string;
  type: EntityType;
  text: string;
  start: number;
  end: number;
  confidence: number;
  /** How the mention was found: `model:perceptron`, `rule:title-cue`, `pattern:phone`, `rule:acronym-definition` … */
  method: string;
  /** The normalised value of a pattern type (E.164 phone, ISO 8601 date or interval, "USD 4000000 per month"); null for names. */
  value: string | null;
  /** The sentence the mention was found in, as a character range of the document's text. */
  sentence: { start: number; end: number };
}

/** The gazetteer record a place resolved to, so it can be put on a map. */
export interface PlaceLink {
  /** "geonames:170794" for a GeoNames city, "country:SYR", or "vigil:…" for the project's own records (camps, villages). */
  id: string;
  /** The record's own name ("Deir ez-Zor"). */
  name: string;
  /** ISO 3166-1 alpha-3, when the place lies in one country. */
  country: string | null;
  lat: number;
  lon: number;
}

export interface EntityRecord {
  id: string;
  type: EntityType;
  /** The first surface form seen; the canonical name shown is the most frequent surface form. */
  firstName: string;
  /** For places: the gazetteer record they resolved to, when one fitted. */
  place?: PlaceLink | null;
}

export interface EntitySummary {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentions: number;
  documents: string[];
  place: PlaceLink | null;
  /** Set when an analyst merged this entity into another: its mentions now belong to that one. */
  mergedInto: string | null;
}

/**
 * An analyst's decision about entities, kept for good and replayed whenever mentions are resolved again
 * (a new model, a re-run), so that what people decided outlives what machines guessed.
 */
export type EntityDecision = EntityMerge | EntitySplit;

export interface EntityDecisionBase {
  /** Derived from the decision's content and time. */
  id: string;
  actor: string;
  at: string;
  note: string | null;
}

/** `merged` is the same real-world thing as `target`: its mentions, names and watchlist links move to `target`. */
export interface EntityMerge extends EntityDecisionBase {
  kind: 'merge';
  target: string;
  merged: string;
}

/**
 * The mentions of `entity` written as one of `names` (when given) and inside one of `documents` (when given)
 * are of another real-world thing, `newEntity`.
 */
export interface EntitySplit extends EntityDecisionBase {
  kind: 'split';
  entity: string;
  newEntity: string;
  names: string[];
  documents: string[];
}

export interface EntityCandidate {
  id: string;
  type: EntityType;
  keys: string[];
  /** Every distinct surface form seen for the entity. */
  names: string[];
}

/** What one source file produced, saved in one transaction: all of it or none of it. */
export interface IngestBatch {
  source: SourceRecord;
  documents: DocumentRecord[];
  newEntities: EntityRecord[];
  /** Lookup keys for new and existing entities, from every spelling resolved in this batch (name-token skeletons, identifier values). */
  entityKeys: EntityKeyRecord[];
  mentions: MentionRecord[];
}

/** A stored document's mentions extracted and resolved again, replacing the ones it had, in one transaction. */
export interface ReextractedDocument {
  documentId: string;
  newEntities: EntityRecord[];
  entityKeys: EntityKeyRecord[];
  mentions: MentionRecord[];
}

export interface EntityKeyRecord {
  entityId: string;
  type: EntityType;
  key: string;
}

/** Failed to read; a format Vigil does not read (kept by hash); stored, but its entities not extracted. */
/** `needs-ocr`: an image of a document, or a PDF without a text layer, kept until OCR reads it. `warning`: read, but something about the file is suspect (a misleading extension, an archive entry naming a path outside it). */
export type ProblemKind = 'failed' | 'unsupported' | 'not-extracted' | 'needs-ocr' | 'warning';

export interface IngestProblem {
  path: string;
  sha256: string | null;
  kind: ProblemKind;
  reason: string;
  at: string;
  /** Stable code of the reason (`ingest.encrypted`, `ingest.corrupt`, …), when one was recorded. */
  code?: string | null;
  /** The collection the file was being ingested into (a retry reads it into the same one). */
  collection?: string;
}

/** A parsed full-text query, dialect-free; each store turns it into its own engine's syntax. */
export interface TextQuery {
  /** All clauses must hold (AND). */
  clauses: TextClause[];
}
export interface TextClause {
  /** The clause holds when any alternative matches (OR). */
  alternatives: TextTerm[];
  negated: boolean;
}
export interface TextTerm {
  /** Words of the term; more than one word means an exact phrase. */
  words: string[];
  prefix: boolean;
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
  /** [start, end) ranges inside `snippet` that matched the query. */
  highlights: [number, number][];
  mediaType: string;
  language: string | null;
  /** The collections the document is in, of those the reader may see. */
  collections: string[];
}

export interface Page {
  offset: number;
  limit: number;
}

/** Which entries to list: of one list, of one status, and with a name, alias or reference containing `q` (any case). */
export interface WatchlistFilter {
  list?: string;
  status?: WatchlistStatus;
  q?: string;
}

export interface WatchlistDocument {
  type: string;
  number: string;
  country: string | null;
}

export interface WatchlistEvidence {
  entityId: string;
  documentIds: string[];
  mentionCount: number;
}

export interface WatchlistEntry {
  id: string;
  list: string;
  /** The list's own reference for the entry (a UN reference number, an agency case id), unique per list. */
  ref: string | null;
  name: string;
  aliases: string[];
  /**
   * Aliases the list itself calls weak (OFAC "weak a.k.a.", UN quality "Low"): too common or too vague to stop
   * anyone on alone. Screened with a lower weight; absent means none.
   */
  weakAliases?: string[];
  /** ISO 8601, possibly partial. */
  birthDates: string[];
  /** ISO 3166-1 alpha-3 codes (or ICAO's special codes). */
  nationalities: string[];
  gender: 'M' | 'F' | null;
  documents: WatchlistDocument[];
  notes: string | null;
  evidence: WatchlistEvidence[];
  createdAt: string;
  updatedAt: string;
  /**
   * Removed entries stay, with their history, but are no longer screened against; proposed ones (an analyst's,
   * awaiting a watchlist manager's approval) are not screened against yet. Absent means active.
   */
  status?: WatchlistStatus;
  /** Set by the store: 1 for a new entry, one more on every change. */
  version?: number;
}

export type WatchlistStatus = 'active' | 'proposed' | 'removed';

/** Who changed an entry and when; the store records what changed. */
export interface WatchlistChange {
  actor: string;
  at: string;
  note?: string;
}

export interface WatchlistVersion {
  version: number;
  at: string;
  actor: string;
  /** 'approved': a proposed entry made active; 'restored': a removed one made active again. */
  change: 'added' | 'updated' | 'removed' | 'restored' | 'approved';
  note: string | null;
  /** The entry as it was after this change. */
  entry: WatchlistEntry;
}

export interface StoreSummary {
  sources: number;
  documents: number;
  leafDocuments: number;
  problems: Record<ProblemKind, number>;
  entitiesByType: Partial<Record<EntityType, number>>;
  mentions: number;
  /** Active entries (removed ones keep their history but are not counted). */
  watchlistEntries: number;
}

export type ScreeningDecisionKind = 'true-match' | 'false-match';

/** A reviewer's decision on one hit: this traveller is (or is not) this entry. Decisions are never edited, only added. */
export interface ScreeningDecision {
  /** Identifies the traveller across trips: see screen/traveller-key.ts. */
  travellerKey: string;
  entryId: string;
  /** The entry's version when decided: a false match stops applying once the entry changes. */
  entryVersion: number;
  decision: ScreeningDecisionKind;
  actor: string;
  at: string;
  note: string | null;
}

/** Screening thresholds set for one watchlist (lists differ in how precise they are). */
export interface ListThresholds {
  list: string;
  /** At or above: a likely match. */
  match: number;
  /** At or above: someone must look. */
  review: number;
  actor: string;
  at: string;
}

export type DocumentRegistryStatus = 'stolen-blank' | 'stolen-personalised' | 'lost' | 'revoked' | 'invalid';

/** One report to the stolen, lost and blank travel-document registry: a document, or a serial range of booklets. */
export interface DocumentRegistryEntry {
  /** Derived from the report's content, so the same report imported twice is one entry. */
  id: string;
  /** ICAO issuing state ("SYR", "D"). */
  country: string;
  /** passport, id-card, visa, residence-permit, travel-document. */
  type: string;
  /** Normalised: upper case, no spaces, dashes or MRZ fillers. */
  number: string;
  /** Last booklet of a serial range (same prefix and length as `number`); null for one document. */
  numberEnd: string | null;
  status: DocumentRegistryStatus;
  /** YYYY-MM-DD. */
  reported: string | null;
  /** Who reported it. */
  source: string | null;
  notes: string | null;
  addedAt: string;
  addedBy: string;
}
