// screen: checks travellers against watchlist entries and explains every candidate it returns.
// Pure scoring over entries handed in; loading and caching the entries is the caller's job.
export { CandidateIndex } from './candidate-index.js';
export { ScreeningIndex } from './screening-index.js';
export { screenTraveller, travellerInput, type ScreeningCandidate, type ScreenOptions, type Traveller } from './screen-traveller.js';
