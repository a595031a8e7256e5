import type { FastifyInstance } from 'fastify';

/** Who may call a route. Issue-3 roles extend this; every route must declare one. */
export type RouteAccess = 'public';

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
