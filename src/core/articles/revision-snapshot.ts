import type { RevisionKind, RevisionSnapshot, Store } from '../ports.js';
import type { Article } from './article.js';
import type { ArticleFacts } from '../publishing/cache-keys.js';

export function snapshotOf(
  article: Article,
  links: { authorIds: readonly number[]; tagIds: readonly number[]; tagNames: readonly string[] },
): RevisionSnapshot {
  return {
    title: article.title,
    dek: article.dek,
    bodyMd: article.bodyMd,
    excerpt: article.excerpt,
    slug: article.slug,
    status: article.status,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    primaryCategoryId: article.primaryCategoryId,
    authorIds: [...links.authorIds],
    tagIds: [...links.tagIds],
    tagNames: [...links.tagNames],
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    canonicalUrl: article.canonicalUrl,
    noindex: article.noindex,
    featuredMediaId: article.featuredMediaId,
  };
}

/** Every save is a revision: records the article as it now stands. */
export async function recordRevision(
  store: Store,
  input: { article: Article; facts: ArticleFacts; actorId: number | null; apiKeyId?: number | null; kind: RevisionKind; at: Date },
): Promise<void> {
  const tags = (await store.articles.tags([input.article.id])).get(input.article.id) ?? [];
  await store.articles.addRevision({
    articleId: input.article.id,
    revision: input.article.revision,
    snapshot: snapshotOf(input.article, {
      authorIds: input.facts.authorIds,
      tagIds: input.facts.tagIds,
      tagNames: tags.map((tag) => tag.name),
    }),
    authorId: input.actorId,
    apiKeyId: input.apiKeyId ?? null,
    kind: input.kind,
    at: input.at,
  });
}
