import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';

/**
 * Tag and author archives read their own ordered index instead of probing every public article:
 * `public_at` copies the article's `published_at` while it is published (null otherwise) onto each
 * article_tags and article_authors row, indexed as (tag or user, public_at desc, article_id desc).
 */
export function listingKeys(adapter: DialectAdapter): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const table of ['article_tags', 'article_authors'] as const) {
        await db.schema.alterTable(table).addColumn('public_at', adapter.timestampType).execute();
        await sql`update ${sql.table(table)} set public_at = (
          select case when a.status = 'published' then a.published_at end from articles a where a.id = ${sql.ref(`${table}.article_id`)}
        )`.execute(db);
      }
      await db.schema.createIndex('article_tags_listing_idx').on('article_tags').columns(['tag_id', 'public_at desc', 'article_id desc']).execute();
      await db.schema.createIndex('article_authors_listing_idx').on('article_authors').columns(['user_id', 'public_at desc', 'article_id desc']).execute();
    },
  };
}
