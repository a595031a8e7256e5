import type { FastifyInstance, RouteOptions } from 'fastify';
import { hashApiToken, roleAtLeast } from '../core/access/api-token.js';
import type { ApiKey, Clock, StaffSession, Store } from '../core/ports.js';
import { can, type Capability } from '../core/access/capabilities.js';
import { sessionId } from '../core/accounts/sessions.js';
import { DomainError } from '../core/errors.js';

import type { Role } from '../core/authors/author.js';

/**
 * Who may call a route, declared on every route:
 * - 'public': anyone; cacheable pages.
 * - 'guest': anyone, never cached (sign-in and set-up forms, protected by a CSRF cookie).
 * - { apiKey: role }: a REST client with a key of at least that role.
 * - { staff: capability }: a signed-in member of staff whose role has that capability.
 */
export type RouteAccess = 'public' | 'guest' | { apiKey: Role } | { staff: Capability };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * 'multipart': the body is a multipart stream the handler reads itself (uploads), so the route has no
     * body schema and checks its fields as it reads them.
     */
    body?: 'multipart';
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

/**
 * Makes a route without a declared `config.access` fail at start, so no route is open by accident, and
 * returns the table of every route with its rule (the role × route tests walk it).
 */
export function requireAccessDeclarations(app: FastifyInstance): RouteEntry[] {
  const table: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    requireBodySchema(route);
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (access === undefined && !route.url.startsWith('*')) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access).`);
    }
    if (access !== undefined) {
      for (const method of [route.method].flat()) table.push({ method, url: route.url, access });
    }
  });
  return table;
}

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Makes a route that changes state fail at start unless it declares its request body (`schema.body`, which
 * refuses unknown fields) or says it reads a multipart stream itself (`config.body: 'multipart'`).
 */
function requireBodySchema(route: RouteOptions): void {
  const methods = [route.method].flat().map((method) => method.toUpperCase());
  if (route.url.startsWith('*') || !methods.some((method) => METHODS_WITH_BODY.has(method))) return;
  const declared = (route.schema as { body?: unknown } | undefined)?.body !== undefined;
  const multipart = (route.config as { body?: unknown } | undefined)?.body === 'multipart';
  if (!declared && !multipart) {
    throw new Error(
      `Route ${methods.join(',')} ${route.url} declares no request body schema (schema.body; or config.body: 'multipart' for an upload that reads its own stream).`,
    );
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    apiKey?: ApiKey;
    /** The signed-in member of staff on staff routes. */
    staff?: StaffSession;
  }
}

/** The live staff session of a signed cookie's token (see session-cookie.ts). */
export async function sessionOf(store: Store, clock: Clock, token: string | undefined): Promise<StaffSession | undefined> {
  return token ? store.accounts.findSession(sessionId(token), clock.now()) : undefined;
}

/**
 * Checks every route's declared access before its request is validated or handled, so a stranger learns
 * nothing of a form's fields: API keys (401/403 JSON) and staff sessions (sign-in redirect for pages, 401 for
 * anything else; 403 when the role lacks the capability).
 */
export function enforceAccess(app: FastifyInstance, store: Store, clock: Clock): void {
  app.addHook('preValidation', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public' || access === 'guest') return;
    if ('staff' in access) {
      const session = await sessionOf(store, clock, request.sessionToken);
      if (!session) {
        if (request.method === 'GET') return reply.redirect(`/admin/login?next=${encodeURIComponent(request.url)}`, 303);
        // The error handler answers: a newsroom page for people, JSON for scripts.
        throw new DomainError('AUTH_FAILED', 'Your session has ended, so this was not done. Sign in again at /admin/login, then repeat it.');
      }
      if (!can(session.user.role, access.staff)) {
        // Known, so that the refusal page shows the newsroom's navigation; the handler never runs.
        request.staff = session;
        throw new DomainError('FORBIDDEN', `Your role (${session.user.role}) may not do this. Ask an editor or an admin.`);
      }
      request.staff = session;
      return;
    }
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(nd_[A-Za-z0-9_-]{20,100})$/.exec(header)?.[1];
    const key = token ? await store.apiKeys.findByHash(hashApiToken(token)) : undefined;
    if (!key) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'UNAUTHENTICATED', message: 'Send a valid API key as "Authorization: Bearer nd_…" (create one with newsdesk api-key create).' });
    }
    if (!roleAtLeast(key.role, access.apiKey)) {
      return reply.code(403).send({ error: 'FORBIDDEN', message: `This API key's role (${key.role}) may not do this; ${access.apiKey} or above is needed.` });
    }
    request.apiKey = key;
  });
}
