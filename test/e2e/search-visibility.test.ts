import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles/article.js';
import { createArticle, type ArticleDeps } from '../../src/core/articles/create-article.js';
import { updateArticle } from '../../src/core/articles/update-article.js';
import { applyAction } from '../../src/core/articles/workflow.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import { testDatabases } from '../support/databases.js';
import { listedArticleHrefs } from '../support/html.js';
import { openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

// Only public articles are found. The same rare word sits in a public story (the positive control: it must be
// found, or the absences below prove nothing) and in a draft, a story in review, one scheduled for later, a
// withdrawn one and a noindex one. The scheduled one appears once its time has come; the noindex one once the
// flag is cleared. The page cache is off here: this is about what the search finds, not about cached pages
// (search-cache.test.ts covers those).

const HOUR = 3_600_000;
const WORD = 'zephyrine';

for (const database of testDatabases()) {
  describe(`search finds only public articles on ${database.name}`, () => {
    let app: TestApp;
    let deps: ArticleDeps;
    let editorId: number;
    let authorId: number;
    let sectionId: number;
    const stories: Record<string, Article> = {};

    const found = async () => {
      const response = await app.server.inject({ method: 'GET', url: `/search?q=${WORD}` });
      expect(response.statusCode).toBe(200);
      return listedArticleHrefs(response.body);
    };

    const write = (slug: string, input: { status: 'draft' | 'in_review' | 'published'; publishedAt?: Date | null; noindex?: boolean }) =>
      createArticle(deps, {
        slug,
        title: `The ${WORD} orchard: ${slug.replace(/-/g, ' ')}`,
        dek: `Growers of the ${WORD} apple meet again.`,
        bodyMd: `The ${WORD} harvest was the largest in a decade.`,
        authorIds: [authorId],
        primaryCategoryId: sectionId,
        tagNames: ['Orchards'],
        ...input,
      });

    beforeAll(async () => {
      app = await openTestApp(database, { seed: false, env: { NEWSDESK_CACHE_MB: '0' } });
      deps = { store: app.store, clock: app.clock, markdown: createMarkdownRenderer(), excerptWords: app.config.excerptWords, bus: app.bus };
      authorId = (await app.store.users.create({ slug: 'ines-ward', displayName: 'Ines Ward', email: 'ines@visibility.test', role: 'author', passwordHash: null })).id;
      editorId = (await app.store.users.create({ slug: 'eli-editor', displayName: 'Eli Editor', email: 'eli@visibility.test', role: 'editor', passwordHash: null })).id;
      sectionId = (await app.store.categories.create({ slug: 'farming', name: 'Farming' })).id;

      stories.public = await write('public-control', { status: 'published', publishedAt: new Date(TEST_NOW.getTime() - 3 * HOUR) });
      stories.draft = await write('still-a-draft', { status: 'draft' });
      stories.inReview = await write('waiting-for-review', { status: 'in_review' });
      stories.scheduled = await write('scheduled-for-tonight', { status: 'published', publishedAt: new Date(TEST_NOW.getTime() + 6 * HOUR) });
      stories.noindex = await write('kept-out-of-search', { status: 'published', publishedAt: new Date(TEST_NOW.getTime() - 2 * HOUR), noindex: true });
      const live = await write('taken-down-again', { status: 'published', publishedAt: new Date(TEST_NOW.getTime() - 4 * HOUR) });
      stories.withdrawn = await applyAction(deps, { id: editorId, role: 'editor' }, { id: live.id, revision: live.revision, action: 'unpublish' });
    }, 300_000);
    afterAll(async () => app?.dispose());

    it('finds the public story and none of the draft, in-review, scheduled, withdrawn or noindex ones', async () => {
      expect(stories.withdrawn!.status).not.toBe('published');
      expect(await found()).toEqual(['/public-control']);
    });

    it('finds the scheduled story once its time has passed, and still none of the others', async () => {
      app.clock.advance(7 * HOUR);
      const hrefs = await found();
      expect(hrefs).toContain('/public-control');
      expect(hrefs).toContain('/scheduled-for-tonight');
      expect(hrefs).toHaveLength(2);
    });

    it('finds the noindex story once the flag is cleared', async () => {
      const story = (await app.store.articles.findById(stories.noindex!.id))!;
      await updateArticle(deps, { id: story.id, revision: story.revision, edit: { noindex: false } });
      const hrefs = await found();
      expect([...hrefs].sort()).toEqual(['/kept-out-of-search', '/public-control', '/scheduled-for-tonight']);
    });
  });
}
