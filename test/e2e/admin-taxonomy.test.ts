import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { listedArticleHrefs } from '../support/html.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

for (const database of testDatabases()) {
  describe(`sections and tags in the newsroom on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;
    const get = (url: string) => app.server.inject({ method: 'GET', url });
    const id = async (slug: string) => (await app.store.categories.findBySlug(slug))!.id;

    beforeAll(async () => {
      app = await openTestApp(database);
      await makeUser(app, 'editor');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      await editor.get('/admin/sections');
    });
    afterAll(async () => app.dispose());

    it('adds a top-level section, and the cached navigation shows it at once', async () => {
      await get('/');
      expect((await get('/')).headers['x-cache']).toBe('HIT');
      const added = await editor.post('/admin/sections', { name: 'Sport', description: 'Matches and more.', parentId: '' });
      expect(added.statusCode).toBe(303);
      const home = await get('/');
      expect(home.headers['x-cache']).toBe('MISS');
      expect(home.body).toContain('<a href="/category/sport">Sport</a>');
      expect((await editor.post('/admin/sections', { name: 'Sport again', slug: 'sport', parentId: '' })).statusCode).toBe(409);
      expect((await editor.post('/admin/sections', { name: 'Bad', slug: 'admin', parentId: '' })).statusCode).toBe(400);
    });

    it('moves a section under another, so its articles join the new parent, and refuses cycles', async () => {
      await get('/category/business');
      const banking = await app.store.categories.findBySlug('banking');
      const moved = await editor.post(`/admin/sections/${banking!.id}`, {
        name: 'Banking',
        slug: 'banking',
        description: banking!.description,
        parentId: String(await id('business')),
      });
      expect(moved.statusCode).toBe(303);
      const business = await get('/category/business');
      expect(business.headers['x-cache']).toBe('MISS');
      expect(listedArticleHrefs(business.body)).toContain('/state-bank-holds-policy-rate-as-inflation-slows');
      const cycle = await editor.post(`/admin/sections/${await id('business')}`, { name: 'Business', slug: 'business', parentId: String(banking!.id) });
      expect(cycle.statusCode).toBe(400);
      expect(cycle.body).toContain('cannot sit inside itself');
    });

    it('renames a tag everywhere it shows, cached pages included', async () => {
      const article = '/pakistan-cabinet-approves-cis-moa-with-united-states';
      await get(article);
      const tag = (await app.store.tags.findBySlug('cis-moa'))!;
      await editor.get('/admin/tags');
      expect((await editor.post(`/admin/tags/${tag.id}`, { name: 'CIS-MOA pact' })).statusCode).toBe(303);
      const page = await get(article);
      expect(page.headers['x-cache']).toBe('MISS');
      expect(page.body).toContain('>CIS-MOA pact</a>');
      expect((await get('/tag/cis-moa')).body).toContain('<h1>CIS-MOA pact</h1>');
    });
  });
}
