// The OpenAPI 3.1 description, generated from the route records and the zod schemas the server validates with,
// so the description cannot drift from what the server accepts.
import { z } from 'zod';
import type { ApiRoute } from './route.js';

type Json = Record<string, unknown>;

const errorSchema: Json = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
};

const schemaOf = (schema: z.ZodType): Json => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;

function operation(route: ApiRoute): Json {
  const params: Json[] = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  if (route.query) {
    const query = schemaOf(route.query) as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) params.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
  }
  const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  const responses: Json = { [String(route.status ?? 200)]: { description: 'done', content: { [route.responseType ?? 'application/json']: { schema: {} } } }, 400: error('the request is not valid: the message names the field and why') };
  if (route.access !== 'public') {
    responses[401] = error('not signed in, or the token or session is not valid');
    responses[429] = error('too many requests from this caller; wait the Retry-After seconds');
  }
  if (route.access !== 'public' && route.access !== 'signed-in') responses[403] = error(`the caller's role lacks ${route.access}`);
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/^\/api/, '').replace(/\/:?(\w)(\w*)/g, (_m, a: string, b: string) => a.toUpperCase() + b).replace(/[^\w]/g, '')}`,
    summary: route.summary,
    tags: [route.tag],
    'x-vigil-permission': route.access,
    ...(route.access === 'public' ? { security: [] } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body) } } } } : {}),
    ...(route.rawBody
      ? { requestBody: { required: true, description: route.rawBody, content: Object.fromEntries(['text/plain', 'application/octet-stream'].map((type) => [type, { schema: { type: 'string' } }])) } }
      : {}),
    responses,
  };
}

export function openApiDocument(routes: readonly ApiRoute[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Vigil API', version, description: 'Counter-terrorism intelligence workbench: the haul, the network, the watchlists and the checkpoint. Every call is limited to what the caller\'s role and collections allow.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `vigil tokens create` (vigil_t_…)' },
        session: { type: 'apiKey', in: 'cookie', name: 'vigil_session', description: 'A browser session from POST /api/session; changes also need the X-CSRF-Token header' },
      },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
