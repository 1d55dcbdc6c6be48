// A file sent as the raw request body (a list file to import, a manifest to screen), read as UTF-8 text.
import type { Context } from 'hono';
import { VigilError } from '../errors.js';

// A browser's <form> or FormData would wrap the file in fields: its bytes would be read as the file and fail oddly.
const wrapped = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

export async function rawBodyText(c: Context, what: string): Promise<string> {
  const type = c.req.header('content-type') ?? '';
  if (wrapped.test(type)) throw new VigilError('input', 'api.raw-body', `send the ${what} itself as the request body (text/plain or application/octet-stream), not as a form`);
  // Not fatal on bad bytes, as the command line reads files: a stray byte becomes U+FFFD in the one field it is in.
  const text = new TextDecoder('utf-8').decode(await c.req.arrayBuffer());
  if (text.trim() === '') throw new VigilError('input', 'api.empty-body', `the request body is empty: send the ${what}`);
  return text;
}
