import type { RevisionKind, RevisionSnapshot, Store } from '../ports.js';
import type { Article } from './article.js';
import { fieldsOfArticle } from './editable-fields.js';
import type { ArticleFacts } from '../publishing/cache-keys.js';

export function snapshotOf(
  article: Article,
  links: { authorIds: readonly number[]; tagIds: readonly number[]; tagNames: readonly string[] },
): RevisionSnapshot {
  return {
    ...fieldsOfArticle(article, links),
    status: article.status,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    tagIds: [...links.tagIds],
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
