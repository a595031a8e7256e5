import type { Kysely, Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';

/**
 * The desk's notes on an article (a plain note, or the note an editor sends an article back with), seen only
 * in the newsroom; and the marks the demo seed leaves on the rows it creates, so `newsdesk demo remove`
 * takes away exactly those and nothing the newsroom wrote.
 */
export function deskNotesAndDemoMarks(adapter: DialectAdapter): Migration {
  const ts = adapter.timestampType;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('article_notes')
        .addColumn('id', 'integer', (c) => adapter.autoId(c))
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('api_key_id', 'integer', (c) => c.references('api_keys.id').onDelete('set null'))
        // 'note' or 'sent_back' (written with the status change that sent the article back).
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('article_notes_article_idx').on('article_notes').columns(['article_id', 'id']).execute();

      await db.schema
        .createTable('demo_marks')
        // 'article', 'user', 'category', 'tag' or 'media'.
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('row_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('demo_marks_pk', ['kind', 'row_id'])
        .execute();
    },
  };
}
