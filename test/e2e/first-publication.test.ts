import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

const DAY = 86_400_000;
// TEST_NOW is 2026-11-29T12:00:00Z and the site's zone is UTC: the dates a reader must see, written out.
const FIRST = { iso: '2026-11-29T12:00:00.000Z', jsonLd: '2026-11-29T12:00:00+00:00', rss: 'Sun, 29 Nov 2026 12:00:00 GMT' };

for (const database of testDatabases()) {
  describe(`the first publication date survives taking an article down on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;
    let apiToken: string;
    const get = (url: string) => app.server.inject({ method: 'GET', url });

    beforeAll(async () => {
      app = await openTestApp(database, { seed: false });
      await makeUser(app, 'editor');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      apiToken = newApiToken();
      await app.store.apiKeys.create({ name: 'desk', role: 'editor', tokenHash: hashApiToken(apiToken) });
    });
    afterAll(async () => app.dispose());

    async function act(id: number, action: string) {
      await editor.get(`/admin/articles/${id}`);
      const revision = (await app.store.articles.findById(id))!.revision;
      expect((await editor.post(`/admin/articles/${id}/action`, { action, revision })).statusCode, action).toBe(303);
    }

    async function api(id: number, fields: Record<string, unknown>) {
      const revision = (await app.store.articles.findById(id))!.revision;
      const response = await app.server.inject({
        method: 'PATCH',
        url: `/api/v1/articles/${id}`,
        headers: { authorization: `Bearer ${apiToken}` },
        payload: { revision, ...fields },
      });
      expect(response.statusCode, JSON.stringify(fields)).toBe(200);
    }

    /** The page, its JSON-LD and all three feeds carry the first date, and the page says when it was updated. */
    async function expectFirstDate(slug: string, title: string, updatedIso: string) {
      const page = await get(`/${slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`Published <time datetime="${FIRST.iso}"`);
      expect(page.body).toContain(`"datePublished":"${FIRST.jsonLd}"`);
      expect(page.body).toContain(`<meta property="article:published_time" content="${FIRST.jsonLd}"`);
      expect(page.body).toMatch(new RegExp(`Updated\\s*<time datetime="${updatedIso}"`));
      const rss = (await get('/rss.xml')).body;
      expect(rss.slice(rss.indexOf(title))).toMatch(new RegExp(`^[^]*?<pubDate>${FIRST.rss}</pubDate>`));
      expect((await get('/atom.xml')).body).toContain(`<published>2026-11-29T12:00:00.000Z</published>`);
      const json = (await get('/feed.json')).json<{ items: Array<{ title: string; date_published: string; date_modified: string }> }>();
      const item = json.items.find((entry) => entry.title === title)!;
      expect(item.date_published).toBe(FIRST.iso);
      expect(item.date_modified).toBe(updatedIso);
    }

    it('keeps it through unpublish and publish again in the newsroom, and shows when it was updated', async () => {
      app.clock.set(TEST_NOW);
      const article = await addArticle(app, { title: 'Ferry timetable restored', status: 'draft', authorSlugs: ['editor-person'] });
      await act(article.id, 'publish');
      app.clock.set(new Date(TEST_NOW.getTime() + DAY));
      await act(article.id, 'unpublish');
      expect((await get(`/${article.slug}`)).statusCode).toBe(404);
      app.clock.set(new Date(TEST_NOW.getTime() + 2 * DAY));
      await act(article.id, 'publish');
      expect((await app.store.articles.findById(article.id))!.publishedAt?.toISOString()).toBe(FIRST.iso);
      await expectFirstDate(article.slug, 'Ferry timetable restored', '2026-12-01T12:00:00.000Z');
    });

    it('keeps it through archive, restore and publish again', async () => {
      app.clock.set(TEST_NOW);
      const article = await addArticle(app, { title: 'Bridge repairs finished', authorSlugs: ['editor-person'] });
      app.clock.set(new Date(TEST_NOW.getTime() + DAY));
      await act(article.id, 'archive');
      await act(article.id, 'restore');
      app.clock.set(new Date(TEST_NOW.getTime() + 3 * DAY));
      await act(article.id, 'publish');
      await expectFirstDate(article.slug, 'Bridge repairs finished', '2026-12-02T12:00:00.000Z');
    });

    it('keeps it when the REST API takes an article down and puts it back', async () => {
      app.clock.set(TEST_NOW);
      const article = await addArticle(app, { title: 'Tunnel reopens to lorries', authorSlugs: ['editor-person'] });
      app.clock.set(new Date(TEST_NOW.getTime() + DAY));
      await api(article.id, { status: 'draft', publishedAt: null });
      app.clock.set(new Date(TEST_NOW.getTime() + 4 * DAY));
      await api(article.id, { status: 'published' });
      await expectFirstDate(article.slug, 'Tunnel reopens to lorries', '2026-12-03T12:00:00.000Z');
    });

    it('dates a story first published from a schedule by the time it went public', async () => {
      app.clock.set(new Date(TEST_NOW.getTime() - DAY));
      const article = await addArticle(app, { title: 'Harbour light relit', status: 'draft', authorSlugs: ['editor-person'] });
      await editor.get(`/admin/articles/${article.id}`);
      const scheduled = await editor.post(`/admin/articles/${article.id}/action`, { action: 'schedule', revision: article.revision, at: '2026-11-29T12:00' });
      expect(scheduled.statusCode).toBe(303);
      app.clock.set(new Date(TEST_NOW.getTime() + DAY));
      await act(article.id, 'unpublish');
      app.clock.set(new Date(TEST_NOW.getTime() + 5 * DAY));
      await act(article.id, 'publish');
      await expectFirstDate(article.slug, 'Harbour light relit', '2026-12-04T12:00:00.000Z');
    });

    it('gives a story taken down before its scheduled time no first date: publishing it later dates it then', async () => {
      app.clock.set(TEST_NOW);
      const article = await addArticle(app, { title: 'Lock gates tested', status: 'draft', authorSlugs: ['editor-person'] });
      await editor.get(`/admin/articles/${article.id}`);
      await editor.post(`/admin/articles/${article.id}/action`, { action: 'schedule', revision: article.revision, at: '2026-11-30T09:00' });
      await act(article.id, 'unpublish');
      app.clock.set(new Date('2026-12-01T08:00:00.000Z'));
      await act(article.id, 'publish');
      const stored = (await app.store.articles.findById(article.id))!;
      expect(stored.publishedAt?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
      expect((await get(`/${article.slug}`)).body).toContain('Published <time datetime="2026-12-01T08:00:00.000Z"');
    });
  });
}
