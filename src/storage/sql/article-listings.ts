import { sql, type Kysely } from 'kysely';
import type { ArticleSummary } from '../../core/articles/article.js';
import type { ArticleListQuery, ArticleSearch, PublicArticleReads, SitemapMonth, SitemapSource } from '../../core/ports.js';
import { utcMonths } from '../../core/time/utc-months.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Database } from '../schema.js';
import { linkPublicRule, publicRule } from './public-read.js';
import { precompile } from './precompiled.js';
import { expandPrefixes } from './search-index.js';
import { SUMMARY_COLUMNS, toDate, toSummary } from './rows.js';

type Listings = Pick<PublicArticleReads, 'listPublic' | 'bodies'> & Omit<ArticleSearch, 'reindex'> & SitemapSource;

/** What readers, feeds, search and crawlers list: every query ordered, limited and index-backed. */
export function createArticleListings(db: Kysely<Database>, adapter: DialectAdapter): Listings {
  /** Public and indexable: what crawlers are told about. */
  const indexable = (now: Date) =>
    db
      .selectFrom('articles')
      .where(publicRule('articles', now))
      .where('articles.noindex', '=', 0);

  // The newest public articles (every article page's "recent" list, the home page's latest), compiled once.
  const newest = precompile(db, (slot) =>
    db
      .selectFrom('articles')
      .select(SUMMARY_COLUMNS)
      .where(publicRule('articles', slot.instant('now')))
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(slot.integer('limit')),
  );
  const newestExceptOne = precompile(db, (slot) =>
    db
      .selectFrom('articles')
      .select(SUMMARY_COLUMNS)
      .where(publicRule('articles', slot.instant('now')))
      .where('articles.id', '<>', slot.integer('except'))
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(slot.integer('limit')),
  );

  return {
    async listPublic(query: ArticleListQuery): Promise<ArticleSummary[]> {
      if (query.tagId === undefined && query.authorId === undefined && query.categoryIds === undefined && !query.before) {
        const excluded = query.excludeIds ?? [];
        if (excluded.length === 0) return (await newest({ now: query.now, limit: query.limit })).map(toSummary);
        if (excluded.length === 1) return (await newestExceptOne({ now: query.now, limit: query.limit, except: excluded[0]! })).map(toSummary);
      }
      const before = query.before && { at: query.before.publishedAt.toISOString(), id: query.before.id };
      const exclude = query.excludeIds && query.excludeIds.length > 0 ? [...query.excludeIds] : undefined;

      // A tag or author archive walks its own (key, public_at, article_id) index, then fetches those articles.
      const link =
        query.tagId !== undefined
          ? { table: 'article_tags' as const, column: 'tag_id' as const, value: query.tagId }
          : query.authorId !== undefined
            ? { table: 'article_authors' as const, column: 'user_id' as const, value: query.authorId }
            : undefined;
      if (link) {
        let ids = db
          .selectFrom(link.table)
          .select(['article_id', 'public_at'])
          .where(link.column, '=', link.value)
          .where(linkPublicRule(link.table, query.now));
        if (before) ids = ids.where(sql<boolean>`(public_at, article_id) < (${before.at}, ${before.id})`);
        if (exclude) ids = ids.where('article_id', 'not in', exclude);
        const page = await ids.orderBy('public_at', 'desc').orderBy('article_id', 'desc').limit(query.limit).execute();
        if (page.length === 0) return [];
        // public_at is only set while an article is published, so the ids need no status check here
        // (and one would lead SQLite to scan the status index instead of looking the ids up).
        const rows = await db
          .selectFrom('articles')
          .select(SUMMARY_COLUMNS)
          .where('articles.id', 'in', page.map((row) => row.article_id))
          .execute();
        const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
        return page.flatMap((row) => byId.get(row.article_id) ?? []);
      }

      const base = (categoryId?: number) => {
        let q = db
          .selectFrom('articles')
          .select(SUMMARY_COLUMNS)
          .where(publicRule('articles', query.now));
        if (categoryId !== undefined) q = q.where('articles.primary_category_id', '=', categoryId);
        if (before) q = q.where(sql<boolean>`(articles.published_at, articles.id) < (${before.at}, ${before.id})`);
        if (exclude) q = q.where('articles.id', 'not in', exclude);
        return q.orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(query.limit);
      };

      if (query.categoryIds === undefined) return (await base().execute()).map(toSummary);
      if (query.categoryIds.length === 0) return [];
      // One ordered, limited index scan per section (and subsection), merged: the cost does not depend
      // on how far back the page is or on how rare the section is.
      const perSection = await Promise.all([...new Set(query.categoryIds)].map((id) => base(id).execute()));
      return perSection
        .flat()
        .map(toSummary)
        .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || b.id - a.id)
        .slice(0, query.limit);
    },

    searchKeys: (matches) => adapter.searchKeys(db, matches),
    expandPrefixes: (prefixes) => expandPrefixes(db, prefixes),

    async searchResults(ids, now, bodyChars = 0) {
      if (ids.length === 0) return [];
      // The index holds only what readers may find, filed by minute: the exact rule is applied here, last.
      const rows = await indexable(now)
        .select(SUMMARY_COLUMNS)
        .select(sql<string>`substr(articles.body_html, 1, ${bodyChars})`.as('body_start'))
        .where('articles.id', 'in', [...ids])
        .execute();
      const byId = new Map(rows.map((row) => [row.id, { ...toSummary(row), bodyHtmlStart: row.body_start ?? '' }]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async bodies(articleIds) {
      const result = new Map<number, string>();
      if (articleIds.length === 0) return result;
      const rows = await db
        .selectFrom('articles')
        .select(['id', 'body_html'])
        .where('id', 'in', [...articleIds])
        .orderBy('id')
        .execute();
      for (const row of rows) result.set(row.id, row.body_html);
      return result;
    },

    async sitemapMonths(now) {
      // Counted month by month over a published_at range, not grouped by a month computed from each row: each
      // range is a walk along articles_sitemap_idx (0016), which holds every column read here, so no article
      // row is visited, and PostgreSQL's planner does not trade the grouping for a scan of the whole table.
      const first = await indexable(now)
        .select((eb) => eb.fn.min('articles.published_at').as('first'))
        .executeTakeFirst();
      if (!first?.first) return [];
      const months = utcMonths(toDate(first.first as Date | string), now);
      const result: SitemapMonth[] = [];
      // A few years per statement (one round trip each), every month its own index range.
      for (let start = 0; start < months.length; start += 60) {
        const chunk = months.slice(start, start + 60);
        const branches = chunk.map((month, index) =>
          indexable(now)
            .where('articles.published_at', '>=', month.from.toISOString())
            .where('articles.published_at', '<', month.to.toISOString())
            .select((eb) => [sql.lit(start + index).as('position'), eb.fn.countAll<number>().as('count'), eb.fn.max('articles.updated_at').as('last_modified')]),
        );
        let query = branches[0]!;
        for (const branch of branches.slice(1)) query = query.unionAll(branch);
        const rows = await query.execute();
        for (const row of rows.sort((a, b) => Number(a.position) - Number(b.position))) {
          if (Number(row.count) === 0 || row.last_modified === null) continue;
          result.push({ month: months[Number(row.position)]!.label, count: Number(row.count), lastModified: toDate(row.last_modified as Date | string) });
        }
      }
      return result;
    },

    async sitemapEntries(query) {
      const rows = await indexable(query.now)
        .select(['articles.slug', 'articles.updated_at', 'articles.featured_media_id'])
        .where('articles.published_at', '>=', query.from.toISOString())
        .where('articles.published_at', '<', query.to.toISOString())
        .orderBy('articles.published_at')
        .orderBy('articles.id')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      // Pictures are looked up by id afterwards: a join here made PostgreSQL scan the whole table.
      const mediaIds = [...new Set(rows.flatMap((row) => (row.featured_media_id === null ? [] : [row.featured_media_id])))];
      const crops = new Map<number, string>();
      for (let start = 0; start < mediaIds.length; start += 1000) {
        const media = await db.selectFrom('media').select(['id', 'crops']).where('id', 'in', mediaIds.slice(start, start + 1000)).execute();
        for (const item of media) crops.set(item.id, (JSON.parse(item.crops) as Record<string, string>)['16x9'] ?? '');
      }
      return rows.map((row) => {
        const image = row.featured_media_id === null ? undefined : crops.get(row.featured_media_id);
        return { slug: row.slug, updatedAt: toDate(row.updated_at), ...(image ? { image } : {}) };
      });
    },

    async recentForNews(query) {
      const rows = await indexable(query.now)
        .select(['articles.id', 'articles.slug', 'articles.title', 'articles.published_at'])
        .where('articles.published_at', '>=', query.since.toISOString())
        .orderBy('articles.published_at', 'desc')
        .orderBy('articles.id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        slug: row.slug,
        title: row.title,
        publishedAt: toDate(row.published_at as Date | string),
      }));
    },

    async countRecentForNews(query) {
      const row = await indexable(query.now)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('articles.published_at', '>=', query.since.toISOString())
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
