// Screening many travellers: one result per traveller, in order, never stopping half-way (STYLE §17).
import { VigilError } from '../errors.js';
import type { DecidedCandidate, ScreeningResult } from './decisions.js';
import type { DocumentVerdict } from './document-check.js';

export interface BatchMatch {
  entry: string;
  list: string;
  sourceId: string | null;
  name: string;
  score: number;
  verdict: DecidedCandidate['verdict'];
  explanation: string;
  /** A reviewer's earlier decision on this traveller and entry, if any. */
  decision?: DecidedCandidate['decision'];
}

export interface BatchResult {
  id: string;
  travellerKey?: string;
  /** Best first; empty for a clear traveller. */
  matches: BatchMatch[];
  /** Hits not raised because a reviewer marked them false matches for this traveller. */
  suppressed?: number;
  /** The document verdict, when the traveller came with a document number or an MRZ. */
  document?: DocumentVerdict;
  /** Set instead of matches when this traveller's data could not be screened. */
  error?: string;
}

export function toBatchMatch(c: DecidedCandidate): BatchMatch {
  const match: BatchMatch = { entry: c.entryId, list: c.list, sourceId: c.ref, name: c.name, score: c.score, verdict: c.verdict, explanation: c.reason };
  if (c.decision) match.decision = c.decision;
  return match;
}

export async function screenBatch(
  travellers: { id: string; traveller: unknown }[],
  screen: (traveller: unknown) => Promise<ScreeningResult>,
  /** Awaited when it returns a promise: a streamed answer lets the progress reach the client. */
  onProgress?: (done: number, total: number) => void | Promise<void>,
): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  for (const [i, { id, traveller }] of travellers.entries()) {
    await onProgress?.(i, travellers.length);
    try {
      const result = await screen(traveller);
      const entry: BatchResult = { id, travellerKey: result.travellerKey, matches: result.candidates.map(toBatchMatch) };
      if (result.suppressed.length > 0) entry.suppressed = result.suppressed.length;
      if (result.document) entry.document = result.document;
      results.push(entry);
    } catch (error) {
      if (!(error instanceof VigilError) || error.kind !== 'input') throw error;
      results.push({ id, matches: [], error: error.message });
    }
  }
  await onProgress?.(travellers.length, travellers.length);
  return results;
}
