import { z } from 'zod';
import type { AuditRecord } from '../../access/index.js';
import { defineRoute } from '../route.js';

const pageQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  since: z.iso.datetime({ offset: true }).optional(),
});
const tag = 'audit';

export const auditRoutes = [
  defineRoute({
    method: 'GET', path: '/api/audit', tag, access: 'audit:read', query: pageQuery,
    summary: 'Audit records in order after sequence number `after` (and at or after `since`), with each one\'s hash',
    async handle({ vigil, query }) {
      const page = await vigil.access.auditRecordsFrom(query.after, query.limit + 1, query.since === undefined ? null : new Date(query.since).toISOString());
      const more = page.length > query.limit;
      const results: AuditRecord[] = page.slice(0, query.limit);
      return { results: results.map((r) => ({ ...r, details: JSON.parse(r.details) as unknown })), next: more ? results[results.length - 1]!.seq : null };
    },
  }),
  defineRoute({
    method: 'GET', path: '/api/audit/verify', tag, access: 'audit:read',
    summary: "Checks the audit log's hash chain: records checked, the head to keep as an anchor, the first break if any",
    handle: async ({ vigil }) => vigil.access.verifyAudit(),
  }),
];
