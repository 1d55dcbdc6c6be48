// resolve: turns mentions into entities — one entity per real-world thing however it is spelled.
// Reads candidate entities through the store; never writes (the ingest pipeline saves the result).
export {
  resolveMentions,
  entityKeys,
  entityKeyVersion,
  nameKeyedTypes,
  keysOfEntity,
  type DocumentMentions,
  type EntityLookup,
  type ResolvedMentions,
} from './resolve-mentions.js';
