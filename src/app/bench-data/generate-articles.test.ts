import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../render/markdown.js';
import { openTestStore, testDatabases } from '../../../test/support/databases.js';
import { generateArticles } from './generate-articles.js';
import { sql } from 'kysely';
import { maxKeyAt } from '../../core/fulltext/document.js';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const COUNT = 300;

for (const database of testDatabases()) {
  describe(`generateArticles on ${database.name}`, () => {
    let store: Awaited<ReturnType<typeof openTestStore>>;
    let result: Awaited<ReturnType<typeof generateArticles>>;
    const progress: number[] = [];

    beforeAll(async () => {
      store = await openTestStore(database, () => NOW);
      // A small batch size so several transactions and chunks are exercised.
      // The search index is bulk-loaded (set aside and rebuilt at the end) as for a large fill.
      result = await generateArticles({ store, count: COUNT, now: NOW, seed: 7, batchSize: 128, onProgress: (n) => progress.push(n), bulkSearchLoadFrom: 100 });
    });

    afterAll(async () => {
      await store?.dispose();
    });

    it('inserts the articles, authors, categories and tags it reports', async () => {
      expect(result).toEqual({ articles: COUNT, categories: 12, tags: 200, authors: 8 });
      expect(progress).toEqual([128, 256, 300]);
      expect(await store.articles.count()).toBe(COUNT);
      const count = async (table: 'users' | 'categories' | 'tags') =>
        Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      expect(await count('users')).toBe(8);
      expect(await count('categories')).toBe(12);
      expect(await count('tags')).toBe(200);
      const parents = await store.db.selectFrom('categories').select('id').where('parent_id', 'is not', null).execute();
      expect(parents.length).toBeGreaterThan(0);
    });

    it('files every article for search, with the index rebuilt after a bulk load', async () => {
      const [keys] = await store.articles.searchKeys([{ must: [{ kind: 'word', word: 'council' }], not: [], field: 'any', maxKey: maxKeyAt(NOW), limit: 1000 }]);
      const rows = await store.db.selectFrom('articles').select(['id', 'title', 'dek', 'body_html']).execute();
      const tags = await store.db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select(['article_id', 'name']).execute();
      const tagText = (id: number) => tags.filter((tag) => tag.article_id === id).map((tag) => tag.name).join(' ');
      // Counted from the stored text with a plain pattern: every article whose headline, standfirst, tags or body say "council".
      const expected = rows.filter((row) => /\bcouncil\b/i.test(`${row.title} ${row.dek} ${tagText(row.id)} ${row.body_html}`));
      expect(keys).toHaveLength(expected.length);
      expect(keys!.length).toBeGreaterThan(0);
      if (database.name === 'postgres') {
        const index = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where indexname = 'search_docs_doc_idx'`.execute(store.db);
        expect(index.rows[0]!.n).toBe(1);
      }
    });

    it('gives every article 1–3 authors at positions 0..n-1 and 2–4 distinct tags', async () => {
      const authors = await store.db.selectFrom('article_authors').selectAll().execute();
      const tags = await store.db.selectFrom('article_tags').selectAll().execute();
      const positions = new Map<number, number[]>();
      for (const row of authors) positions.set(row.article_id, [...(positions.get(row.article_id) ?? []), row.position]);
      const tagCounts = new Map<number, number>();
      for (const row of tags) tagCounts.set(row.article_id, (tagCounts.get(row.article_id) ?? 0) + 1);
      expect(positions.size).toBe(COUNT);
      expect(tagCounts.size).toBe(COUNT);
      for (const list of positions.values()) {
        expect(list.length).toBeGreaterThanOrEqual(1);
        expect(list.length).toBeLessThanOrEqual(3);
        expect([...list].sort()).toEqual(list.map((_, i) => i));
      }
      for (const n of tagCounts.values()) {
        expect(n).toBeGreaterThanOrEqual(2);
        expect(n).toBeLessThanOrEqual(4);
      }
    });

    it('makes unique slugs, shared timestamps and HTML that matches the Markdown renderer', async () => {
      const rows = await store.db.selectFrom('articles').select(['slug', 'published_at', 'body_md', 'body_html', 'excerpt', 'status']).execute();
      expect(new Set(rows.map((row) => row.slug)).size).toBe(COUNT);
      const times = rows.map((row) => new Date(row.published_at!).getTime());
      expect(new Set(times).size).toBeLessThan(COUNT);
      expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
      expect(rows.every((row) => row.status === 'published' && row.excerpt.endsWith('…'))).toBe(true);
      const markdown = createMarkdownRenderer();
      for (const row of rows.slice(0, 20)) {
        expect(row.body_html).toBe(markdown.render(row.body_md));
        expect(row.body_md.match(/^## /gm)).toHaveLength(2);
        expect(row.body_html.match(/<p>/g)).toHaveLength(6);
      }
    });

    it('is listed newest first by the store', async () => {
      const items = await store.articles.listPublic({ now: NOW, limit: 10 });
      expect(items).toHaveLength(10);
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [items[i - 1]!, items[i]!];
        expect(a.publishedAt.getTime() > b.publishedAt.getTime() || (a.publishedAt.getTime() === b.publishedAt.getTime() && a.id > b.id)).toBe(true);
      }
    });

    it('is reproducible and reuses existing authors, categories and tags', async () => {
      const again = await generateArticles({ store, count: 5, now: NOW, seed: 7 });
      expect(again).toEqual({ articles: 5, categories: 12, tags: 200, authors: 8 });
      expect(await store.articles.count()).toBe(COUNT + 5);
      const first = await store.db.selectFrom('articles').select('title').orderBy('id').limit(5).execute();
      const latest = await store.db.selectFrom('articles').select('title').orderBy('id', 'desc').limit(5).execute();
      expect(latest.map((row) => row.title).reverse()).toEqual(first.map((row) => row.title));
    });
  });
}
