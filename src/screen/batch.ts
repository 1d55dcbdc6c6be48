// Screening many travellers: one result per traveller, in order, never stopping half-way (STYLE §17).
import { VigilError } from '../errors.js';
import type { ScreeningCandidate, ScreenOptions } from './screen-traveller.js';

export interface BatchMatch {
  entry: string;
  list: string;
  sourceId: string | null;
  name: string;
  score: number;
  verdict: ScreeningCandidate['verdict'];
  explanation: string;
}

export interface BatchResult {
  id: string;
  /** Best first; empty for a clear traveller. */
  matches: BatchMatch[];
  /** Set instead of matches when this traveller's data could not be screened. */
  error?: string;
}

export function toBatchMatch(c: ScreeningCandidate): BatchMatch {
  return { entry: c.entryId, list: c.list, sourceId: c.ref, name: c.name, score: c.score, verdict: c.verdict, explanation: c.reason };
}

export function screenBatch(
  travellers: { id: string; traveller: unknown }[],
  screen: (traveller: unknown, options: ScreenOptions) => ScreeningCandidate[],
  options: ScreenOptions = {},
  onProgress?: (done: number, total: number) => void,
): BatchResult[] {
  return travellers.map(({ id, traveller }, i) => {
    onProgress?.(i, travellers.length);
    try {
      return { id, matches: screen(traveller, options).map(toBatchMatch) };
    } catch (error) {
      if (error instanceof VigilError && error.kind === 'input') return { id, matches: [], error: error.message };
      throw error;
    }
  });
}
