import { sql, type Kysely } from 'kysely';
import type { Article } from '../../core/articles/article.js';
import type { NewsroomList, RevisionKind, RevisionSnapshot, RevisionStore } from '../../core/ports.js';
import { REVISION_KINDS } from '../../core/ports/revisions.js';
import type { Database } from '../schema.js';
import { publicRule } from './public-read.js';
import { SUMMARY_COLUMNS, toDate, toSummary } from './rows.js';

/** The newsroom's article list and the revision history. */
export function createArticleRevisions(db: Kysely<Database>): NewsroomList & RevisionStore {
  return {
    async adminList(query) {
      let q = db
        .selectFrom('articles')
        .select([...SUMMARY_COLUMNS, 'articles.status', 'articles.revision'])
        .$if(query.status === 'scheduled', (scheduled) => scheduled.orderBy('articles.published_at', 'desc'))
        .orderBy('articles.updated_at', 'desc')
        .orderBy('articles.id', 'desc')
        .limit(query.limit);
      // Published and scheduled share the stored status; the read rule tells them apart.
      if (query.status === 'published' || query.status === 'scheduled') {
        q = q.where(publicRule('articles', query.now, query.status === 'published' ? 'public' : 'scheduled'));
      } else if (query.status) q = q.where('articles.status', '=', query.status);
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
          api_key_id: input.apiKeyId ?? null,
          kind: input.kind,
          created_at: input.at.toISOString(),
          pending: input.pending ? 1 : 0,
        })
        .execute();
    },

    async revisions(articleId) {
      const rows = await db
        .selectFrom('revisions')
        .leftJoin('users', 'users.id', 'revisions.author_id')
        .leftJoin('api_keys', 'api_keys.id', 'revisions.api_key_id')
        .select(['revisions.revision', 'revisions.author_id', 'revisions.created_at', 'revisions.kind', 'revisions.pending', 'users.display_name', 'api_keys.name as api_key_name'])
        .where('revisions.article_id', '=', articleId)
        .orderBy('revisions.revision', 'desc')
        .execute();
      return rows.map((row) => ({ revision: row.revision, authorId: row.author_id, authorName: row.display_name, apiKeyName: row.api_key_name, kind: kindOf(row.kind), at: toDate(row.created_at), pending: Number(row.pending) === 1 }));
    },

    async revision(articleId, revision) {
      const row = await db
        .selectFrom('revisions')
        .leftJoin('users', 'users.id', 'revisions.author_id')
        .leftJoin('api_keys', 'api_keys.id', 'revisions.api_key_id')
        .select(['revisions.revision', 'revisions.author_id', 'revisions.created_at', 'revisions.kind', 'revisions.pending', 'revisions.snapshot', 'users.display_name', 'api_keys.name as api_key_name'])
        .where('revisions.article_id', '=', articleId)
        .where('revisions.revision', '=', revision)
        .executeTakeFirst();
      return (
        row && {
          revision: row.revision,
          authorId: row.author_id,
          authorName: row.display_name,
          apiKeyName: row.api_key_name,
          kind: kindOf(row.kind),
          at: toDate(row.created_at),
          pending: Number(row.pending) === 1,
          snapshot: JSON.parse(row.snapshot) as RevisionSnapshot,
        }
      );
    },

  };
}

/** A stored kind; rows from before migration 0010 (null) were saves. */
function kindOf(stored: string | null): RevisionKind {
  return stored !== null && (REVISION_KINDS as readonly string[]).includes(stored) ? (stored as RevisionKind) : 'save';
}
