import Database from 'better-sqlite3';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { testDatabases } from '../support/databases.js';
import { addArticle, openTestApp, type TestApp } from '../support/test-app.js';

// Every failure of a newsroom page, sent by hand: each must be a page of the newsroom (its layout, its
// navigation for someone signed in), say what happened and what to do, and offer a way back; never the
// reading site's error page, never bare text. Scripts that ask for JSON still get JSON.

const SITE = 'https://news.example.test';
const ENTITIES: Record<string, string> = { '&#34;': '"', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
/** The page's text as a person reads it: tags dropped, spaces squeezed, entities decoded. */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#34|quot|#39|lt|gt|amp);/g, (entity) => ENTITIES[entity]!)
    .replace(/\s+/g, ' ')
    .trim();

function expectNewsroomPage(response: LightMyRequestResponse, status: number, texts: readonly string[]): void {
  expect(response.statusCode, words(response.body).slice(0, 300)).toBe(status);
  expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(response.headers['cache-control']).toBe('private, no-store');
  expect(response.body).toContain('<body class="admin">');
  expect(response.body).toContain('Newsdesk newsroom</title>');
  expect(response.body, "the reading site's page").not.toContain('site-header');
  for (const text of texts) expect(words(response.body)).toContain(text);
}

for (const database of testDatabases()) {
  describe(`newsroom errors stay in the newsroom on ${database.name}`, () => {
    let app: TestApp;
    let contributor: AdminClient;
    let editor: AdminClient;
    let theirs: number;

    const cookieOf = (client: AdminClient) => [...client.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
    const form = (fields: Record<string, string | number>) => new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();

    beforeAll(async () => {
      app = await openTestApp(database);
      await makeUser(app, 'contributor', 'Cam Writer');
      await makeUser(app, 'editor', 'Nadia Editor');
      contributor = await new AdminClient(app).signIn('contributor@newsroom.test', PASSWORD);
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      theirs = (await addArticle(app, { title: 'A draft of someone else', status: 'draft', publishedAt: null })).id;
    }, 120_000);
    afterAll(async () => app?.dispose());

    it('403: a role without the capability, an article one may not open, a form without its token, a request from another site', async () => {
      const role = await contributor.get('/admin/users');
      expectNewsroomPage(role, 403, ['You cannot do that', 'Your role (contributor) may not do this. Ask an editor or an admin.', 'Sign out Cam Writer', 'Back to the newsroom']);
      expect(role.body).toContain('<a href="/admin">Back to the newsroom</a>');

      expectNewsroomPage(await contributor.get(`/admin/articles/${theirs}`), 403, ['You may not open this article. Ask an editor.', 'Back to the newsroom']);

      const noToken = await app.server.inject({
        method: 'POST',
        url: '/admin/profile',
        headers: { cookie: cookieOf(editor), 'content-type': 'application/x-www-form-urlencoded', referer: `${SITE}/admin/profile` },
        payload: form({ displayName: 'Nadia Editor', bio: '', slug: 'nadia-editor' }),
      });
      expectNewsroomPage(noToken, 403, ['This form has expired or did not come from this site. Reload the page and try again.']);
      expect(noToken.body).toContain('<a href="/admin/profile">Back to the page you came from</a>');

      const foreign = await app.server.inject({
        method: 'POST',
        url: '/admin/profile',
        headers: { cookie: cookieOf(editor), 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
        payload: form({ _csrf: editor.csrf, displayName: 'Changed', bio: '', slug: 'nadia-editor' }),
      });
      expectNewsroomPage(foreign, 403, [`Refused: this request came from another site (https://evil.example). Changes can only be made from the pages of ${SITE}; go there and try again.`]);
      expect(foreign.body, 'no way back to the other site').not.toContain('evil.example/');
    });

    it('404: an address the newsroom does not have, and an article that does not exist', async () => {
      expectNewsroomPage(await editor.get('/admin/no-such-page'), 404, ['Not found in the newsroom', 'There is no newsroom page at this address.', 'Sign out Nadia Editor', 'Back to the newsroom']);
      const anonymous = await app.server.inject({ method: 'GET', url: '/admin/no-such-page' });
      expectNewsroomPage(anonymous, 404, ['There is no newsroom page at this address.', 'Sign in']);
      expect(anonymous.body).not.toContain('Back to the newsroom');
      expectNewsroomPage(await editor.get('/admin/articles/987654'), 404, ['There is no article 987654.']);
    });

    it('401: a form sent after the session ended asks to sign in again', async () => {
      const ended = await app.server.inject({
        method: 'POST',
        url: '/admin/articles',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE },
        payload: form({ title: 'Lost' }),
      });
      expectNewsroomPage(ended, 401, ['Please sign in again', 'Your session has ended, so this was not done. Sign in again at /admin/login, then repeat it.']);
      expect(ended.body).toContain('<a href="/admin/login">Sign in</a>');
    });

    it('400: an address with a malformed id, a form with a field it does not take', async () => {
      expectNewsroomPage(await editor.get('/admin/articles/abc'), 400, ['That did not work', 'The part of the address "id" must be a whole number.', 'Back to the newsroom']);
      const id = (await addArticle(app, { title: 'A draft of the editor', status: 'draft', publishedAt: null })).id;
      const stray = await editor.post(`/admin/articles/${id}/notes`, { body: 'A note.', colour: 'red' });
      expectNewsroomPage(stray, 400, ['Unknown field "colour": this address does not take it. Check the field\'s name, or reload the page if you sent a form.']);
    });

    it('409: restoring a revision over a newer save, and setting up a site that is set up', async () => {
      const article = await addArticle(app, { title: 'Twice edited', status: 'draft', publishedAt: null });
      await editor.get(`/admin/articles/${article.id}`);
      expect((await editor.post(`/admin/articles/${article.id}`, { revision: article.revision, title: 'Twice edited, once' })).statusCode).toBe(303);
      const stale = await editor.post(`/admin/articles/${article.id}/revisions/1/restore`, { revision: article.revision });
      // Answered by the editor itself, showing the newer version, inside the newsroom.
      expectNewsroomPage(stale, 409, ['Someone saved a newer version after you opened the revision; look at it again before restoring.', 'Sign out Nadia Editor']);
      const late = new AdminClient(app);
      await late.get('/admin/login');
      const setup = await late.post('/admin/setup', { email: 'late@newsroom.test', displayName: 'Late Admin', password: PASSWORD });
      expectNewsroomPage(setup, 409, ['The newsroom is already set up', 'Sign in']);
    });

    it('413: a form larger than the newsroom takes', async () => {
      const huge = await editor.post(`/admin/articles/${theirs}`, { revision: 1, title: 'Huge', bodyMd: 'x'.repeat(2_200_000) });
      expectNewsroomPage(huge, 413, ['Too large to send', 'The request body is too large for this address. Send less (a shorter text, or a smaller file).']);
    });

    it('429: too many wrong passwords, on the sign-in page of the newsroom', async () => {
      await makeUser(app, 'author', 'Locked Person', 'locked@newsroom.test');
      const guest = new AdminClient(app);
      await guest.get('/admin/login');
      let last: LightMyRequestResponse | undefined;
      for (let n = 0; n < 6; n++) last = await guest.post('/admin/login', { email: 'locked@newsroom.test', password: 'not the password' });
      expectNewsroomPage(last!, 429, ['Sign in']);
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('500: a fault in the server, with a way to try again', async () => {
      const id = (await addArticle(app, { title: 'Broken for a moment', status: 'draft', publishedAt: null })).id;
      await sql`alter table article_notes rename to article_notes_away`.execute(app.store.db);
      try {
        const broken = await editor.get(`/admin/articles/${id}`);
        expectNewsroomPage(broken, 500, ['Something went wrong', 'Something went wrong on our side; please try again in a moment.', 'Back to the newsroom']);
        expect(broken.body).toContain(`<a href="/admin/articles/${id}">Try again</a>`);
      } finally {
        await sql`alter table article_notes_away rename to article_notes`.execute(app.store.db);
      }
      expect((await editor.get(`/admin/articles/${id}`)).statusCode).toBe(200);
    });

    // Only SQLite has one writer at a time to hold; the test exists only there (not skipped elsewhere).
    if (database.name === 'sqlite') it('503: the database busy with another writer', async () => {
      const config = app.config.database;
      if (config.kind !== 'sqlite') return;
      const id = (await addArticle(app, { title: 'Busy database', status: 'draft', publishedAt: null })).id;
      await editor.get(`/admin/articles/${id}`);
      const other = new Database(config.file);
      other.exec('BEGIN EXCLUSIVE');
      try {
        const busy = await editor.post(`/admin/articles/${id}/notes`, { body: 'Written while the database is busy.' });
        expectNewsroomPage(busy, 503, ['The newsroom is unavailable for a moment', 'The database is busy with other changes. Nothing was changed; please try again in a few seconds.']);
        expect(busy.headers['retry-after']).toBe('5');
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
    }, 30_000);

    it('still answers JSON to scripts that ask for it, and to the API', async () => {
      const autosave = await app.server.inject({
        method: 'POST',
        url: `/admin/articles/${theirs}/autosave`,
        headers: { cookie: cookieOf(contributor), 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        payload: form({ _csrf: contributor.csrf, revision: 1, title: 'Not mine' }),
      });
      expect(autosave.statusCode).toBe(403);
      expect(autosave.json()).toMatchObject({ error: 'FORBIDDEN' });
      const api = await app.server.inject({ method: 'GET', url: '/api/v1/articles/1' });
      expect(api.statusCode).toBe(401);
      expect(api.json()).toMatchObject({ error: 'UNAUTHENTICATED' });
    });
  });
}
