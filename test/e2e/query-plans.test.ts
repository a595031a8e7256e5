import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithTool } from '../support/required-tools.js';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { feedItems } from '../../src/core/articles/site-queries.js';
import { createStore, type StoreHandle } from '../../src/storage/create-store.js';

const ARTICLES = 100_000;
const pgUrl = process.env.TEST_DATABASE_URL;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

describeWithTool('postgresql', `query plans with ${ARTICLES.toLocaleString('en')} articles on PostgreSQL`, () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let store: StoreHandle;
  let client: pg.Client;
  let captured: Array<{ sql: string; parameters: readonly unknown[] }> = [];

  beforeAll(async () => {
    store = await createStore({ kind: 'postgres', url: pgUrl!, schema }, undefined, {
      onQuery: (sql, parameters) => captured.push({ sql, parameters }),
    });
    await store.migrate();
    client = new pg.Client({ connectionString: pgUrl, options: `-c search_path=${schema}` });
    await client.connect();
    // Bulk rows made by the database itself: seconds, not minutes.
    await client.query(`insert into users (email, display_name, slug, role, created_at)
      select 'u' || g || '@example.com', 'User ' || g, 'user-' || g, 'author', now() from generate_series(1, 8) g`);
    await client.query(`insert into categories (slug, name) select 'section-' || g, 'Section ' || g from generate_series(1, 12) g`);
    await client.query(`update categories set parent_id = 1 where id in (2, 3)`);
    await client.query(`insert into tags (slug, name) select 'tag-' || g, 'Tag ' || g from generate_series(1, 200) g`);
    await client.query(`insert into articles (slug, title, status, published_at, updated_at, created_at, primary_category_id, body_md, body_html, excerpt)
      select 'article-' || g, 'Article number ' || g, case when g % 50 = 0 then 'draft' else 'published' end,
             timestamptz '2026-11-29 12:00:00+00' - (g || ' minutes')::interval,
             timestamptz '2026-11-29 12:00:00+00' - (g || ' minutes')::interval, now(),
             (g % 12) + 1, 'Body of ' || g, '<p>Body of ' || g || '</p>', 'Body of ' || g
      from generate_series(1, ${ARTICLES}) g`);
    const publicAt = `case when status = 'published' then published_at end`;
    await client.query(`insert into article_tags (article_id, tag_id, public_at) select id, (id % 200) + 1, ${publicAt} from articles`);
    await client.query(`insert into article_tags (article_id, tag_id, public_at) select id, ((id * 7) % 200) + 1, ${publicAt} from articles where ((id * 7) % 200) <> (id % 200)`);
    await client.query(`insert into article_authors (article_id, user_id, position, public_at) select id, (id % 8) + 1, 0, ${publicAt} from articles`);
    // What autovacuum does to a table after a bulk load (PostgreSQL 13+ vacuums after many inserts): statistics,
    // and the visibility map that lets an index-only scan skip the table's pages.
    await client.query('vacuum analyze');
  }, 600_000);

  afterAll(async () => {
    await store?.close();
    await client?.query(`drop schema if exists ${schema} cascade`);
    await client?.end();
  });

  async function plansOf(run: () => Promise<unknown>): Promise<PlanNode[]> {
    captured = [];
    await run();
    const plans: PlanNode[] = [];
    for (const { sql, parameters } of captured) {
      const result = await client.query(`explain (format json) ${sql}`, [...parameters]);
      plans.push((result.rows[0] as { 'QUERY PLAN': Array<{ Plan: PlanNode }> })['QUERY PLAN'][0]!.Plan);
    }
    return plans;
  }

  const now = new Date('2026-11-29T12:00:00Z');
  const oldCursor = { publishedAt: new Date(now.getTime() - 90_000 * 60_000), id: 90_000 };
  const cases: Array<[string, (store: StoreHandle) => Promise<unknown>]> = [
    ['home list', (s) => s.articles.listPublic({ now, limit: 12 })],
    ['section list (with subsections)', (s) => s.articles.listPublic({ now, limit: 21, categoryIds: [1, 2, 3] })],
    ['section list far back', (s) => s.articles.listPublic({ now, limit: 21, categoryIds: [5], before: oldCursor })],
    ['tag list', (s) => s.articles.listPublic({ now, limit: 21, tagId: 17 })],
    ['author list', (s) => s.articles.listPublic({ now, limit: 21, authorId: 3 })],
    ['article by slug', (s) => s.articles.findPublicBySlug('article-4242', now)],
    ['article byline and tags', (s) => Promise.all([s.articles.bylines([4242]), s.articles.tags([4242])])],
    ['site feed', (s) => feedItems(s, { now, limit: 20 })],
    ['monthly sitemap page', (s) => s.articles.sitemapEntries({ now, from: new Date('2026-09-01T00:00:00Z'), to: new Date('2026-10-01T00:00:00Z'), offset: 0, limit: 50_000 })],
    ['news sitemap', (s) => s.articles.recentForNews({ now, since: new Date(now.getTime() - 48 * 3_600_000), offset: 0, limit: 1000 })],
    ['newsroom list, first page', (s) => s.articles.adminList({ now, limit: 51 })],
    ['newsroom list far back', (s) => s.articles.adminList({ now, limit: 51, before: oldCursor })],
    ['newsroom list, a page back', (s) => s.articles.adminList({ now, limit: 51, after: oldCursor })],
    ['dashboard: scheduled, soonest first', (s) => s.articles.adminList({ now, status: 'scheduled', order: 'publication-soonest', limit: 5 })],
    ['dashboard: my drafts and how many', (s) => Promise.all([s.articles.adminList({ now, status: 'draft', authorId: 3, limit: 5 }), s.articles.adminCount({ now, status: 'draft', authorId: 3 })])],
  ];

  it('would notice a sequential scan (control: a filter on an unindexed column)', async () => {
    const plans = await plansOf(() => store.db.selectFrom('articles').select('id').where('dek', '=', 'nothing').execute());
    const types: string[] = [];
    for (const plan of plans) walk(plan, (node) => types.push(`${node['Node Type']} ${node['Relation Name'] ?? ''}`));
    expect(types.some((type) => type.startsWith('Seq Scan articles') || type.startsWith('Parallel Seq Scan articles'))).toBe(true);
  });

  it('sitemap index: counts each month from articles_sitemap_idx alone (index-only scans), never the table', async () => {
    const plans = await plansOf(() => store.articles.sitemapMonths(now));
    // The first month, then one range per month (September to November).
    expect(plans).toHaveLength(2);
    const reads: string[] = [];
    for (const plan of plans) {
      walk(plan, (node) => {
        if (node['Relation Name'] === 'articles' || node['Node Type'].includes('Scan')) reads.push(`${node['Node Type']} ${node['Index Name'] ?? node['Relation Name']}`);
      });
    }
    expect(reads.length, JSON.stringify(plans)).toBeGreaterThanOrEqual(4);
    expect(new Set(reads), JSON.stringify(plans)).toEqual(new Set(['Index Only Scan articles_sitemap_idx']));
  });

  it('newsroom totals read the per-status counts, and articles only for the few scheduled ones, by index', async () => {
    let totals: number[] = [];
    const plans = await plansOf(async () => {
      totals = await Promise.all([undefined, 'draft', 'published', 'scheduled'].map((status) =>
        store.articles.adminCount({ now, ...(status ? { status: status as 'draft' | 'published' | 'scheduled' } : {}) })));
    });
    const articleReads: string[] = [];
    let countReads = 0;
    for (const plan of plans) {
      walk(plan, (node) => {
        if (node['Relation Name'] === 'articles' || node['Index Name']?.startsWith('articles_')) articleReads.push(`${node['Node Type']} ${node['Index Name'] ?? node['Relation Name']}`);
        if (node['Relation Name'] === 'article_counts') countReads += 1;
      });
    }
    // Only "published" and "scheduled" look at articles (for the scheduled ones), on the public index.
    expect(articleReads, JSON.stringify(plans)).toHaveLength(2);
    for (const read of articleReads) expect(read).toMatch(/^Index (Only )?Scan articles_public_idx$/);
    expect(countReads).toBeGreaterThanOrEqual(3);
    // 100,000 articles, every 50th a draft, all published ones already public.
    expect(totals).toEqual([100_000, 2_000, 98_000, 0]);
  });

  for (const [name, run] of cases) {
    it(`${name}: uses an index and never scans the articles table`, async () => {
      const plans = await plansOf(() => run(store));
      expect(plans.length).toBeGreaterThan(0);
      const scans: string[] = [];
      let indexed = false;
      for (const plan of plans) {
        walk(plan, (node) => {
          if (node['Node Type'].endsWith('Seq Scan') && node['Relation Name'] === 'articles') scans.push(node['Node Type']);
          if (node['Index Name']) indexed = true;
        });
      }
      expect(scans, JSON.stringify(plans)).toEqual([]);
      expect(indexed).toBe(true);
    });
  }
});
