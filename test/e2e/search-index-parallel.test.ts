import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticles } from '../../src/app/bench-data/generate-articles.js';
import { articleIdOfKey, maxKeyAt } from '../../src/core/fulltext/document.js';
import { openTestStore, testDatabases } from '../support/databases.js';

const NOW = new Date('2026-11-29T12:00:00.000Z');

// Renaming a busy tag re-files every article carrying it (in batches of 500) and counts their words in
// search_words, all in one transaction. Two such renames at once must neither deadlock on the word rows nor
// lose an entry: each word row is taken in one sorted pass at the end of the transaction.
for (const database of testDatabases()) {
  describe(`two long search reindexes at once on ${database.name}`, () => {
    let store: Awaited<ReturnType<typeof openTestStore>>;
    let busy: Array<{ id: number; articles: number[] }>;

    beforeAll(async () => {
      store = await openTestStore(database, () => NOW);
      await generateArticles({ store, count: 1_200, now: NOW, seed: 3 });
      // Two tags carried by every article: each rename re-files 1,200 articles, in three batches.
      const articles = await store.db.selectFrom('articles').select(['id', 'published_at']).orderBy('id').execute();
      busy = [];
      for (const slug of ['parallel-one', 'parallel-two']) {
        const tag = await store.tags.ensure({ slug, name: slug });
        for (let i = 0; i < articles.length; i += 300) {
          const rows = articles.slice(i, i + 300).map((row) => ({ article_id: row.id, tag_id: tag.id, public_at: new Date(row.published_at as string | Date).toISOString() }));
          await store.db.insertInto('article_tags').values(rows).execute();
        }
        busy.push({ id: tag.id, articles: articles.map((row) => row.id) });
      }
    }, 300_000);
    afterAll(async () => store?.dispose());

    it('renames two tags of more than 500 articles each, three times over in parallel, and finds each by its new name', async () => {
      expect(busy.map((tag) => tag.articles.length > 500)).toEqual([true, true]);
      for (let round = 1; round <= 3; round++) {
        const results = await Promise.allSettled(
          busy.map((tag, i) => store.transaction((trx) => trx.tags.rename(tag.id, `Zyqword${i}x${round}`))),
        );
        expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : result.status))).toEqual(['fulfilled', 'fulfilled']);
      }
      for (const [i, tag] of busy.entries()) {
        const [keys = []] = await store.articles.searchKeys([
          { must: [{ kind: 'word', word: `zyqword${i}x3` }], not: [], field: 'tags', maxKey: maxKeyAt(NOW), limit: 5_000 },
        ]);
        expect(keys.map(articleIdOfKey).sort((a, b) => a - b)).toEqual(tag.articles);
      }
    }, 300_000);
  });
}
