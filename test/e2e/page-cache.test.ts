import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync } from 'node:zlib';
import { updateArticle } from '../../src/core/articles/update-article.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { testDatabases } from '../support/databases.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';

const OLD = '/world-food-day-what-the-observance-is-for';
const CIS = '/pakistan-cabinet-approves-cis-moa-with-united-states';

for (const database of testDatabases()) {
  describe(`page cache on ${database.name}`, () => {
    let app: TestApp;
    const get = (url: string, headers: Record<string, string> = {}) => app.server.inject({ method: 'GET', url, headers });
    const xcache = async (url: string) => (await get(url)).headers['x-cache'];
    const edit = async (slug: string, changes: Parameters<typeof updateArticle>[1]['edit']) => {
      const article = (await app.store.articles.findPublicBySlug(slug, app.clock.now()))!;
      return updateArticle(
        { store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), excerptWords: 15, bus: app.bus },
        { id: article.id, revision: article.revision, edit: changes },
      );
    };

    beforeAll(async () => {
      app = await openTestApp(database);
    });
    afterAll(async () => app.dispose());

    it('serves the second request from memory, byte for byte, precompressed, with a Surrogate-Key', async () => {
      const first = await get(CIS);
      expect(first.headers['x-cache']).toBe('MISS');
      // Compressed copies are made once a page is asked for again, off the event loop, and attached when ready.
      const again = await get(CIS, { 'accept-encoding': 'gzip, br' });
      expect(again.headers['x-cache']).toBe('HIT');
      expect(again.headers['content-encoding']).toBeUndefined();
      await app.pageCache.settled();
      const second = await get(CIS, { 'accept-encoding': 'gzip, br' });
      expect(second.headers['x-cache']).toBe('HIT');
      expect(second.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(second.rawPayload).toString()).toBe(first.body);
      const article = (await app.store.articles.findPublicBySlug(CIS.slice(1), TEST_NOW))!;
      expect(String(second.headers['surrogate-key']).split(' ')).toContain(`article:${article.id}`);
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(second.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
      expect(second.headers['x-content-type-options']).toBe('nosniff');
      const feed = [await get('/rss.xml'), await get('/rss.xml')];
      expect(feed.map((r) => r.headers['x-cache'])).toEqual(['MISS', 'HIT']);
      expect(feed[1]!.headers['content-security-policy']).toBeUndefined();
      expect(feed[1]!.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      expect((await get(CIS, { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304);
    });

    it('drops exactly the pages, feeds and sitemaps that show an edited article, and keeps the rest', async () => {
      const showing = [OLD, '/', '/category/important-days', '/tag/food-security', '/author/farah-siddiqui', '/rss.xml', '/sitemaps/articles-2026-11.xml'];
      const notShowing = [CIS, '/category/economy', '/tag/cis-moa', '/author/claire-donnelly', '/category/defence/rss.xml', '/sitemaps/categories.xml'];
      for (const url of [...showing, ...notShowing]) expect((await get(url)).statusCode, url).toBe(200);
      for (const url of [...showing, ...notShowing]) expect(await xcache(url), url).toBe('HIT');

      await edit(OLD.slice(1), { title: 'World Food Day: why the date matters' });

      for (const url of notShowing) expect(await xcache(url), `${url} should survive`).toBe('HIT');
      for (const url of showing) {
        const response = await get(url);
        expect(response.headers['x-cache'], `${url} should be dropped`).toBe('MISS');
        // The sitemap shows the article's new update time rather than its title.
        const shown = url.startsWith('/sitemaps/') ? `${OLD}</loc><lastmod>${TEST_NOW.toISOString()}` : 'World Food Day: why the date matters';
        expect(response.body, url).toContain(shown);
      }
    });

    it('drops the lists a newly published article joins', async () => {
      for (const url of ['/', '/category/economy', '/tag/banking-regulation', '/feed.json']) await get(url);
      await addArticle(app, { title: 'Treasury sells a record ten-year bond', categorySlug: 'economy', publishedAt: TEST_NOW });
      for (const url of ['/', '/category/economy', '/feed.json']) {
        const response = await get(url);
        expect(response.headers['x-cache'], url).toBe('MISS');
        expect(response.body, url).toContain('Treasury sells a record ten-year bond');
      }
      expect(await xcache('/tag/banking-regulation')).toBe('HIT');
    });

    it('lets no header or query parameter outside the cache key change a cached response', async () => {
      const hostile = await get('/category/economy?utm=%3Cscript%3E&callback=evil&before=', {
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'http',
        'accept-language': 'fr',
        cookie: 'other=1',
      });
      const plain = await get('/category/economy');
      expect(plain.headers['x-cache']).toBe('HIT');
      expect(plain.body).toBe(hostile.body);
      expect(plain.body).not.toMatch(/evil|<script>|callback/);
      const paged = await get('/category/economy?before=1795896000000.3');
      expect(paged.body).not.toBe(plain.body);
    });

    it('never serves staff from the cache, nor stores what staff see', async () => {
      await makeUser(app, 'editor', 'Cache Editor', 'cache-editor@newsroom.test');
      const staff = await new AdminClient(app).signIn('cache-editor@newsroom.test', PASSWORD);
      await get('/category/international');
      const seen = await staff.get('/category/international');
      expect(seen.headers['x-cache']).toBeUndefined();
      expect(seen.headers['cache-control']).toBe('private, no-store');
      await edit(CIS.slice(1), { dek: 'A changed standfirst for staff.' });
      await staff.get('/tag/pakistan');
      expect(await xcache('/tag/pakistan')).toBe('MISS');
    });

    it('expires listings when a scheduled article goes public', async () => {
      await addArticle(app, { title: 'Budget speech set for noon', publishedAt: new Date(TEST_NOW.getTime() + 3_600_000) });
      const before = await get('/');
      expect(before.body).not.toContain('Budget speech set for noon');
      expect(await xcache('/')).toBe('HIT');
      app.clock.set(new Date(TEST_NOW.getTime() + 3_600_000));
      const after = await get('/');
      expect(after.headers['x-cache']).toBe('MISS');
      expect(after.body).toContain('Budget speech set for noon');
      app.clock.set(TEST_NOW);
    });
  });
}
