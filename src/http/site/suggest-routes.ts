import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_SUGGESTIONS, suggestArticles } from '../../core/fulltext/suggest.js';
import { articlePath } from '../../core/permalinks/permalinks.js';
import { cacheKey, listingKeys } from '../../core/publishing/cache-keys.js';
import { dependsOn } from '../page-cache-hooks.js';
import type { SiteDeps } from './site-context.js';

/**
 * The query as the cache keys it: Unicode composed and spaces squeezed, like the search page, but a trailing
 * space is kept, because it says the last word is finished ("lighthouse" completes words, "lighthouse " does not).
 */
const cacheQuery = (q: string) => q.normalize('NFC').replace(/\s+/g, ' ').replace(/^ /, '');

const querySchema = {
  type: 'object',
  properties: { q: { type: 'string', maxLength: 200, default: '' } },
  additionalProperties: false,
} as const;

/** The answer's fields are also its allow-list: nothing else about an article can leave through it. */
const responseSchema = {
  200: {
    type: 'object',
    required: ['query', 'suggestions'],
    properties: {
      query: { type: 'string' },
      suggestions: {
        type: 'array',
        maxItems: MAX_SUGGESTIONS,
        items: {
          type: 'object',
          required: ['title', 'href', 'section'],
          properties: { title: { type: 'string' }, href: { type: 'string' }, section: { type: ['string', 'null'] } },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
} as const;

/** /search/suggest?q=…: headlines to offer under the search box while a reader types (JSON, cached like pages). */
export function registerSuggestRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get(
    '/search/suggest',
    {
      config: { access: 'public', cache: { query: ['q'], normalize: { q: cacheQuery } } },
      schema: { querystring: querySchema, response: responseSchema },
    },
    async (request: FastifyRequest<{ Querystring: { q: string } }>, reply) => {
      const q = cacheQuery(request.query.q);
      const now = deps.clock.now();
      const items = await suggestArticles(deps.store.articles, { q, now });
      const categoryIds = [...new Set(items.flatMap((item) => (item.primaryCategoryId === null ? [] : [item.primaryCategoryId])))];
      const categories = await deps.store.categories.findByIds(categoryIds);
      // What it could suggest changes with any story readers see; what it shows names these stories and sections.
      dependsOn(request, listingKeys({ subjectKeys: [cacheKey.search], list: { items, categories } }));
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send({
          query: q.trim(),
          suggestions: items.map((item) => ({
            title: item.title,
            href: articlePath(item.slug),
            section: item.primaryCategoryId === null ? null : (categories.get(item.primaryCategoryId)?.name ?? null),
          })),
        });
    },
  );
}
