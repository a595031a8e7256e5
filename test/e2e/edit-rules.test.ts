import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiToken, newApiToken } from '../../src/core/access/api-token.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { addArticle, openTestApp, type TestApp } from '../support/test-app.js';

// The same edit, sent through the newsroom's form and through the REST API, meets the same rules: what one
// path refuses the other refuses too, with a 4xx and a message, and nothing is written. Limits by hand.

const many = (n: number, what: string) => Array.from({ length: n }, (_, i) => `${what} ${i + 1}`);
const CASES: Array<{ what: string; form: Record<string, string>; api: Record<string, unknown> }> = [
  { what: 'a headline of 301 characters', form: { title: 'h'.repeat(301) }, api: { title: 'h'.repeat(301) } },
  { what: 'a standfirst of 1,001 characters', form: { dek: 'd'.repeat(1001) }, api: { dek: 'd'.repeat(1001) } },
  { what: 'an excerpt of 1,001 characters', form: { excerpt: 'e'.repeat(1001) }, api: { excerpt: 'e'.repeat(1001) } },
  { what: 'a body of 500,001 characters', form: { bodyMd: 'b'.repeat(500_001) }, api: { bodyMd: 'b'.repeat(500_001) } },
  { what: '51 tags', form: { tags: many(51, 'Tag').join(', ') }, api: { tagNames: many(51, 'Tag') } },
  { what: 'a tag name of 101 characters', form: { tags: 't'.repeat(101) }, api: { tagNames: ['t'.repeat(101)] } },
  { what: 'a search engine title of 301 characters', form: { seoTitle: 's'.repeat(301) }, api: { seoTitle: 's'.repeat(301) } },
  { what: 'a canonical URL that is not http(s)', form: { canonicalUrl: 'javascript:alert(1)' }, api: { canonicalUrl: 'javascript:alert(1)' } },
];

for (const database of testDatabases()) {
  describe(`one set of rules for the newsroom and the API on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;
    let token: string;

    beforeAll(async () => {
      app = await openTestApp(database, { seed: false });
      await makeUser(app, 'editor', 'Nadia Editor');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
      token = newApiToken();
      await app.store.apiKeys.create({ name: 'wire desk', role: 'editor', tokenHash: hashApiToken(token) });
    }, 300_000);
    afterAll(async () => app?.dispose());

    for (const rule of CASES) {
      it(`refuses ${rule.what} on both paths, writing nothing`, async () => {
        const story = await addArticle(app, { title: `Rules story ${rule.what}`, status: 'draft', authorSlugs: ['nadia-editor'] });
        await editor.get(`/admin/articles/${story.id}`);
        const form = await editor.post(`/admin/articles/${story.id}`, { revision: story.revision, title: story.title, ...rule.form });
        expect(form.statusCode, 'newsroom').toBeGreaterThanOrEqual(400);
        expect(form.statusCode, 'newsroom').toBeLessThan(500);
        expect(form.body).toMatch(/<p class="error" role="alert">[^<]+<\/p>/);
        const api = await app.server.inject({
          method: 'PATCH',
          url: `/api/v1/articles/${story.id}`,
          headers: { authorization: `Bearer ${token}` },
          payload: { revision: story.revision, ...rule.api },
        });
        expect(api.statusCode, `API: ${api.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(api.statusCode, 'API').toBeLessThan(500);
        expect(api.json<{ message: string }>().message.length).toBeGreaterThan(10);
        expect((await app.store.articles.findById(story.id))!.revision).toBe(story.revision);
      });
    }

    it('accepts the same search engine title on both paths', async () => {
      const story = await addArticle(app, { title: 'Port rates', status: 'draft', authorSlugs: ['nadia-editor'] });
      const api = await app.server.inject({
        method: 'PATCH',
        url: `/api/v1/articles/${story.id}`,
        headers: { authorization: `Bearer ${token}` },
        payload: { revision: story.revision, seoTitle: '  Port rates rise in 2027  ', seoDescription: '' },
      });
      expect(api.statusCode, api.body).toBe(200);
      const after = (await app.store.articles.findById(story.id))!;
      expect([after.seoTitle, after.seoDescription]).toEqual(['Port rates rise in 2027', null]);
      await editor.get(`/admin/articles/${story.id}`);
      const form = await editor.post(`/admin/articles/${story.id}`, { revision: after.revision, title: after.title, seoTitle: 'Port rates rise again' });
      expect(form.statusCode).toBe(303);
      expect((await app.store.articles.findById(story.id))!.seoTitle).toBe('Port rates rise again');
    });
  });
}
