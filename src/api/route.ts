// One API route as data: method, path, the permission it needs, the schemas of its query and body, and its handler.
// The server mounts every route from these, with sign-in, the permission check and validation in front of each;
// the OpenAPI description is generated from the same records, and the access matrix test walks them.
import type { Context } from 'hono';
import type { z } from 'zod';
import { scopeOf, type Permission, type Principal } from '../access/index.js';
import type { Reader, Vigil } from '../app.js';
import type { Logger } from '../logger.js';

/** What the server sets on every request's context for the routes. */
export interface ApiEnv {
  Variables: {
    version: string;
    /** Whether X-Forwarded-For and X-Forwarded-Proto come from a proxy we trust. */
    trustProxy: boolean;
    /** The anti-forgery token of the request's browser session; null for tokens and public routes. */
    csrf: string | null;
  };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** 'public': no sign-in (health, the OpenAPI description, signing in); 'signed-in': any signed-in user. */
export type Access = Permission | 'signed-in' | 'public';

export interface RouteInput<Q, B> {
  vigil: Vigil;
  /** Null on public routes only. */
  principal: Principal | null;
  params: Record<string, string>;
  query: Q;
  body: B;
  /** The raw request, for the few routes that set cookies or read headers. */
  c: Context<ApiEnv>;
  /** For what a streamed answer cannot tell the client after it has begun. */
  logger: Logger;
}

/** A handler's answer: a JSON body (status 200, or the route's `status`), or a full Response. */
export type RouteOutput = unknown;

export interface ApiRoute<Q = unknown, B = unknown> {
  method: HttpMethod;
  /** Hono's form, under /api: '/api/documents/:id'. */
  path: string;
  summary: string;
  /** The OpenAPI tag: the resource. */
  tag: string;
  access: Access;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Largest request body accepted (default 1 MiB). */
  maxBodyBytes?: number;
  /** For a route that takes a file as its raw body (no `body` schema): what the file is, for the OpenAPI description. */
  rawBody?: string;
  /** The media type of a successful answer when it is not JSON (a stream of NDJSON lines). */
  responseType?: string;
  /** The status of a successful answer (default 200). */
  status?: number;
  handle(input: RouteInput<Q, B>): Promise<RouteOutput>;
}

/** Types a route from its schemas (the handler sees the parsed query and body). */
export function defineRoute<Q = undefined, B = undefined>(route: ApiRoute<Q, B>): ApiRoute {
  return route as unknown as ApiRoute;
}

/** Who reads, for the haul's routes: the signed-in user's actor and collections. */
export function readerOf(input: { principal: Principal | null }): Reader {
  const principal = signedIn(input);
  return { actor: principal.actor, scope: scopeOf(principal) };
}

/** The principal of a route that is not public (the server refuses the request before the handler otherwise). */
export function signedIn(input: { principal: Principal | null }): Principal {
  if (!input.principal) throw new Error('a route that needs sign-in was reached without it');
  return input.principal;
}
