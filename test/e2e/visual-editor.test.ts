import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoArticles } from '../../src/app/demo/demo-content.js';
import { parseBodyMarkdown, serializeBodyMarkdown } from '../../src/render/editor/markdown-format.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { testDatabases } from '../support/databases.js';
import { AdminClient, makeUser, PASSWORD } from '../support/admin-session.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

describe('every demo article goes through the visual editor unchanged', () => {
  const renderer = createMarkdownRenderer();
  // Asserted on the text, not only on the HTML: opening a story in the visual editor and saving it without
  // an edit must not rewrite its Markdown (no noise in the revisions, no surprise for a Markdown writer).
  for (const article of demoArticles) {
    it(article.slug, () => {
      const markdown = serializeBodyMarkdown(parseBodyMarkdown(article.bodyMd));
      expect(markdown).toBe(article.bodyMd);
      expect(renderer.render(markdown)).toBe(renderer.render(article.bodyMd));
    });
  }
});

for (const database of testDatabases()) {
  describe(`the editor page hooks in the visual editor on ${database.name}`, () => {
    let app: TestApp;
    let editor: AdminClient;

    beforeAll(async () => {
      app = await openTestApp(database);
      await makeUser(app, 'editor');
      editor = await new AdminClient(app).signIn('editor@newsroom.test', PASSWORD);
    });

    afterAll(async () => {
      await app?.dispose();
    });

    it('shows the saved body’s word count and reading time without JavaScript, and loads the editor’s script', async () => {
      const created = await editor.post('/admin/articles', { title: 'Port dredging begins' });
      const id = Number(/\/admin\/articles\/(\d+)/.exec(String(created.headers.location))![1]);
      const revision = (await app.store.articles.findById(id))!.revision;
      // 9 words (Work starts · Dredgers arrive on Monday · See the notice): heading marks, bullets and the address are not.
      const saved = await editor.post(`/admin/articles/${id}`, {
        revision,
        title: 'Port dredging begins',
        bodyMd: '## Work starts\n\n- Dredgers arrive on **Monday**\n- See [the notice](https://example.com/notice-2026)',
      });
      expect(saved.statusCode).toBe(303);
      const page = await editor.get(`/admin/articles/${id}`);
      expect(page.body).toMatch(/<div class="body-field" data-visual-editor>\s*<label for="bodyMd">Body \(Markdown\)<\/label>/);
      expect(page.body).toContain('<p class="hint body-stats" id="body-stats" data-body-stats>9 words · 1 min read</p>');
      const script = /<script src="(\/assets\/visual-editor\.[0-9a-f]{12}\.js)" defer><\/script>/.exec(page.body)?.[1];
      expect(script, 'the visual editor script').toBeDefined();
      const asset = await app.server.inject({ method: 'GET', url: script! });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(asset.body).toContain('data-visual-editor');
    });

    it('says so when the body has no words yet', async () => {
      const created = await editor.post('/admin/articles', { title: 'Empty for now' });
      const page = await editor.get(String(created.headers.location));
      expect(page.body).toContain('data-body-stats>No words yet</p>');
    });
  });
}
