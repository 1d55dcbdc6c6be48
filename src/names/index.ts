// names: pure name normalisation, variant keys and comparison, shared by resolution and screening.
// No I/O and no imports from other Vigil modules.
export {
  normaliseText,
  tokeniseName,
  foldToken,
  skeletonKey,
  syllablePattern,
  phoneticKeys,
  nameBlockingKey,
  nameTokenKeys,
  type NameToken,
} from './normalise.js';
export { memoiseString } from './memo.js';
export { transliterate, detectScript, type Script } from './transliterate.js';
export { jaroWinkler, editDistanceWithin, bigrams, bigramsNeeded, shareEnoughBigrams } from './similarity.js';
export {
  compareNames,
  compareTokenisedNames,
  compareTokens,
  explainComparison,
  fuseTokens,
  fusionKey,
  mayBeFused,
  soundKeys,
  fusedArticle,
  isFusable,
  tokenThreshold,
  tokenWeight,
  type NameComparison,
  type TokenMatch,
  type TokenMatchKind,
  type TokenComparison,
} from './compare.js';
