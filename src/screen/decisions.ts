// Reviewers' decisions applied to a screening: a hit marked a false match for this traveller is not raised again
// while the entry stays as it was; any change to the entry raises it again. Decisions are shown, never hidden.
import type { ScreeningDecision } from '../store/index.js';
import type { ScreeningCandidate } from './screen-traveller.js';
import type { DocumentVerdict } from './document-check.js';

export interface DecidedCandidate extends ScreeningCandidate {
  /** The latest decision on this traveller and entry, when there is one. */
  decision?: Pick<ScreeningDecision, 'decision' | 'actor' | 'at' | 'note' | 'entryVersion'>;
}

export interface SuppressedHit {
  entryId: string;
  name: string;
  score: number;
  decision: Pick<ScreeningDecision, 'actor' | 'at' | 'note' | 'entryVersion'>;
}

export function applyDecisions(
  candidates: ScreeningCandidate[],
  decisions: ScreeningDecision[],
): { candidates: DecidedCandidate[]; suppressed: SuppressedHit[] } {
  const latest = new Map<string, ScreeningDecision>();
  for (const d of decisions) latest.set(d.entryId, d); // oldest first: the last one wins
  const kept: DecidedCandidate[] = [];
  const suppressed: SuppressedHit[] = [];
  for (const candidate of candidates) {
    const d = latest.get(candidate.entryId);
    if (!d) {
      kept.push(candidate);
      continue;
    }
    const { decision, actor, at, note, entryVersion } = d;
    if (decision === 'false-match' && entryVersion === candidate.entryVersion) {
      suppressed.push({ entryId: candidate.entryId, name: candidate.name, score: candidate.score, decision: { actor, at, note, entryVersion } });
      continue;
    }
    kept.push({ ...candidate, decision: { decision, actor, at, note, entryVersion } });
  }
  return { candidates: kept, suppressed };
}

/** What screening one traveller answers: the key for later decisions, the candidates, and what decisions hid. */
export interface ScreeningResult {
  travellerKey: string;
  candidates: DecidedCandidate[];
  suppressed: SuppressedHit[];
  /** The document verdict, when the traveller came with a document number or an MRZ. */
  document?: DocumentVerdict;
}
