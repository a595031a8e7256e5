import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateArticle } from '../../src/core/articles/update-article.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { testDatabases } from '../support/databases.js';
import { makeUser } from '../support/admin-session.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

const FEEDS = ['rss.xml', 'atom.xml', 'feed.json'];

/** The page and its three feeds: every one must answer `status`. */
async function expectArchive(app: TestApp, path: string, status: number): Promise<void> {
  for (const url of [path, ...FEEDS.map((file) => `${path}/${file}`)]) {
    const response = await app.server.inject({ method: 'GET', url });
    expect(response.statusCode, url).toBe(status);
  }
}

for (const database of testDatabases()) {
  describe(`tag and author archives stand on public articles only, on ${database.name}`, () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await openTestApp(database);
    });
    afterAll(async () => app.dispose());

    it('answers 404 for a tag carried only by a draft, page and feeds alike', async () => {
      await addArticle(app, { title: 'Unreleased port survey', status: 'draft', tagNames: ['Dredging'] });
      expect(await app.store.tags.findBySlug('dredging')).toBeDefined();
      await expectArchive(app, '/tag/dredging', 404);
    });

    it('answers 404 for a tag carried only by a scheduled article, until its time comes', async () => {
      await addArticle(app, { title: 'Tomorrow’s tide tables', publishedAt: new Date(TEST_NOW.getTime() + 3_600_000), tagNames: ['Tides'] });
      await expectArchive(app, '/tag/tides', 404);
      app.clock.set(new Date(TEST_NOW.getTime() + 3_600_000));
      await expectArchive(app, '/tag/tides', 200);
      app.clock.set(TEST_NOW);
    });

    it('answers 404 for staff with no public byline, and for one whose only article is a draft', async () => {
      await makeUser(app, 'editor');
      await expectArchive(app, '/author/editor-person', 404);
      await makeUser(app, 'author', 'Draft Writer', 'draft.writer@newsroom.test');
      await addArticle(app, { title: 'Notes never filed', status: 'draft', authorSlugs: ['draft-writer'] });
      await expectArchive(app, '/author/draft-writer', 404);
    });

    it('serves a tag and an author once a public article stands behind them, and 404 again (cached page dropped) when it is taken down', async () => {
      const article = await addArticle(app, { title: 'Survey of the outer harbour', authorSlugs: ['editor-person'], tagNames: ['Harbour survey'] });
      await expectArchive(app, '/tag/harbour-survey', 200);
      await expectArchive(app, '/author/editor-person', 200);
      expect((await app.server.inject({ method: 'GET', url: '/tag/harbour-survey' })).headers['x-cache']).toBe('HIT');
      await updateArticle(
        { store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), excerptWords: app.config.excerptWords, bus: app.bus },
        { id: article.id, revision: article.revision, edit: { status: 'draft', publishedAt: null } },
      );
      await expectArchive(app, '/tag/harbour-survey', 404);
      await expectArchive(app, '/author/editor-person', 404);
    });

    it('still serves the tags and authors of the demo’s published articles', async () => {
      await expectArchive(app, '/tag/cis-moa', 200);
      await expectArchive(app, '/author/imran-qadir', 200);
    });
  });
}
