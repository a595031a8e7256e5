import { hasSlugForm, isReservedSlug } from '../core/articles/slug.js';

/**
 * Stops start-up when a route begins with a path segment that a slug could take but the reserved list
 * (`RESERVED_SEGMENTS` in core/permalinks) lacks: otherwise an article, section, tag or person could be given
 * that slug and the route and the page would fight over one address. Segments that cannot be slugs
 * (`rss.xml`, parameters) are left alone.
 */
export function assertRoutesReserved(routes: ReadonlyArray<{ method: string; url: string }>): void {
  for (const { method, url } of routes) {
    const first = url.split('/')[1] ?? '';
    if (!hasSlugForm(first) || isReservedSlug(first)) continue;
    throw new Error(
      `Route ${method} ${url} starts with "${first}", which is not a reserved slug: add it to RESERVED_SEGMENTS in src/core/permalinks/permalinks.ts.`,
    );
  }
}
