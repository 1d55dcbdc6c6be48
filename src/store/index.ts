// store: the one boundary for everything persistent (STYLE §6). SQL lives here and nowhere else.
// Domain modules use the Store interface and the record types; they never see a table.
export type { Store } from './store.js';
export * from './records.js';
export * from './view-records.js';
export type * from './access-records.js';
export { openSqliteStore } from './sqlite/sqlite-store.js';
export { isPostgresUrl, openPostgresDeployment, openPostgresStore } from './postgres/postgres-store.js';
export { defaultMaxAttempts, type IngestJob, type IngestQueue, type QueueStatus } from './ingest-queue.js';
export { openBlobStore, type BlobStore } from './blob-store.js';
export { migrateStore, type StoreMigrationReport, type TableCopy } from './migrate-store.js';
