import type { FastifyInstance } from 'fastify';
import { DomainError } from '../core/errors.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses (403) a state-changing request that a browser says came from another site: the Origin header, or
 * failing that the Referer's origin, must be the site's own (NEWSDESK_SITE_URL). Works beside the CSRF
 * token, not instead of it. Requests with neither header pass (the token still guards them), and so do API
 * calls (an Authorization header and no cookies: nothing a browser would attach on its own).
 */
export function registerOriginCheck(app: FastifyInstance, siteUrl: string): void {
  const own = new URL(siteUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method)) return;
    if (request.headers.authorization && !request.headers.cookie) return;
    const origin = request.headers.origin ?? refererOrigin(request.headers.referer);
    if (origin === undefined || origin === own) return;
    // The error handler answers (inside the newsroom for its pages).
    throw new DomainError('FORBIDDEN', `Refused: this request came from another site (${origin}). Changes can only be made from the pages of ${own}; go there and try again.`);
  });
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    // An unreadable Referer cannot show the request came from here; treat it like an opaque origin.
    return 'null';
  }
}
