import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoArticles } from '../../src/app/demo/demo-content.js';
import { relativeTime } from '../../src/core/time/relative-time.js';
import { testDatabases } from '../support/databases.js';
import { byClass, canonical, headings, jsonLd, links, listedArticleHrefs, meta, textOf } from '../support/html.js';
import { openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

const CIS = '/pakistan-cabinet-approves-cis-moa-with-united-states';
const DRAFT = demoArticles.find((a) => a.status === 'draft')!;
const SCHEDULED = demoArticles.find((a) => a.status === 'scheduled')!;
const HOUR = 3_600_000;

for (const database of testDatabases()) {
  describe(`public site on ${database.name}`, () => {
    let app: TestApp;
    const get = async (url: string) => {
      const response = await app.server.inject({ method: 'GET', url });
      return { status: response.statusCode, html: response.body, headers: response.headers };
    };

    beforeAll(async () => {
      app = await openTestApp(database);
    });
    afterAll(async () => app.dispose());

    describe('the CIS-MOA article page', () => {
      let html: string;
      beforeAll(async () => {
        const response = await get(CIS);
        expect(response.status).toBe(200);
        html = response.html;
      });

      it('has the headline as its only h1, then the dek', () => {
        const h1s = headings(html).filter((h) => h.level === 1);
        expect(h1s.map((h) => h.text)).toEqual(["Pakistan's cabinet approves security communications agreement with United States"]);
        expect(textOf(byClass(html, 'article__dek'))).toMatch(/^The federal cabinet has cleared the way/);
      });

      it('names every author by display name, in byline order, each linking to their page', () => {
        const byline = links(byClass(html, 'article__byline') ?? '');
        expect(byline).toEqual([
          { href: '/author/imran-qadir', text: 'Imran Qadir', rel: 'author' },
          { href: '/author/farah-siddiqui', text: 'Farah Siddiqui', rel: 'author' },
        ]);
        expect(textOf(byClass(html, 'article__byline'))).toBe('By Imran Qadir and Farah Siddiqui');
      });

      it('shows published and updated times as machine-readable <time> elements', () => {
        const dates = byClass(html, 'article__dates') ?? '';
        const published = new Date(TEST_NOW.getTime() - 5 * HOUR).toISOString();
        const updated = new Date(TEST_NOW.getTime() - 3 * HOUR).toISOString();
        expect(dates).toContain(`<time datetime="${published}"`);
        expect(dates).toContain(`<time datetime="${updated}"`);
        expect(textOf(dates)).toContain('5 hours ago');
        expect(textOf(dates)).toContain('Updated 29 November 2026 at 09:00 UTC');
      });

      it('renders the Markdown body with its sub-headings as h2 after the h1', () => {
        const levels = headings(byClass(html, 'article__body', 'div') ?? '');
        expect(levels).toEqual([
          { level: 2, text: 'What the agreement covers' },
          { level: 2, text: 'A relationship with a long history' },
          { level: 2, text: 'What comes next' },
        ]);
        expect(html).toContain('<li>continued access to US-origin communications');
      });

      it('links to its primary category as "More International news", and to its tags', () => {
        expect(links(html)).toContainEqual({ href: '/category/international', text: 'More International news' });
        expect(links(byClass(html, 'tag-list', 'ul') ?? '').map((l) => l.text)).toEqual([
          'CIS-MOA',
          'Defence cooperation',
          'Pakistan',
          'United States',
        ]);
      });

      it('lists five Recent Posts, newest first, without itself, each with excerpt and relative time', () => {
        const recent = byClass(html, 'recent', 'aside') ?? '';
        const hrefs = listedArticleHrefs(recent);
        const expected = demoArticles
          .filter((a) => (a.status ?? 'published') === 'published' && a.slug !== CIS.slice(1))
          .sort((a, b) => a.hoursAgo - b.hoursAgo)
          .slice(0, 5)
          .map((a) => `/${a.slug}`);
        expect(hrefs).toEqual(expected);
        const excerpts = [...recent.matchAll(/<p class="article-list__excerpt">([\s\S]*?)<\/p>/g)].map((m) => m[1] ?? '');
        expect(excerpts).toHaveLength(5);
        for (const excerpt of excerpts) {
          expect(excerpt.length).toBeGreaterThan(10);
          expect(excerpt).not.toMatch(/<|&lt;/);
        }
        const derived = excerpts.filter((e) => e.endsWith('…'));
        expect(derived.length).toBeGreaterThan(0);
        for (const excerpt of derived) expect(excerpt.replace(/…$/, '').split(/\s+/).length).toBeLessThanOrEqual(15);
        const times = [...recent.matchAll(/<time datetime="([^"]+)"[^>]*data-relative[^>]*>([^<]+)<\/time>/g)];
        expect(times).toHaveLength(5);
        for (const [, iso, text] of times) expect(text).toBe(relativeTime(new Date(iso!), TEST_NOW, 'en-GB'));
      });

      it('carries canonical URL, OpenGraph tags and NewsArticle JSON-LD with every author', () => {
        expect(canonical(html)).toBe(`https://news.example.test${CIS}`);
        expect(meta(html, 'og:type')).toBe('article');
        expect(meta(html, 'og:url')).toBe(`https://news.example.test${CIS}`);
        const [article, breadcrumbs] = jsonLd(html);
        expect(article?.['@type']).toBe('NewsArticle');
        expect(article?.headline).toBe("Pakistan's cabinet approves security communications agreement with United States");
        expect(article?.author).toEqual([
          { '@type': 'Person', name: 'Imran Qadir', url: 'https://news.example.test/author/imran-qadir' },
          { '@type': 'Person', name: 'Farah Siddiqui', url: 'https://news.example.test/author/farah-siddiqui' },
        ]);
        expect(article?.datePublished).toBe('2026-11-29T07:00:00+00:00');
        expect(article?.dateModified).toBe('2026-11-29T09:00:00+00:00');
        expect(article?.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': `https://news.example.test${CIS}` });
        expect(breadcrumbs?.['@type']).toBe('BreadcrumbList');
      });

      it('has OpenGraph article:* tags, a Twitter card and links to the site feeds', () => {
        const all = (key: string) => [...html.matchAll(new RegExp(`<meta property="${key}" content="([^"]*)"`, 'g'))].map((m) => m[1]);
        expect(all('article:published_time')).toEqual(['2026-11-29T07:00:00+00:00']);
        expect(all('article:modified_time')).toEqual(['2026-11-29T09:00:00+00:00']);
        expect(all('article:section')).toEqual(['International']);
        expect(all('article:author')).toEqual([
          'https://news.example.test/author/imran-qadir',
          'https://news.example.test/author/farah-siddiqui',
        ]);
        expect(all('article:tag')).toEqual(['CIS-MOA', 'Defence cooperation', 'Pakistan', 'United States']);
        expect(meta(html, 'twitter:card')).toBe('summary');
        const alternates = [...html.matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)"/g)].map((m) => [m[1], m[2]]);
        expect(alternates).toEqual([
          ['application/rss+xml', '/rss.xml'],
          ['application/atom+xml', '/atom.xml'],
          ['application/feed+json', '/feed.json'],
        ]);
      });

      it('is served with a content security policy that allows no inline script', async () => {
        const response = await get(CIS);
        expect(response.headers['content-security-policy']).toContain("script-src 'self'");
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      });
    });

    describe('home and archives', () => {
      it('shows a lead story, the latest list, and a block per top-level category', async () => {
        const { status, html } = await get('/');
        expect(status).toBe(200);
        const newest = [...demoArticles].filter((a) => !a.status || a.status === 'published').sort((a, b) => a.hoursAgo - b.hoursAgo)[0]!;
        expect(links(byClass(html, 'lead-story', 'article') ?? '').map((l) => l.href)).toContain(`/${newest.slug}`);
        const sectionHeadings = [...html.matchAll(/<section class="home-section"[^>]*><h2[^>]*><a href="([^"]+)"/g)].map((m) => m[1]);
        expect(sectionHeadings).toEqual([
          '/category/business',
          '/category/defence',
          '/category/economy',
          '/category/important-days',
          '/category/international',
        ]);
      });

      it('lists a category newest first, including its subcategories (Banking under Economy)', async () => {
        const { html } = await get('/category/economy');
        const hrefs = listedArticleHrefs(html);
        const expected = demoArticles
          .filter((a) => (!a.status || a.status === 'published') && ['economy', 'banking'].includes(a.categorySlug))
          .sort((a, b) => a.hoursAgo - b.hoursAgo)
          .map((a) => `/${a.slug}`);
        expect(hrefs).toEqual(expected);
        expect(jsonLd(html)[0]?.['@type']).toBe('CollectionPage');
        expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="Newsdesk: Economy (RSS)" href="/category/economy/rss.xml"/>');
      });

      it('has tag and author archives', async () => {
        const tag = await get('/tag/pakistan');
        expect(tag.status).toBe(200);
        expect(listedArticleHrefs(tag.html)).toContain(CIS);
        const author = await get('/author/imran-qadir');
        expect(author.status).toBe(200);
        expect(headings(author.html)[0]).toEqual({ level: 1, text: 'Imran Qadir' });
        expect(listedArticleHrefs(author.html)).toContain(CIS);
      });

      it('pages archives with ?before= and reaches every article exactly once', async () => {
        const small = await openTestApp(database, { env: { NEWSDESK_PAGE_SIZE: '4' } });
        try {
          const seen: string[] = [];
          let url: string | undefined = '/tag/pakistan';
          for (let i = 0; url && i < 10; i++) {
            const response: { statusCode: number; body: string } = await small.server.inject({ method: 'GET', url });
            expect(response.statusCode).toBe(200);
            seen.push(...listedArticleHrefs(response.body));
            url = links(response.body).find((l) => l.rel === 'next')?.href;
          }
          const expected = demoArticles
            .filter((a) => (!a.status || a.status === 'published') && a.tagNames.includes('Pakistan'))
            .sort((a, b) => a.hoursAgo - b.hoursAgo)
            .map((a) => `/${a.slug}`);
          expect(expected.length).toBeGreaterThan(4);
          expect(seen).toEqual(expected);
        } finally {
          await small.dispose();
        }
      });

      it('answers a malformed ?before= with 400 and a message', async () => {
        const response = await get("/category/economy?before=1'%20OR%201=1");
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(textOf(response.html)).toContain('The "before" parameter must look like');
      });
    });

    describe('visibility', () => {
      const pages = ['/', '/category/business', '/category/economy', '/tag/trade', '/tag/pakistan', '/tag/energy', '/tag/ports'];

      it('keeps drafts and future-dated articles off every page and list', async () => {
        expect((await get(`/${DRAFT.slug}`)).status).toBe(404);
        expect((await get(`/${SCHEDULED.slug}`)).status).toBe(404);
        const authorPages = [...new Set([...DRAFT.authorSlugs, ...SCHEDULED.authorSlugs])].map((slug) => `/author/${slug}`);
        for (const page of [...pages, ...authorPages, CIS]) {
          const { html } = await get(page);
          expect(html, page).not.toContain(DRAFT.slug);
          expect(html, page).not.toContain(SCHEDULED.slug);
          expect(html, page).not.toContain(SCHEDULED.title.replace(/'/g, '&#39;'));
        }
      });

      it('shows a scheduled article once its time has come, and never the draft', async () => {
        const later = await openTestApp(database);
        try {
          later.clock.advance(25 * HOUR);
          const article = await later.server.inject({ method: 'GET', url: `/${SCHEDULED.slug}` });
          expect(article.statusCode).toBe(200);
          const home = await later.server.inject({ method: 'GET', url: '/' });
          expect(home.body).toContain(`/${SCHEDULED.slug}`);
          expect(home.body).not.toContain(DRAFT.slug);
        } finally {
          await later.dispose();
        }
      });
    });

    describe('not found and redirects', () => {
      it('answers an unknown path with a 404 page', async () => {
        for (const path of ['/no-such-article', '/category/no-such', '/tag/nope', '/author/nobody', '/a/b/c']) {
          const response = await get(path);
          expect(response.status, path).toBe(404);
          expect(headings(response.html)[0]).toEqual({ level: 1, text: 'Page not found' });
          expect(meta(response.html, 'robots')).toBe('noindex');
        }
      });

      it('sends a 301 from an old slug to the new one', async () => {
        await app.store.redirects.add({ fromPath: '/cabinet-approves-cis-moa', toPath: CIS });
        const response = await get('/cabinet-approves-cis-moa');
        expect(response.status).toBe(301);
        expect(response.headers.location).toBe(CIS);
      });
    });

    describe('assets', () => {
      it('serves hashed assets with a year-long immutable cache lifetime', async () => {
        const { html } = await get('/');
        const href = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1] ?? '';
        expect(href).toMatch(/^\/assets\/site\.[0-9a-f]{12}\.css$/);
        const css = await get(href);
        expect(css.status).toBe(200);
        expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
        expect((await get('/assets/site.000000000000.css')).status).toBe(404);
      });
    });
  });
}
