// links: the graph read from the haul: entities mentioned together (related, the network around seeds, shortest
// paths), and place and time activity. Reads the store only; never writes, and never sees past the caller's scope.
export { entityNetwork, entityPath, heaviest, linkedTypes, relatedEntities, type EntityPath, type LinkKind, type Network, type NetworkEdge, type NetworkNode, type NetworkRequest, type PathRequest, type RelatedEntity } from './network.js';
export { entityTimeline, placesOfDocuments, type PlacesRequest } from './activity.js';
export { defaultFrontierCap, shortestPath, type PathSearchOptions, type WeightedEdge } from './shortest-path.js';
export { mentionContext, type MentionContext } from './mention-context.js';
