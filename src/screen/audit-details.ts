// What the audit log keeps of a screening: who was screened (as given), the hits with their scores and verdicts,
// what reviewers' decisions hid, and the document's verdict. Enough to answer "why was this person stopped, or
// not", without the explanations, which the entry's version and the engine recompute.
import type { BatchResult } from './batch.js';
import type { ScreeningResult } from './decisions.js';

/** The traveller as the request gave them, without options such as limits. */
function travellerOf(input: unknown): Record<string, unknown> {
  if (!input || typeof input !== 'object') return {};
  const { name, dob, nationality, gender, document, mrz } = input as Record<string, unknown>;
  return Object.fromEntries(Object.entries({ name, dob, nationality, gender, document, mrz }).filter(([, v]) => v !== undefined));
}

export function screeningAuditDetails(input: unknown, result: ScreeningResult): Record<string, unknown> {
  return {
    travellerKey: result.travellerKey,
    traveller: travellerOf(input),
    hits: result.candidates.map((c) => ({ entry: c.entryId, version: c.entryVersion, list: c.list, score: c.score, verdict: c.verdict })),
    suppressed: result.suppressed.map((s) => s.entryId),
    ...(result.document ? { document: { number: result.document.number, country: result.document.country, status: result.document.status, alerts: result.document.alerts } } : {}),
  };
}

/** A batch or manifest: how many were screened, and each traveller with a hit, a problem or a document alert. */
export function batchAuditDetails(results: readonly BatchResult[], source: string | null): Record<string, unknown> {
  const flagged = results
    .filter((r) => r.matches.length > 0 || r.document?.status === 'alert' || r.error !== undefined)
    .map((r) => ({
      id: r.id,
      travellerKey: r.travellerKey ?? null,
      hits: r.matches.map((m) => ({ entry: m.entry, list: m.list, score: m.score, verdict: m.verdict })),
      ...(r.document?.status === 'alert' ? { document: { number: r.document.number, alerts: r.document.alerts } } : {}),
      ...(r.error !== undefined ? { error: r.error } : {}),
    }));
  return { source, travellers: results.length, flagged };
}
