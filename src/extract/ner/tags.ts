// The model's tag set (BIO over PER, ORG, LOC), the transitions BIO allows, and the decoder from tags to spans.
import type { EntityType } from '../../store/index.js';

export const nerTags = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export type NerTag = (typeof nerTags)[number];
export type NerType = 'PER' | 'ORG' | 'LOC';

export const entityTypeOf: Record<NerType, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOCATION' };

const tagIndex = new Map<string, number>(nerTags.map((t, i) => [t, i]));

export function tagId(tag: string): number {
  const id = tagIndex.get(tag);
  if (id === undefined) throw new Error(`unknown NER tag "${tag}" (expected one of ${nerTags.join(', ')})`);
  return id;
}

/** Whether BIO lets `next` follow `previous` (null: the sentence start). An I- continues only its own type. */
export function allowedTransition(previous: string | null, next: string): boolean {
  if (!next.startsWith('I-')) return true;
  if (previous === null || previous === 'O') return false;
  return previous.slice(2) === next.slice(2);
}

export interface TagSpan {
  type: NerType;
  /** First token of the span. */
  start: number;
  /** One past the last token. */
  end: number;
}

/**
 * Spans from BIO tags, read as conlleval reads them: an I- that does not continue a span of its own type
 * (after O, at the start, or after another type) opens a new span rather than being dropped.
 */
export function spansFromTags(tags: readonly string[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let open: TagSpan | null = null;
  tags.forEach((tag, i) => {
    const type = tag === 'O' ? null : (tag.slice(2) as NerType);
    const continues = open !== null && tag.startsWith('I-') && open.type === type;
    if (continues) {
      open!.end = i + 1;
      return;
    }
    if (open) spans.push(open);
    open = type ? { type, start: i, end: i + 1 } : null;
  });
  if (open) spans.push(open);
  return spans;
}
