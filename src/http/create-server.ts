import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import type { Clock, InvalidationBus, PasswordHasher, Store } from '../core/ports.js';
import { registerArticleAdminRoutes } from './admin/article-admin-routes.js';
import { registerArticleEditorRoutes } from './admin/article-editor-routes.js';
import { registerDeskRoutes } from './admin/desk-routes.js';
import { registerArticleNotesRoutes } from './admin/article-notes-routes.js';
import { registerAuthRoutes } from './admin/auth-routes.js';
import { registerFormParser } from './admin/forms.js';
import { registerPeopleRoutes } from './admin/people-routes.js';
import { registerExportImportRoutes, type SiteExporter } from './admin/export-import-routes.js';
import { registerPageRoutes } from './admin/page-routes.js';
import { registerMediaRoutes } from './admin/media-routes.js';
import { registerMediaLibraryRoutes } from './admin/media-library-routes.js';
import { registerTaxonomyRoutes } from './admin/taxonomy-routes.js';
import { registerLookupRoutes } from './admin/lookup-routes.js';
import { PageCache } from '../cache/page-cache.js';
import { enforceAccess, requireAccessDeclarations, type RouteEntry } from './access.js';
import { registerArticleApi } from './api/article-routes.js';
import { LocalBus } from '../cache/local-bus.js';
import { createMarkdownRenderer } from '../render/markdown.js';
import { lazyValidators } from './lazy-validators.js';
import { cacheHitHandler, registerPageCacheHooks } from './page-cache-hooks.js';
import { assertRoutesReserved } from './reserved-routes.js';
import { cookieSigner, registerSessionCookie } from './session-cookie.js';
import { registerOriginCheck } from './origin-check.js';
import type { Mailer } from '../core/accounts/security-ports.js';
import { httpFailureOf } from './errors.js';
import { sendNewsroomError } from './admin/newsroom-errors.js';
import { isNewsroomPath } from './newsroom-path.js';
import { loadSiteAssets } from './site/assets.js';
import { icoFromSvg } from '../media/favicon.js';
import { registerFeedRoutes } from './site/feed-routes.js';
import { registerSearchRoutes } from './site/search-routes.js';
import { registerSuggestRoutes } from './site/suggest-routes.js';
import { registerSitemapRoutes } from './site/sitemap-routes.js';
import { registerSiteRoutes, sendErrorPage } from './site/site-routes.js';

export interface ServerDeps {
  config: Config;
  store: Store;
  clock: Clock;
  /** Rendered public responses; a disabled cache (0 bytes) when absent. */
  pageCache?: PageCache;
  /** argon2id for staff passwords (the newsroom is off without it). */
  hasher?: PasswordHasher;
  /** Announces changed content; writes through the API publish here. */
  bus?: InvalidationBus;
  /** When listings next change by themselves (a scheduled article going public), epoch ms or Infinity. */
  nextScheduledAt?: () => Promise<number>;
  /** Sends password-reset e-mail (SMTP); without it, reset by e-mail says it is not available. */
  mailer?: Mailer;
  /** Why the database cannot serve yet (for /readyz), undefined when it can; throws when it does not answer. */
  readiness?: () => Promise<string | undefined>;
  /** Pino options or false; tests pass false, or a stream to read what is logged. */
  logger?: boolean | { level: string; stream?: { write(line: string): unknown } };
  /** Writes the export behind the newsroom's download button. */
  siteExporter?: SiteExporter;
  /** Told when the newsroom queues an import, so it starts at once. */
  importRunner?: { poke(): void };
}

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every response; the CSP only matters on HTML, but is harmless elsewhere and removed there. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'content-security-policy': CONTENT_SECURITY_POLICY,
});

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access rule. */
    routeTable: RouteEntry[];
  }
}

/** Builds the HTTP application without listening, so tests can `inject()` and the CLI can `listen()`. */
export async function createServer(deps: ServerDeps): Promise<FastifyInstance> {
  const cacheOptions = {
    cache: deps.pageCache ?? new PageCache(0),
    baseHeaders: SECURITY_HEADERS,
    now: () => deps.clock.now().getTime(),
    nextScheduledAt: deps.nextScheduledAt ?? (async () => Infinity),
  };
  const app = Fastify({
    // Page-cache hits are answered before Fastify sees the request (ADR 0011); the rest is Fastify's.
    serverFactory: (handler, options) => {
      const server = createHttpServer(cacheHitHandler(cacheOptions, handler));
      // What Fastify sets on a server it makes itself.
      const { keepAliveTimeout, requestTimeout, connectionTimeout } = options as { keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number };
      server.keepAliveTimeout = keepAliveTimeout ?? 72_000;
      server.requestTimeout = requestTimeout ?? 0;
      server.setTimeout(connectionTimeout ?? 0);
      return server;
    },
    logger: deps.logger ?? false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 400 },
    // X-Forwarded-For is believed only from the proxies the operator names.
    trustProxy: deps.config.trustedProxies.length > 0 ? [...deps.config.trustedProxies] : false,
    // Typed loosely in lazy-validators.ts: it wraps whatever Fastify's default compiler returns.
    schemaController: { compilersFactory: { buildValidator: lazyValidators() as never } },
    // Unknown fields are an error a client should hear about, not something to drop silently.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    // One line per request is noise at thousands of requests a second; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
  });
  const routeTable = requireAccessDeclarations(app);
  app.decorate('routeTable', routeTable);
  enforceAccess(app, deps.store, deps.clock);

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.removeHeader('content-security-policy');
    return payload;
  });

  // One signing key for every process, made by whichever process starts first.
  const cookies = cookieSigner(await deps.store.settings.getOrCreate('session_cookie_key', randomBytes(32).toString('base64url')));
  registerSessionCookie(app, cookies);
  registerOriginCheck(app, deps.config.siteUrl);

  registerPageCacheHooks(app, cacheOptions);

  const assets = loadSiteAssets();
  const siteDeps = { config: deps.config, store: deps.store, clock: deps.clock, assets };

  // An outage fails every request: the log says so once a minute per kind of fault, not once per request.
  const faultLoggedAt = new Map<string, number>();
  app.setErrorHandler(async (error, request, reply) => {
    const failure = httpFailureOf(error, { contentType: String(request.headers['content-type'] ?? '') });
    if (failure.fault) {
      const last = faultLoggedAt.get(failure.fault);
      if (last === undefined || Date.now() - last >= 60_000) {
        faultLoggedAt.set(failure.fault, Date.now());
        request.log.error({ err: error }, `database ${failure.fault}: answering ${failure.status} while it lasts (logged once a minute)`);
      }
    } else if (failure.log === 'error') request.log.error({ err: error }, 'request failed');
    else if (failure.log === 'info') request.log.info({ code: failure.code, status: failure.status, url: request.url }, failure.message);
    const { status, code, message, details } = failure;
    if (failure.retryAfter !== undefined) reply.header('retry-after', String(failure.retryAfter));
    // Scripts (the REST API, search suggestions, the editor's autosave and uploads) get JSON; people get a page.
    const accept = String(request.headers.accept ?? '');
    const jsonOnly = request.url.startsWith('/api/') || request.url.split('?', 1)[0] === '/search/suggest';
    const wantsJson = jsonOnly || (accept.includes('application/json') && !accept.includes('text/html'));
    if (wantsJson) return reply.code(status).header('cache-control', 'no-store').send({ error: code, message, details });
    const plain = () => reply.code(status).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(message);
    // A newsroom page fails inside the newsroom: its layout, a way back, never the reading site's error page.
    if (isNewsroomPath(request.url)) return sendNewsroomError(siteDeps, request, reply, failure).catch(plain);
    // The site's error page reads the sections from the database: not while the database is the problem.
    if (failure.fault) return plain();
    return sendErrorPage(siteDeps, request, reply, { status, message }).catch(plain);
  });

  // Browsers ask every site for /favicon.ico: the logo at the sizes a tab uses, drawn once, when first asked
  // for (drawing it loads libvips, which start-up need not wait for).
  let favicon: Promise<Buffer> | undefined;
  app.get('/favicon.ico', { config: { access: 'public' } }, async (_request, reply) => {
    favicon ??= icoFromSvg(assets.byName.get(assets.logoHref.slice('/assets/'.length))!.body);
    return reply.header('content-type', 'image/x-icon').header('cache-control', 'public, max-age=86400').send(await favicon);
  });
  app.get<{ Params: { name: string } }>('/assets/:name', { config: { access: 'public' } }, async (request, reply) => {
    const asset = assets.byName.get(request.params.name);
    if (!asset) return reply.callNotFound();
    return reply
      .header('content-type', asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  });
  // For load balancers and orchestrators; never cached anywhere. /healthz: the process answers (no database).
  // /readyz: the database answers and every migration is applied; 503 with the reason otherwise.
  app.get('/healthz', { config: { access: 'public' } }, async (_request, reply) => reply.header('cache-control', 'no-store').send({ ok: true }));
  app.get('/readyz', { config: { access: 'public' } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    let reason: string | undefined;
    try {
      reason = await (deps.readiness ?? (async () => undefined))();
    } catch (error) {
      const { code, message } = error as { code?: unknown; message?: unknown };
      reason = `database unreachable (${typeof code === 'string' ? code : String(message)})`;
    }
    return reason === undefined ? reply.send({ ready: true }) : reply.code(503).header('retry-after', '5').send({ ready: false, reason });
  });

  // Everything that writes (the API and the newsroom) shares one renderer and announces on one bus.
  const markdown = createMarkdownRenderer();
  const bus = deps.bus ?? new LocalBus();
  registerArticleApi(app, { store: deps.store, clock: deps.clock, markdown, bus, excerptWords: deps.config.excerptWords });
  if (deps.hasher) {
    registerFormParser(app);
    const adminDeps = {
      config: deps.config, store: deps.store, clock: deps.clock, hasher: deps.hasher, markdown, bus, assets, cookies,
      ...(deps.mailer ? { mailer: deps.mailer } : {}),
      ...(deps.siteExporter ? { siteExporter: deps.siteExporter } : {}),
      ...(deps.importRunner ? { importRunner: deps.importRunner } : {}),
    };
    registerAuthRoutes(app, adminDeps);
    registerPeopleRoutes(app, adminDeps);
    registerExportImportRoutes(app, adminDeps);
    registerPageRoutes(app, adminDeps);
    registerDeskRoutes(app, adminDeps);
    registerArticleAdminRoutes(app, adminDeps);
    registerArticleEditorRoutes(app, adminDeps);
    registerArticleNotesRoutes(app, adminDeps);
    registerTaxonomyRoutes(app, adminDeps);
    registerLookupRoutes(app, adminDeps);
    await registerMediaRoutes(app, adminDeps);
    registerMediaLibraryRoutes(app, adminDeps);
  }
  registerFeedRoutes(app, siteDeps);
  registerSitemapRoutes(app, siteDeps);
  registerSearchRoutes(app, siteDeps);
  registerSuggestRoutes(app, siteDeps);
  registerSiteRoutes(app, siteDeps);
  await app.ready();
  assertRoutesReserved(app.routeTable);
  return app;
}
