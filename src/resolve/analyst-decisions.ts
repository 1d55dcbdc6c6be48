// Analysts correcting resolution: "these two are one person" (merge) and "these mentions are someone else"
// (split). Each decision is applied to the store at once and kept, with who made it, when and why, so that every
// later resolution replays it (decisions.ts).
import type { Clock } from '../clock.js';
import { VigilError } from '../errors.js';
import type { EntityDecision, EntitySummary, Store } from '../store/index.js';
import { mergeDecision, splitDecision } from './decisions.js';
import { keysOfEntity } from './resolve-mentions.js';

export interface MergeResult {
  target: EntitySummary;
  decisions: EntityDecision[];
  /** Mentions that moved to the target. */
  moved: number;
}

export interface SplitResult {
  /** The entity split, with what is left of it. */
  entity: EntitySummary;
  newEntity: EntitySummary;
  decision: EntityDecision;
  moved: number;
}

async function liveEntity(store: Store, id: string): Promise<EntitySummary> {
  const entity = await store.getEntity(id);
  if (!entity) throw new VigilError('not-found', 'entity.unknown', `no entity with id "${id}" (see \`vigil entities\`)`);
  if (entity.mergedInto) throw new VigilError('conflict', 'entity.merged', `entity ${id} was merged into ${entity.mergedInto}; use that one`);
  return entity;
}

/** Merges each of `others` into `targetId`, one decision each, in the order given. */
export async function mergeEntities(store: Store, clock: Clock, targetId: string, others: string[], actor: string, note: string | null = null): Promise<MergeResult> {
  if (others.length === 0) throw new VigilError('input', 'entity.merge-nothing', 'name at least one entity to merge into the target');
  await liveEntity(store, targetId);
  for (const id of others) await liveEntity(store, id);
  const decisions: EntityDecision[] = [];
  let moved = 0;
  for (const id of new Set(others)) {
    const decision = mergeDecision(targetId, id, actor, clock.now().toISOString(), note);
    moved += (await store.mergeEntities(decision)).moved;
    decisions.push(decision);
  }
  return { target: await liveEntity(store, targetId), decisions, moved };
}

/**
 * Splits off the mentions of `entityId` written as one of `names` (any, when empty) in one of `documents` (any,
 * when empty) into a new entity. Lookup keys of both are recomputed from the spellings each keeps.
 */
export async function splitEntity(
  store: Store,
  clock: Clock,
  entityId: string,
  selection: { names?: string[]; documents?: string[] },
  actor: string,
  note: string | null = null,
): Promise<SplitResult> {
  const entity = await liveEntity(store, entityId);
  const names = selection.names ?? [];
  const documents = selection.documents ?? [];
  const decision = splitDecision(entityId, { names, documents }, actor, clock.now().toISOString(), note);
  const mentions = await store.mentionsOfEntity(entityId);
  const nameSet = new Set(names);
  const documentSet = new Set(documents);
  const selected = (m: { text: string; documentId: string }) =>
    (nameSet.size === 0 || nameSet.has(m.text)) && (documentSet.size === 0 || documentSet.has(m.documentId));
  const moving = [...new Set(mentions.filter(selected).map((m) => m.text))];
  const staying = [...new Set(mentions.filter((m) => !selected(m)).map((m) => m.text))];
  const keys = [
    ...keysOfEntity({ id: entityId, type: entity.type, name: staying[0] ?? entity.name, aliases: staying.slice(1) }),
    ...(moving.length > 0 ? keysOfEntity({ id: decision.newEntity, type: entity.type, name: moving[0]!, aliases: moving.slice(1) }) : []),
  ];
  const { moved } = await store.splitEntity(decision, keys);
  return { entity: await liveEntity(store, entityId), newEntity: await liveEntity(store, decision.newEntity), decision, moved };
}
