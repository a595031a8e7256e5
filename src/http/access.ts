import type { FastifyInstance } from 'fastify';
import { hashApiToken, roleAtLeast } from '../core/access/api-token.js';
import type { ApiKey, Store } from '../core/ports.js';

import type { Role } from '../core/authors/author.js';

/** Who may call a route: anyone, or a caller with an API key of at least this role. Every route declares one. */
export type RouteAccess = 'public' | { apiKey: Role };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** Makes a route without a declared `config.access` fail at start, so no route is open by accident. */
export function requireAccessDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (access === undefined && !route.url.startsWith('*')) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access).`);
    }
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    apiKey?: ApiKey;
  }
}

/** Checks API keys on every route that asks for one: 401 without a valid key, 403 with too small a role. */
export function enforceApiKeys(app: FastifyInstance, store: Store): void {
  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
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
