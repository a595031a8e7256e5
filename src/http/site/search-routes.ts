import type { FastifyInstance, FastifyRequest } from 'fastify';
import { searchTerms } from '../../core/articles/search-terms.js';
import { SearchPage } from '../../render/templates/search-page.js';
import { documentHtml } from '../../render/render-page.js';
import { searchView } from '../../render/view-models/build-pages.js';
import { renderContext, type SiteDeps } from './site-context.js';
import { cacheKey, listingKeys } from '../../core/publishing/cache-keys.js';
import { dependsOn } from '../page-cache-hooks.js';

const RESULTS_PER_PAGE = 20;
/** Readers refine a query rather than page past this; it also bounds the work one request can ask for. */
const MAX_PAGE = 25;

const searchQuery = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 200, default: '' },
    page: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 },
  },
} as const;

/**
 * The query as the cache keys it: Unicode composed and spaces squeezed, so "council  tax" and "council tax"
 * share one page (the page shows the query as typed, and these differences do not show).
 */
const cacheQuery = (q: string) => q.normalize('NFC').replace(/\s+/g, ' ').trim();

/** /search?q=…&page=N: full-text search over public articles, cached like every page. */
export function registerSearchRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get(
    '/search',
    { config: { access: 'public', cache: { query: ['q', 'page'], normalize: { q: cacheQuery } } }, schema: { querystring: searchQuery } },
    async (request: FastifyRequest<{ Querystring: { q: string; page: number } }>, reply) => {
      const { q, page } = request.query;
      const now = deps.clock.now();
      const terms = searchTerms(q);
      const rows = await deps.store.articles.search({
        terms,
        now,
        limit: RESULTS_PER_PAGE + 1,
        offset: (page - 1) * RESULTS_PER_PAGE,
      });
      const items = rows.slice(0, RESULTS_PER_PAGE);
      const categoryIds = [...new Set(items.flatMap((item) => (item.primaryCategoryId === null ? [] : [item.primaryCategoryId])))];
      const [categories, ctx] = await Promise.all([deps.store.categories.findByIds(categoryIds), renderContext(deps, now)]);
      const view = searchView({ query: cacheQuery(q), page, items, categories, hasMore: rows.length > RESULTS_PER_PAGE && page < MAX_PAGE }, ctx);
      // Any change to a story readers see may change what this finds; the sections and the stories shown, as on every list.
      dependsOn(request, listingKeys({ subjectKeys: [cacheKey.search, cacheKey.nav], list: { items, categories } }));
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(documentHtml(SearchPage(view)));
    },
  );
}
