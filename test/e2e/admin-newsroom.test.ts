import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/core/authors/author.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

for (const database of testDatabases()) {
  describe(`the newsroom on ${database.name}`, () => {
    let app: TestApp;
    const clients = {} as Record<Role, AdminClient>;
    const drafts = {} as Record<Role, number>;

    async function newDraft(client: AdminClient, title: string): Promise<number> {
      await client.get('/admin/articles/new');
      const response = await client.post('/admin/articles', { title });
      expect(response.statusCode, response.body.slice(0, 200)).toBe(303);
      return Number(/\/admin\/articles\/(\d+)/.exec(String(response.headers.location))?.[1]);
    }
    const revisionOf = async (id: number) => (await app.store.articles.findById(id))!.revision;

    beforeAll(async () => {
      app = await openTestApp(database);
      for (const role of ROLES) {
        await makeUser(app, role);
        clients[role] = await new AdminClient(app).signIn(`${role}@newsroom.test`, PASSWORD);
        drafts[role] = await newDraft(clients[role], `A ${role}'s own draft`);
      }
    }, 300_000);
    afterAll(async () => app.dispose());

    it('keeps a contributor to their own drafts: no publishing, no byline changes, no other people', async () => {
      const contributor = clients.contributor;
      const id = drafts.contributor;
      await contributor.get(`/admin/articles/${id}`);
      for (const action of ['publish', 'unpublish', 'archive']) {
        const response = await contributor.post(`/admin/articles/${id}/action`, { action, revision: await revisionOf(id) });
        expect(response.statusCode, action).toBe(403);
      }
      const schedule = await contributor.post(`/admin/articles/${id}/action`, { action: 'schedule', revision: await revisionOf(id), at: '2030-01-01T09:00' });
      expect(schedule.statusCode).toBe(403);
      const byline = await contributor.post(`/admin/articles/${id}`, { revision: await revisionOf(id), title: 'Mine', authors: 'editor-person' });
      expect(byline.statusCode).toBe(403);
      expect((await contributor.get(`/admin/articles/${drafts.editor}`)).statusCode).toBe(403);
      expect((await contributor.get(`/admin/articles/${drafts.editor}/preview`)).statusCode).toBe(403);
      expect((await contributor.get('/admin/users')).statusCode).toBe(403);
      const list = await contributor.get(`/admin/articles?author=${(await app.store.users.findBySlug('editor-person'))!.id}`);
      expect(list.body).toContain("A contributor&#39;s own draft");
      expect(list.body).not.toMatch(/An? (editor|admin|author)&#39;s own draft/);
      expect((await app.store.articles.findById(id))!.status).toBe('draft');
    });

    it('lets a contributor submit, and an editor schedule it; readers see it only when its time comes', async () => {
      const contributor = clients.contributor;
      const id = await newDraft(contributor, 'Harbour authority publishes dredging plan');
      await contributor.get(`/admin/articles/${id}`);
      const saved = await contributor.post(`/admin/articles/${id}`, {
        revision: await revisionOf(id),
        title: 'Harbour authority publishes dredging plan',
        bodyMd: 'The port will be **deepened** over two years.\n\n## Why it matters\n\nLarger ships can call.',
        categoryId: String((await app.store.categories.findBySlug('business'))!.id),
        tags: 'Ports, Trade',
      });
      expect(saved.statusCode).toBe(303);
      expect((await contributor.post(`/admin/articles/${id}/action`, { action: 'submit', revision: await revisionOf(id) })).statusCode).toBe(303);
      expect((await app.store.articles.findById(id))!.status).toBe('in_review');

      const editor = clients.editor;
      await editor.get(`/admin/articles/${id}`);
      const past = await editor.post(`/admin/articles/${id}/action`, { action: 'schedule', revision: await revisionOf(id), at: '2026-11-29T11:00' });
      // Back-dating is for admins only: an editor's past time is refused.
      expect(past.statusCode).toBe(403);
      expect(past.body).toContain('already passed');
      // The site's time zone is UTC in tests: two minutes after TEST_NOW.
      const scheduled = await editor.post(`/admin/articles/${id}/action`, { action: 'schedule', revision: await revisionOf(id), at: '2026-11-29T12:02' });
      expect(scheduled.statusCode).toBe(303);
      const slug = (await app.store.articles.findById(id))!.slug;
      for (const path of [`/${slug}`, '/', '/category/business']) {
        const response = await app.server.inject({ method: 'GET', url: path });
        expect(response.body.includes('Harbour authority publishes dredging plan'), `${path} before`).toBe(false);
      }
      app.clock.set(new Date(TEST_NOW.getTime() + 120_000));
      for (const path of [`/${slug}`, '/', '/category/business']) {
        const response = await app.server.inject({ method: 'GET', url: path });
        expect(response.statusCode, path).toBe(200);
        expect(response.body, `${path} after`).toContain('Harbour authority publishes dredging plan');
      }
      app.clock.set(TEST_NOW);
      const actions = (await app.store.accounts.auditLog(50)).map((entry) => entry.action);
      expect(actions).toEqual(expect.arrayContaining(['article.submit', 'article.schedule']));
      // Each publishing action left one side-effect job in the outbox, written with the save.
      const jobs = await app.store.db.selectFrom('outbox').select(['kind', 'payload']).where('kind', '=', 'article.publishing').execute();
      expect(jobs.map((job) => JSON.parse(job.payload) as { articleId: number; action: string }).filter((p) => p.articleId === id).map((p) => p.action)).toEqual([
        'submit',
        'schedule',
      ]);
      expect(await app.jobs.drain()).toBeGreaterThanOrEqual(2);
    });

    it('sends the second of two editors saving the same field to a comparison of both texts, and keeps the first', async () => {
      const [first, second] = [clients.editor, clients.admin];
      const id = drafts.author;
      await first.get(`/admin/articles/${id}`);
      await second.get(`/admin/articles/${id}`);
      const revision = await revisionOf(id);
      expect((await first.post(`/admin/articles/${id}`, { revision, title: 'First editor headline', bodyMd: 'First editor body text.' })).statusCode).toBe(303);
      const stale = await second.post(`/admin/articles/${id}`, { revision, title: 'Second editor headline', bodyMd: 'Second editor body text.' });
      expect(stale.statusCode).toBe(303);
      const comparison = await second.get(String(stale.headers.location));
      expect(String(stale.headers.location)).toMatch(new RegExp(`^/admin/articles/${id}/conflicts/\\d+$`));
      expect(comparison.statusCode).toBe(200);
      expect(comparison.body).toContain('First editor headline');
      expect(comparison.body).toContain('First editor body text.');
      expect(comparison.body).toContain('Second editor headline');
      expect(comparison.body).toContain('Second editor body text.');
      const stored = (await app.store.articles.findById(id))!;
      expect(stored.title).toBe('First editor headline');
      const autosave = await second.post(`/admin/articles/${id}/autosave`, { revision, title: 'Autosaved late' });
      expect(autosave.statusCode).toBe(409);
      expect(autosave.json()).toMatchObject({ error: 'STALE_REVISION' });
      expect((await app.store.articles.findById(id))!.title).toBe('First editor headline');
    });

    it('keeps every save as a revision, shows what changed and restores one as a new save', async () => {
      const editor = clients.editor;
      const id = drafts.editor;
      await editor.get(`/admin/articles/${id}`);
      await editor.post(`/admin/articles/${id}`, { revision: await revisionOf(id), title: 'Second title', bodyMd: 'Changed body.' });
      const revisions = await app.store.articles.revisions(id);
      expect(revisions.map((r) => r.revision)).toEqual([2, 1]);
      const diff = await editor.get(`/admin/articles/${id}/revisions/1`);
      expect(diff.statusCode).toBe(200);
      expect(diff.body).toContain('Second title');
      expect(diff.body).toContain('A editor&#39;s own draft');
      const restored = await editor.post(`/admin/articles/${id}/revisions/1/restore`, { revision: await revisionOf(id) });
      expect(restored.statusCode).toBe(303);
      const article = (await app.store.articles.findById(id))!;
      expect(article.title).toBe("A editor's own draft");
      expect(article.revision).toBe(3);
    });

    it('previews Markdown with the site renderer, raw HTML shown as text', async () => {
      const author = clients.author;
      await author.get('/admin');
      const preview = await author.post('/admin/preview', { bodyMd: '## Heading\n\n<script>alert(1)</script> [x](javascript:alert(1))' });
      expect(preview.statusCode).toBe(200);
      const { html } = preview.json<{ html: string }>();
      expect(html).toContain('<h2 id="heading">Heading</h2>');
      expect(html).not.toContain('<script>');
      expect(html).not.toMatch(/href="javascript:/i);
      expect((await author.post('/admin/preview', { bodyMd: 'x' }, { csrf: false })).statusCode).toBe(403);
    });
  });
}
