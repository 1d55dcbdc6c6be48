// What every pattern finder returns: a typed span of the text with a machine-readable value.
// The extractor turns these into mentions; finders themselves know nothing of the store.

export type PatternType = 'MONEY' | 'COUNT' | 'DATE' | 'COORDINATES' | 'URL';

export interface Found<Type extends PatternType, Value> {
  type: Type;
  /** Exactly `text.slice(start, end)` of the text the finder was given. */
  text: string;
  start: number;
  end: number;
  value: Value;
  confidence: number;
  /** The rule that matched, `pattern:<finder>` or `pattern:<finder>-<variant>`. */
  method: string;
}

/**
 * Keeps the earliest, then longest, of any overlapping spans, so that one finder never reports
 * two readings of the same characters ("$2 and $3 million" as a range, not also as "$3 million").
 */
export function withoutOverlaps<T extends { start: number; end: number }>(spans: T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  let reach = -1;
  for (const span of sorted) {
    if (span.start < reach) continue;
    kept.push(span);
    reach = span.end;
  }
  return kept;
}
