// The same question as query-plans.test.ts, asked of SQLite: with 100,000 articles, do the listings walk an
// index instead of reading the whole articles table? (EXPLAIN QUERY PLAN over the SQL the store really sends.)
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type StoreHandle } from '../../src/storage/create-store.js';

const ARTICLES = 100_000;

describe(`query plans with ${ARTICLES.toLocaleString('en')} articles on SQLite`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'nd-plans-'));
  const file = join(dir, 'plans.sqlite');
  let store: StoreHandle;
  let raw: Database.Database;
  let captured: Array<{ sql: string; parameters: readonly unknown[] }> = [];

  beforeAll(async () => {
    store = await createStore({ kind: 'sqlite', file }, undefined, {
      onQuery: (sql, parameters) => captured.push({ sql, parameters }),
    });
    await store.migrate();
    raw = new Database(file);
    // Bulk rows made by the database itself (a recursive count), in one transaction: a few seconds.
    const at = (minutes: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', '2026-11-29 12:00:00', '-' || ${minutes} || ' minutes')`;
    raw.transaction(() => {
      raw.exec(`insert into users (email, display_name, slug, role, created_at)
        with recursive g(n) as (select 1 union all select n + 1 from g where n < 8)
        select 'u' || n || '@example.com', 'User ' || n, 'user-' || n, 'author', '2026-01-01T00:00:00.000Z' from g`);
      raw.exec(`insert into categories (slug, name)
        with recursive g(n) as (select 1 union all select n + 1 from g where n < 12)
        select 'section-' || n, 'Section ' || n from g`);
      raw.exec(`insert into articles (slug, title, status, published_at, updated_at, created_at, primary_category_id, body_md, body_html, excerpt, noindex)
        with recursive g(n) as (select 1 union all select n + 1 from g where n < ${ARTICLES})
        select 'article-' || n, 'Article number ' || n, case when n % 50 = 0 then 'draft' else 'published' end,
               ${at('n')}, ${at('n')}, '2026-01-01T00:00:00.000Z', (n % 12) + 1, 'Body of ' || n, '<p>Body of ' || n || '</p>',
               'Body of ' || n, case when n % 97 = 0 then 1 else 0 end
        from g`);
      raw.exec(`insert into article_authors (article_id, user_id, position, public_at)
        select id, (id % 8) + 1, 0, case when status = 'published' then published_at end from articles`);
    })();
    raw.exec('analyze');
  }, 300_000);

  afterAll(async () => {
    await store?.close();
    raw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The plan lines ("SEARCH articles USING INDEX …") of every statement `run` sends. */
  async function plansOf(run: () => Promise<unknown>): Promise<string[][]> {
    captured = [];
    await run();
    return captured.map(({ sql, parameters }) =>
      (raw.prepare(`explain query plan ${sql}`).all(...(parameters as unknown[])) as Array<{ detail: string }>).map((row) => row.detail),
    );
  }

  /** A plan line that reads the articles table row by row from its start. */
  const tableScan = (line: string) => /^SCAN (articles|a)\b/.test(line) && !/USING (COVERING )?INDEX/.test(line);

  const now = new Date('2026-11-29T12:00:00Z');
  const oldCursor = { publishedAt: new Date(now.getTime() - 90_000 * 60_000), id: 90_000 };

  it('would notice a table scan (control: a filter on an unindexed column)', async () => {
    const plans = await plansOf(() => store.db.selectFrom('articles').select('id').where('dek', '=', 'nothing').execute());
    expect(plans.flat().some(tableScan)).toBe(true);
  });

  it('the sitemap index counts months from an index alone, never visiting an article row', async () => {
    const plans = await plansOf(() => store.articles.sitemapMonths(now));
    // The first month, then one range per month (100,000 minutes back from 29 November: September to November).
    expect(plans).toHaveLength(2);
    const reads = plans.flat().filter((line) => /^(SCAN|SEARCH) /.test(line));
    expect(reads.length, plans.flat().join('\n')).toBe(4);
    for (const line of reads) expect(line).toMatch(/^SEARCH articles USING COVERING INDEX articles_sitemap_idx \(/);
  });

  it('the sitemap index still counts what it should: public, indexable, already published, per UTC month', async () => {
    const months = await store.articles.sitemapMonths(now);
    // Minute n before 2026-11-29 12:00 for n = 1..100,000; drafts are every 50th, noindex every 97th.
    const expected = new Map<string, number>();
    for (let n = 1; n <= ARTICLES; n += 1) {
      if (n % 50 === 0 || n % 97 === 0) continue;
      const month = new Date(now.getTime() - n * 60_000).toISOString().slice(0, 7);
      expected.set(month, (expected.get(month) ?? 0) + 1);
    }
    expect(months.map((m) => [m.month, m.count])).toEqual([...expected].sort());
    expect(months.at(-1)!.lastModified.toISOString()).toBe('2026-11-29T11:59:00.000Z');
  });

  it('newsroom totals read the per-status counts, and articles only for the few scheduled ones, by index', async () => {
    let totals: number[] = [];
    const plans = await plansOf(async () => {
      totals = await Promise.all([undefined, 'draft', 'published', 'scheduled'].map((status) =>
        store.articles.adminCount({ now, ...(status ? { status: status as 'draft' | 'published' | 'scheduled' } : {}) })));
    });
    const lines = plans.flat();
    expect(lines.filter(tableScan), lines.join('\n')).toEqual([]);
    const articleReads = lines.filter((line) => /^(SCAN|SEARCH) articles\b/.test(line));
    // Only "published" and "scheduled" look at articles (for the scheduled ones), on the public index.
    expect(articleReads, lines.join('\n')).toHaveLength(2);
    for (const line of articleReads) expect(line).toMatch(/^SEARCH articles USING (COVERING )?INDEX articles_public_idx \(status=\? AND published_at>\?\)/);
    expect(lines.filter((line) => /article_counts/.test(line)).length).toBeGreaterThanOrEqual(3);
    // 100,000 articles, every 50th a draft, all published ones already public.
    expect(totals).toEqual([100_000, 2_000, 98_000, 0]);
  });

  const cases: Array<[string, (store: StoreHandle) => Promise<unknown>]> = [
    ['newsroom list, first page', (s) => s.articles.adminList({ now, limit: 51 })],
    ['newsroom list far back', (s) => s.articles.adminList({ now, limit: 51, before: oldCursor })],
    ['newsroom list, a page back', (s) => s.articles.adminList({ now, limit: 51, after: oldCursor })],
    ['newsroom list of one author', (s) => s.articles.adminList({ now, limit: 51, authorId: 3 })],
    ['monthly sitemap page', (s) => s.articles.sitemapEntries({ now, from: new Date('2026-09-01T00:00:00Z'), to: new Date('2026-10-01T00:00:00Z'), offset: 0, limit: 50_000 })],
  ];
  for (const [name, run] of cases) {
    it(`${name}: uses an index and never scans the articles table`, async () => {
      const plans = await plansOf(() => run(store));
      expect(plans.length).toBeGreaterThan(0);
      const lines = plans.flat();
      expect(lines.filter(tableScan), lines.join('\n')).toEqual([]);
      expect(lines.some((line) => /USING (COVERING |INTEGER PRIMARY KEY|PRIMARY KEY)?\s*INDEX|USING INTEGER PRIMARY KEY/.test(line)), lines.join('\n')).toBe(true);
    });
  }
});
