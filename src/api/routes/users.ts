import { z } from 'zod';
import { VigilError } from '../../errors.js';
import type { Principal } from '../../access/index.js';
import { defineRoute, signedIn } from '../route.js';

const addBody = z.object({
  name: z.string().trim().min(1).max(64),
  role: z.string().trim().min(1),
  collections: z.array(z.string().trim().min(1)).max(200).default([]),
});
const changeBody = z.object({ role: z.string().trim().min(1).optional(), collections: z.array(z.string().trim().min(1)).max(200).optional() });
const tag = 'users';

/** An administrator may not lock themselves out: another administrator must disable or demote them. */
function notSelf(input: { principal: Principal | null }, name: string, what: string): void {
  if (signedIn(input).actor === `user:${name}`) throw new VigilError('conflict', 'access.self', `you cannot ${what} your own account; another administrator can`);
}

export const userRoutes = [
  defineRoute({
    method: 'GET', path: '/api/users', tag, access: 'users:manage',
    summary: 'Every user: name, role, collections, whether disabled or not signed in yet (never a password)',
    handle: async ({ vigil }) => ({ results: await vigil.access.listUsers() }),
  }),
  defineRoute({
    method: 'GET', path: '/api/collections', tag, access: 'users:manage',
    summary: 'Every collection (case) and how many sources are in it, to give users access to',
    handle: async ({ vigil }) => ({ results: await vigil.collections() }),
  }),
  defineRoute({
    method: 'POST', path: '/api/users', tag, access: 'users:manage', body: addBody, status: 201,
    summary: 'Add a user with a role and collections; answers a one-time password, shown this once, to be changed at first sign-in',
    handle: async (input) => input.vigil.access.addUser(input.body, signedIn(input).actor),
  }),
  defineRoute({
    method: 'PUT', path: '/api/users/:name', tag, access: 'users:manage', body: changeBody,
    summary: "Change a user's role and/or collections (what is left out stays as it is; holds from their next request on)",
    handle: async (input) => {
      if (input.body.role !== undefined) notSelf(input, input.params.name!, 'change the role of');
      return input.vigil.access.changeUser(input.params.name!, input.body, signedIn(input).actor);
    },
  }),
  defineRoute({
    method: 'POST', path: '/api/users/:name/disable', tag, access: 'users:manage',
    summary: "Disable a user: their sessions end and their tokens stop working at once",
    handle: async (input) => {
      notSelf(input, input.params.name!, 'disable');
      return input.vigil.access.setDisabled(input.params.name!, true, signedIn(input).actor);
    },
  }),
  defineRoute({
    method: 'POST', path: '/api/users/:name/enable', tag, access: 'users:manage',
    summary: 'Enable a disabled user again',
    handle: async (input) => input.vigil.access.setDisabled(input.params.name!, false, signedIn(input).actor),
  }),
  defineRoute({
    method: 'POST', path: '/api/users/:name/reset-password', tag, access: 'users:manage',
    summary: "Give a user a new one-time password (shown this once) and end their sessions",
    handle: async (input) => input.vigil.access.resetPassword(input.params.name!, signedIn(input).actor),
  }),
];
