import { afterEach, describe, expect, it } from 'vitest';
import { demoArticles } from '../../src/app/demo/demo-content.js';
import { testDatabases } from '../support/databases.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

// The newest public articles are kept in memory (app/cached-newest.ts). With the page cache off, every
// request renders, so these pages show exactly what that copy answers.
const HOUR = 3_600_000;
const SCHEDULED = demoArticles.find((article) => article.status === 'scheduled')!;
const NEWEST = demoArticles
  .filter((article) => (article.status ?? 'published') === 'published')
  .sort((a, b) => a.hoursAgo - b.hoursAgo)[0]!;
const READ_ON = demoArticles.find((article) => (article.status ?? 'published') === 'published' && article.hoursAgo >= 24)!;

for (const database of testDatabases()) {
  describe(`newest articles from memory on ${database.name}`, () => {
    let app: TestApp | undefined;
    afterEach(async () => {
      await app?.dispose();
      app = undefined;
    });

    const page = async (path: string) => {
      const response = await app!.server.inject({ method: 'GET', url: path });
      expect(response.statusCode, path).toBe(200);
      return response.body;
    };

    it('shows an article published after the list was read, on the home page and in an article page\'s recent list', async () => {
      app = await openTestApp(database, { env: { NEWSDESK_CACHE_MB: '0' } });
      const slug = 'a-story-written-after-the-list-was-read';
      expect(await page('/')).not.toContain(`/${slug}"`);
      expect(await page(`/${READ_ON.slug}`)).not.toContain(`/${slug}"`);
      app.clock.advance(60_000);
      const created = await addArticle(app, { title: 'A story written after the list was read' });
      expect(created.slug).toBe(slug);
      expect(await page('/')).toContain(`/${slug}"`);
      expect(await page(`/${READ_ON.slug}`)).toContain(`/${slug}"`);
      // An article page never lists itself among the recent ones, though it is the newest.
      const own = await page(`/${slug}`);
      const recent = own.slice(own.indexOf('<aside class="recent"'));
      expect(recent).toContain(`/${NEWEST.slug}"`);
      expect(recent).not.toContain(`/${slug}"`);
    });

    it('shows a scheduled article once its time has come, without any write, and not after the clock goes back', async () => {
      app = await openTestApp(database, { env: { NEWSDESK_CACHE_MB: '0' } });
      expect(await page('/')).not.toContain(`/${SCHEDULED.slug}"`);
      expect(await page(`/${READ_ON.slug}`)).not.toContain(`/${SCHEDULED.slug}"`);
      app.clock.advance(25 * HOUR);
      expect(await page('/')).toContain(`/${SCHEDULED.slug}"`);
      expect(await page(`/${READ_ON.slug}`)).toContain(`/${SCHEDULED.slug}"`);
      app.clock.set(TEST_NOW);
      expect(await page('/')).not.toContain(`/${SCHEDULED.slug}"`);
      expect(await page(`/${READ_ON.slug}`)).not.toContain(`/${SCHEDULED.slug}"`);
    });
  });
}
