import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';

/**
 * `articles.first_published_at`: when an article first became public. It survives unpublishing, archiving
 * and restoring, so publishing again keeps the original date (see core/publishing/first-publication.ts).
 * Articles that are (or were, before being archived) public when this runs take their publication time;
 * one taken down before now had already lost it.
 */
export function firstPublication(adapter: DialectAdapter): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('articles').addColumn('first_published_at', adapter.timestampType).execute();
      await sql`update articles set first_published_at = published_at
        where status in ('published', 'archived') and published_at <= ${new Date().toISOString()}`.execute(db);
    },
  };
}
