// Analysts' merges and splits, replayed over what resolution decides, so that a re-run (a new model, new rules,
// a re-extracted document) never undoes them: a mention resolved to a merged entity goes to the one it was merged
// into, and a mention a split selected goes to the entity split off — in the order the decisions were made.
import { createHash } from 'node:crypto';
import type { EntityDecision, EntityMerge, EntitySplit } from '../store/index.js';

export interface DecisionReplay {
  /** The entity a mention resolved to `entityId`, written `text` in `documentId`, belongs to after every decision. */
  entityFor(entityId: string, text: string, documentId: string): string;
  readonly size: number;
}

/** Builds the replay of `decisions` (oldest first, as the store lists them). */
export function decisionReplay(decisions: readonly EntityDecision[]): DecisionReplay {
  // Each decision indexed under the entity it moves mentions away from, with its place in the sequence.
  const bySource = new Map<string, { order: number; decision: EntityDecision }[]>();
  decisions.forEach((decision, order) => {
    const source = decision.kind === 'merge' ? decision.merged : decision.entity;
    const list = bySource.get(source) ?? [];
    list.push({ order, decision });
    bySource.set(source, list);
  });
  const names = new Map<EntitySplit, Set<string>>();
  const documents = new Map<EntitySplit, Set<string>>();
  for (const d of decisions) {
    if (d.kind !== 'split') continue;
    names.set(d, new Set(d.names));
    documents.set(d, new Set(d.documents));
  }
  const selects = (d: EntitySplit, text: string, documentId: string) =>
    (d.names.length === 0 || names.get(d)!.has(text)) && (d.documents.length === 0 || documents.get(d)!.has(documentId));

  return {
    size: decisions.length,
    entityFor(entityId, text, documentId) {
      let current = entityId;
      let after = -1;
      // Each step moves strictly later in the sequence, so the walk ends after at most `decisions.length` steps.
      for (;;) {
        const next = bySource.get(current)?.find(({ order, decision }) => order > after && (decision.kind === 'merge' || selects(decision, text, documentId)));
        if (!next) return current;
        current = next.decision.kind === 'merge' ? next.decision.target : next.decision.newEntity;
        after = next.order;
      }
    },
  };
}

export const noDecisions: DecisionReplay = decisionReplay([]);

function decisionId(parts: string[]): string {
  return 'd_' + createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

export function mergeDecision(target: string, merged: string, actor: string, at: string, note: string | null = null): EntityMerge {
  return { kind: 'merge', id: decisionId(['merge', target, merged, at]), target, merged, actor, at, note };
}

/**
 * A split of `entity`: the mentions written as one of `names` (all names when empty) in one of `documents` (all
 * documents when empty) go to a new entity whose id is derived from the split itself.
 */
export function splitDecision(
  entity: string,
  selection: { names: string[]; documents: string[] },
  actor: string,
  at: string,
  note: string | null = null,
): EntitySplit {
  const names = [...new Set(selection.names)].sort();
  const documents = [...new Set(selection.documents)].sort();
  const id = decisionId(['split', entity, JSON.stringify(names), JSON.stringify(documents), at]);
  const newEntity = 'e_' + createHash('sha256').update(`split\u0000${id}`).digest('hex').slice(0, 16);
  return { kind: 'split', id, entity, newEntity, names, documents, actor, at, note };
}
