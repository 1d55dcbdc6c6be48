// Small, readable records for the Store contract suite (store.contract.ts): one haul, one person spelt two ways, one phone.
import type {
  DocumentRecord,
  EntityRecord,
  EntityType,
  IngestBatch,
  MentionRecord,
  SourceRecord,
  TextClause,
  TextQuery,
  TextTerm,
  WatchlistEntry,
} from './records.js';

export const at = '2024-05-01T10:00:00.000Z';

export function sha(n: number): string {
  return n.toString(16).padStart(64, '0');
}

export function source(n: number, path = `/haul/file-${n}.txt`): SourceRecord {
  return { sha256: sha(n), size: 100 + n, path, mediaType: 'text/plain', ingestedAt: at };
}

export function document(id: string, src: SourceRecord, text: string, fields: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id,
    sha256: src.sha256,
    size: src.size,
    path: src.path,
    mediaType: src.mediaType,
    ingestedAt: at,
    parentId: null,
    position: 0,
    title: null,
    author: null,
    date: null,
    language: null,
    text,
    span: null,
    isLeaf: true,
    metadata: {},
    ...fields,
  };
}

/** A source holding one leaf document per text, ids `<prefix>-0`, `<prefix>-1` … */
export function textBatch(n: number, texts: string[], prefix = `d${n}`): IngestBatch {
  const src = source(n);
  return {
    source: src,
    documents: texts.map((text, i) => document(`${prefix}-${i}`, src, text, { position: i })),
    newEntities: [],
    entityKeys: [],
    mentions: [],
  };
}

export function mention(documentId: string, entityId: string, type: EntityType, text: string, start: number): MentionRecord {
  return { documentId, entityId, type, text, start, end: start + text.length, confidence: 0.9, method: 'rule:test', value: null, sentence: { start: 0, end: start + text.length } };
}

export function entity(id: string, type: EntityType, firstName: string): EntityRecord {
  return { id, type, firstName };
}

// --- query builders: the store takes a parsed TextQuery, never the search box syntax ---
export function term(text: string, prefix = false): TextTerm {
  return { words: text.split(' '), prefix };
}
export function all(...texts: string[]): TextQuery {
  return { clauses: texts.map((t) => ({ alternatives: [term(t)], negated: false })) };
}
export function clause(terms: TextTerm[], negated = false): TextClause {
  return { alternatives: terms, negated };
}

export function entry(id: string, fields: Partial<WatchlistEntry> = {}): WatchlistEntry {
  return {
    id,
    list: 'local',
    ref: null,
    name: 'Abu Khalid al-Tikriti',
    aliases: ['Abou Khaled el-Tikriti'],
    birthDates: ['1978-04'],
    nationalities: ['IRQ'],
    gender: 'M',
    documents: [{ type: 'passport', number: 'A1234567', country: 'IRQ' }],
    notes: 'courier network',
    evidence: [],
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

/**
 * One person spelt two ways across two documents, and a phone number:
 * "Abou Khaled el-Tikriti" twice, "Abu Khalid al-Tikriti" once (first), the phone once.
 */
export function peopleBatch(): IngestBatch {
  const src = source(50, '/haul/people.txt');
  const text1 = 'Abu Khalid al-Tikriti met Abou Khaled el-Tikriti. Call +963944123456.';
  const text2 = 'Abou Khaled el-Tikriti paid the courier.';
  return {
    source: src,
    documents: [document('p-1', src, text1), document('p-2', src, text2, { position: 1 })],
    newEntities: [entity('e-person', 'PERSON', 'Abu Khalid al-Tikriti'), entity('e-phone', 'PHONE', '+963944123456')],
    entityKeys: [
      { entityId: 'e-person', type: 'PERSON', key: 'khld' },
      { entityId: 'e-person', type: 'PERSON', key: 'tkrt' },
      { entityId: 'e-phone', type: 'PHONE', key: '+963944123456' },
    ],
    mentions: [
      mention('p-1', 'e-person', 'PERSON', 'Abu Khalid al-Tikriti', 0),
      mention('p-1', 'e-person', 'PERSON', 'Abou Khaled el-Tikriti', 26),
      mention('p-1', 'e-phone', 'PHONE', '+963944123456', 55),
      mention('p-2', 'e-person', 'PERSON', 'Abou Khaled el-Tikriti', 0),
    ],
  };
}
