// PostgreSQL store, the stolen, lost and blank travel-document registry: rows only added, read on from a version.
import type { DocumentRegistryEntry, DocumentRegistryStatus } from '../records.js';
import type { Store } from '../store.js';
import type { PgDb, Row } from './pg-db.js';

export type DocumentRegistryPart = Pick<Store, 'addDocumentRegistryEntries' | 'documentRegistrySince' | 'documentRegistryVersion'>;

// Rows per statement when adding, and per read when reading on: a national registry runs to millions of rows.
const batchRows = 5_000;

const registryColumns = 'seq, id, country, type, number, number_end, status, reported, source, notes, added_at, added_by';

function toEntry(r: Row): DocumentRegistryEntry {
  return {
    id: r.id as string,
    country: r.country as string,
    type: r.type as string,
    number: r.number as string,
    numberEnd: (r.number_end as string | null) ?? null,
    status: r.status as DocumentRegistryStatus,
    reported: (r.reported as string | null) ?? null,
    source: (r.source as string | null) ?? null,
    notes: (r.notes as string | null) ?? null,
    addedAt: r.added_at as string,
    addedBy: r.added_by as string,
  };
}

export function postgresDocumentRegistry(db: PgDb): DocumentRegistryPart {
  const version = async () => (await db.one<{ v: number }>('SELECT coalesce(max(seq), 0) AS v FROM document_registry'))!.v;
  return {
    async addDocumentRegistryEntries(entries) {
      return db.transaction(async (tx) => {
        // One adder at a time (readers are not held up): seq numbers are taken inside the lock, so they commit in
        // order and documentRegistrySince(v) never passes over rows that a slower adder commits below v later.
        await tx.query('LOCK TABLE document_registry IN SHARE ROW EXCLUSIVE MODE');
        let added = 0;
        for (let start = 0; start < entries.length; start += batchRows) {
          const batch = entries.slice(start, start + batchRows);
          const column = <K extends keyof DocumentRegistryEntry>(key: K) => batch.map((e) => e[key]);
          // ON CONFLICT (id) DO NOTHING, as in SQLite: a known report stays as it is; a NULL where NOT NULL is
          // wanted still fails the whole batch. WITH ORDINALITY keeps the order of the batch in seq.
          const rows = await tx.query(
            `INSERT INTO document_registry (id, country, type, number, number_end, status, reported, source, notes, added_at, added_by)
             SELECT id, country, type, number, number_end, status, reported, source, notes, added_at, added_by
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
               WITH ORDINALITY AS e(id, country, type, number, number_end, status, reported, source, notes, added_at, added_by, position)
             ORDER BY position
             ON CONFLICT (id) DO NOTHING
             RETURNING seq`,
            [column('id'), column('country'), column('type'), column('number'), column('numberEnd'), column('status'), column('reported'), column('source'), column('notes'), column('addedAt'), column('addedBy')],
          );
          added += rows.length;
        }
        return { added, alreadyKnown: entries.length - added };
      });
    },

    async documentRegistrySince(from) {
      const entries: DocumentRegistryEntry[] = [];
      let last = from;
      for (;;) {
        const rows = await db.query(`SELECT ${registryColumns} FROM document_registry WHERE seq > $1 ORDER BY seq LIMIT $2`, [last, batchRows]);
        for (const r of rows) entries.push(toEntry(r));
        if (rows.length > 0) last = rows[rows.length - 1]!.seq as number;
        if (rows.length < batchRows) break;
      }
      return { version: entries.length > 0 ? last : await version(), entries };
    },

    documentRegistryVersion: version,
  };
}
