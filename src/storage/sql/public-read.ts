import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import type { ArticleStatus } from '../../core/articles/article.js';
import { publicSince, readerConstraint } from '../../core/publishing/visibility.js';

/**
 * The core's read rule (`core/publishing/visibility.ts`) as SQL: the only place storage states it.
 * `table` is the name or alias of an articles row in the query. Usable in Kysely (`.where(publicRule(…))`)
 * and inside raw `sql` templates alike.
 */
export function publicRule(table: string, now: Date, when: 'public' | 'scheduled' = 'public'): RawBuilder<boolean> {
  const rule = readerConstraint(now, when);
  return sql<boolean>`${sql.ref(`${table}.status`)} = ${rule.status} and ${sql.ref(`${table}.published_at`)} ${sql.raw(
    rule.publishedAt.op,
  )} ${rule.publishedAt.at.toISOString()}`;
}

/**
 * The same rule on a link table (`article_tags`, `article_authors`), which carries the article's public-since
 * instant in `public_at` so tag and byline listings can walk their own index.
 */
export function linkPublicRule(table: 'article_tags' | 'article_authors', now: Date): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${table}.public_at`)} <= ${now.toISOString()}`;
}

/** What `public_at` on the link tables holds for an article in this state. */
export function publicAtOf(status: ArticleStatus, publishedAt: Date | null): string | null {
  return publicSince({ status, publishedAt })?.toISOString() ?? null;
}

/** Whether at least one public article links to this tag (`article_tags`) or bylines this person (`article_authors`). */
export async function hasPublicLink(
  db: Kysely<Database>,
  link: { table: 'article_tags'; tagId: number } | { table: 'article_authors'; userId: number },
  now: Date,
): Promise<boolean> {
  const base = db.selectFrom(link.table).select(`${link.table}.article_id`).where(linkPublicRule(link.table, now)).limit(1);
  const query = link.table === 'article_tags' ? base.where('tag_id', '=', link.tagId) : base.where('user_id', '=', link.userId);
  return (await query.executeTakeFirst()) !== undefined;
}
