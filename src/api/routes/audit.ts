import { z } from 'zod';
import type { AuditRecord } from '../../access/index.js';
import type { AuditFilter } from '../../store/index.js';
import { defineRoute } from '../route.js';

const instant = z.iso.datetime({ offset: true });
const pageQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** The older name of `from`, kept for `vigil audit export`'s users. */
  since: instant.optional(),
  from: instant.optional(),
  to: instant.optional(),
  actor: z.string().min(1).optional(),
  action: z.string().min(1).optional(),
  target: z.string().min(1).optional(),
  q: z.string().min(1).optional(),
});
const tag = 'audit';
const iso = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());

export const auditRoutes = [
  defineRoute({
    method: 'GET', path: '/api/audit', tag, access: 'audit:read', query: pageQuery,
    summary: 'Audit records in order after sequence number `after`, each with its hash; narrowed by time (from, to: [from, to)), actor, action prefix, target and text in the details (q)',
    async handle({ vigil, query }) {
      const from = [iso(query.from), iso(query.since)].filter((t) => t !== undefined).sort().pop();
      const filter: AuditFilter = { from, to: iso(query.to), actor: query.actor, action: query.action, target: query.target, text: query.q };
      for (const key of Object.keys(filter) as (keyof AuditFilter)[]) if (filter[key] === undefined) delete filter[key];
      const page = await vigil.access.auditRecordsFrom(query.after, query.limit + 1, filter);
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
