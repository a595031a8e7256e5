import { articleFacts } from '../../core/articles/article-facts.js';
import { INVALIDATE_JOB } from '../../core/articles/update-article.js';
import type { Clock, InvalidationBus, Store } from '../../core/ports.js';
import { articleChangeKeys, cacheKey } from '../../core/publishing/cache-keys.js';
import type { Media } from '../../core/images/image.js';

export interface DemoRemovalResult {
  articles: number;
  authors: number;
  sections: number;
  tags: number;
  pictures: number;
}

/**
 * Removes the demo content in one transaction: every article the seed made (with its byline, tags, revisions
 * and notes), and the demo's authors, sections, tags and pictures that nothing left uses. Rows without the
 * demo mark (whatever the newsroom wrote) are never touched, and a demo section the newsroom filed a story
 * in stays. Every process's page cache hears of it: an outbox job in the same transaction publishes the keys
 * on the invalidation bus of whichever server runs it, and `bus` (when given) is told at once. Running it
 * again removes nothing.
 */
export async function removeDemo(deps: {
  store: Store;
  clock: Clock;
  bus?: InvalidationBus;
  /** Deletes the files of removed pictures (after the commit). */
  removeFiles?: (image: Pick<Media, 'variants' | 'crops'>) => Promise<void>;
}): Promise<DemoRemovalResult> {
  const { removal, keys } = await deps.store.transaction(async (store) => {
    const keys = new Set<string>();
    for (const id of await store.demo.marked('article')) {
      const article = await store.articles.findById(id);
      if (article) for (const key of articleChangeKeys(await articleFacts(store, article), undefined)) keys.add(key);
    }
    const removal = await store.demo.removeUnused();
    for (const id of removal.userIds) keys.add(cacheKey.author(id)).add(cacheKey.listAuthor(id));
    for (const id of removal.tagIds) keys.add(cacheKey.tag(id)).add(cacheKey.listTag(id));
    for (const id of removal.categoryIds) keys.add(cacheKey.category(id)).add(cacheKey.listCategory(id));
    if (removal.categoryIds.length > 0) keys.add(cacheKey.nav);
    if (removal.categoryIds.length + removal.tagIds.length + removal.userIds.length > 0) keys.add(cacheKey.sitemapTaxonomy);
    if (keys.size > 0) await store.outbox.enqueue({ kind: INVALIDATE_JOB, payload: { keys: [...keys] }, availableAt: deps.clock.now() });
    return { removal, keys: [...keys] };
  });
  if (keys.length > 0) await deps.bus?.publish(keys);
  for (const picture of removal.media) {
    await deps.removeFiles?.(picture).catch(() => undefined);
  }
  return {
    articles: removal.articleIds.length,
    authors: removal.userIds.length,
    sections: removal.categoryIds.length,
    tags: removal.tagIds.length,
    pictures: removal.media.length,
  };
}
