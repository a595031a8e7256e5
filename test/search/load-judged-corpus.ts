import { createArticle, type ArticleDeps } from '../../src/core/articles/create-article.js';
import { applyAction } from '../../src/core/articles/workflow.js';
import type { Clock } from '../../src/core/ports.js';
import { createMarkdownRenderer } from '../../src/render/markdown.js';
import type { TestApp } from '../support/test-app.js';
import { judgedAuthors, judgedCorpus, judgedSections, type JudgedArticle } from './judged-corpus.js';

const HOUR = 3_600_000;

/**
 * Loads the judged corpus into an app opened without demo content, through the same domain operations the
 * newsroom uses: bylined people and sections in the store, articles with `createArticle` (tags made from their
 * names), a withdrawn one published and then unpublished by an editor. Oldest first, so ids grow with time.
 */
export async function loadJudgedCorpus(app: TestApp): Promise<void> {
  const now = app.clock.now().getTime();
  const authorIds = new Map<string, number>();
  for (const author of judgedAuthors) {
    const user = await app.store.users.create({ slug: author.slug, displayName: author.name, email: `${author.slug}@judged.test`, role: 'author', passwordHash: null });
    authorIds.set(author.slug, user.id);
  }
  const editor = await app.store.users.create({ slug: 'judged-editor', displayName: 'Judged Editor', email: 'editor@judged.test', role: 'editor', passwordHash: null });
  const sectionIds = new Map<string, number>();
  for (const section of judgedSections) {
    const parentId = section.parent === undefined ? null : sectionIds.get(section.parent);
    if (parentId === undefined) throw new Error(`section ${section.slug} names ${section.parent} before it exists`);
    const created = await app.store.categories.create({ slug: section.slug, name: section.name, parentId });
    sectionIds.set(section.slug, created.id);
  }

  const byAge = [...judgedCorpus].sort((a, b) => b.hoursAgo - a.hoursAgo);
  for (const article of byAge) {
    const publishedAt = new Date(now - article.hoursAgo * HOUR);
    // Written when it was published (or now, for what is not published yet), as a newsroom would have.
    const writtenAt = publishedAt.getTime() < now ? publishedAt : new Date(now);
    const clock: Clock = { now: () => new Date(writtenAt) };
    const deps: ArticleDeps = { store: app.store, clock, markdown: createMarkdownRenderer(), excerptWords: app.config.excerptWords, bus: app.bus };
    const unpublished = article.visibility === 'draft' || article.visibility === 'in_review';
    const created = await createArticle(deps, {
      slug: article.slug,
      title: article.headline,
      dek: article.standfirst,
      bodyMd: article.body,
      status: statusOf(article),
      publishedAt: unpublished ? null : publishedAt,
      primaryCategoryId: idOf(sectionIds, article.section),
      authorIds: [idOf(authorIds, article.author)],
      tagNames: article.tags,
      noindex: article.visibility === 'noindex',
    });
    if (article.visibility === 'withdrawn') {
      await applyAction({ ...deps, clock: app.clock }, { id: editor.id, role: 'editor' }, { id: created.id, revision: created.revision, action: 'unpublish' });
    }
  }
}

function statusOf(article: JudgedArticle): 'draft' | 'in_review' | 'published' {
  if (article.visibility === 'draft') return 'draft';
  if (article.visibility === 'in_review') return 'in_review';
  return 'published';
}

function idOf(ids: Map<string, number>, slug: string): number {
  const id = ids.get(slug);
  if (id === undefined) throw new Error(`the judged corpus names unknown ${slug}`);
  return id;
}
