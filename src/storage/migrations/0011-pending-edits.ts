import type { Kysely, Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';

/**
 * A published or scheduled article's working copy (edits readers do not see until "Update"), edits kept
 * aside while someone chooses how to merge them with a newer save, and which revisions were saves of a
 * working copy.
 */
export function pendingEdits(adapter: DialectAdapter): Migration {
  const ts = adapter.timestampType;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('article_pending')
        .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
        .addColumn('base_revision', 'integer', (c) => c.notNull())
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('saved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('saved_at', ts, (c) => c.notNull())
        .addColumn('apply_at', ts)
        .addColumn('apply_revision', 'integer')
        .execute();
      await db.schema
        .createTable('article_unmerged')
        .addColumn('id', 'integer', (c) => adapter.autoId(c))
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('base_revision', 'integer', (c) => c.notNull())
        .addColumn('fields', 'text', (c) => c.notNull())
        .addColumn('against', 'varchar(10)', (c) => c.notNull().defaultTo('working'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('article_unmerged_article_idx').on('article_unmerged').column('article_id').execute();
      await db.schema.alterTable('revisions').addColumn('pending', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  };
}
