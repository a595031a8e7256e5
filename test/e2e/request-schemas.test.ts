import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, multipartBody, PASSWORD } from '../support/admin-session.js';
import { addArticle, openTestApp, type TestApp } from '../support/test-app.js';

/** The words of an HTML page, without its markup (entities for quotes decoded). */
const words = (html: string) =>
  html
    .replace(/<head>.*<\/head>/s, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/\s+/g, ' ');

// Every state-changing newsroom route declares its fields: a field no form sends is refused with a 400 that
// names it, nothing is written, and a malformed id in the address is a 400, not a server error.
for (const database of testDatabases()) {
  describe(`request schemas at the newsroom's edge on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;
    let admin: AdminClient;

    beforeAll(async () => {
      app = await openTestApp(database);
      await makeUser(app, 'editor');
      await makeUser(app, 'admin');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      admin = await new AdminClient(app).signIn('admin@newsroom.test', PASSWORD);
    });
    afterAll(async () => app.dispose());

    const draft = async (title: string) => {
      const article = await addArticle(app, { title, status: 'draft', authorSlugs: ['editor-person'] });
      await editor.get(`/admin/articles/${article.id}`);
      return article;
    };
    const stored = async (id: number) => (await app.store.articles.findById(id))!;

    it('refuses a field the editor form does not have, names it, and saves nothing', async () => {
      const article = await draft('Schema check one');
      const response = await editor.post(`/admin/articles/${article.id}`, { revision: article.revision, title: 'Changed', colour: 'red' });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(words(response.body)).toContain('Unknown field "colour": this address does not take it.');
      expect([(await stored(article.id)).title, (await stored(article.id)).revision]).toEqual(['Schema check one', article.revision]);
    });

    it('asks who is there before it reads the fields: signed out, a malformed form is 401, not a field error', async () => {
      const article = await draft('Schema check signed out');
      const stranger = new AdminClient(app);
      const response = await stranger.post(`/admin/articles/${article.id}`, { revision: article.revision, title: 'Changed', colour: 'red' }, { csrf: false });
      expect(response.statusCode).toBe(401);
      expect(response.body).not.toContain('colour');
      expect((await stored(article.id)).title).toBe('Schema check signed out');
    });

    it('still takes every field the editor form sends', async () => {
      const article = await draft('Schema check two');
      const response = await editor.post(`/admin/articles/${article.id}`, {
        revision: article.revision,
        title: 'Every field',
        dek: 'A standfirst.',
        bodyMd: 'Body text.',
        excerpt: '',
        slug: 'every-field',
        categoryId: '',
        tags: 'One, Two',
        authors: 'editor-person',
        seoTitle: '',
        seoDescription: '',
        canonicalUrl: '',
        noindex: '1',
      });
      expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
      expect((await stored(article.id)).title).toBe('Every field');
    });

    it('answers autosave (a script) in JSON, naming the unknown field', async () => {
      const article = await draft('Schema check three');
      const response = await app.server.inject({
        method: 'POST',
        url: `/admin/articles/${article.id}/autosave`,
        headers: {
          cookie: [...editor.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; '),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        payload: new URLSearchParams({ _csrf: editor.csrf, revision: String(article.revision), bodyMd: 'x', sneaky: '1' }).toString(),
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'VALIDATION_FAILED', message: expect.stringContaining('Unknown field "sneaky"') });
      expect((await stored(article.id)).revision).toBe(article.revision);
    });

    it('refuses a publishing action that does not exist, listing the ones that do', async () => {
      const article = await draft('Schema check four');
      const response = await editor.post(`/admin/articles/${article.id}/action`, { revision: article.revision, action: 'delete-everything' });
      expect(response.statusCode).toBe(400);
      expect(words(response.body)).toContain('The field "action" must be one of: submit, send_back, withdraw, publish, schedule, unpublish, archive, restore.');
      expect((await stored(article.id)).status).toBe('draft');
    });

    it('refuses a revision that is not a number', async () => {
      const article = await draft('Schema check five');
      const response = await editor.post(`/admin/articles/${article.id}`, { revision: '1 OR 1=1', title: 'Injected' });
      expect(response.statusCode).toBe(400);
      expect((await stored(article.id)).title).toBe('Schema check five');
    });

    it('answers an id that is not a number with 400 on every kind of route', async () => {
      for (const [client, url] of [
        [editor, '/admin/articles/abc'],
        [editor, '/admin/articles/abc/action'],
        [editor, '/admin/articles/0/image/remove'],
        [editor, '/admin/articles/1/revisions/first/restore'],
        [editor, '/admin/sections/abc'],
        [editor, '/admin/tags/-3'],
        [admin, '/admin/users/abc/role'],
        [admin, '/admin/users/abc/disable'],
      ] as const) {
        const response = await client.post(url, {});
        expect([url, response.statusCode]).toEqual([url, 400]);
        expect(words(response.body)).toMatch(/The part of the address "(id|revision)" must be (a whole number|at least 1)\./);
      }
      expect((await editor.get('/admin/articles/abc')).statusCode).toBe(400);
    });

    it('refuses unknown fields on the sections, tags and people forms', async () => {
      const section = await editor.post('/admin/sections', { name: 'Weather', description: '', parentId: '', colour: 'blue' });
      expect(section.statusCode).toBe(400);
      expect(await app.store.categories.findBySlug('weather')).toBeUndefined();
      const user = await admin.post('/admin/users', { email: 'x@newsroom.test', displayName: 'X', role: 'admin', password: PASSWORD, isSuperuser: '1' });
      expect(user.statusCode).toBe(400);
      expect(words(user.body)).toContain('Unknown field "isSuperuser"');
      expect((await admin.post('/admin/users', { email: 'y@newsroom.test', displayName: 'Y', role: 'author', password: PASSWORD })).statusCode).toBe(200);
    });

    it('refuses an upload with a field the upload form does not have, before reading the picture', async () => {
      const article = await draft('Schema check six');
      const picture = Buffer.alloc(2000, 1);
      const unknownText = await editor.upload(`/admin/articles/${article.id}/image`, { revision: article.revision, alt: 'A picture', caption: 'extra' }, { name: 'p.png', type: 'image/png', data: picture });
      expect(unknownText.statusCode).toBe(400);
      expect(unknownText.json<{ message: string }>().message).toContain('Unknown field "caption"');
      const body = multipartBody({ _csrf: editor.csrf, revision: article.revision, alt: 'A picture' }, { field: 'attachment', name: 'p.png', type: 'image/png', data: picture });
      const wrongFile = await app.server.inject({
        method: 'POST',
        url: `/admin/articles/${article.id}/image`,
        headers: { cookie: [...editor.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; '), 'content-type': body.contentType, accept: 'application/json' },
        payload: body.payload,
      });
      expect(wrongFile.statusCode).toBe(400);
      expect(wrongFile.json<{ message: string }>().message).toContain('Unknown field "attachment"');
      const after = await stored(article.id);
      expect([after.featuredMediaId, after.revision]).toEqual([null, article.revision]);
    });
  });
}
