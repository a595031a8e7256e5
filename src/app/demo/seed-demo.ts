import { createArticle, type ArticleDeps } from '../../core/articles/create-article.js';
import { slugify } from '../../core/articles/slug.js';
import type { Store } from '../../core/ports.js';
import { demoArticles, demoAuthors, demoCategories } from './demo-content.js';

const HOUR = 3_600_000;

export interface SeedResult {
  authors: number;
  categories: number;
  articles: number;
}

/**
 * Loads the demo newsroom (authors, categories, articles dated relative to the clock) in one transaction.
 * Does nothing and returns zeros when the demo authors are already there, so running it twice is safe.
 * Every row it creates carries the demo mark (tags only when the seed made them), which is how
 * `newsdesk demo remove` later finds exactly the demo content. Demo authors are byline profiles: the
 * contributor role and no password, so nobody can sign in as one.
 */
export async function seedDemo(deps: ArticleDeps): Promise<SeedResult> {
  if (await deps.store.users.findBySlug(demoAuthors[0]!.slug)) return { authors: 0, categories: 0, articles: 0 };
  const now = deps.clock.now().getTime();
  return deps.store.transaction(async (store: Store) => {
    const userIds = new Map<string, number>();
    for (const author of demoAuthors) {
      const user = await store.users.create({ ...author, role: 'contributor', passwordHash: null });
      userIds.set(author.slug, user.id);
    }
    await store.demo.mark('user', [...userIds.values()]);
    // Tags the newsroom had already are its own: only the ones the seed creates are marked.
    const tagSlugs = [...new Set(demoArticles.flatMap((article) => article.tagNames.map(slugify)))];
    const existingTags = new Set<string>();
    for (const slug of tagSlugs) if (await store.tags.findBySlug(slug)) existingTags.add(slug);
    // Likewise sections: one the newsroom already has under a demo slug (`bench-data` makes "economy", for
    // one) files the demo's articles and stays the newsroom's, unmarked; only the ones made here are marked.
    const categoryIds = new Map<string, number>();
    const madeCategories: number[] = [];
    for (const category of demoCategories) {
      const existing = await store.categories.findBySlug(category.slug);
      if (existing) {
        categoryIds.set(category.slug, existing.id);
        continue;
      }
      const parentId = category.parentSlug ? categoryIds.get(category.parentSlug) : undefined;
      const created = await store.categories.create({ ...category, parentId: parentId ?? null });
      categoryIds.set(category.slug, created.id);
      madeCategories.push(created.id);
    }
    await store.demo.mark('category', madeCategories);
    // Oldest first, so ids grow with publication time as they would in a real newsroom.
    const ordered = [...demoArticles].sort((a, b) => b.hoursAgo - a.hoursAgo);
    const articleIds: number[] = [];
    for (const article of ordered) {
      const publishedAt = new Date(now - article.hoursAgo * HOUR);
      const status = article.status === 'draft' ? 'draft' : 'published';
      const created = await createArticle(
        { ...deps, store, clock: { now: () => (status === 'draft' ? new Date(now) : publishedAt) } },
        {
          title: article.title,
          dek: article.dek,
          bodyMd: article.bodyMd,
          ...(article.excerpt ? { excerpt: article.excerpt } : {}),
          slug: article.slug,
          status,
          publishedAt: status === 'draft' ? null : publishedAt,
          updatedAt: new Date(now - (article.updatedHoursAgo ?? Math.max(article.hoursAgo, 0)) * HOUR),
          primaryCategoryId: categoryIds.get(article.categorySlug) ?? null,
          authorIds: article.authorSlugs.map((slug) => {
            const id = userIds.get(slug);
            if (id === undefined) throw new Error(`Demo article ${article.slug} names unknown author ${slug}.`);
            return id;
          }),
          tagNames: article.tagNames,
        },
      );
      articleIds.push(created.id);
    }
    await store.demo.mark('article', articleIds);
    const newTags = await Promise.all(tagSlugs.filter((slug) => !existingTags.has(slug)).map((slug) => store.tags.findBySlug(slug)));
    await store.demo.mark('tag', newTags.flatMap((tag) => (tag ? [tag.id] : [])));
    return { authors: demoAuthors.length, categories: madeCategories.length, articles: demoArticles.length };
  });
}
