// A small haul with known co-mentions, dates, languages and formats in two cases, for the views' contract suite
// (view.contract.ts) and the graph tests in links/. Who is named where:
//
//   doc  case          date        lang  format           entities (×2: named twice)
//   r-1  raqqa, idlib  2017-07-12  en    text/plain       Khalid ×2, Azad, Raqqa, Islamic State, date 2017-07-01
//   r-2  raqqa, idlib  2017-08     ar    text/plain       Khalid, Raqqa, phone
//   r-3  raqqa, idlib  2017        en    text/plain       Azad (spelt "Azad Mîrhan"), Raqqa
//   r-4  raqqa, idlib  —           en    text/plain       Khalid, Azad, Nowhere (no coordinates), Khalifa Group
//   m-1  mosul         2016-05-02  en    application/pdf  Khalid (spelt "Abou Khaled"), Umm Sayyaf, Mosul
//   m-2  mosul         2016-06     en    application/pdf  Umm Sayyaf, Mosul, Islamic State
import { document, entity, mention, sha } from './store.contract-fixtures.js';
import type { DocumentRecord, EntityRecord, EntityType, IngestBatch, MentionRecord, SourceRecord } from './records.js';
import type { Store } from './store.js';

const at = '2024-05-01T10:00:00.000Z';

const entities: EntityRecord[] = [
  entity('e-khalid', 'PERSON', 'Abu Khalid'),
  entity('e-azad', 'PERSON', 'Azad Mirhan'),
  entity('e-umm', 'PERSON', 'Umm Sayyaf'),
  entity('e-isis', 'ORG', 'Islamic State'),
  entity('e-khalifa', 'ORG', 'Khalifa Group'),
  { ...entity('e-raqqa', 'LOCATION', 'Raqqa'), place: { id: 'geonames:163915', name: 'Ar Raqqah', country: 'SYR', lat: 35.95, lon: 39.01 } },
  { ...entity('e-mosul', 'LOCATION', 'Mosul'), place: { id: 'geonames:99072', name: 'Mosul', country: 'IRQ', lat: 36.34, lon: 43.13 } },
  entity('e-nowhere', 'LOCATION', 'Nowhere'),
  entity('e-phone', 'PHONE', '+963944123456'),
  entity('e-date', 'DATE', '1 July 2017'),
];
const typeOf = new Map(entities.map((e) => [e.id, e.type]));

/** One document: its text is the names in order, so every mention's offsets are right. */
function named(id: string, src: SourceRecord, fields: Partial<DocumentRecord>, names: [string, string][]): { doc: DocumentRecord; mentions: MentionRecord[] } {
  let text = `Report ${id}: the courier met`;
  const mentions: MentionRecord[] = [];
  for (const [entityId, spelling] of names) {
    text += ' ';
    mentions.push(mention(id, entityId, typeOf.get(entityId) as EntityType, spelling, text.length));
    text += spelling + ',';
  }
  return { doc: document(id, src, text + ' and left.', fields), mentions };
}

function caseBatch(n: number, collection: string, mediaType: string, docs: ReturnType<typeof named>[], src: SourceRecord, withEntities: EntityRecord[]): IngestBatch {
  return {
    source: { ...src, collection },
    documents: docs.map((d, i) => ({ ...d.doc, position: i, mediaType })),
    newEntities: withEntities,
    entityKeys: [],
    mentions: docs.flatMap((d) => d.mentions),
  };
}

/** Stores the haul above: raqqa (also found again for idlib) and mosul. */
export async function saveViewHaul(store: Store): Promise<void> {
  const raqqa: SourceRecord = { sha256: sha(71), size: 400, path: '/haul/raqqa.json', mediaType: 'text/plain', ingestedAt: at };
  const mosul: SourceRecord = { sha256: sha(72), size: 300, path: '/haul/mosul.pdf', mediaType: 'application/pdf', ingestedAt: at };
  const raqqaDocs = [
    named('r-1', raqqa, { date: '2017-07-12', language: 'en' }, [['e-khalid', 'Abu Khalid'], ['e-azad', 'Azad Mirhan'], ['e-raqqa', 'Raqqa'], ['e-isis', 'Islamic State'], ['e-date', '1 July 2017'], ['e-khalid', 'Abu Khalid']]),
    named('r-2', raqqa, { date: '2017-08', language: 'ar' }, [['e-khalid', 'Abu Khalid'], ['e-raqqa', 'Raqqa'], ['e-phone', '+963944123456']]),
    named('r-3', raqqa, { date: '2017', language: 'en' }, [['e-azad', 'Azad Mîrhan'], ['e-raqqa', 'Raqqa']]),
    named('r-4', raqqa, { date: null, language: 'en' }, [['e-khalid', 'Abu Khalid'], ['e-azad', 'Azad Mirhan'], ['e-nowhere', 'Nowhere'], ['e-khalifa', 'Khalifa Group']]),
  ];
  const mosulDocs = [
    named('m-1', mosul, { date: '2016-05-02', language: 'en' }, [['e-khalid', 'Abou Khaled'], ['e-umm', 'Umm Sayyaf'], ['e-mosul', 'Mosul']]),
    named('m-2', mosul, { date: '2016-06', language: 'en' }, [['e-umm', 'Umm Sayyaf'], ['e-mosul', 'Mosul'], ['e-isis', 'Islamic State']]),
  ];
  await store.saveIngestBatch(caseBatch(71, 'raqqa', 'text/plain', raqqaDocs, raqqa, entities));
  await store.saveIngestBatch(caseBatch(72, 'mosul', 'application/pdf', mosulDocs, mosul, []));
  await store.addSourcePath(sha(71), '/other-haul/raqqa.json', at, null, 'idlib');
}
