// Request validation with zod: every 400 names the parameter and what was wrong with it.
import type { Context } from 'hono';
import type { z } from 'zod';
import { VigilError } from '../errors.js';

function describe(error: z.ZodError, where: string): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${where}${i.path.length > 0 ? ' ' + i.path.join('.') : ''}: ${i.message}`)
    .join('; ');
}

export function validQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new VigilError('input', 'api.invalid-query', describe(parsed.error, 'query parameter'));
  return parsed.data;
}

export async function validBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  return checkedBody(c, await c.req.text(), schema);
}

/** A JSON body that may be left out: an empty one is `empty`, anything else must be valid. */
export async function validOptionalBody<T extends z.ZodType>(c: Context, schema: T, empty: z.output<T>): Promise<z.output<T>> {
  const text = await c.req.text();
  return text.trim() === '' ? empty : checkedBody(c, text, schema);
}

function checkedBody<T extends z.ZodType>(c: Context, text: string, schema: T): z.output<T> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/json')) throw new VigilError('input', 'api.content-type', 'send the request body as application/json');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new VigilError('input', 'api.json-syntax', 'the request body is not valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new VigilError('input', 'api.invalid-body', describe(parsed.error, 'body'));
  return parsed.data;
}
