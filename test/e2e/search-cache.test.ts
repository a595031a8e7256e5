import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { addArticle, openTestApp, type TestApp } from '../support/test-app.js';

// Search result pages are cached like other pages, keyed by the query as readers mean it, and dropped when a
// story they could show is published, changed or withdrawn (and only then: unpublished edits drop nothing).

for (const database of testDatabases()) {
  describe(`search pages in the page cache on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;
    const get = (url: string) => app.server.inject({ method: 'GET', url });

    beforeAll(async () => {
      app = await openTestApp(database, { env: { NEWSDESK_CACHE_MB: '16' } });
      await makeUser(app, 'editor', 'Nadia Editor');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
    }, 300_000);
    afterAll(async () => app?.dispose());

    it('answers a repeated search from the cache, whatever spaces the query carries', async () => {
      const first = await get('/search?q=harbour%20dredging');
      expect(first.statusCode).toBe(200);
      expect(first.headers['x-cache']).not.toBe('HIT');
      expect((await get('/search?q=harbour%20dredging')).headers['x-cache']).toBe('HIT');
      expect((await get('/search?q=%20harbour%20%20dredging%20')).headers['x-cache']).toBe('HIT');
      expect((await get('/search?q=harbour%20dredging&page=2')).headers['x-cache']).not.toBe('HIT');
    });

    it('drops the cached results when a matching story is published, and shows it', async () => {
      await get('/search?q=lighthouse');
      expect((await get('/search?q=lighthouse')).headers['x-cache']).toBe('HIT');
      const story = await addArticle(app, { title: 'Lighthouse keepers return to the point', bodyMd: 'The lighthouse is staffed again.', authorSlugs: ['nadia-editor'] });
      const after = await get('/search?q=lighthouse');
      expect(after.headers['x-cache']).not.toBe('HIT');
      // The headline shows with the searched word marked.
      expect(after.body).toContain('<mark>Lighthouse</mark> keepers return to the point');

      // Unpublished changes to it change nothing readers see: the cached results stay.
      expect((await get('/search?q=lighthouse')).headers['x-cache']).toBe('HIT');
      await editor.get(`/admin/articles/${story.id}`);
      await editor.post(`/admin/articles/${story.id}`, { revision: story.revision, title: 'Lighthouse keepers leave the point' });
      expect((await get('/search?q=lighthouse')).headers['x-cache']).toBe('HIT');

      // Withdrawn: the page is dropped and the story is gone from it.
      const revision = (await app.store.articles.findById(story.id))!.revision;
      await editor.post(`/admin/articles/${story.id}/action`, { action: 'unpublish', revision });
      const gone = await get('/search?q=lighthouse');
      expect(gone.headers['x-cache']).not.toBe('HIT');
      expect(gone.body).not.toContain('Lighthouse</mark> keepers');
      expect(gone.body).not.toContain(`/${story.slug}"`);
    });

    it('finds a story by the new name of its tag after a rename, and drops the cached results that could not', async () => {
      const story = '/pakistan-cabinet-approves-cis-moa-with-united-states';
      const before = await get('/search?q=quillfeather');
      expect(before.headers['x-cache']).not.toBe('HIT');
      expect((await get('/search?q=quillfeather')).headers['x-cache']).toBe('HIT');
      const tag = (await app.store.tags.findBySlug('cis-moa'))!;
      await editor.get('/admin/tags');
      expect((await editor.post(`/admin/tags/${tag.id}`, { name: 'Quillfeather accord' })).statusCode).toBe(303);
      const after = await get('/search?q=quillfeather');
      expect(after.headers['x-cache']).not.toBe('HIT');
      expect(after.body).toContain(`href="${story}"`);
    });

    it('never serves a signed-in member of staff from the cache', async () => {
      await get('/search?q=bank');
      const staff = await editor.get('/search?q=bank');
      expect(staff.headers['x-cache']).not.toBe('HIT');
    });
  });
}
