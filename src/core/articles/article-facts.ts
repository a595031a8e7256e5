import type { ArticleFacts } from '../publishing/cache-keys.js';
import type { Store } from '../ports.js';
import { ancestorIds } from '../taxonomy/taxonomy.js';
import type { Article } from './article.js';

/** What cache invalidation needs to know about a stored article (its section with every parent section). */
export async function articleFacts(store: Store, article: Article): Promise<ArticleFacts> {
  const [links, categories] = await Promise.all([store.articles.links(article.id), store.categories.list()]);
  return {
    id: article.id,
    listed: article.status === 'published',
    publishedAt: article.publishedAt,
    categoryIds: ancestorIds(categories, article.primaryCategoryId),
    tagIds: links.tagIds,
    authorIds: links.authorIds,
    noindex: article.noindex,
  };
}
