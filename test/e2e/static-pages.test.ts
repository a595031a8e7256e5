import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../../src/core/articles/create-article.js';
import { isDomainError } from '../../src/core/errors.js';
import { createPage } from '../../src/core/pages/manage-pages.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

for (const database of testDatabases()) {
  describe(`static pages on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;
    const get = (url: string) => app.server.inject({ method: 'GET', url });
    const pageDeps = () => ({ store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), bus: app.bus });
    const articleDeps = () => ({ ...pageDeps(), excerptWords: 20 });

    beforeAll(async () => {
      app = await openTestApp(database);
      await makeUser(app, 'editor');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      await editor.get('/admin/pages/new');
    });
    afterAll(async () => {
      await app?.dispose();
    });

    it('is written in the newsroom, hidden while a draft, then served at its address, in the sitemap and never in feeds', async () => {
      const body = 'We report **carefully**.\n\n<script>alert(1)</script><img src=x onerror=alert(2)>\n\n## Contact\n\nWrite to the desk.';
      const created = await editor.post('/admin/pages', { title: 'About us', slug: '', description: 'Who we are.', bodyMd: body, status: 'draft', position: '1' });
      expect(created.statusCode).toBe(303);
      const id = Number(/\/admin\/pages\/(\d+)/.exec(String(created.headers.location))![1]);
      expect((await get('/about-us')).statusCode).toBe(404);

      const form = await editor.get(`/admin/pages/${id}`);
      expect(form.body).toContain('name="revision" value="1"');
      const saved = await editor.post(`/admin/pages/${id}`, { revision: '1', title: 'About us', slug: 'about-us', description: 'Who we are.', bodyMd: body, status: 'published', position: '1' });
      expect(saved.statusCode).toBe(303);
      const page = await get('/about-us');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>About us | ');
      expect(page.body).toContain('<strong>carefully</strong>');
      expect(page.body).toContain('<h2');
      // Raw HTML in a page's Markdown is shown as text, never run.
      expect(page.body).not.toMatch(/<script>alert|<img[^>]*onerror/);
      expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.body).toContain('<meta name="description" content="Who we are."');
      expect((await get('/sitemaps/pages.xml')).body).toContain('https://news.example.test/about-us</loc>');
      for (const feed of ['/rss.xml', '/atom.xml', '/feed.json']) expect((await get(feed)).body).not.toContain('About us');
    });

    it('shares its address space with articles, whichever comes first, even when both race for one address', async () => {
      const article = await createArticle(articleDeps(), { title: 'Contact', bodyMd: 'News about contact.', status: 'published', authorIds: [], primaryCategoryId: null });
      expect(article.slug).toBe('contact');
      // A page asking for the article's address is refused, saying why; one that lets the title choose gets the next free one.
      const refused = await editor.post('/admin/pages', { title: 'Contact', slug: 'contact', description: '', bodyMd: 'Write to us.', status: 'published', position: '0' });
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('The address /contact is already used by an article.');
      expect(refused.body).toContain('Write to us.');
      const derived = await createPage(pageDeps(), { title: 'Contact', bodyMd: 'Write to us.', status: 'published', actorId: null });
      expect(derived.slug).toBe('contact-2');
      // An article whose title makes a page's address takes the next free one.
      const next = await createArticle(articleDeps(), { title: 'About us', bodyMd: 'A story.', status: 'draft', authorIds: [], primaryCategoryId: null });
      expect(next.slug).toBe('about-us-2');

      // Five articles and five pages asking for one address at once: exactly one gets it.
      const attempts = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          i % 2 === 0
            ? createArticle(articleDeps(), { title: `Race ${i}`, slug: 'the-race', bodyMd: 'x', status: 'draft', authorIds: [], primaryCategoryId: null })
            : createPage(pageDeps(), { title: `Race ${i}`, slug: 'the-race', bodyMd: 'x', status: 'draft', actorId: null }),
        ),
      );
      expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
      expect(attempts.every((attempt) => attempt.status === 'fulfilled' || isDomainError(attempt.reason, 'SLUG_TAKEN'))).toBe(true);
      const holders =
        Number((await app.store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('slug', '=', 'the-race').executeTakeFirstOrThrow()).n) +
        Number((await app.store.db.selectFrom('pages').select((eb) => eb.fn.countAll<number>().as('n')).where('slug', '=', 'the-race').executeTakeFirstOrThrow()).n);
      expect(holders).toBe(1);
    });

    it('refuses a reserved address, a stale save and an unconfirmed deletion; a moved page keeps its old address', async () => {
      const reserved = await editor.post('/admin/pages', { title: 'Admin', slug: 'admin', description: '', bodyMd: 'x', status: 'draft', position: '0' });
      expect(reserved.statusCode).toBe(400);
      expect(reserved.body).toMatch(/reserved/i);

      const page = await createPage(pageDeps(), { title: 'Corrections policy', bodyMd: 'We correct errors.', status: 'published', actorId: null });
      await editor.get(`/admin/pages/${page.id}`);
      const fields = { title: 'Corrections policy', slug: page.slug, description: '', status: 'published', position: '0' };
      expect((await editor.post(`/admin/pages/${page.id}`, { ...fields, revision: '1', bodyMd: 'We correct errors quickly.' })).statusCode).toBe(303);
      // Someone who opened revision 1 saves after that: refused, their text shown back, nothing overwritten.
      const stale = await editor.post(`/admin/pages/${page.id}`, { ...fields, revision: '1', bodyMd: 'An older idea.' });
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toContain('An older idea.');
      expect((await app.store.pages.findById(page.id))!.bodyMd).toBe('We correct errors quickly.');

      // Cached, then changed: readers see the change at once.
      expect((await get(`/${page.slug}`)).body).toContain('We correct errors quickly.');
      expect((await editor.post(`/admin/pages/${page.id}`, { ...fields, slug: 'corrections', revision: '2', bodyMd: 'We correct errors at once.' })).statusCode).toBe(303);
      const moved = await get(`/${page.slug}`);
      expect([moved.statusCode, moved.headers.location]).toEqual([301, '/corrections']);
      expect((await get('/corrections')).body).toContain('We correct errors at once.');

      expect((await editor.post(`/admin/pages/${page.id}/delete`, {})).statusCode).toBe(400);
      expect((await get('/corrections')).statusCode).toBe(200);
      const deleted = await editor.post(`/admin/pages/${page.id}/delete`, { confirm: '1' });
      expect([deleted.statusCode, deleted.headers.location]).toEqual([303, '/admin/pages?done=deleted']);
      expect((await get('/corrections')).statusCode).toBe(404);
      expect((await get('/sitemaps/pages.xml')).body).not.toContain('/corrections<');
    });
  });
}
