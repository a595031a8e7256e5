import { sql, type Kysely } from 'kysely';
import type { Article, ArticleDraft, ArticleSummary, Byline } from '../../core/articles/article.js';
import { DomainError } from '../../core/errors.js';
import type { ArticleListQuery, ArticleStore, RevisionSnapshot } from '../../core/ports.js';
import type { Tag } from '../../core/taxonomy/taxonomy.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Database } from '../schema.js';
import { ARTICLE_COLUMNS, isUniqueViolation, SUMMARY_COLUMNS, toArticle, toDate, toSummary, toTag } from './rows.js';

type Transact = <T>(work: (db: Kysely<Database>) => Promise<T>) => Promise<T>;

/** What article_tags.public_at and article_authors.public_at hold for an article. */
function publicAtOf(status: string, publishedAt: Date | null): string | null {
  return status === 'published' && publishedAt ? publishedAt.toISOString() : null;
}

export function createArticleStore(db: Kysely<Database>, transact: Transact, adapter: DialectAdapter): ArticleStore {
  /** Public and indexable: what crawlers are told about. */
  const indexable = (now: Date) =>
    db
      .selectFrom('articles')
      .where('articles.status', '=', 'published')
      .where('articles.published_at', '<=', now.toISOString())
      .where('articles.noindex', '=', 0);

  return {
    async create(draft: ArticleDraft): Promise<Article> {
      try {
        return await transact(async (trx) => {
          const row = await trx
            .insertInto('articles')
            .values({
              slug: draft.slug,
              title: draft.title,
              dek: draft.dek,
              body_md: draft.bodyMd,
              body_html: draft.bodyHtml,
              excerpt: draft.excerpt,
              status: draft.status,
              published_at: draft.publishedAt?.toISOString() ?? null,
              updated_at: draft.updatedAt.toISOString(),
              created_at: draft.createdAt.toISOString(),
              revision: 1,
              primary_category_id: draft.primaryCategoryId,
              seo_title: draft.seoTitle ?? null,
              seo_description: draft.seoDescription ?? null,
              canonical_url: draft.canonicalUrl ?? null,
              noindex: draft.noindex ? 1 : 0,
            })
            .returning(ARTICLE_COLUMNS)
            .executeTakeFirstOrThrow();
          const publicAt = publicAtOf(draft.status, draft.publishedAt);
          if (draft.authorIds.length > 0) {
            await trx
              .insertInto('article_authors')
              .values(draft.authorIds.map((userId, position) => ({ article_id: row.id, user_id: userId, position, public_at: publicAt })))
              .execute();
          }
          if (draft.tagIds.length > 0) {
            await trx
              .insertInto('article_tags')
              .values([...new Set(draft.tagIds)].map((tagId) => ({ article_id: row.id, tag_id: tagId, public_at: publicAt })))
              .execute();
          }
          return toArticle(row);
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DomainError('SLUG_TAKEN', `The slug "${draft.slug}" is already used by another article.`, {
            slug: draft.slug,
          });
        }
        throw error;
      }
    },

    async findPublicBySlug(slug, now) {
      const row = await db
        .selectFrom('articles')
        .select(ARTICLE_COLUMNS)
        .where('slug', '=', slug)
        .where('status', '=', 'published')
        .where('published_at', '<=', now.toISOString())
        .executeTakeFirst();
      return row && toArticle(row);
    },

    async update(id, revision, changes) {
      try {
        return await transact(async (trx) => {
          const row = await trx
            .updateTable('articles')
            .set({
              ...(changes.slug !== undefined ? { slug: changes.slug } : {}),
              ...(changes.title !== undefined ? { title: changes.title } : {}),
              ...(changes.dek !== undefined ? { dek: changes.dek } : {}),
              ...(changes.bodyMd !== undefined ? { body_md: changes.bodyMd } : {}),
              ...(changes.bodyHtml !== undefined ? { body_html: changes.bodyHtml } : {}),
              ...(changes.excerpt !== undefined ? { excerpt: changes.excerpt } : {}),
              ...(changes.status !== undefined ? { status: changes.status } : {}),
              ...(changes.publishedAt !== undefined ? { published_at: changes.publishedAt?.toISOString() ?? null } : {}),
              ...(changes.primaryCategoryId !== undefined ? { primary_category_id: changes.primaryCategoryId } : {}),
              ...(changes.featuredMediaId !== undefined ? { featured_media_id: changes.featuredMediaId } : {}),
              ...(changes.seoTitle !== undefined ? { seo_title: changes.seoTitle } : {}),
              ...(changes.seoDescription !== undefined ? { seo_description: changes.seoDescription } : {}),
              ...(changes.canonicalUrl !== undefined ? { canonical_url: changes.canonicalUrl } : {}),
              ...(changes.noindex !== undefined ? { noindex: changes.noindex ? 1 : 0 } : {}),
              updated_at: changes.updatedAt.toISOString(),
              revision: revision + 1,
            })
            .where('id', '=', id)
            .where('revision', '=', revision)
            .returning(ARTICLE_COLUMNS)
            .executeTakeFirst();
          if (!row) {
            const current = await trx.selectFrom('articles').select('revision').where('id', '=', id).executeTakeFirst();
            if (!current) throw new DomainError('ARTICLE_NOT_FOUND', `There is no article ${id}.`, { id });
            throw new DomainError(
              'STALE_REVISION',
              `This article was saved by someone else (revision ${current.revision}) after the revision ${revision} you edited; nothing was overwritten.`,
              { id, revision, currentRevision: current.revision },
            );
          }
          const publicAt = publicAtOf(row.status, row.published_at === null ? null : toDate(row.published_at as Date | string));
          if (changes.authorIds) {
            await trx.deleteFrom('article_authors').where('article_id', '=', id).execute();
            if (changes.authorIds.length > 0) {
              await trx
                .insertInto('article_authors')
                .values(changes.authorIds.map((userId, position) => ({ article_id: id, user_id: userId, position, public_at: publicAt })))
                .execute();
            }
          }
          if (changes.tagIds) {
            await trx.deleteFrom('article_tags').where('article_id', '=', id).execute();
            if (changes.tagIds.length > 0) {
              await trx
                .insertInto('article_tags')
                .values([...new Set(changes.tagIds)].map((tagId) => ({ article_id: id, tag_id: tagId, public_at: publicAt })))
                .execute();
            }
          }
          if (changes.status !== undefined || changes.publishedAt !== undefined) {
            await trx.updateTable('article_tags').set({ public_at: publicAt }).where('article_id', '=', id).execute();
            await trx.updateTable('article_authors').set({ public_at: publicAt }).where('article_id', '=', id).execute();
          }
          return toArticle(row);
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DomainError('SLUG_TAKEN', `The slug "${changes.slug ?? ''}" is already used by another article.`, {
            slug: changes.slug,
          });
        }
        throw error;
      }
    },

    async links(id) {
      const [authors, tags] = await Promise.all([
        db.selectFrom('article_authors').select('user_id').where('article_id', '=', id).orderBy('position').execute(),
        db.selectFrom('article_tags').select('tag_id').where('article_id', '=', id).orderBy('tag_id').execute(),
      ]);
      return { authorIds: authors.map((row) => row.user_id), tagIds: tags.map((row) => row.tag_id) };
    },

    async nextScheduledAt(now) {
      const row = await db
        .selectFrom('articles')
        .select('published_at')
        .where('status', '=', 'published')
        .where('published_at', '>', now.toISOString())
        .orderBy('published_at')
        .limit(1)
        .executeTakeFirst();
      return row?.published_at ? toDate(row.published_at) : undefined;
    },

    async findById(id) {
      const row = await db.selectFrom('articles').select(ARTICLE_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row && toArticle(row);
    },

    async slugExists(slug) {
      const row = await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
      return row !== undefined;
    },

    async listPublic(query: ArticleListQuery): Promise<ArticleSummary[]> {
      const now = query.now.toISOString();
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
          .where('public_at', '<=', now);
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
          .where('articles.status', '=', 'published')
          .where('articles.published_at', '<=', now);
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

    async bylines(articleIds) {
      const result = new Map<number, Byline[]>(articleIds.map((id) => [id, []]));
      if (articleIds.length === 0) return result;
      const rows = await db
        .selectFrom('article_authors')
        .innerJoin('users', 'users.id', 'article_authors.user_id')
        .select(['article_authors.article_id', 'article_authors.position', 'users.id', 'users.slug', 'users.display_name'])
        .where('article_authors.article_id', 'in', [...articleIds])
        .orderBy('article_authors.article_id')
        .orderBy('article_authors.position')
        .execute();
      for (const row of rows) {
        result.get(row.article_id)?.push({
          userId: row.id,
          slug: row.slug,
          displayName: row.display_name,
          position: row.position,
        });
      }
      return result;
    },

    async tags(articleIds) {
      const result = new Map<number, Tag[]>(articleIds.map((id) => [id, []]));
      if (articleIds.length === 0) return result;
      const rows = await db
        .selectFrom('article_tags')
        .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
        .select(['article_tags.article_id', 'tags.id', 'tags.slug', 'tags.name'])
        .where('article_tags.article_id', 'in', [...articleIds])
        .orderBy('article_tags.article_id')
        .orderBy('tags.name')
        .orderBy('tags.id')
        .execute();
      for (const row of rows) result.get(row.article_id)?.push(toTag(row));
      return result;
    },

    async count() {
      const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async search(query) {
      if (query.terms.length === 0) return [];
      const ids = await adapter.searchIds(db, query);
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('articles').select(SUMMARY_COLUMNS).where('articles.id', 'in', ids).execute();
      const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async adminList(query) {
      let q = db
        .selectFrom('articles')
        .select([...SUMMARY_COLUMNS, 'articles.status', 'articles.revision'])
        .orderBy('articles.updated_at', 'desc')
        .orderBy('articles.id', 'desc')
        .limit(query.limit);
      if (query.status) q = q.where('articles.status', '=', query.status);
      if (query.categoryId !== undefined) q = q.where('articles.primary_category_id', '=', query.categoryId);
      if (query.titleContains) {
        const pattern = `%${query.titleContains.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where(sql<boolean>`lower(articles.title) like ${pattern} escape '\\'`);
      }
      if (query.authorId !== undefined) {
        const authorId = query.authorId;
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('article_authors')
              .select('article_authors.article_id')
              .whereRef('article_authors.article_id', '=', 'articles.id')
              .where('article_authors.user_id', '=', authorId),
          ),
        );
      }
      const rows = await q.execute();
      return rows.map((row) => ({
        ...toSummary({ ...row, published_at: row.published_at ?? row.updated_at }),
        publishedAt: row.published_at === null ? null : toDate(row.published_at as Date | string),
        status: row.status as Article['status'],
        revision: row.revision,
      }));
    },

    async addRevision(input) {
      await db
        .insertInto('revisions')
        .values({
          article_id: input.articleId,
          revision: input.revision,
          snapshot: JSON.stringify(input.snapshot),
          author_id: input.authorId,
          created_at: input.at.toISOString(),
        })
        .execute();
    },

    async revisions(articleId) {
      const rows = await db
        .selectFrom('revisions')
        .leftJoin('users', 'users.id', 'revisions.author_id')
        .select(['revisions.revision', 'revisions.author_id', 'revisions.created_at', 'users.display_name'])
        .where('revisions.article_id', '=', articleId)
        .orderBy('revisions.revision', 'desc')
        .execute();
      return rows.map((row) => ({ revision: row.revision, authorId: row.author_id, authorName: row.display_name, at: toDate(row.created_at) }));
    },

    async revision(articleId, revision) {
      const row = await db
        .selectFrom('revisions')
        .leftJoin('users', 'users.id', 'revisions.author_id')
        .select(['revisions.revision', 'revisions.author_id', 'revisions.created_at', 'revisions.snapshot', 'users.display_name'])
        .where('revisions.article_id', '=', articleId)
        .where('revisions.revision', '=', revision)
        .executeTakeFirst();
      return (
        row && {
          revision: row.revision,
          authorId: row.author_id,
          authorName: row.display_name,
          at: toDate(row.created_at),
          snapshot: JSON.parse(row.snapshot) as RevisionSnapshot,
        }
      );
    },

    async isEmpty() {
      return (await db.selectFrom('articles').select('id').limit(1).executeTakeFirst()) === undefined;
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
      const month = adapter.monthOf('articles.published_at');
      const rows = await indexable(now)
        .select((eb) => [
          month.as('month'),
          eb.fn.countAll<number>().as('count'),
          eb.fn.max('articles.updated_at').as('last_modified'),
        ])
        .groupBy(month)
        .orderBy(month)
        .execute();
      return rows.map((row) => ({
        month: row.month,
        count: Number(row.count),
        lastModified: toDate(row.last_modified as Date | string),
      }));
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
