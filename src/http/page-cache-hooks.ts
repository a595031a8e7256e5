import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CachedResponse, PageCache } from '../cache/page-cache.js';
import { pickEncoding, type BodyEncoding } from './accept-encoding.js';
import { etagFor, isNotModified } from './conditional.js';
import { SESSION_COOKIE } from './session-cookie.js';

/** Route option: this GET is cached; `query` names the parameters that are part of the cache key. */
export interface RouteCacheOptions {
  query?: readonly string[];
  /** How a parameter's value is put in the key, so that addresses asking for the same page share one entry. */
  normalize?: Readonly<Record<string, (value: string) => string>>;
  /** Longest life in memory, in seconds. Default 300. */
  ttlSeconds?: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    cache?: RouteCacheOptions;
  }
  interface FastifyRequest {
    /** Set on a cacheable request that missed: where to store the response and what it depends on. */
    pageCache?: { key: string; deps: Set<string>; ttlSeconds: number };
  }
}


/** Records the dependency keys of what this response shows; a no-op when the response is not being cached. */
export function dependsOn(request: FastifyRequest, keys: Iterable<string>): void {
  const deps = request.pageCache?.deps;
  if (deps) for (const key of keys) deps.add(key);
}

export interface PageCacheHooksOptions {
  cache: PageCache;
  /** Headers every response carries (security headers), added to hits too. */
  baseHeaders: Readonly<Record<string, string>>;
  now: () => number;
  /** The next moment a scheduled article becomes public (epoch ms), or Infinity: listings expire by then. */
  nextScheduledAt: () => Promise<number>;
}

/** Cache key: the path and, in a fixed order, only the query parameters the route declares. */
export function cacheKeyOf(url: string, allowed: readonly string[], normalize: RouteCacheOptions['normalize'] = {}): string {
  const [path = '/', search = ''] = url.split('?', 2);
  if (allowed.length === 0 || search === '') return path;
  const params = new URLSearchParams(search);
  const kept = allowed.flatMap((name) => {
    const raw = params.get(name);
    const value = raw === null ? null : (normalize[name]?.(raw) ?? raw);
    return value === null ? [] : [`${encodeURIComponent(name)}=${encodeURIComponent(value)}`];
  });
  return kept.length === 0 ? path : `${path}?${kept.join('&')}`;
}

/** Response headers of a cache hit, built once per entry and encoding. */
const hitHeaders = new WeakMap<CachedResponse, Partial<Record<BodyEncoding | 'identity' | 'not-modified', Record<string, string>>>>();

function headersFor(entry: CachedResponse, base: Readonly<Record<string, string>>, variant: BodyEncoding | 'identity' | 'not-modified'): Record<string, string> {
  let variants = hitHeaders.get(entry);
  if (!variants) hitHeaders.set(entry, (variants = {}));
  let headers = variants[variant];
  if (!headers) {
    headers = {
      ...base,
      ...(entry.contentType.startsWith('text/html') ? {} : { 'content-security-policy': '' }),
      'content-type': entry.contentType,
      'cache-control': entry.cacheControl,
      etag: entry.etag,
      vary: 'accept-encoding',
      'surrogate-key': entry.keys.join(' '),
      'x-cache': 'HIT',
      ...(entry.lastModified ? { 'last-modified': entry.lastModified } : {}),
    };
    if (headers['content-security-policy'] === '') delete headers['content-security-policy'];
    if (variant !== 'not-modified') {
      if (variant !== 'identity') headers['content-encoding'] = variant;
      headers['content-length'] = String((variant === 'identity' ? entry.body : entry[variant]!).length);
    }
    variants[variant] = headers;
  }
  return headers;
}

/**
 * Writes a hit straight to the socket: no routing, serialisation or onSend work, which is what lets a
 * cached page come close to a bare node:http server.
 */
function sendCached(request: IncomingMessage, res: ServerResponse, entry: CachedResponse, base: Readonly<Record<string, string>>): void {
  if (isNotModified(request, entry.etag, entry.lastModified ? new Date(entry.lastModified) : undefined)) {
    res.writeHead(304, headersFor(entry, base, 'not-modified'));
    res.end();
    return;
  }
  const accept = request.headers['accept-encoding'];
  const encoding = accept === undefined ? undefined : pickEncoding(accept, { br: Boolean(entry.br), gzip: Boolean(entry.gzip) });
  res.writeHead(entry.status, headersFor(entry, base, encoding ?? 'identity'));
  res.end(request.method === 'HEAD' ? undefined : encoding ? entry[encoding] : entry.body);
}

/**
 * Answers page-cache hits in the HTTP server's own request handler, before Fastify builds its request and
 * reply or routes (ADR 0011): a GET or HEAD with no query string and no session cookie whose path is the key
 * of a fresh entry. The key of such an address is its path (`cacheKeyOf`), and an entry exists only for a
 * cacheable route's answer to a reader, so this sends exactly what the `onRequest` hook would. Anything
 * else (a query, a session cookie, a miss) goes to `next`, Fastify, where the hooks below decide.
 */
export function cacheHitHandler(
  options: Pick<PageCacheHooksOptions, 'cache' | 'baseHeaders' | 'now'>,
  next: (request: IncomingMessage, res: ServerResponse) => void,
): (request: IncomingMessage, res: ServerResponse) => void {
  const { cache, baseHeaders, now } = options;
  if (!cache.enabled) return next;
  return (request, res) => {
    const { url, method } = request;
    if ((method === 'GET' || method === 'HEAD') && url !== undefined && !url.includes('?') && !request.headers.cookie?.includes(SESSION_COOKIE)) {
      const entry = cache.lookup(url, now());
      if (entry) return sendCached(request, res, entry, baseHeaders);
    }
    next(request, res);
  };
}

/**
 * Serves cacheable GETs from the page cache, and fills it from fresh renders with the dependency keys the
 * handler recorded. Staff (a signed session cookie) bypass it; any other cookie is ignored.
 */
export function registerPageCacheHooks(app: FastifyInstance, options: PageCacheHooksOptions): void {
  const { cache } = options;
  if (!cache.enabled) return;

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config.cache;
    if (!config || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    // Only a session cookie this site signed (checked in memory by session-cookie.ts) skips the cache.
    if (request.sessionToken) return;
    const key = cacheKeyOf(request.url, config.query ?? [], config.normalize);
    const entry = cache.get(key, options.now());
    if (entry) {
      reply.hijack();
      return sendCached(request.raw, reply.raw, entry, options.baseHeaders);
    }
    request.pageCache = { key, deps: new Set(), ttlSeconds: config.ttlSeconds ?? 300 };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.pageCache;
    if (!pending || reply.statusCode !== 200 || reply.getHeader('content-encoding')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    const now = options.now();
    const lists = [...pending.deps].some((key) => key.startsWith('list:'));
    const boundary = lists ? await options.nextScheduledAt() : Infinity;
    const etag = String(reply.getHeader('etag') ?? etagFor(body));
    const lastModified = reply.getHeader('last-modified');
    cache.set(pending.key, {
      status: 200,
      contentType: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'),
      cacheControl: String(reply.getHeader('cache-control') ?? 'public, max-age=30'),
      etag,
      ...(lastModified ? { lastModified: String(lastModified) } : {}),
      body,
      keys: [...pending.deps],
      expiresAt: Math.min(now + pending.ttlSeconds * 1000, boundary),
    });
    reply.header('etag', etag).header('vary', 'accept-encoding').header('x-cache', 'MISS');
    reply.header('surrogate-key', [...pending.deps].join(' '));
    return payload;
  });
}
