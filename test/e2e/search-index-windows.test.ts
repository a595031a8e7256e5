import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdOfKey, maxKeyAt, minKeyFrom } from '../../src/core/fulltext/document.js';
import { parseSearchQuery } from '../../src/core/fulltext/query.js';
import { postgresSearchKeys } from '../../src/storage/postgres/postgres-search-index.js';
import type { SearchMatch } from '../../src/core/ports/article-search.js';
import { testDatabases } from '../support/databases.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

// The index is asked for "the newest N matching": on PostgreSQL through ever wider windows of time, on SQLite
// by walking keys newest first. These ages (hours before TEST_NOW) straddle every window boundary; the expected
// answers are the ages sorted by hand, newest first.
const AGES_HOURS = [1, 30, 60, 200, 24 * 40, 24 * 100, 24 * 400, 24 * 1000, 24 * 2000];

for (const database of testDatabases()) {
  describe(`the search index's newest matches on ${database.name}`, () => {
    let app: TestApp;
    const idByAge = new Map<number, number>();

    beforeAll(async () => {
      app = await openTestApp(database);
      // Added in a shuffled order, so ids do not follow time.
      for (const hours of [200, 1, 24 * 2000, 60, 24 * 400, 30, 24 * 100, 24 * 1000, 24 * 40]) {
        const article = await addArticle(app, { title: `Quillwort survey, ${hours} hours`, publishedAt: new Date(TEST_NOW.getTime() - hours * 3_600_000) });
        idByAge.set(hours, article.id);
      }
      // Scheduled for tomorrow: filed, but past the newest key asked for.
      await addArticle(app, { title: 'Quillwort survey, tomorrow', publishedAt: new Date(TEST_NOW.getTime() + 24 * 3_600_000) });
    });
    afterAll(async () => app.dispose());

    const question = (limit: number, options: { from?: Date; field?: 'any' | 'title' }): SearchMatch => ({
      must: parseSearchQuery('quillwort').must,
      not: [],
      field: options.field ?? 'any',
      maxKey: maxKeyAt(TEST_NOW),
      ...(options.from ? { minKey: minKeyFrom(options.from) } : {}),
      limit,
    });
    const newest = async (limit: number, options: { from?: Date; field?: 'any' | 'title' } = {}) => {
      const [keys] = await app.store.articles.searchKeys([question(limit, options)]);
      return keys!.map(articleIdOfKey);
    };
    const ids = (ages: number[]) => ages.map((hours) => idByAge.get(hours)!);

    it('returns exactly the newest N for every N, across every window', async () => {
      for (let limit = 1; limit <= AGES_HOURS.length + 1; limit++) {
        expect(await newest(limit), `limit ${limit}`).toEqual(ids(AGES_HOURS.slice(0, limit)));
      }
      expect(await newest(3, { field: 'title' })).toEqual(ids([1, 30, 60]));
    });

    it('stops at the lower bound of a date range', async () => {
      const from = new Date(TEST_NOW.getTime() - 24 * 50 * 3_600_000);
      expect(await newest(50, { from })).toEqual(ids([1, 30, 60, 200, 24 * 40]));
      expect(await newest(2, { from })).toEqual(ids([1, 30]));
    });

    // PostgreSQL skips windows when word counts or the rate of matches say they are wasted, which this small
    // corpus always does. With "few" at 0 and 5 it walks the windows (and jumps by the rate seen), and the
    // answers must not change.
    if (database.name === 'postgres') {
      it('gives the same answers however many windows it walks', async () => {
        for (const few of [0, 5]) {
          const walk = async (limit: number, options: { from?: Date; field?: 'any' | 'title' } = {}) =>
            (await postgresSearchKeys(app.store.db, question(limit, options), few)).map(articleIdOfKey);
          for (let limit = 1; limit <= AGES_HOURS.length + 1; limit++) {
            expect(await walk(limit), `few ${few}, limit ${limit}`).toEqual(ids(AGES_HOURS.slice(0, limit)));
          }
          expect(await walk(3, { field: 'title' })).toEqual(ids([1, 30, 60]));
          const from = new Date(TEST_NOW.getTime() - 24 * 50 * 3_600_000);
          expect(await walk(50, { from })).toEqual(ids([1, 30, 60, 200, 24 * 40]));
          expect(await walk(2, { from })).toEqual(ids([1, 30]));
        }
      });
    }
  });
}
