import type { CategoryStore } from '../core/ports.js';
import type { Category } from '../core/taxonomy/taxonomy.js';

/** Sections are few and read on every page: keep them in memory, refreshed after this long at the latest. */
const MAX_AGE_MS = 60_000;

/**
 * A CategoryStore that answers reads from an in-memory copy. `reset()` (called when the bus announces a
 * `nav` or `category:*` change, on every process) makes the next read fetch a fresh copy.
 */
export function cachedCategories(inner: CategoryStore, now: () => number = Date.now): CategoryStore & { reset(): void } {
  let copy: { at: number; list: Promise<Category[]> } | undefined;
  const all = (): Promise<Category[]> => {
    if (!copy || now() - copy.at > MAX_AGE_MS) {
      const list = inner.list();
      copy = { at: now(), list };
      list.catch(() => {
        copy = undefined;
      });
    }
    return copy.list;
  };
  return {
    async create(input) {
      const created = await inner.create(input);
      copy = undefined;
      return created;
    },
    async update(id, changes) {
      const updated = await inner.update(id, changes);
      copy = undefined;
      return updated;
    },
    async setPositions(positions) {
      await inner.setPositions(positions);
      copy = undefined;
    },
    articleCount: (id) => inner.articleCount(id),
    async moveArticles(fromId, toId) {
      const moved = await inner.moveArticles(fromId, toId);
      copy = undefined;
      return moved;
    },
    async reparentChildren(id, parentId) {
      await inner.reparentChildren(id, parentId);
      copy = undefined;
    },
    async remove(id) {
      await inner.remove(id);
      copy = undefined;
    },
    async findBySlug(slug) {
      return (await all()).find((category) => category.slug === slug);
    },
    async findByIds(ids) {
      const wanted = new Set(ids);
      return new Map((await all()).filter((category) => wanted.has(category.id)).map((category) => [category.id, category]));
    },
    list: all,
    reset() {
      copy = undefined;
    },
  };
}
