import { sql, type Kysely } from 'kysely';
import type { Article } from '../../core/articles/article.js';
import type { NewsroomFilter, NewsroomList, RevisionKind, RevisionSnapshot, RevisionStore } from '../../core/ports.js';
import { REVISION_KINDS } from '../../core/ports/revisions.js';
import type { Database } from '../schema.js';
import { publicRule } from './public-read.js';
import { SUMMARY_COLUMNS, toDate, toSummary } from './rows.js';

/** The newsroom's article list and the revision history. */
export function createArticleRevisions(db: Kysely<Database>): NewsroomList & RevisionStore {
  return {
    async adminList(query) {
      const order = query.order ?? (query.status === 'scheduled' ? 'publication-latest' : 'changed');
      if (order !== 'changed' && query.status !== 'published' && query.status !== 'scheduled') {
        throw new Error(`adminList: the order "${order}" needs the status published or scheduled (others may have no publication time).`);
      }
      const key = order === 'changed' ? 'articles.updated_at' : 'articles.published_at';
      const newestFirst = order !== 'publication-soonest';
      // The previous page is read backwards from its cursor, then turned round into list order.
      const backwards = query.after !== undefined && query.before === undefined;
      const cursor = query.before ?? query.after;
      const descending = newestFirst !== backwards;
      let q = filtered(db, query)
        .select([...SUMMARY_COLUMNS, 'articles.status', 'articles.revision'])
        .orderBy(key, descending ? 'desc' : 'asc')
        .orderBy('articles.id', descending ? 'desc' : 'asc')
        .limit(query.limit);
      if (cursor) {
        const at = cursor.publishedAt.toISOString();
        q = q.where(descending ? sql<boolean>`(${sql.ref(key)}, articles.id) < (${at}, ${cursor.id})` : sql<boolean>`(${sql.ref(key)}, articles.id) > (${at}, ${cursor.id})`);
      }
      const rows = await q.execute();
      if (backwards) rows.reverse();
      return rows.map((row) => ({
        ...toSummary({ ...row, published_at: row.published_at ?? row.updated_at }),
        publishedAt: row.published_at === null ? null : toDate(row.published_at as Date | string),
        status: row.status as Article['status'],
        revision: row.revision,
      }));
    },

    async adminCount(filter) {
      const narrowed = filter.categoryId !== undefined || filter.titleContains || filter.pendingChanges || filter.authorId !== undefined;
      if (!narrowed) return countByStatus(db, filter);
      const row = await filtered(db, filter).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
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

/**
 * The whole list, or one status, counted without reading the articles table: `article_counts` (kept by
 * triggers, migration 0018) holds each stored status. Published and scheduled share the stored status;
 * the scheduled ones (a published_at still to come) are few and found on the (status, published_at) index.
 */
async function countByStatus(db: Kysely<Database>, filter: NewsroomFilter): Promise<number> {
  const stored = filter.status === 'scheduled' || filter.status === 'published' ? 'published' : filter.status;
  let totals = db.selectFrom('article_counts').select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('n'), eb.lit(0)).as('n'));
  if (stored) totals = totals.where('status', '=', stored);
  const total = filter.status === 'scheduled' ? 0 : Number((await totals.executeTakeFirstOrThrow()).n);
  if (filter.status !== 'scheduled' && filter.status !== 'published') return total;
  const scheduled = await db
    .selectFrom('articles')
    .where(publicRule('articles', filter.now, 'scheduled'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return filter.status === 'scheduled' ? Number(scheduled.n) : total - Number(scheduled.n);
}

/** The articles a newsroom filter keeps (published and scheduled share the stored status; the read rule tells them apart). */
function filtered(db: Kysely<Database>, filter: NewsroomFilter) {
  let q = db.selectFrom('articles');
  if (filter.status === 'published' || filter.status === 'scheduled') {
    q = q.where(publicRule('articles', filter.now, filter.status === 'published' ? 'public' : 'scheduled'));
  } else if (filter.status) q = q.where('articles.status', '=', filter.status);
  if (filter.categoryId !== undefined) q = q.where('articles.primary_category_id', '=', filter.categoryId);
  if (filter.titleContains) {
    const pattern = `%${filter.titleContains.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`lower(articles.title) like ${pattern} escape '\\'`);
  }
  if (filter.pendingChanges) {
    q = q
      .where('articles.status', '=', 'published')
      .where(({ exists, selectFrom }) => exists(selectFrom('article_pending').select('article_pending.article_id').whereRef('article_pending.article_id', '=', 'articles.id')));
  }
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('article_authors')
          .select('article_authors.article_id')
          .whereRef('article_authors.article_id', '=', 'articles.id')
          .where('article_authors.user_id', '=', authorId),
      ),
    );
  }
  return q;
}

/** A stored kind; rows from before migration 0010 (null) were saves. */
function kindOf(stored: string | null): RevisionKind {
  return stored !== null && (REVISION_KINDS as readonly string[]).includes(stored) ? (stored as RevisionKind) : 'save';
}
