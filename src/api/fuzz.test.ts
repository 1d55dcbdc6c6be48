// Random and malformed input at every route, as the role allowed to call it (so it passes the gate and reaches
// validation and the handler): invalid JSON, wrong types, oversized fields, Unicode edge cases in bodies, queries
// and path parameters. Every answer must be a 4xx or 2xx with a JSON body, never a 5xx. Bounded by a count of runs
// per route (and a time cap, so a slow machine stops early rather than late).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { can, roles, type Role } from '../access/index.js';
import { openApiFixture, type ApiFixture } from './api.fixture.js';
import type { ApiRoute } from './route.js';
import { apiRoutes } from './server.js';

const edgeStrings = ['', ' ', '\u0000', '\uD800', '\uDFFF', '\u202E\u202D', '\uFEFF', 'é'.normalize('NFD'), 'أبو بكر البغدادي', '𝔄𝔟𝔲', '../../etc/passwd', '%00', "'; DROP TABLE users; --", '<script>', '9'.repeat(400), '-1', '1e309', 'NaN', '__proto__', 'constructor'];

const edgeString = fc.oneof(fc.constantFrom(...edgeStrings), fc.string({ maxLength: 40, unit: 'binary' }), fc.string({ minLength: 3000, maxLength: 9000, unit: 'grapheme-ascii' }));
const value: fc.Arbitrary<unknown> = fc.oneof(
  edgeString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(edgeString, { maxLength: 5 }),
  fc.dictionary(edgeString, edgeString, { maxKeys: 3 }),
  fc.anything({ maxDepth: 3 }),
);

/** The field names a route's body schema knows, so that random values meet the real fields too. */
function fieldsOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; anyOf?: { properties?: Record<string, unknown> }[] };
  return [...new Set([...Object.keys(json.properties ?? {}), ...(json.anyOf ?? []).flatMap((o) => Object.keys(o.properties ?? {}))])];
}

function bodyFor(route: ApiRoute): fc.Arbitrary<string> {
  const fields = fieldsOf(route.body);
  const shaped = fields.length > 0 ? fc.record(Object.fromEntries(fields.map((f) => [f, value])), { requiredKeys: [] }) : fc.object();
  return fc.oneof(
    shaped.map((o) => JSON.stringify(o)),
    fc.json({ maxDepth: 3 }),
    value.map((v) => JSON.stringify(v) ?? 'null'),
    fc.string({ maxLength: 60 }),
    fc.constantFrom('{', '{"name":', '[', '{"a":1}}', '\u0000', ''),
  );
}

function queryFor(route: ApiRoute): fc.Arbitrary<string> {
  const fields = [...fieldsOf(route.query), 'cursor', 'x'];
  return fc.array(fc.tuple(fc.constantFrom(...fields), edgeString), { maxLength: 4 }).map((pairs) => new URLSearchParams(pairs.map(([k, v]): [string, string] => [k, v.replace(/[\uD800-\uDFFF]/g, '')])).toString());
}

/** A role that may call the route, or null for public and signed-in routes (called with the analyst's token). */
function callerOf(route: ApiRoute): Role | null {
  if (route.access === 'public') return null;
  if (route.access === 'signed-in') return 'analyst';
  return roles.find((role) => can(role, route.access as Parameters<typeof can>[1])) ?? null;
}

describe('API fuzzing: no input gets a 5xx', () => {
  let api: ApiFixture;
  before(async () => {
    // Limits out of the way: a fuzzer signs in wrongly and calls fast, which is not what is tested here.
    api = await openApiFixture({ rateLimit: { requests: 1_000_000, windowMs: 60_000 }, access: { throttle: { perAccount: 1_000_000, perAddress: 1_000_000, windowMs: 60_000 } } });
  });
  after(() => api.close());

  for (const route of apiRoutes) {
    it(`${route.method} ${route.path}`, async () => {
      const caller = callerOf(route);
      const param = fc.oneof(edgeString, fc.constant('x')).map((p) => encodeURIComponent(p.replace(/[\uD800-\uDFFF]/g, '')) || 'x');
      await fc.assert(
        fc.asyncProperty(param, queryFor(route), bodyFor(route), fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-16'), async (p, query, body, type) => {
          const path = route.path.replace(/:(\w+)/g, p) + (query ? `?${query}` : '');
          const init: RequestInit = route.method === 'GET' ? {} : { method: route.method, headers: { 'content-type': type }, body };
          const response = await api.call(caller, path, init);
          const text = await response.text();
          assert.ok(response.status < 500, `${route.method} ${path} with ${body.slice(0, 120)}: ${response.status} ${text.slice(0, 200)}`);
          if (response.status >= 400) {
            const error = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
            assert.ok(typeof error?.code === 'string' && typeof error.message === 'string', `a JSON error: ${text.slice(0, 200)}`);
            assert.doesNotMatch(text, /at .*\.js:\d+|\/work\/|node_modules/, 'no stack trace or internal path');
          }
        }),
        { numRuns: 40, seed: 2026, interruptAfterTimeLimit: 8000, markInterruptAsFailure: false },
      );
    });
  }
});
