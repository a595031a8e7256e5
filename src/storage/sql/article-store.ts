import type { Kysely } from 'kysely';
import type { Article, ArticleDraft, Byline } from '../../core/articles/article.js';
import { DomainError } from '../../core/errors.js';
import type { ArticleStore } from '../../core/ports.js';
import type { Tag } from '../../core/taxonomy/taxonomy.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Database } from '../schema.js';
import { ARTICLE_COLUMNS, isUniqueViolation, PUBLIC_ARTICLE_COLUMNS, toArticle, toDate, toPublicArticle, toTag } from './rows.js';
import { createArticleListings } from './article-listings.js';
import { createArticleRevisions } from './article-revisions.js';
import { publicAtOf, publicRule } from './public-read.js';
import { reindexArticles } from './search-index.js';
import { assertRootSlugFree, rootSlugTaken } from './root-slugs.js';
import { precompile } from './precompiled.js';
import type { ArticleStatus } from '../../core/articles/article.js';

type Transact = <T>(work: (db: Kysely<Database>) => Promise<T>) => Promise<T>;

/** Articles: writes and lookups here; public listings, search and sitemaps in article-listings.ts; the
 * newsroom's list and revisions in article-revisions.ts. */
/** Sets an article's byline (in order), carrying its public_at for the author listings. */
async function replaceAuthors(trx: Kysely<Database>, articleId: number, userIds: readonly number[], publicAt: string | null): Promise<void> {
  await trx.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
  if (userIds.length === 0) return;
  await trx
    .insertInto('article_authors')
    .values(userIds.map((userId, position) => ({ article_id: articleId, user_id: userId, position, public_at: publicAt })))
    .execute();
}

/** Sets an article's tags, carrying its public_at for the tag listings. */
async function replaceTags(trx: Kysely<Database>, articleId: number, tagIds: readonly number[], publicAt: string | null): Promise<void> {
  await trx.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  if (tagIds.length === 0) return;
  await trx
    .insertInto('article_tags')
    .values([...new Set(tagIds)].map((tagId) => ({ article_id: articleId, tag_id: tagId, public_at: publicAt })))
    .execute();
}

/** Changes that alter what search finds or how it files an article (see core/fulltext/document.ts). */
const SEARCHED_CHANGES = ['title', 'dek', 'bodyHtml', 'status', 'publishedAt', 'noindex', 'primaryCategoryId', 'authorIds', 'tagIds'] as const;

export function createArticleStore(db: Kysely<Database>, transact: Transact, adapter: DialectAdapter): ArticleStore {
  // The article page's own reads, compiled once (ADR 0011).
  const publicBySlug = precompile(db, (slot) =>
    db
      .selectFrom('articles')
      .select(PUBLIC_ARTICLE_COLUMNS)
      .where('slug', '=', slot.text('slug'))
      .where(publicRule('articles', slot.instant('now'))),
  );
  const bylinesOfOne = precompile(db, (slot) =>
    db
      .selectFrom('article_authors')
      .innerJoin('users', 'users.id', 'article_authors.user_id')
      .select(['article_authors.article_id', 'article_authors.position', 'users.id', 'users.slug', 'users.display_name'])
      .where('article_authors.article_id', '=', slot.integer('id'))
      .orderBy('article_authors.position'),
  );
  const tagsOfOne = precompile(db, (slot) =>
    db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['article_tags.article_id', 'tags.id', 'tags.slug', 'tags.name'])
      .where('article_tags.article_id', '=', slot.integer('id'))
      .orderBy('tags.name')
      .orderBy('tags.id'),
  );
  return {
    ...createArticleListings(db, adapter),
    ...createArticleRevisions(db),
    async create(draft: ArticleDraft): Promise<Article> {
      try {
        return await transact(async (trx) => {
          await assertRootSlugFree(trx, adapter, draft.slug, {});
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
              first_published_at: draft.firstPublishedAt?.toISOString() ?? null,
              updated_at: draft.updatedAt.toISOString(),
              created_at: draft.createdAt.toISOString(),
              revision: 1,
              primary_category_id: draft.primaryCategoryId,
              featured_media_id: draft.featuredMediaId ?? null,
              seo_title: draft.seoTitle ?? null,
              seo_description: draft.seoDescription ?? null,
              canonical_url: draft.canonicalUrl ?? null,
              noindex: draft.noindex ? 1 : 0,
            })
            .returning(ARTICLE_COLUMNS)
            .executeTakeFirstOrThrow();
          const publicAt = publicAtOf(draft.status, draft.publishedAt);
          await replaceAuthors(trx, row.id, draft.authorIds, publicAt);
          await replaceTags(trx, row.id, draft.tagIds, publicAt);
          await reindexArticles(trx, adapter, [row.id]);
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
      const [row] = await publicBySlug({ slug, now });
      return row && toPublicArticle(row);
    },

    async update(id, revision, changes) {
      try {
        return await transact(async (trx) => {
          if (changes.slug !== undefined) await assertRootSlugFree(trx, adapter, changes.slug, { article: id });
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
              ...(changes.firstPublishedAt !== undefined ? { first_published_at: changes.firstPublishedAt?.toISOString() ?? null } : {}),
              ...(changes.primaryCategoryId !== undefined ? { primary_category_id: changes.primaryCategoryId } : {}),
              ...(changes.featuredMediaId !== undefined ? { featured_media_id: changes.featuredMediaId } : {}),
              ...(changes.seoTitle !== undefined ? { seo_title: changes.seoTitle } : {}),
              ...(changes.seoDescription !== undefined ? { seo_description: changes.seoDescription } : {}),
              ...(changes.canonicalUrl !== undefined ? { canonical_url: changes.canonicalUrl } : {}),
              ...(changes.noindex !== undefined ? { noindex: changes.noindex ? 1 : 0 } : {}),
              ...(changes.updatedAt !== undefined ? { updated_at: changes.updatedAt.toISOString() } : {}),
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
          const publicAt = publicAtOf(row.status as ArticleStatus, row.published_at === null ? null : toDate(row.published_at as Date | string));
          if (changes.authorIds) await replaceAuthors(trx, id, changes.authorIds, publicAt);
          if (changes.tagIds) await replaceTags(trx, id, changes.tagIds, publicAt);
          if (changes.status !== undefined || changes.publishedAt !== undefined) {
            await trx.updateTable('article_tags').set({ public_at: publicAt }).where('article_id', '=', id).execute();
            await trx.updateTable('article_authors').set({ public_at: publicAt }).where('article_id', '=', id).execute();
          }
          if (SEARCHED_CHANGES.some((field) => changes[field] !== undefined)) await reindexArticles(trx, adapter, [id]);
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

    reindex: (articleIds) => transact((trx) => reindexArticles(trx, adapter, articleIds)),

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
        .where(publicRule('articles', now, 'scheduled'))
        .orderBy('published_at')
        .limit(1)
        .executeTakeFirst();
      return row?.published_at ? toDate(row.published_at) : undefined;
    },

    async findById(id) {
      const row = await db.selectFrom('articles').select(ARTICLE_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row && toArticle(row);
    },

    slugExists: (slug) => rootSlugTaken(db, slug),

    async bylines(articleIds) {
      const result = new Map<number, Byline[]>(articleIds.map((id) => [id, []]));
      if (articleIds.length === 0) return result;
      const rows =
        articleIds.length === 1
          ? await bylinesOfOne({ id: articleIds[0]! })
          : await db
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
      const rows =
        articleIds.length === 1
          ? await tagsOfOne({ id: articleIds[0]! })
          : await db
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

    async isEmpty() {
      return (await db.selectFrom('articles').select('id').limit(1).executeTakeFirst()) === undefined;
    },

  };
}
