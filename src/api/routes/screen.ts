import { z } from 'zod';
import { travellerInput } from '../../screen/index.js';
import { ndjsonResponse, progressLines } from '../ndjson.js';
import { rawBodyText } from '../raw-body.js';
import { defineRoute, signedIn } from '../route.js';

const screenOptions = {
  limit: z.number().int().min(1).max(100).optional(),
  minScore: z.number().min(0).max(1).optional(),
};
// A machine-readable zone alone is enough: the name, birth date, nationality and document are read from it.
const screenBody = travellerInput
  .extend({ name: travellerInput.shape.name.optional(), mrz: z.string().trim().min(1).max(300).optional(), ...screenOptions })
  .refine((body) => body.name !== undefined || body.mrz !== undefined, { message: 'a name or an MRZ is required', path: ['name'] });
// Each traveller is checked by the screener itself, so that one bad row is reported in its place, not as a 400.
const batchBody = z.object({
  travellers: z
    .array(z.looseObject({ id: z.string().min(1, 'each traveller needs an id') }))
    .min(1, 'at least one traveller')
    .max(10_000, 'at most 10,000 travellers a request'),
  ...screenOptions,
});
const decisionBody = z.object({
  travellerKey: z.string().min(1),
  entryId: z.string().min(1),
  decision: z.enum(['true-match', 'false-match']),
  note: z.string().max(2000).optional(),
});
const decisionsQuery = z.object({ travellerKey: z.string().min(1, 'is required') });
const checkBody = z.union([
  z.object({ mrz: z.string().trim().min(1).max(300) }),
  z.object({ number: z.string().trim().min(1).max(40), country: z.string().trim().min(1).max(3).optional() }),
]);
const manifestQuery = z.object({
  filename: z.string().trim().min(1).max(255),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  minScore: z.coerce.number().min(0).max(1).optional(),
});
const tag = 'screening';
const took = (started: number) => Math.round((performance.now() - started) * 100) / 100;

export const screenRoutes = [
  defineRoute({
    method: 'POST', path: '/api/screen/decisions', tag, access: 'screen', body: decisionBody, status: 201,
    summary: 'Record a true- or false-match decision on a hit for a traveller',
    handle: async (input) => input.vigil.decide(input.body, signedIn(input).actor),
  }),
  defineRoute({
    method: 'GET', path: '/api/screen/decisions', tag, access: 'screen', query: decisionsQuery,
    summary: "Reviewers' decisions on one traveller's hits",
    handle: async ({ vigil, query }) => ({ results: await vigil.decisions(query.travellerKey) }),
  }),
  defineRoute({
    method: 'POST', path: '/api/screen', tag, access: 'screen', body: screenBody,
    summary: 'Screen one traveller (a name, birth date, nationality, document, or an MRZ alone) against the watchlists',
    async handle(input) {
      const { limit, minScore, ...traveller } = input.body;
      const started = performance.now();
      const result = await input.vigil.screen(traveller, { limit, minScore }, signedIn(input).actor);
      return { ...result, tookMs: took(started) };
    },
  }),
  defineRoute({
    method: 'POST', path: '/api/screen/batch', tag, access: 'screen', body: batchBody, maxBodyBytes: 16 * 1024 * 1024,
    summary: 'Screen up to 10,000 travellers (a manifest); a traveller that cannot be read is reported in its place',
    async handle(input) {
      const started = performance.now();
      const travellers = input.body.travellers.map(({ id, ...traveller }) => ({ id, traveller }));
      const results = await input.vigil.screenBatch(travellers, { limit: input.body.limit, minScore: input.body.minScore }, undefined, signedIn(input).actor);
      return { results, tookMs: took(started) };
    },
  }),
  defineRoute({
    method: 'POST', path: '/api/screen/manifest', tag, access: 'screen', query: manifestQuery, maxBodyBytes: 16 * 1024 * 1024,
    rawBody: 'The manifest itself: CSV (id,name,dob,nationality,gender,document_number,document_country) or UN/EDIFACT PAXLST, up to 16 MiB',
    responseType: 'application/x-ndjson',
    summary: 'Screen a manifest sent as the body; answers NDJSON: {type:"progress",done,total} lines, then {type:"result",results,problems,tookMs} (or {type:"error",error})',
    async handle(input) {
      const started = performance.now();
      const { filename, limit, minScore } = input.query;
      // Read before the answer starts: a manifest that cannot be read at all is a plain 400.
      const manifest = input.vigil.readManifestText(await rawBodyText(input.c, 'manifest'), filename);
      const actor = signedIn(input).actor;
      return ndjsonResponse(input.logger, async (send) => {
        const { results, problems } = await input.vigil.screenManifestTravellers(manifest, filename, { limit, minScore }, progressLines(send), actor);
        await send({ type: 'result', results, problems, tookMs: took(started) });
      });
    },
  }),
  defineRoute({
    method: 'POST', path: '/api/docs/check', tag, access: 'screen', body: checkBody,
    summary: 'Check a travel document, by MRZ or by number, against the registry of stolen, lost and blank documents',
    handle: async (input) => input.vigil.checkDocument(input.body, signedIn(input).actor),
  }),
];
