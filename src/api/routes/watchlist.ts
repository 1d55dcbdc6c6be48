import { z } from 'zod';
import { principalCan } from '../../access/index.js';
import { defaultList, listFormats, watchlistEntryInput } from '../../watchlist/index.js';
import { rawBodyText } from '../raw-body.js';
import { defineRoute, readerOf, signedIn } from '../route.js';
import { validOptionalBody } from '../validate.js';

const statuses = ['active', 'proposed', 'removed'] as const;
const listQuery = z.object({
  list: z.string().optional(),
  status: z.enum(statuses).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  // The workbench reads a list of up to 5,000 in one go and scrolls it virtually.
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
  offset: z.coerce.number().int().min(0).default(0),
});
const addBody = watchlistEntryInput.extend({ list: z.string().trim().min(1).default(defaultList) });
const note = z.string().trim().max(2000);
// The list is optional here: an edit that leaves it out keeps the entry on its list.
const updateBody = watchlistEntryInput.extend({ list: z.string().trim().min(1).optional(), note: note.optional() });
const removeQuery = z.object({ reason: note.optional() });
const approveBody = z.object({ note: note.optional() });
const rejectBody = z.object({ reason: note.min(1, 'say why the proposal is rejected') });
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const importQuery = z.object({
  filename: z.string().trim().min(1).max(255),
  list: z.string().trim().regex(/^[\w.-]+$/, 'a list name of letters, digits, dot, dash or underscore').optional(),
  format: z.enum(listFormats).optional(),
  dryRun: flag.default(false),
  partial: flag.default(false),
});
const thresholdsBody = z.object({ match: z.number().gt(0).max(1), review: z.number().gt(0).max(1) });
const promoteBody = z.object({ entityId: z.string().min(1), list: z.string().trim().min(1).default(defaultList) });
const tag = 'watchlist';

export const watchlistRoutes = [
  defineRoute({
    method: 'GET', path: '/api/watchlist/thresholds', tag, access: 'watchlist:read',
    summary: "Each list's match and review thresholds, and the defaults",
    handle: async ({ vigil }) => vigil.thresholds(),
  }),
  defineRoute({
    method: 'PUT', path: '/api/watchlist/thresholds/:list', tag, access: 'watchlist:edit', body: thresholdsBody,
    summary: "Set a list's thresholds (0 < review ≤ match ≤ 1)",
    handle: async (input) => input.vigil.setThresholds(input.params.list!, input.body, signedIn(input).actor),
  }),
  defineRoute({
    method: 'GET', path: '/api/watchlist/:id/history', tag, access: 'watchlist:read',
    summary: "An entry's versions: who changed what, when",
    handle: async (input) => ({ results: await input.vigil.watchlistHistory(input.params.id!, readerOf(input)) }),
  }),
  defineRoute({
    method: 'GET', path: '/api/watchlist', tag, access: 'watchlist:read', query: listQuery,
    summary: 'Watchlist entries (of one list or status; q: a piece of a name, alias or reference), a page of them with limit and offset, and the total',
    handle: async (input) => {
      const { limit, offset, ...filter } = input.query;
      return input.vigil.watchlistPage(filter, { offset, limit }, readerOf(input));
    },
  }),
  defineRoute({
    method: 'POST', path: '/api/watchlist', tag, access: 'watchlist:edit', body: addBody, status: 201,
    summary: 'Add an entry (names in every script, birth dates, nationalities, documents)',
    handle: async (input) => {
      const { list, ...entry } = input.body;
      return input.vigil.addWatchlistEntry(entry, list, signedIn(input).actor);
    },
  }),
  defineRoute({
    method: 'POST', path: '/api/watchlist/promote', tag, access: 'watchlist:propose', body: promoteBody,
    summary: "Promote a person from the haul to a list (201 when the entry is new); without watchlist:edit it is only proposed, not screened until approved",
    handle: async (input) => {
      const { actor, scope } = readerOf(input);
      const status = principalCan(signedIn(input), 'watchlist:edit') ? 'active' : 'proposed';
      const result = await input.vigil.promote(input.body.entityId, input.body.list, actor, scope, status);
      return input.c.json(result, result.created ? 201 : 200);
    },
  }),
  defineRoute({
    method: 'POST', path: '/api/watchlist/import', tag, access: 'watchlist:edit', query: importQuery, maxBodyBytes: 64 * 1024 * 1024,
    rawBody: 'The list file itself (Vigil JSON, UN XML, FollowTheMoney JSON lines or plain CSV), up to 64 MiB',
    summary: 'Import a list file sent as the body (format from filename unless given); with dryRun=1 nothing is written and the report says what would change',
    handle: async (input) => {
      const text = await rawBodyText(input.c, 'list file');
      const { filename, ...options } = input.query;
      return input.vigil.importWatchlistText(text, filename, { ...options, actor: signedIn(input).actor });
    },
  }),
  defineRoute({
    method: 'PUT', path: '/api/watchlist/:id', tag, access: 'watchlist:edit', body: updateBody,
    summary: "Replace what an entry says (fields left out are cleared; list left out: it stays), with a note saying why; a new version in its history",
    handle: async (input) => {
      const { list, note: why, ...entry } = input.body;
      return input.vigil.updateWatchlistEntry(input.params.id!, entry, { list, note: why ?? null }, readerOf(input));
    },
  }),
  defineRoute({
    method: 'DELETE', path: '/api/watchlist/:id', tag, access: 'watchlist:edit', query: removeQuery,
    summary: 'Remove an entry from its list (kept with its history, no longer screened against); reason= says why',
    handle: async (input) => input.vigil.removeWatchlistEntry(input.params.id!, input.query.reason ?? null, readerOf(input)),
  }),
  defineRoute({
    method: 'POST', path: '/api/watchlist/:id/approve', tag, access: 'watchlist:edit',
    summary: "Approve an analyst's proposed entry: active, screened against from now on (optional JSON body {note})",
    handle: async (input) => {
      const body = await validOptionalBody(input.c, approveBody, {});
      return input.vigil.approveWatchlistEntry(input.params.id!, body.note ?? null, readerOf(input));
    },
  }),
  defineRoute({
    method: 'POST', path: '/api/watchlist/:id/reject', tag, access: 'watchlist:edit', body: rejectBody,
    summary: "Reject an analyst's proposed entry: removed, with the reason in its history",
    handle: async (input) => input.vigil.rejectWatchlistEntry(input.params.id!, input.body.reason, readerOf(input)),
  }),
];
