import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { testDatabases } from '../support/databases.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

const SLUG = 'state-bank-holds-policy-rate-as-inflation-slows';

for (const database of testDatabases()) {
  describe(`REST API on ${database.name}`, () => {
    let app: TestApp;
    let editor: string;
    let author: string;
    let id: number;
    const call = (method: 'GET' | 'PATCH', url: string, token?: string, payload?: object) =>
      app.server.inject({ method, url, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}), ...(payload ? { payload } : {}) });
    const revision = async () => (await call('GET', `/api/v1/articles/${id}`, editor)).json<{ revision: number }>().revision;

    beforeAll(async () => {
      app = await openTestApp(database);
      editor = newApiToken();
      author = newApiToken();
      await app.store.apiKeys.create({ name: 'desk', role: 'editor', tokenHash: hashApiToken(editor) });
      await app.store.apiKeys.create({ name: 'stringer', role: 'author', tokenHash: hashApiToken(author) });
      id = (await app.store.articles.findPublicBySlug(SLUG, app.clock.now()))!.id;
    });
    afterAll(async () => app.dispose());

    it('asks for a key (401), and for a big enough role (403)', async () => {
      expect((await call('GET', `/api/v1/articles/${id}`)).statusCode).toBe(401);
      expect((await call('GET', `/api/v1/articles/${id}`, `nd_${'x'.repeat(43)}`)).statusCode).toBe(401);
      const forbidden = await call('PATCH', `/api/v1/articles/${id}`, author, { revision: 1, title: 'x' });
      expect(forbidden.statusCode).toBe(403);
      expect(forbidden.json()).toMatchObject({ error: 'FORBIDDEN' });
    });

    it('returns the article with its revision, and nothing it should not', async () => {
      const body = (await call('GET', `/api/v1/articles/${id}`, editor)).json<Record<string, unknown>>();
      expect(body).toMatchObject({ id, slug: SLUG, status: 'published', revision: 1 });
      expect(Object.keys(body).sort()).toEqual(
        ['authorIds', 'bodyMd', 'canonicalUrl', 'dek', 'excerpt', 'id', 'noindex', 'primaryCategoryId', 'publishedAt', 'revision', 'slug', 'status', 'tagIds', 'title', 'updatedAt'].sort(),
      );
    });

    it('refuses unknown fields and bad values with 400 and a message', async () => {
      const unknown = await call('PATCH', `/api/v1/articles/${id}`, editor, { revision: 1, colour: 'red' });
      expect(unknown.statusCode).toBe(400);
      const badSlug = await call('PATCH', `/api/v1/articles/${id}`, editor, { revision: 1, slug: 'Not A Slug' });
      expect(badSlug.statusCode).toBe(400);
      expect(badSlug.json<{ message: string }>().message).toContain('is not a valid slug');
      expect((await call('PATCH', `/api/v1/articles/999999`, editor, { revision: 1, title: 'x' })).statusCode).toBe(404);
      expect(await revision()).toBe(1);
    });

    it('renames a published article and keeps a 301 from the old address', async () => {
      const response = await call('PATCH', `/api/v1/articles/${id}`, editor, { revision: await revision(), slug: 'central-bank-holds-rates' });
      expect(response.statusCode).toBe(200);
      const old = await app.server.inject({ method: 'GET', url: `/${SLUG}` });
      expect(old.statusCode).toBe(301);
      expect(old.headers.location).toBe('/central-bank-holds-rates');
      expect((await app.server.inject({ method: 'GET', url: '/central-bank-holds-rates' })).statusCode).toBe(200);
    });

    it('takes an article off the site by moving it back to draft', async () => {
      await app.server.inject({ method: 'GET', url: '/category/banking' });
      const response = await call('PATCH', `/api/v1/articles/${id}`, editor, { revision: await revision(), status: 'draft' });
      expect(response.statusCode).toBe(200);
      expect((await app.server.inject({ method: 'GET', url: '/central-bank-holds-rates' })).statusCode).toBe(404);
      const banking = await app.server.inject({ method: 'GET', url: '/category/banking' });
      expect(banking.headers['x-cache']).toBe('MISS');
      expect(banking.body).not.toContain('central-bank-holds-rates');
    });
  });
}
