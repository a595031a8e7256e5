import { setImmediate } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseSearchQuery } from '../../core/fulltext/query.js';
import { articleIdsOf, MAX_PAGE, rankedSearch, RESULTS_PER_PAGE } from '../../core/fulltext/search.js';
import { SNIPPET_HTML_CHARS } from '../../core/fulltext/snippet.js';
import { SearchPage } from '../../render/templates/search-page.js';
import { documentHtml } from '../../render/render-page.js';
import { resultSnippet, searchView } from '../../render/view-models/build-pages.js';
import { renderContext, type SiteDeps } from './site-context.js';
import { cacheKey, listingKeys } from '../../core/publishing/cache-keys.js';
import { dependsOn } from '../page-cache-hooks.js';
import { resolveSearchFilters, searchQuerySchema } from './search-filters.js';
import { SEARCH_PARAMS, type SearchParams } from '../../core/fulltext/params.js';


/**
 * The query as the cache keys it: Unicode composed and spaces squeezed, so "council  tax" and "council tax"
 * share one page (the page shows the query as typed, and these differences do not show).
 */
const cacheQuery = (q: string) => q.normalize('NFC').replace(/\s+/g, ' ').trim();

/** /search?q=…&page=N&sort=…&section=…&author=…&tag=…&from=…&to=…: full-text search, cached like every page. */
export function registerSearchRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get(
    '/search',
    {
      config: { access: 'public', cache: { query: [...SEARCH_PARAMS], normalize: { q: cacheQuery } } },
      schema: { querystring: searchQuerySchema(MAX_PAGE) },
    },
    async (request: FastifyRequest<{ Querystring: SearchParams }>, reply) => {
      const params = { ...request.query, q: cacheQuery(request.query.q) };
      const now = deps.clock.now();
      const query = parseSearchQuery(params.q);
      const [filters, ctx] = await Promise.all([resolveSearchFilters(deps, params), renderContext(deps, now)]);
      const ranked =
        filters.unknown === undefined ? await rankedSearch(deps.store.articles, { query, filters: filters.search, sort: params.sort, now }) : { keys: [], capped: false };
      const pageIds = articleIdsOf(ranked.keys.slice((params.page - 1) * RESULTS_PER_PAGE, params.page * RESULTS_PER_PAGE));
      const items = await deps.store.articles.searchResults(pageIds, now, SNIPPET_HTML_CHARS);
      const categoryIds = [...new Set(items.flatMap((item) => (item.primaryCategoryId === null ? [] : [item.primaryCategoryId])))];
      const categories = await deps.store.categories.findByIds(categoryIds);
      // Snippets are most of a results page's work: made one at a time, with other requests let in between.
      const snippets = new Map<number, string | undefined>();
      for (const item of items) {
        snippets.set(item.id, resultSnippet(item, item.bodyHtmlStart, query.highlight));
        await setImmediate();
      }
      const view = searchView(
        { params, query, filters, items, snippets, categories, found: ranked.keys.length, capped: ranked.capped },
        ctx,
      );
      // Any change to a story readers see may change what this finds; the sections and the stories shown, as on every list.
      dependsOn(request, listingKeys({ subjectKeys: [cacheKey.search, cacheKey.nav], list: { items, categories } }));
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(documentHtml(SearchPage(view)));
    },
  );
}
