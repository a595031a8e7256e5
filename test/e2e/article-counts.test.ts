// The newsroom's totals come from per-status counts kept by the database (migration 0018), not from counting
// the articles table. These tests write from several connections at once and then compare the counts with
// what is really stored, on every database.
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../../src/core/articles/article.js';
import { createStore, type StoreHandle } from '../../src/storage/create-store.js';
import { testDatabases } from '../support/databases.js';

const NOW = new Date('2026-11-29T12:00:00Z');
const HOUR = 3_600_000;

for (const database of testDatabases()) {
  describe(`article counts on ${database.name}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    /** Several stores (connections, or pools on PostgreSQL) on one fresh, migrated database. */
    async function open(connections: number): Promise<StoreHandle[]> {
      const { config, drop } = await database.create();
      const stores: StoreHandle[] = [];
      for (let i = 0; i < connections; i++) stores.push(await createStore(config, () => NOW));
      cleanups.push(async () => {
        for (const store of stores) await store.close();
        await drop();
      });
      await stores[0]!.migrate();
      return stores;
    }

    const draft = (n: number, status: ArticleStatus, publishedAt: Date | null) => ({
      slug: `story-${n}`,
      title: `Story ${n}`,
      dek: '',
      bodyMd: 'Body.',
      bodyHtml: '<p>Body.</p>',
      excerpt: 'Body.',
      status,
      publishedAt,
      updatedAt: NOW,
      createdAt: NOW,
      primaryCategoryId: null,
      authorIds: [],
      tagIds: [],
    });

    /** The totals the newsroom shows, beside the same totals counted from the rows. */
    async function totals(store: StoreHandle) {
      const shown = {
        all: await store.articles.adminCount({ now: NOW }),
        draft: await store.articles.adminCount({ now: NOW, status: 'draft' }),
        in_review: await store.articles.adminCount({ now: NOW, status: 'in_review' }),
        published: await store.articles.adminCount({ now: NOW, status: 'published' }),
        scheduled: await store.articles.adminCount({ now: NOW, status: 'scheduled' }),
        archived: await store.articles.adminCount({ now: NOW, status: 'archived' }),
      };
      const rows = await store.db.selectFrom('articles').select(['status', 'published_at']).execute();
      const counted = { all: rows.length, draft: 0, in_review: 0, published: 0, scheduled: 0, archived: 0 };
      for (const row of rows) {
        if (row.status !== 'published') counted[row.status as 'draft' | 'in_review' | 'archived'] += 1;
        else if (new Date(row.published_at!).getTime() > NOW.getTime()) counted.scheduled += 1;
        else counted.published += 1;
      }
      return { shown, counted };
    }

    it('a new database counts nothing, and one story of each kind counts once where it belongs', async () => {
      const [store] = await open(1);
      expect((await totals(store!)).shown).toEqual({ all: 0, draft: 0, in_review: 0, published: 0, scheduled: 0, archived: 0 });
      await store!.articles.create(draft(1, 'draft', null));
      await store!.articles.create(draft(2, 'in_review', null));
      await store!.articles.create(draft(3, 'published', new Date(NOW.getTime() - HOUR)));
      await store!.articles.create(draft(4, 'published', new Date(NOW.getTime() + HOUR)));
      await store!.articles.create(draft(5, 'archived', null));
      expect((await totals(store!)).shown).toEqual({ all: 5, draft: 1, in_review: 1, published: 1, scheduled: 1, archived: 1 });
    });

    it('stay right while many writes create, change status and delete at once', async () => {
      // PostgreSQL: three pools writing at once. SQLite: one connection per process (a second one in the same
      // process would wait on the first while blocking the event loop the first needs), its writes interleaved.
      const stores = await open(database.name === 'postgres' ? 3 : 1);
      const on = (i: number) => stores[i % stores.length]!;
      // 60 stories created from three connections at once: a third drafts, a third live, a third scheduled.
      const created = await Promise.all(
        Array.from({ length: 60 }, (_, n) => {
          const kind = n % 3;
          const at = kind === 0 ? null : new Date(NOW.getTime() + (kind === 1 ? -HOUR : HOUR));
          return on(n).articles.create(draft(n, kind === 0 ? 'draft' : 'published', at));
        }),
      );
      // Then, all at once: every fourth story deleted, every fifth (not deleted) archived, the drafts among the
      // rest sent for review.
      const deleted = created.filter((_, n) => n % 4 === 0);
      const archived = created.filter((_, n) => n % 4 !== 0 && n % 5 === 0);
      const reviewed = created.filter((article, n) => n % 4 !== 0 && n % 5 !== 0 && article.status === 'draft');
      await Promise.all([
        ...deleted.map((article, i) => on(i).db.deleteFrom('articles').where('id', '=', article.id).execute()),
        ...archived.map((article, i) => on(i + 1).articles.update(article.id, article.revision, { status: 'archived' })),
        ...reviewed.map((article, i) => on(i + 2).articles.update(article.id, article.revision, { status: 'in_review' })),
      ]);
      const { shown, counted } = await totals(stores[0]!);
      expect(shown).toEqual(counted);
      // Worked out by hand from the rules above: 15 deleted (n = 0, 4, …, 56); archived n = 5, 10, 15, 25, 30,
      // 35, 45, 50, 55 (9); of the rest, drafts (n % 3 = 0) go to review: 3, 6, 9, 18, 21, 27, 33, 39, 42, 51,
      // 54, 57 (12); live (n % 3 = 1) left: 1, 7, 13, 19, 22, 31, 34, 37, 43, 46, 49, 58 (12); scheduled
      // (n % 3 = 2) left: 2, 11, 14, 17, 23, 26, 29, 38, 41, 47, 53, 59 (12).
      expect(shown).toEqual({ all: 45, draft: 0, in_review: 12, published: 12, scheduled: 12, archived: 9 });
    });
  });
}
