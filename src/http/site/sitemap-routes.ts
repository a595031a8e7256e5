import type { PageStore } from '../../core/pages/page.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { absoluteUrl, articlePath, authorPath, categoryPath, mediaPath, tagPath } from '../../core/permalinks/permalinks.js';
import { isoWithOffset } from '../../render/view-models/format.js';
import {
  monthRange, pagesFor, parseSitemapFileName, sitemapFileName, type SitemapFile,
} from '../../sitemaps/sitemap-names.js';
import {
  MAX_URLS_PER_NEWS_SITEMAP, MAX_URLS_PER_SITEMAP, newsLanguage, renderNewsUrlset, renderRobotsTxt,
  renderSitemapIndex, renderUrlset,
} from '../../sitemaps/sitemap-xml.js';
import { sendWithValidators } from '../conditional.js';
import { dependsOn } from '../page-cache-hooks.js';
import { cacheKey } from '../../core/publishing/cache-keys.js';
import type { SiteDeps } from './site-context.js';
import type { CategoryStore, SitemapSource, TagStore, UserStore } from '../../core/ports.js';

const PUBLIC = { access: 'public', cache: {} } as const;
const XML = 'application/xml; charset=utf-8';
const CACHE = 'public, max-age=300, stale-while-revalidate=600';
/** Google News takes articles from the last two days. */
const NEWS_WINDOW_MS = 48 * 3_600_000;

/** /sitemap.xml (index) → monthly article sitemaps, sections, tags, authors; /news-sitemap.xml; /robots.txt. */
/** Sitemaps read only what crawlers are told about: public, indexable articles, static pages, sections, tags and authors. */
type SitemapDeps = Omit<SiteDeps, 'store'> & {
  store: {
    articles: SitemapSource;
    tags: Pick<TagStore, 'listInUse' | 'countInUse'>;
    categories: Pick<CategoryStore, 'list'>;
    users: Pick<UserStore, 'listBylined'>;
    pages: Pick<PageStore, 'listPublished'>;
  };
};

export function registerSitemapRoutes(app: FastifyInstance, deps: SitemapDeps): void {
  const { store, clock, config } = deps;
  const url = (path: string) => absoluteUrl(config.siteUrl, path);
  const fileUrl = (file: SitemapFile) => url(`/sitemaps/${sitemapFileName(file)}`);
  const sendXml = (request: FastifyRequest, reply: FastifyReply, body: string) =>
    sendWithValidators(request, reply, { body, contentType: XML, cacheControl: CACHE });

  app.get('/robots.txt', { config: PUBLIC }, (request, reply) =>
    sendWithValidators(request, reply, { body: renderRobotsTxt(config.siteUrl), contentType: 'text/plain; charset=utf-8', cacheControl: CACHE }),
  );

  app.get('/sitemap.xml', { config: PUBLIC }, async (request, reply) => {
    const now = clock.now();
    dependsOn(request, [cacheKey.sitemapIndex, cacheKey.sitemapTaxonomy, cacheKey.nav]);
    const [months, tagCount, categories, authors] = await Promise.all([
      store.articles.sitemapMonths(now),
      store.tags.countInUse(now),
      store.categories.list(),
      store.users.listBylined(now),
    ]);
    // Every listed file has at least one URL: the schema does not allow an empty urlset.
    const entries: Array<{ loc: string; lastmod?: Date }> = [{ loc: fileUrl({ kind: 'pages' }) }];
    for (const month of months) {
      for (let page = 1; page <= pagesFor(month.count); page++) {
        entries.push({ loc: fileUrl({ kind: 'articles', month: month.month, page }), lastmod: month.lastModified });
      }
    }
    if (categories.length > 0) entries.push({ loc: fileUrl({ kind: 'categories' }) });
    if (tagCount > 0) for (let page = 1; page <= pagesFor(tagCount); page++) entries.push({ loc: fileUrl({ kind: 'tags', page }) });
    if (authors.length > 0) entries.push({ loc: fileUrl({ kind: 'authors' }) });
    return sendXml(request, reply, renderSitemapIndex(entries));
  });

  app.get('/news-sitemap.xml', { config: PUBLIC }, async (request, reply) => {
    const now = clock.now();
    const since = new Date(now.getTime() - NEWS_WINDOW_MS);
    const count = await store.articles.countRecentForNews({ now, since });
    dependsOn(request, [cacheKey.listAll]);
    if (count > MAX_URLS_PER_NEWS_SITEMAP) {
      const pages = pagesFor(count, MAX_URLS_PER_NEWS_SITEMAP);
      const index = Array.from({ length: pages }, (_, i) => ({ loc: fileUrl({ kind: 'news', page: i + 1 }) }));
      return sendXml(request, reply, renderSitemapIndex(index));
    }
    return sendXml(request, reply, await newsSitemap(request, 1));
  });

  async function newsSitemap(request: FastifyRequest, page: number): Promise<string> {
    const now = clock.now();
    const entries = await store.articles.recentForNews({
      now,
      since: new Date(now.getTime() - NEWS_WINDOW_MS),
      offset: (page - 1) * MAX_URLS_PER_NEWS_SITEMAP,
      limit: MAX_URLS_PER_NEWS_SITEMAP,
    });
    dependsOn(request, [cacheKey.listAll, ...entries.map((entry) => cacheKey.article(entry.id))]);
    return renderNewsUrlset({
      publication: config.siteName,
      language: newsLanguage(config.locale),
      urls: entries.map((entry) => ({
        loc: url(articlePath(entry.slug)),
        title: entry.title,
        publishedAt: isoWithOffset(entry.publishedAt, config.timeZone),
      })),
    });
  }

  app.get<{ Params: { name: string } }>('/sitemaps/:name', { config: PUBLIC }, async (request, reply) => {
    const file = parseSitemapFileName(request.params.name);
    if (!file) return reply.callNotFound();
    const now = clock.now();
    dependsOn(request, file.kind === 'articles' ? [cacheKey.sitemapMonth(file.month)] : [cacheKey.sitemapTaxonomy, cacheKey.nav, cacheKey.listAll]);
    switch (file.kind) {
      case 'pages': {
        // The home page and the published static pages.
        dependsOn(request, [cacheKey.pages]);
        const pages = await store.pages.listPublished();
        return sendXml(request, reply, renderUrlset([{ loc: `${config.siteUrl}/` }, ...pages.map((page) => ({ loc: url(articlePath(page.slug)), lastmod: page.updatedAt }))]));
      }
      case 'articles': {
        const { from, to } = monthRange(file.month);
        const entries = await store.articles.sitemapEntries({
          now,
          from,
          to,
          offset: (file.page - 1) * MAX_URLS_PER_SITEMAP,
          limit: MAX_URLS_PER_SITEMAP,
        });
        if (entries.length === 0) return reply.callNotFound();
        return sendXml(
          request,
          reply,
          renderUrlset(
            entries.map((e) => ({ loc: url(articlePath(e.slug)), lastmod: e.updatedAt, ...(e.image ? { images: [url(mediaPath(e.image))] } : {}) })),
          ),
        );
      }
      case 'tags': {
        const tags = await store.tags.listInUse({ now, offset: (file.page - 1) * MAX_URLS_PER_SITEMAP, limit: MAX_URLS_PER_SITEMAP });
        if (tags.length === 0) return reply.callNotFound();
        return sendXml(request, reply, renderUrlset(tags.map((tag) => ({ loc: url(tagPath(tag.slug)) }))));
      }
      case 'categories': {
        const categories = await store.categories.list();
        if (categories.length === 0) return reply.callNotFound();
        return sendXml(request, reply, renderUrlset(categories.map((category) => ({ loc: url(categoryPath(category.slug)) }))));
      }
      case 'authors': {
        const authors = await store.users.listBylined(now);
        if (authors.length === 0) return reply.callNotFound();
        return sendXml(request, reply, renderUrlset(authors.map((author) => ({ loc: url(authorPath(author.slug)) }))));
      }
      case 'news': {
        const count = await store.articles.countRecentForNews({ now, since: new Date(now.getTime() - NEWS_WINDOW_MS) });
        if (file.page > pagesFor(count, MAX_URLS_PER_NEWS_SITEMAP)) return reply.callNotFound();
        return sendXml(request, reply, await newsSitemap(request, file.page));
      }
    }
  });
}
