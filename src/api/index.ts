// api: the HTTP surface of Vigil (JSON under /api, plus the web page). Calls only the Vigil object from app.ts.
export { apiRoutes, createApi, listen, type ApiOptions } from './server.js';
export type { ApiRoute } from './route.js';
