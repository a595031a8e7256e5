import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

// "Scheduled" is the desk's name for a published article whose time has not come. The site runs in Karachi
// (UTC+5, no daylight saving) so times in the list are visibly in the site's zone, not UTC.
const DEMO_TOMORROW = 'Energy regulator publishes winter gas allocation plan';
const DEMO_PUBLISHED = 'Freight rates ease as global shipping demand cools';
const LATER = 'Budget committee meets after the holiday';

/** The list's row (a <tr>) whose link text is `title`, or undefined. */
function rowOf(html: string, title: string): string | undefined {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((match) => match[1]!).find((row) => row.includes(`>${title}`));
}
function titlesIn(html: string): string[] {
  return [...html.matchAll(/<a href="\/admin\/articles\/\d+">([^<]*)<\/a>/g)].map((match) => match[1]!);
}

for (const database of testDatabases()) {
  describe(`scheduled as a desk status on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;

    beforeAll(async () => {
      app = await openTestApp(database, { env: { NEWSDESK_TIME_ZONE: 'Asia/Karachi' } });
      await makeUser(app, 'editor');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      // Due three days after the demo's story for tomorrow: 2 Dec 2026 09:30 UTC, 14:30 in Karachi.
      await addArticle(app, { title: LATER, publishedAt: new Date('2026-12-02T09:30:00.000Z') });
    }, 300_000);
    afterAll(async () => app?.dispose());
    const idOf = async (title: string) => (await app.store.articles.adminList({ limit: 100, now: app.clock.now() })).find((row) => row.title === title)!.id;

    it("shows the demo's story for tomorrow as Scheduled with its time in the site's zone", async () => {
      const list = await editor.get('/admin/articles');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('<th scope="col">Publication</th>');
      const row = rowOf(list.body, DEMO_TOMORROW);
      expect(row, 'the demo story is listed').toBeDefined();
      // The demo dates it 24 hours after TEST_NOW (29 Nov 2026 12:00 UTC): 30 Nov 17:00 in Karachi.
      expect(row).toContain('<span class="status status-scheduled">Scheduled</span>');
      expect(row).toContain('<time datetime="2026-11-30T12:00:00.000Z">30 Nov 2026, 17:00</time>');
      expect(row).not.toContain('>Published<');

      const published = rowOf(list.body, DEMO_PUBLISHED)!;
      expect(published).toContain('<span class="status status-published">Published</span>');
      expect(published).toMatch(/<time datetime="2026-11-2\dT[\d:.]+Z">2\d Nov 2026, \d\d:\d\d<\/time>/);
      const draft = rowOf(list.body, 'Parliamentary committee to examine port concession plan');
      expect(draft).toContain('<span class="status status-draft">Draft</span>');
      expect(draft).not.toContain('<time');
    });

    it('filters by ?status=scheduled: only published articles whose time has not come, the latest time first', async () => {
      const scheduled = await editor.get('/admin/articles?status=scheduled');
      expect(scheduled.statusCode).toBe(200);
      expect(titlesIn(scheduled.body)).toEqual([LATER, DEMO_TOMORROW]);
      expect(rowOf(scheduled.body, LATER)).toContain('<time datetime="2026-12-02T09:30:00.000Z">2 Dec 2026, 14:30</time>');
      expect(scheduled.body).toContain('<option value="scheduled" selected>Scheduled</option>');

      const published = await editor.get('/admin/articles?status=published');
      const titles = titlesIn(published.body);
      expect(titles).toContain(DEMO_PUBLISHED);
      expect(titles).not.toContain(DEMO_TOMORROW);
      expect(titles).not.toContain(LATER);
      expect(published.body).not.toContain('status-scheduled');

      // An unknown status filters nothing rather than failing.
      const unknown = await editor.get('/admin/articles?status=Scheduled');
      expect(unknown.statusCode).toBe(200);
      expect(titlesIn(unknown.body)).toEqual(expect.arrayContaining([DEMO_TOMORROW, DEMO_PUBLISHED]));
    });

    it("marks the editor's header Scheduled with the time it goes live", async () => {
      const id = await idOf(DEMO_TOMORROW);
      const page = await editor.get(`/admin/articles/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<span class="status status-scheduled">Scheduled</span>');
      expect(page.body).toContain('Goes live <time datetime="2026-11-30T12:00:00.000Z">30 Nov 2026, 17:00</time>');
    });

    it('turns Scheduled into Published when the time comes, with nothing stored changing', async () => {
      const id = await idOf(DEMO_TOMORROW);
      const before = await app.store.articles.findById(id);
      app.clock.set(new Date('2026-11-30T12:00:00.000Z'));
      try {
        const scheduled = await editor.get('/admin/articles?status=scheduled');
        expect(titlesIn(scheduled.body)).toEqual([LATER]);
        expect(rowOf((await editor.get('/admin/articles')).body, DEMO_TOMORROW)).toContain('<span class="status status-published">Published</span>');
        const page = await editor.get(`/admin/articles/${id}`);
        expect(page.body).toContain('Published <time datetime="2026-11-30T12:00:00.000Z">30 Nov 2026, 17:00</time>');
        const after = await app.store.articles.findById(id);
        expect({ status: after!.status, publishedAt: after!.publishedAt, revision: after!.revision }).toEqual({
          status: before!.status,
          publishedAt: before!.publishedAt,
          revision: before!.revision,
        });
      } finally {
        app.clock.set(TEST_NOW);
      }
    });
  });
}
