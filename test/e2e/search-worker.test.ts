import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../src/core/fulltext/query.js';
import { maxKeyAt } from '../../src/core/fulltext/document.js';
import { testDatabases } from '../support/databases.js';
import { addArticle, openTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

// SQLite searches run on a worker thread that yields the CPU to the thread serving pages: on Linux its own
// nice value is 10 (read back from /proc, the kernel's record), while the thread serving pages keeps 0.
const niceOf = (tid: string) => {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  // Fields after the command name (in parentheses, which may hold spaces); nice is the 19th field overall.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
};
const threadNices = () => readdirSync('/proc/self/task').map((tid) => ({ tid, nice: niceOf(tid) }));

const sqlite = testDatabases().find((database) => database.name === 'sqlite')!;

describe('the SQLite search thread', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await openTestApp(sqlite);
    await addArticle(app, { title: 'Lighthouse keepers vote on a new rota', publishedAt: new Date(TEST_NOW.getTime() - 3_600_000) });
  });
  afterAll(async () => app.dispose());

  it('answers from a thread of its own, running at a lower priority than the page thread', async () => {
    expect(threadNices().filter((thread) => thread.nice === 10)).toEqual([]);
    const [keys] = await app.store.articles.searchKeys([
      { must: parseSearchQuery('lighthouse').must, not: [], field: 'any', maxKey: maxKeyAt(TEST_NOW), limit: 10 },
    ]);
    expect(keys).toHaveLength(1);
    const lowered = threadNices().filter((thread) => thread.nice === 10);
    expect(lowered).toHaveLength(1);
    expect(lowered[0]!.tid).not.toBe(String(process.pid));
    expect(niceOf(String(process.pid))).toBe(0);
  });
});
