import type { ArticleStore } from '../core/ports.js';
import type { ArticleSummary } from '../core/articles/article.js';

/** At the latest, a copy is read again after this long (a hand-written SQL change announces nothing). */
const MAX_AGE_MS = 60_000;

interface Copy {
  /** The instant the list was read for; it answers for any instant from here until `until`. */
  at: number;
  /** The next scheduled publication as known when it was read: from then on the list may be longer. */
  until: number;
  /** When it was read, by the wall clock. */
  readAt: number;
  rows: Promise<ArticleSummary[]>;
}

/**
 * The newest public articles (every article page's "recent" list, the home page's latest) from memory.
 *
 * Which articles are public changes only when something is written, which announces keys on the bus
 * (`reset()` drops every copy, as `cachedCategories` does), or when a scheduled article's time comes:
 * a copy read at instant T answers for an instant `now` only while T ≤ now < the next scheduled
 * publication known at T (`nextScheduledAt`, the schedule watcher's answer, itself reset by listing changes). A read
 * that was in flight when a notice came is not kept. Other listings (sections, tags, pages further back)
 * go to the database.
 */
export function cachedNewest(
  inner: ArticleStore,
  nextScheduledAt: () => Promise<number>,
  clock: () => number = Date.now,
): ArticleStore & { reset(): void } {
  const copies = new Map<number, Copy>();
  let generation = 0;

  async function newest(now: Date, limit: number): Promise<ArticleSummary[]> {
    const at = now.getTime();
    const found = copies.get(limit);
    if (found && found.at <= at && at < found.until && clock() - found.readAt < MAX_AGE_MS) return found.rows;
    const started = generation;
    const until = await nextScheduledAt();
    const rows = inner.listPublic({ now, limit });
    // Only a read that began at or after every notice so far is kept, and never over a copy for a later instant.
    const current = copies.get(limit);
    if (generation === started && at < until && (!current || current.at <= at)) {
      const copy = { at, until, readAt: clock(), rows };
      copies.set(limit, copy);
      rows.then(
        () => {
          if (generation !== started && copies.get(limit) === copy) copies.delete(limit);
        },
        () => {
          if (copies.get(limit) === copy) copies.delete(limit);
        },
      );
    }
    return rows;
  }

  return {
    ...inner,
    async listPublic(query) {
      const plain = query.before === undefined && query.categoryIds === undefined && query.tagId === undefined && query.authorId === undefined;
      const excluded = query.excludeIds ?? [];
      if (!plain || excluded.length > 1) return inner.listPublic(query);
      // One more than asked covers an excluded article among the newest.
      const rows = await newest(query.now, query.limit + excluded.length);
      return (excluded.length === 0 ? rows : rows.filter((row) => row.id !== excluded[0])).slice(0, query.limit);
    },
    reset() {
      generation += 1;
      copies.clear();
    },
  };
}
