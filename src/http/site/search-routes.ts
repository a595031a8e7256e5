import type { FastifyInstance, FastifyRequest } from 'fastify';
import { searchTerms } from '../../core/articles/search-terms.js';
import { SearchPage } from '../../render/templates/search-page.js';
import { documentHtml } from '../../render/render-page.js';
import { searchView } from '../../render/view-models/build-pages.js';
import { renderContext, type SiteDeps } from './site-context.js';

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

/** /search?q=…&page=N: full-text search over public articles. */
export function registerSearchRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get(
    '/search',
    { config: { access: 'public' }, schema: { querystring: searchQuery } },
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
      const view = searchView({ query: q, page, items, categories, hasMore: rows.length > RESULTS_PER_PAGE && page < MAX_PAGE }, ctx);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(documentHtml(SearchPage(view)));
    },
  );
}
