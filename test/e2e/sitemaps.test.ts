import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoArticles } from '../../src/app/demo/demo-content.js';
import { testDatabases } from '../support/databases.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';
import { readCorpus } from '../support/corpus.js';
import { xmllintErrors } from '../support/xmllint.js';
import { describeWithTool } from '../support/required-tools.js';

const SITE = 'https://news.example.test';
const HOUR = 3_600_000;
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describeWithTool('xmllint', 'the sitemap validator', () => {
  it('rejects the schema-invalid corpus samples, so a clean result means something', () => {
    expect(xmllintErrors(readCorpus('sitemaps/samples/sitemapjs-bad-tag-sitemap.xml'), 'urlset').length).toBeGreaterThan(0);
    expect(xmllintErrors(readCorpus('sitemaps/samples/sitemapjs-bad-tag-index.xml'), 'index').length).toBeGreaterThan(0);
    expect(xmllintErrors(readCorpus('sitemaps/samples/sitemapjs-alltags-index.xml'), 'index')).toEqual([]);
  });
});

for (const database of testDatabases()) {
  describe(`sitemaps on ${database.name}`, () => {
    let app: TestApp;
    const get = async (url: string) => {
      const response = await app.server.inject({ method: 'GET', url });
      return { status: response.statusCode, body: response.body, type: response.headers['content-type'] };
    };
    const path = (url: string) => url.slice(SITE.length);

    beforeAll(async () => {
      app = await openTestApp(database);
      await addArticle(app, {
        title: 'A page editors asked search engines to skip',
        slug: 'noindex-story',
        noindex: true,
        publishedAt: new Date(TEST_NOW.getTime() - HOUR),
      });
    });
    afterAll(async () => app.dispose());

    it('has an index that lists every sitemap, and together they list exactly the public addresses', async () => {
      const index = await get('/sitemap.xml');
      expect(index.status).toBe(200);
      expect(index.type).toBe('application/xml; charset=utf-8');
      const files = locs(index.body);
      expect(files.map(path)).toEqual([
        '/sitemaps/pages.xml',
        '/sitemaps/articles-2026-11.xml',
        '/sitemaps/categories.xml',
        '/sitemaps/tags.xml',
        '/sitemaps/authors.xml',
      ]);
      const all: string[] = [];
      for (const file of files) {
        const sitemap = await get(path(file));
        expect(sitemap.status, file).toBe(200);
        all.push(...locs(sitemap.body));
      }
      const publicSlugs = demoArticles.filter((a) => !a.status || a.status === 'published').map((a) => `${SITE}/${a.slug}`);
      for (const url of publicSlugs) expect(all).toContain(url);
      expect(all).toContain(`${SITE}/category/banking`);
      expect(all).toContain(`${SITE}/tag/cis-moa`);
      expect(all).toContain(`${SITE}/author/imran-qadir`);
      expect(all).not.toContain(`${SITE}/noindex-story`);
      for (const hidden of demoArticles.filter((a) => a.status === 'draft' || a.status === 'scheduled')) {
        expect(all).not.toContain(`${SITE}/${hidden.slug}`);
      }
      // Tags only on hidden articles are not advertised.
      expect(all).not.toContain(`${SITE}/tag/energy`);
    });

    it('gives each article its update time as lastmod', async () => {
      const body = (await get('/sitemaps/articles-2026-11.xml')).body;
      const cis = new RegExp(`<loc>${SITE}/pakistan-cabinet-approves-cis-moa-with-united-states</loc><lastmod>([^<]+)</lastmod>`).exec(body);
      expect(cis?.[1]).toBe(new Date(TEST_NOW.getTime() - 3 * HOUR).toISOString());
    });

    it('has a Google News sitemap of the last 48 hours', async () => {
      const news = await get('/news-sitemap.xml');
      expect(news.status).toBe(200);
      const expected = demoArticles
        .filter((a) => (!a.status || a.status === 'published') && a.hoursAgo <= 48)
        .sort((a, b) => a.hoursAgo - b.hoursAgo)
        .map((a) => `${SITE}/${a.slug}`);
      expect(locs(news.body)).toEqual(expected);
      expect(news.body).toContain('<news:publication><news:name>Newsdesk</news:name><news:language>en</news:language></news:publication>');
      expect(news.body).toContain(
        `<news:publication_date>2026-11-29T07:00:00+00:00</news:publication_date><news:title>Pakistan&apos;s cabinet approves security communications agreement with United States</news:title>`,
      );
      expect(news.body).not.toContain('noindex-story');
    });

    it('has a robots.txt that names both sitemaps', async () => {
      const robots = await get('/robots.txt');
      expect(robots.type).toBe('text/plain; charset=utf-8');
      expect(robots.body).toContain(`Sitemap: ${SITE}/sitemap.xml\n`);
      expect(robots.body).toContain(`Sitemap: ${SITE}/news-sitemap.xml\n`);
      expect(robots.body).toContain('Disallow: /admin/');
    });

    it('answers unknown sitemap names and empty months with 404', async () => {
      for (const name of ['articles-2026-13.xml', 'articles-1999-01.xml', 'articles-2026-11-2.xml', 'categories-2.xml', 'x.xml', '..%2fetc.xml']) {
        expect((await get(`/sitemaps/${name}`)).status, name).toBe(404);
      }
    });

    it('escapes titles with markup and control characters in the news sitemap', async () => {
      await addArticle(app, {
        title: 'Bonds & <yields> "rise" \u0007 in 🚀 مرحبا',
        slug: 'bonds-and-yields',
        publishedAt: new Date(TEST_NOW.getTime() - 10 * 60_000),
      });
      const news = await get('/news-sitemap.xml');
      expect(news.body).toContain('<news:title>Bonds &amp; &lt;yields&gt; &quot;rise&quot;  in 🚀 مرحبا</news:title>');
    });

    // Runs after the hostile title above was added, so the news sitemap it validates holds it.
    describeWithTool('xmllint', 'against the schemas', () => {
      it('validates the index, every sitemap it lists and the news sitemap against the sitemaps.org and Google schemas', async () => {
        const index = await get('/sitemap.xml');
        expect(xmllintErrors(index.body, 'index')).toEqual([]);
        for (const file of locs(index.body)) expect(xmllintErrors((await get(path(file))).body, 'urlset'), file).toEqual([]);
        const news = await get('/news-sitemap.xml');
        expect(news.body).toContain('Bonds &amp; &lt;yields&gt;');
        expect(xmllintErrors(news.body, 'urlset')).toEqual([]);
      });
    });
  });
}
