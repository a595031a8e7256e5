import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { addArticle, openTestApp, type TestApp } from '../support/test-app.js';

/**
 * Written by hand, not read from the code: addresses of the site's own routes and addresses that scanners
 * probe. None may become the slug of an article, a section, a tag or an author.
 */
const RESERVED = [
  'wp-admin', 'wp-login', 'wp-content', 'wp-includes', 'xmlrpc', 'ghost', 'amp', 'admin', 'api', 'feed', 'rss',
  'atom', 'sitemap', 'sitemaps', 'news-sitemap', 'robots', 'favicon', 'category', 'tag', 'author', 'search',
  'assets', 'media', 'healthz',
];

for (const database of testDatabases()) {
  describe(`reserved slugs on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;
    let apiToken: string;
    let articleId: number;
    const revision = async () => (await app.store.articles.findById(articleId))!.revision;

    beforeAll(async () => {
      app = await openTestApp(database, { seed: false });
      await makeUser(app, 'editor');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      apiToken = newApiToken();
      await app.store.apiKeys.create({ name: 'desk', role: 'editor', tokenHash: hashApiToken(apiToken) });
      articleId = (await addArticle(app, { title: 'Harbour plan approved', authorSlugs: ['editor-person'] })).id;
      await editor.get(`/admin/articles/${articleId}`);
    });
    afterAll(async () => app.dispose());

    it('refuses each as an article slug typed in the newsroom', async () => {
      for (const slug of RESERVED) {
        const response = await editor.post(`/admin/articles/${articleId}`, { revision: await revision(), title: 'Harbour plan approved', slug });
        expect(response.statusCode, slug).toBe(400);
        expect(response.body, slug).toMatch(new RegExp(`${slug}(&#34;|&quot;) is reserved`));
      }
      expect((await app.store.articles.findById(articleId))!.slug).toBe('harbour-plan-approved');
    });

    it('refuses each as an article slug sent to the REST API', async () => {
      for (const slug of RESERVED) {
        const response = await app.server.inject({
          method: 'PATCH',
          url: `/api/v1/articles/${articleId}`,
          headers: { authorization: `Bearer ${apiToken}` },
          payload: { revision: await revision(), slug },
        });
        expect(response.statusCode, slug).toBe(400);
        expect(response.json<{ error: string }>().error, slug).toBe('SLUG_RESERVED');
      }
    });

    it('gives a new article titled with a reserved word a free slug instead', async () => {
      const created = await editor.post('/admin/articles', { title: 'Ghost' });
      expect(created.statusCode).toBe(303);
      const id = Number(/\/admin\/articles\/(\d+)/.exec(String(created.headers.location))![1]);
      expect((await app.store.articles.findById(id))!.slug).toBe('ghost-2');
    });

    it('refuses each as a section slug, typed or made from the name', async () => {
      await editor.get('/admin/sections');
      for (const slug of RESERVED) {
        const typed = await editor.post('/admin/sections', { name: `Section ${slug}`, slug, parentId: '' });
        expect(typed.statusCode, slug).toBe(400);
        const named = await editor.post('/admin/sections', { name: slug, parentId: '' });
        expect(named.statusCode, slug).toBe(400);
        expect(await app.store.categories.findBySlug(slug), slug).toBeUndefined();
      }
    });

    it('refuses each as a tag, from the newsroom and from the API, and creates no tag', async () => {
      for (const slug of RESERVED) {
        const name = slug.toUpperCase();
        const form = await editor.post(`/admin/articles/${articleId}`, { revision: await revision(), title: 'Harbour plan approved', tags: `Ports, ${name}` });
        expect(form.statusCode, slug).toBe(400);
        expect(form.body, slug).toContain(`/tag/${slug}`);
        const api = await app.server.inject({
          method: 'PATCH',
          url: `/api/v1/articles/${articleId}`,
          headers: { authorization: `Bearer ${apiToken}` },
          payload: { revision: await revision(), tagNames: [name] },
        });
        expect(api.statusCode, slug).toBe(400);
        expect(await app.store.tags.findBySlug(slug), slug).toBeUndefined();
      }
    });

    it('refuses each as an author profile slug', async () => {
      await editor.get('/admin/profile');
      for (const slug of RESERVED) {
        const response = await editor.post('/admin/profile', { displayName: 'Editor Person', bio: '', slug });
        expect(response.statusCode, slug).toBe(400);
      }
      expect((await app.store.users.findBySlug('editor-person'))?.displayName).toBe('Editor Person');
    });

    it('answers GET /wp-admin with the 404 page, never an article, even one stored before the word was reserved', async () => {
      await app.store.db.updateTable('articles').set({ slug: 'wp-admin' }).where('id', '=', articleId).execute();
      for (const path of ['/wp-admin', '/wp-admin/', '/amp', '/ghost', '/wp-login']) {
        const response = await app.server.inject({ method: 'GET', url: path });
        expect(response.statusCode, path).toBe(404);
        expect(response.body, path).toContain('Page not found');
        expect(response.body, path).not.toContain('Harbour plan approved');
      }
    });
  });
}
