// The composition root: the one place that wires the domain modules to a store, a clock and a logger.
// The CLI and the HTTP API both call what this returns and nothing below it.
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createAccessControl } from './access/index.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { VigilError } from './errors.js';
import { ingestPaths, listFiles, reextractDocuments, retryFailed, runQueueWorker } from './ingest/index.js';
import type { Logger } from './logger.js';
import {
  DocumentRegistryIndex,
  normaliseDocumentNumber,
  normaliseIssuingState,
  parseRegistryCsv,
  readMrzDocument,
  registryEntryId,
  validateRegistryEntry,
  type RegistryEntryFields,
} from './traveldocs/index.js';
import { entityKeyVersion, keysOfEntity, mergeEntities, nameKeyedTypes, placeIdentity, splitEntity } from './resolve/index.js';
import {
  applyDecisions,
  batchAuditDetails,
  screeningAuditDetails,
  matchThreshold,
  reviewThreshold,
  parseTraveller,
  screenBatch,
  ScreeningIndex,
  documentVerdict,
  readManifest,
  readTravellerDocument,
  travellerKey,
  type ScreeningResult,
  type ScreenOptions,
} from './screen/index.js';
import { decodeCursor, encodeCursor, pageSize, searchDocuments } from './search/index.js';
import {
  entityNetwork,
  entityPath,
  entityTimeline,
  mentionContext,
  placesOfDocuments,
  relatedEntities,
} from './links/index.js';
import {
  openBlobStore,
  defaultCollection,
  openPostgresDeployment,
  openSqliteStore,
  type DocumentRecord,
  type DocumentRegistryEntry,
  type EntityDecision,
  type EntitySummary,
  type PlaceLink,
  type Scope,
  type ListThresholds,
  type ScreeningDecision,
  type EntityKeyRecord,
  type WatchlistEntry,
} from './store/index.js';
import { everything, type ListImportReport, type Reader, type RegistryImportReport, type Vigil, type VigilDeps } from './vigil.js';
import {
  addWatchlistEntry,
  approveEntry,
  defaultActor,
  defaultListOf,
  detectListFormat,
  importWatchlist,
  listWatchlist,
  parseListFile,
  promoteEntity,
  readCsvRecords,
  rejectEntry,
  removeEntry,
  updateEntry,
  type EntryChange,
  type ListFileTexts,
  type ListFormat,
} from './watchlist/index.js';

export type { DocumentCheck, DocumentView, ListImportReport, MentionInContext, PageRequest, Reader, RegistryImportReport, Vigil, VigilDeps } from './vigil.js';
export { everything } from './vigil.js';

/** Entities read per page when re-keying a store. */
const rekeyPage = 1000;

export function createVigil(deps: VigilDeps): Vigil {
  const { store, blobs, clock, logger } = deps;
  const needQueue = () => {
    if (!deps.queue) throw new VigilError('input', 'ingest.no-queue', 'a shared work queue needs a PostgreSQL store: give --store postgres://… (or VIGIL_STORE)');
    return deps.queue;
  };
  const access = createAccessControl(store, clock, deps.access);
  const audit = (actor: string, action: string, target: string | null, details: Record<string, unknown>) => access.audit({ actor, action, target, outcome: 'ok', details });
  const listThresholds = async () => Object.fromEntries((await store.listThresholds()).map((t) => [t.list, { match: t.match, review: t.review }]));
  // Thresholds are read once per request (a whole manifest is one), not once per traveller.
  // The registry too is read once per request; a traveller's MRZ, if any, supplies what the caller left out.
  const screenOne = async (
    index: ScreeningIndex,
    registry: DocumentRegistryIndex<DocumentRegistryEntry>,
    input: unknown,
    options: ScreenOptions,
  ): Promise<ScreeningResult> => {
    const today = clock.now();
    const { traveller, document } = readTravellerDocument(input, today);
    const parsed = parseTraveller(traveller);
    const key = travellerKey(parsed);
    const candidates = index.screenParsed(parsed, options);
    const result: ScreeningResult = { travellerKey: key, ...applyDecisions(candidates, await store.screeningDecisions(key)) };
    if (document && document.number !== '') result.document = documentVerdict(document, registry.lookup(document.number, document.country ?? undefined), today);
    return result;
  };

  // The screening index is built from the store once, then follows the watchlist's changes entry by entry.
  let screening: { version: number; index: ScreeningIndex } | null = null;
  const screeningIndex = async () => {
    const version = await store.watchlistVersion();
    if (!screening) {
      screening = { version, index: new ScreeningIndex(await listWatchlist(store, { status: 'active' })) };
    } else if (screening.version !== version) {
      const changes = await store.watchlistChangedSince(screening.version);
      for (const entry of changes.entries) {
        if ((entry.status ?? 'active') === 'active') screening.index.put(entry);
        else screening.index.remove(entry.id);
      }
      screening.version = changes.version;
    }
    return screening.index;
  };

  // The registry index is built from the store once, then takes the entries added since: entries never change.
  let registry: { version: number; index: DocumentRegistryIndex<DocumentRegistryEntry> } | null = null;
  let registryQueue: Promise<unknown> = Promise.resolve();
  const registryIndex = (): Promise<DocumentRegistryIndex<DocumentRegistryEntry>> => {
    // One catch-up at a time: two at once would both add the same new entries.
    const next = registryQueue.then(async () => {
      const version = await store.documentRegistryVersion();
      if (registry?.version === version) return registry.index;
      const since = await store.documentRegistrySince(registry?.version ?? 0);
      if (registry) registry.index.add(since.entries);
      else registry = { version: 0, index: new DocumentRegistryIndex(since.entries) };
      registry.version = since.version;
      return registry.index;
    });
    registryQueue = next.catch(() => undefined); // the caller gets the failure from `next`; the queue must go on
    return next;
  };
  const toRegistryEntry = (fields: RegistryEntryFields, actor: string): DocumentRegistryEntry => ({
    id: registryEntryId(fields),
    ...fields,
    addedAt: clock.now().toISOString(),
    addedBy: actor,
  });

  // Entities written under older name-key rules are re-keyed once, before new mentions are resolved against them,
  // so that a change to the rules never splits one person into two.
  let keysCurrent: Promise<void> | null = null;
  const currentEntityKeys = () => (keysCurrent ??= rekeyEntities().catch((error: unknown) => {
    keysCurrent = null;
    throw error;
  }));
  const rekeyEntities = async () => {
    const stored = await store.entityKeyVersion();
    if (stored === entityKeyVersion) return;
    const keys: EntityKeyRecord[] = [];
    const places: { entityId: string; place: PlaceLink }[] = [];
    let entities = 0;
    for (const type of nameKeyedTypes) {
      for (let offset = 0; ; offset += rekeyPage) {
        const page = await store.listEntities({ type }, { offset, limit: rekeyPage });
        for (const entity of page) {
          keys.push(...keysOfEntity(entity));
          const place = entity.type === 'LOCATION' && !entity.place ? placeIdentity({ type: 'LOCATION', text: entity.name }) : null;
          if (place) places.push({ entityId: entity.id, place: place.place });
        }
        entities += page.length;
        if (page.length < rekeyPage) break;
      }
    }
    await store.setEntityPlaces(places);
    await store.replaceEntityKeys(entityKeyVersion, nameKeyedTypes, keys);
    if (entities > 0) logger.info('re-keyed entities under the current name rules', { entities, from: stored, to: entityKeyVersion });
  };

  // Evidence in documents outside the reader's collections is left out, counts and all.
  const evidenceInScope = async (entries: WatchlistEntry[], scope: Scope): Promise<WatchlistEntry[]> => {
    if (scope === null) return entries;
    const visible = await store.documentsIn(entries.flatMap((e) => e.evidence.flatMap((ev) => ev.documentIds)), scope);
    const out: WatchlistEntry[] = [];
    for (const entry of entries) {
      const evidence = [];
      for (const ev of entry.evidence) {
        const documentIds = ev.documentIds.filter((d) => visible.has(d));
        if (documentIds.length === ev.documentIds.length) evidence.push(ev);
        else if (documentIds.length > 0) {
          // Cut: the count is recounted over the documents left, so it says nothing of the others.
          const inThem = new Set(documentIds);
          const mentionCount = (await store.mentionsOfEntity(ev.entityId, scope)).filter((m) => inThem.has(m.documentId)).length;
          evidence.push({ ...ev, documentIds, mentionCount });
        }
      }
      out.push({ ...entry, evidence });
    }
    return out;
  };

  // --- helpers of the workbench's watchlist and checkpoint methods (issue 8) ---
  const importListTexts = async (
    texts: ListFileTexts,
    file: string,
    format: ListFormat,
    options: { list?: string; partial?: boolean; dryRun?: boolean; actor?: string },
  ): Promise<ListImportReport> => {
    const parsed = parseListFile(format, texts, file);
    const list = options.list ?? parsed.list ?? defaultListOf[format as Exclude<ListFormat, 'vigil'>];
    const report = await importWatchlist(store, clock, parsed, list, file, { partial: options.partial, actor: options.actor, dryRun: options.dryRun });
    // A dry run writes nothing and reads nothing of the haul: it is not recorded.
    if (!report.dryRun) {
      const { added, updated, unchanged, skipped, retired } = report;
      await audit(options.actor ?? defaultActor, 'watchlist.import', list, { file, format, added, updated, unchanged, skipped, retired, rejected: report.rejected.length });
    }
    return { ...report, file, format };
  };
  const changedEntry = async (change: EntryChange, action: string, reader: Reader, details: Record<string, unknown>): Promise<WatchlistEntry> => {
    const { entry, fields } = change;
    await audit(reader.actor, action, entry.id, { list: entry.list, name: entry.name, version: entry.version ?? null, status: entry.status ?? 'active', fields, ...details });
    return (await evidenceInScope([entry], reader.scope))[0]!;
  };
  const screenManifestTravellers: Vigil['screenManifestTravellers'] = async (manifest, file, options, onProgress, actor = defaultActor) => {
    const [index, registry] = [await screeningIndex(), await registryIndex()];
    const withThresholds = { ...options, thresholdsByList: await listThresholds() };
    const results = await screenBatch(manifest.travellers, (t) => screenOne(index, registry, t, withThresholds), onProgress);
    await audit(actor, 'screen.manifest', file, { ...batchAuditDetails(results, file), problems: manifest.problems.length });
    return { results, problems: manifest.problems };
  };

  // Outside the reader's collections a document or entity is "not found", never "forbidden": that would say it exists.
  const knownDocument = async (id: string, scope: Scope = null) => {
    const doc = await store.getDocument(id, scope);
    if (!doc) throw new VigilError('not-found', 'document.unknown', `no document with id "${id}"`);
    return doc;
  };
  const knownEntity = async (id: string, scope: Scope = null) => {
    const entity = await store.getEntity(id, scope);
    if (!entity) throw new VigilError('not-found', 'entity.unknown', `no entity with id "${id}" (see \`vigil entities\`)`);
    return entity;
  };

  return {
    ingest: async (paths, options) => {
      await currentEntityKeys();
      return ingestPaths(paths, { store, blobs, clock, logger }, options);
    },
    async enqueue(paths, options = {}) {
      const queue = needQueue();
      const files = await listFiles(paths);
      const enqueued = options.country ? { country: options.country } : {};
      return { files: files.length, ...(await queue.enqueue(files, options.collection ?? defaultCollection, enqueued)) };
    },
    async work(options = {}) {
      const queue = needQueue();
      await currentEntityKeys();
      return runQueueWorker(queue, (paths, ingestOptions) => ingestPaths(paths, { store, blobs, clock, logger }, ingestOptions), options);
    },
    queueStatus: async () => (deps.queue ? deps.queue.status() : null),
    retryFailed: async (options) => {
      await currentEntityKeys();
      return retryFailed({ store, blobs, clock, logger }, options);
    },
    search: (request, reader = everything) => searchDocuments(store, request, reader.scope),
    async documents(request, reader = everything) {
      const offset = decodeCursor(request.cursor, 'documents');
      const limit = pageSize(request.limit, 100);
      const results = await store.listDocuments({ offset, limit: limit + 1 }, reader.scope);
      const more = results.length > limit;
      return { results: results.slice(0, limit), total: null, nextCursor: more ? encodeCursor(offset + limit, 'documents') : null };
    },
    async document(id, reader = everything) {
      const document = await knownDocument(id, reader.scope);
      await audit(reader.actor, 'document.view', id, { path: document.path, sha256: document.sha256 });
      const [places, articles] = await Promise.all([store.sourcePlaces(document.sha256), document.isLeaf ? [] : store.childDocuments(id, reader.scope)]);
      // Where else the same bytes were found is not tied to a collection: a reader of some cases sees only the place
      // the document itself names, so another case's paths are never shown to them.
      return {
        ...document,
        places: reader.scope === null ? places : places.filter((p) => p.path === document.path),
        articles: articles.map(({ id: articleId, title, position, span }) => ({ id: articleId, title, position, span })),
      };
    },
    async entities(filter, request, reader = everything) {
      const cursorScope = 'entities:' + (filter.type ?? '');
      const offset = decodeCursor(request.cursor, cursorScope);
      const limit = pageSize(request.limit, 100);
      const results = await store.listEntities(filter, { offset, limit: limit + 1 }, reader.scope);
      const more = results.length > limit;
      return { results: results.slice(0, limit), total: null, nextCursor: more ? encodeCursor(offset + limit, cursorScope) : null };
    },
    entity: (id, reader = everything) => knownEntity(id, reader.scope),
    async entityMentions(id, reader = everything) {
      await knownEntity(id, reader.scope);
      return store.mentionsOfEntity(id, reader.scope);
    },
    async entityMentionsInContext(id, limit, reader = everything) {
      await knownEntity(id, reader.scope);
      const mentions = await store.mentionsOfEntity(id, reader.scope);
      const shown = mentions.slice(0, limit);
      const documents = new Map<string, DocumentRecord | null>();
      for (const documentId of new Set(shown.map((m) => m.documentId))) documents.set(documentId, await store.getDocument(documentId, reader.scope));
      const results = shown.map((m) => {
        const document = documents.get(m.documentId);
        return document ? { ...m, ...mentionContext(document.text, m), documentTitle: document.title ?? document.path.split('/').pop() ?? null } : { ...m, documentTitle: null };
      });
      return { results, total: mentions.length };
    },
    async documentMentions(id, reader = everything) {
      await knownDocument(id, reader.scope);
      return store.mentionsInDocument(id, reader.scope);
    },
    // An analyst may decide only about entities seen in their collections.
    async mergeEntities(target, others, options = {}) {
      for (const id of [target, ...others]) await knownEntity(id, options.scope ?? null);
      return mergeEntities(store, clock, target, others, options.actor ?? defaultActor, options.note ?? null);
    },
    async splitEntity(id, selection, options = {}) {
      await knownEntity(id, options.scope ?? null);
      return splitEntity(store, clock, id, selection, options.actor ?? defaultActor, options.note ?? null);
    },
    async entityDecisions(id, reader = everything) {
      if (id !== undefined) await knownEntity(id, reader.scope);
      const decisions = await store.entityDecisions(id);
      if (reader.scope === null) return decisions;
      // In a scope: decisions about entities seen there, a split's spellings and documents cut to those seen there.
      const seen = new Map<string, EntitySummary | null>();
      const summary = async (entity: string) => (seen.has(entity) ? seen.get(entity)! : seen.set(entity, await store.getEntity(entity, reader.scope)).get(entity)!);
      const out: EntityDecision[] = [];
      for (const d of decisions) {
        const about = await summary(d.kind === 'merge' ? d.target : d.entity);
        if (!about) continue;
        if (d.kind === 'merge') {
          out.push(d);
          continue;
        }
        const other = await summary(d.newEntity);
        const spellings = new Set([about, other].flatMap((e) => (e ? [e.name, ...e.aliases] : [])));
        const documents = new Set([about, other].flatMap((e) => e?.documents ?? []));
        out.push({ ...d, names: d.names.filter((n) => spellings.has(n)), documents: d.documents.filter((doc) => documents.has(doc)) });
      }
      return out;
    },
    collections: () => store.listCollections(),

    // --- haul views (links/): every entity named must be seen in the reader's collections, else it is not found ---
    places: (request, reader = everything) => placesOfDocuments(store, request, reader.scope),
    async findEntities(text, filter, request, reader = everything) {
      const cursorScope = 'entities:' + JSON.stringify([text, filter.types ?? []]);
      const offset = decodeCursor(request.cursor, cursorScope);
      const limit = pageSize(request.limit, 20);
      const results = await store.findEntitiesByName(text, filter, { offset, limit: limit + 1 }, reader.scope);
      const more = results.length > limit;
      return { results: results.slice(0, limit), total: null, nextCursor: more ? encodeCursor(offset + limit, cursorScope) : null };
    },
    async relatedEntities(id, options, reader = everything) {
      await knownEntity(id, reader.scope);
      return relatedEntities(store, id, options, reader.scope);
    },
    async entityTimeline(id, reader = everything) {
      await knownEntity(id, reader.scope);
      return entityTimeline(store, id, reader.scope);
    },
    async network(request, reader = everything) {
      for (const id of new Set(request.entities)) await knownEntity(id, reader.scope);
      return entityNetwork(store, request, reader.scope);
    },
    async networkPath(request, reader = everything) {
      await knownEntity(request.from, reader.scope);
      await knownEntity(request.to, reader.scope);
      return entityPath(store, request, reader.scope);
    },
    reextract: async (options) => {
      await currentEntityKeys();
      return reextractDocuments({ store, logger }, options);
    },
    async addWatchlistEntry(input, list, actor = defaultActor) {
      const entry = await addWatchlistEntry(store, clock, input, list, actor);
      await audit(actor, 'watchlist.add', entry.id, { list: entry.list, name: entry.name, version: entry.version ?? null });
      return entry;
    },
    async importWatchlistFile(path, options = {}) {
      const format = options.format ?? detectListFormat(path);
      const read = (file: string) =>
        readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
          throw new VigilError('input', 'watchlist.unreadable', `${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
        });
      const texts: ListFileTexts = { main: await read(path) };
      if (format === 'ofac') {
        // OFAC's legacy CSV comes as three files; aliases and addresses sit beside sdn.csv.
        for (const part of ['alt', 'add'] as const) {
          const sibling = join(dirname(path), `${part}.csv`);
          if (existsSync(sibling)) texts[part] = await read(sibling);
        }
      }
      return importListTexts(texts, basename(path), format, options);
    },
    async watchlist(filter, reader = everything) {
      return evidenceInScope(await listWatchlist(store, filter), reader.scope);
    },
    async watchlistHistory(entryId, reader = everything) {
      const history = await store.watchlistHistory(entryId);
      if (history.length === 0) throw new VigilError('not-found', 'watchlist.unknown-entry', `no watchlist entry with id "${entryId}" (see \`vigil watchlist list\`)`);
      const entries = await evidenceInScope(history.map((v) => v.entry), reader.scope);
      return history.map((v, i) => ({ ...v, entry: entries[i]! }));
    },
    async original(documentId, reader = everything) {
      const document = await knownDocument(documentId, reader.scope);
      const bytes = await blobs.get(document.sha256);
      if (!bytes) throw new VigilError('not-found', 'document.no-original', `the original file of document "${documentId}" is not in the blob store (sha256 ${document.sha256})`);
      await audit(reader.actor, 'document.download', documentId, { path: document.path, sha256: document.sha256, bytes: bytes.byteLength });
      return { document, bytes };
    },
    async promote(entityId, list, actor = defaultActor, scope = null, status = 'active') {
      await knownEntity(entityId, scope);
      const result = await promoteEntity(store, clock, entityId, list, actor, status);
      await audit(actor, 'watchlist.promote', result.entry.id, { entity: entityId, list: result.entry.list, created: result.created, status: result.entry.status ?? 'active' });
      return result;
    },
    async screen(traveller, options, actor = defaultActor) {
      const result = await screenOne(await screeningIndex(), await registryIndex(), traveller, { ...options, thresholdsByList: await listThresholds() });
      await audit(actor, 'screen', result.travellerKey, screeningAuditDetails(traveller, result));
      return result;
    },
    async screenBatch(travellers, options, onProgress, actor = defaultActor) {
      const [index, registry] = [await screeningIndex(), await registryIndex()];
      const withThresholds = { ...options, thresholdsByList: await listThresholds() };
      const results = await screenBatch(travellers, (t) => screenOne(index, registry, t, withThresholds), onProgress);
      await audit(actor, 'screen.batch', null, batchAuditDetails(results, null));
      return results;
    },
    async screenManifest(path, options, onProgress, actor = defaultActor) {
      const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
        throw new VigilError('input', 'screen.manifest-unreadable', `${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      });
      const manifest = readManifest(bytes.toString('utf8'), basename(path), clock.now());
      return screenManifestTravellers(manifest, basename(path), options, onProgress, actor);
    },
    async decide(request, actor = defaultActor) {
      const entry = await store.getWatchlistEntry(request.entryId);
      if (!entry) throw new VigilError('not-found', 'watchlist.unknown-entry', `no watchlist entry with id "${request.entryId}"`);
      if (!/^t_[0-9a-f]{20}$/.test(request.travellerKey)) {
        throw new VigilError('input', 'screen.bad-traveller-key', `"${request.travellerKey}" is not a traveller key (screening prints one, like t_0123456789abcdef0123)`);
      }
      const decision: ScreeningDecision = {
        travellerKey: request.travellerKey,
        entryId: entry.id,
        entryVersion: entry.version ?? 0,
        decision: request.decision,
        actor,
        at: clock.now().toISOString(),
        note: request.note ?? null,
      };
      await store.recordScreeningDecision(decision);
      await audit(actor, 'screen.decision', entry.id, { travellerKey: decision.travellerKey, decision: decision.decision, entryVersion: decision.entryVersion, note: decision.note });
      return decision;
    },
    decisions: (key) => store.screeningDecisions(key),
    async setThresholds(list, { match, review }, actor = defaultActor) {
      const valid = (n: number) => Number.isFinite(n) && n > 0 && n <= 1;
      if (!valid(match) || !valid(review) || review > match) {
        throw new VigilError('input', 'watchlist.bad-thresholds', `thresholds for "${list}": need 0 < review ≤ match ≤ 1, got review ${review} and match ${match}`);
      }
      const t: ListThresholds = { list, match, review, actor, at: clock.now().toISOString() };
      await store.putListThresholds(t);
      await audit(actor, 'watchlist.thresholds', list, { match, review });
      return t;
    },
    async thresholds() {
      return { defaults: { match: matchThreshold, review: reviewThreshold }, lists: await store.listThresholds() };
    },
    async addRegistryEntry(input, options = {}) {
      const result = validateRegistryEntry(input, options.label);
      if ('problem' in result) throw new VigilError('input', 'docs.bad-entry', result.problem);
      const entry = toRegistryEntry(result.entry, options.actor ?? defaultActor);
      const { added } = await store.addDocumentRegistryEntries([entry]);
      await audit(entry.addedBy, 'registry.add', entry.id, { country: entry.country, number: entry.number, numberEnd: entry.numberEnd ?? null, status: entry.status, added: added === 1 });
      return { entry, added: added === 1 };
    },
    async importRegistryFile(path, options = {}) {
      const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new VigilError('input', 'docs.unreadable', `${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      });
      const file = basename(path);
      const parsed = parseRegistryCsv(readCsvRecords(text, file, 'docs.import-syntax'), options.onProgress);
      const report: RegistryImportReport = { file, added: 0, alreadyKnown: 0, rejected: parsed.problems, refused: false };
      if (parsed.problems.length > 0 && !options.partial) return { ...report, refused: true };
      const entries = parsed.entries.map(({ entry }) => toRegistryEntry(entry, options.actor ?? defaultActor));
      const counts = await store.addDocumentRegistryEntries(entries);
      await audit(options.actor ?? defaultActor, 'registry.import', file, { ...counts, rejected: parsed.problems.length });
      return { ...report, ...counts };
    },
    async checkDocument(request, actor = defaultActor) {
      const mrz = 'mrz' in request ? readMrzDocument(request.mrz, clock.now()) : null;
      const number = mrz ? mrz.documentNumber : (request as { number: string }).number;
      if (!mrz && normaliseDocumentNumber(number) === '') throw new VigilError('input', 'docs.no-number', 'give a document number to check');
      let country = mrz ? normaliseIssuingState(mrz.issuingState) : (request as { country?: string }).country;
      if (country !== undefined && !/^[A-Z]{1,3}$/.test(normaliseIssuingState(country))) {
        // An unreadable issuing state in an MRZ widens the search to every state rather than missing a report.
        if (mrz) country = undefined;
        else throw new VigilError('input', 'docs.bad-country', `"${country}" is not an issuing state (1–3 letters, as ICAO writes them: "SYR", "D")`);
      }
      const hits = (await registryIndex()).lookup(number, country);
      await audit(actor, 'docs.check', normaliseDocumentNumber(number), { country: country ?? null, mrz: mrz !== null, hits: hits.map((h) => h.entry.id) });
      return { mrz: mrz?.reading ?? null, registry: hits };
    },
    async prepareScreening() {
      const [index, registryIndexed] = [await screeningIndex(), await registryIndex()];
      return { entries: index.size, registryEntries: registryIndexed.size };
    },
    problems: () => store.listProblems(),
    summary: (reader = everything) => store.summary(reader.scope),

    // --- the workbench's watchlist, checkpoint console and audit screens (issue 8) ---
    async watchlistPage(filter, page, reader = everything) {
      const total = await store.countWatchlistEntries(filter);
      const entries = page.limit === undefined ? (await listWatchlist(store, filter)).slice(page.offset) : await store.listWatchlistEntries(filter, { offset: page.offset, limit: page.limit });
      return { results: await evidenceInScope(entries, reader.scope), total };
    },
    async approveWatchlistEntry(id, note, reader = everything) {
      const change = await approveEntry(store, clock, id, reader.actor, note);
      return changedEntry(change, 'watchlist.approve', reader, { note });
    },
    async rejectWatchlistEntry(id, reason, reader = everything) {
      const change = await rejectEntry(store, clock, id, reason, reader.actor);
      return changedEntry(change, 'watchlist.reject', reader, { reason });
    },
    async updateWatchlistEntry(id, input, options, reader = everything) {
      const change = await updateEntry(store, clock, id, input, { ...options, actor: reader.actor });
      return changedEntry(change, 'watchlist.update', reader, { note: options.note ?? null });
    },
    async removeWatchlistEntry(id, reason, reader = everything) {
      const change = await removeEntry(store, clock, id, reason, reader.actor);
      return changedEntry(change, 'watchlist.remove', reader, { reason });
    },
    async importWatchlistText(text, file, options = {}) {
      const format = options.format ?? detectListFormat(file);
      if (format === 'ofac') {
        throw new VigilError(
          'input',
          'watchlist.ofac-needs-files',
          `${file}: OFAC's legacy list is three files (sdn.csv with alt.csv and add.csv beside it) and one file alone would lose its aliases; ` +
            'import it on the server with `vigil watchlist import sdn.csv`',
        );
      }
      return importListTexts({ main: text }, file, format, options);
    },
    readManifestText: (text, file) => readManifest(text, file, clock.now()),
    screenManifestTravellers,

    access,
    close: () => store.close(),
  };
}

function ensureDataFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way; choose a folder with --data' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new VigilError('input', 'config.data-folder', `data folder ${dir}: ${why}`, { cause: error });
  }
}

/** Opens the embedded store in the configured data folder and wires Vigil to it. */
/** The embedded store in the data folder, or the PostgreSQL store `config.store` names; original files in `blobDir`. */
export async function openVigil(config: Pick<Config, 'dataDir' | 'store' | 'blobDir'>, logger: Logger, clock: Clock = systemClock): Promise<Vigil> {
  const blobs = openBlobStore(config.blobDir);
  if (config.store !== '') {
    const { store, queue } = await openPostgresDeployment(config.store);
    return createVigil({ store, queue, blobs, clock, logger });
  }
  ensureDataFolder(config.dataDir);
  return createVigil({ store: openSqliteStore(join(config.dataDir, 'vigil.sqlite')), blobs, clock, logger });
}
