// screen: checks travellers and passenger manifests against watchlist entries, through a candidate index,
// and explains every candidate it returns. Pure: loading entries and reading files is the caller's job.
export { CandidateIndex } from './candidate-index.js';
export { ScreeningIndex } from './screening-index.js';
export {
  screenTraveller,
  travellerInput,
  minNameScore,
  reviewThreshold,
  matchThreshold,
  type ScreeningCandidate,
  type ScreenOptions,
  type Traveller,
  type Verdict,
  type FactorContribution,
  type Thresholds,
} from './screen-traveller.js';
export { applyDecisions, type DecidedCandidate, type ScreeningResult, type SuppressedHit } from './decisions.js';
export { travellerKey } from './traveller-key.js';
export { parseTraveller } from './screen-traveller.js';
export { parseManifest, readManifest, manifestColumns, type ManifestTraveller, type ParsedManifest } from './manifest.js';
export { screenBatch, toBatchMatch, type BatchMatch, type BatchResult } from './batch.js';
export { readTravellerDocument, documentVerdict, type Consistency, type DocumentVerdict, type TravellerDocument } from './document-check.js';
export { batchAuditDetails, screeningAuditDetails } from './audit-details.js';
