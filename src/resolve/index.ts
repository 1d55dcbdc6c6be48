// resolve: turns mentions into entities — one entity per real-world thing however it is spelled — and keeps
// analysts' merges and splits. Resolution reads candidates through the store and never writes (ingest saves the
// result); analyst decisions are written through the store's merge and split.
export {
  resolveMentions,
  entityKeys,
  entityKeyVersion,
  nameKeyedTypes,
  keysOfEntity,
  type DocumentMentions,
  type EntityLookup,
  type ResolvedMentions,
  type ResolveOptions,
} from './resolve-mentions.js';
export { decisionReplay, mergeDecision, noDecisions, splitDecision, type DecisionReplay } from './decisions.js';
export { linkShortForms } from './within-document.js';
export { mergeEntities, splitEntity, type MergeResult, type SplitResult } from './analyst-decisions.js';
export { placeContextOf, placeIdentity, placeIdentityKey, type PlaceIdentity } from './places.js';
