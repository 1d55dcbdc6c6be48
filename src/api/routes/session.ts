import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { defaultSessionLimits, sessionCookie } from '../../access/index.js';
import { clientAddress, isSecureRequest } from '../client.js';
import { defineRoute, signedIn } from '../route.js';

const signInBody = z.object({
  name: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024).optional(),
});
const tag = 'session';

export const sessionRoutes = [
  defineRoute({
    method: 'POST', path: '/api/session', tag, access: 'public', body: signInBody,
    summary: 'Sign in with a password: sets the session cookie and returns the anti-forgery token to send as X-CSRF-Token',
    async handle({ vigil, body, c }) {
      const signed = await vigil.access.signIn(body, clientAddress(c));
      setCookie(c, sessionCookie, signed.cookie, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isSecureRequest(c),
        path: '/',
        maxAge: Math.floor(defaultSessionLimits.absoluteMs / 1000),
      });
      return { user: signed.user, csrf: signed.csrf };
    },
  }),
  defineRoute({
    method: 'DELETE', path: '/api/session', tag, access: 'signed-in',
    summary: 'Sign out: the session ends for good, wherever its cookie is',
    async handle(input) {
      const cookie = getCookie(input.c, sessionCookie);
      if (cookie) await input.vigil.access.signOut(cookie, signedIn(input).actor);
      deleteCookie(input.c, sessionCookie, { path: '/', secure: isSecureRequest(input.c) });
      return { signedOut: true };
    },
  }),
];
