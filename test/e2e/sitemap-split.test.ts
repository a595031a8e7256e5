import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { xmllintErrors } from '../support/xmllint.js';
import { requireTool } from '../support/required-tools.js';

const ARTICLES = 60_000;
const ROWS_PER_INSERT = 4_000;
const locCount = (xml: string) => xml.split('<loc>').length - 1;

for (const database of testDatabases()) {
  describe(`a month with ${ARTICLES.toLocaleString('en')} articles on ${database.name}`, () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await openTestApp(database, { seed: false });
      // Bulk insert straight into the table: the split is about counts, not content.
      const start = Date.UTC(2026, 5, 1);
      const step = Math.floor((30 * 86_400_000) / ARTICLES);
      await app.store.db.transaction().execute(async (trx) => {
        for (let first = 0; first < ARTICLES; first += ROWS_PER_INSERT) {
          const rows = [];
          for (let i = first; i < Math.min(ARTICLES, first + ROWS_PER_INSERT); i++) {
            const at = new Date(start + i * step).toISOString();
            rows.push({ slug: `bulk-${i}`, title: `Bulk ${i}`, status: 'published', published_at: at, updated_at: at, created_at: at });
          }
          await trx.insertInto('articles').values(rows).execute();
        }
      });
    }, 600_000);
    afterAll(async () => app.dispose());

    it('splits the month at 50,000 URLs into two sitemaps that together hold every article once', async () => {
      const index = await app.server.inject({ method: 'GET', url: '/sitemap.xml' });
      expect(index.body).toContain('<loc>https://news.example.test/sitemaps/articles-2026-06.xml</loc>');
      expect(index.body).toContain('<loc>https://news.example.test/sitemaps/articles-2026-06-2.xml</loc>');
      expect(index.body).not.toContain('articles-2026-06-3.xml');

      const first = await app.server.inject({ method: 'GET', url: '/sitemaps/articles-2026-06.xml' });
      const second = await app.server.inject({ method: 'GET', url: '/sitemaps/articles-2026-06-2.xml' });
      expect(locCount(first.body)).toBe(50_000);
      expect(locCount(second.body)).toBe(ARTICLES - 50_000);
      expect(first.body).toContain('<loc>https://news.example.test/bulk-0</loc>');
      expect(first.body).toContain('<loc>https://news.example.test/bulk-49999</loc>');
      expect(second.body).toContain('<loc>https://news.example.test/bulk-50000</loc>');
      expect(second.body).toContain(`<loc>https://news.example.test/bulk-${ARTICLES - 1}</loc>`);
      expect(Buffer.byteLength(first.body)).toBeLessThan(50 * 1024 * 1024);
      expect((await app.server.inject({ method: 'GET', url: '/sitemaps/articles-2026-06-3.xml' })).statusCode).toBe(404);
      if (requireTool('xmllint')) expect(xmllintErrors(second.body, 'urlset')).toEqual([]);
    });
  });
}
