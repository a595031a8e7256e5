import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { parseCookies } from './admin/cookies.js';

export const SESSION_COOKIE = 'newsdesk_session';
/** Between a right password and the code of a two-step sign-in; never accepted as a session. */
export const PENDING_COOKIE = 'newsdesk_pending';

type Purpose = 'session' | 'pending';

/**
 * Signs cookie values as `token.mac` (HMAC-SHA-256 over the purpose and the token) with a key every process
 * shares, so any process can tell a cookie we issued from a made-up one without asking the database.
 */
export interface CookieSigner {
  seal(purpose: Purpose, token: string): string;
  /** The token of a value we signed for this purpose, or undefined. */
  open(purpose: Purpose, value: string | undefined): string | undefined;
}

export function cookieSigner(key: string): CookieSigner {
  const mac = (purpose: Purpose, token: string) => createHmac('sha256', key).update(`${purpose}:${token}`).digest('base64url');
  return {
    seal: (purpose, token) => `${token}.${mac(purpose, token)}`,
    open(purpose, value) {
      if (!value || value.length > 200) return undefined;
      const dot = value.lastIndexOf('.');
      if (dot <= 0) return undefined;
      const token = value.slice(0, dot);
      const given = Buffer.from(value.slice(dot + 1));
      const expected = Buffer.from(mac(purpose, token));
      return given.length === expected.length && timingSafeEqual(given, expected) ? token : undefined;
    },
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The token of a session cookie this site signed (not yet looked up: it may have ended since). */
    sessionToken?: string;
  }
}

/**
 * Reads the session cookie once per request and checks its signature, without touching the database: the
 * page cache serves everyone without a signed cookie, and anything answered to a signed-in member of staff
 * is `private, no-store`. Register before the page cache's hooks.
 */
export function registerSessionCookie(app: FastifyInstance, signer: CookieSigner): void {
  app.addHook('onRequest', async (request) => {
    const header = request.headers.cookie;
    if (!header?.includes(SESSION_COOKIE)) return;
    const token = signer.open('session', parseCookies(header).get(SESSION_COOKIE));
    if (token) request.sessionToken = token;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.sessionToken) reply.header('cache-control', 'private, no-store');
    return payload;
  });
}
