import { z } from 'zod';
import { defineRoute, readerOf } from '../route.js';

const listQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const tag = 'documents';

export const documentRoutes = [
  defineRoute({
    method: 'GET', path: '/api/documents', tag, access: 'haul:read', query: listQuery,
    summary: 'Documents in the order they were stored, with provenance and length but not their text',
    async handle(input) {
      const page = await input.vigil.documents(input.query, readerOf(input));
      return { ...page, results: page.results.map(({ text, ...rest }) => ({ ...rest, characters: text.length })) };
    },
  }),
  defineRoute({
    method: 'GET', path: '/api/documents/:id', tag, access: 'haul:read',
    summary: 'One document with its text (recorded in the audit log)',
    handle: async (input) => input.vigil.document(input.params.id!, readerOf(input)),
  }),
  defineRoute({
    method: 'GET', path: '/api/documents/:id/original', tag, access: 'haul:read',
    summary: "The document's original file, byte for byte as seized (recorded in the audit log as a download)",
    async handle(input) {
      const { document, bytes } = await input.vigil.original(input.params.id!, readerOf(input));
      // The name as found, reduced to safe characters: it goes into a header.
      const name = (document.path.split(/[\\/!]/).pop() || 'original').replace(/[^\w.\-]+/g, '_').slice(0, 120);
      return input.c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': document.mediaType.includes('/') ? document.mediaType : 'application/octet-stream',
        'content-disposition': `attachment; filename="${name}"`,
        'x-content-sha256': document.sha256,
      });
    },
  }),
  defineRoute({
    method: 'GET', path: '/api/documents/:id/mentions', tag, access: 'haul:read',
    summary: 'Every mention found in a document, in text order',
    handle: async (input) => ({ results: await input.vigil.documentMentions(input.params.id!, readerOf(input)) }),
  }),
];
