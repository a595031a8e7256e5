import type { Kysely, Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';

/**
 * Static pages (About, Contact, Corrections policy), migration 0022. They answer at /<slug>, in the slug space
 * of articles: a slug is taken by an article or a page, never both (checked on both sides, under one lock; see
 * storage/sql/root-slugs.ts). No bylines, sections, tags or feeds; the sitemap lists the published ones.
 */
export function pages(adapter: DialectAdapter): Migration {
  const ts = adapter.timestampType;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('pages')
        .addColumn('id', 'integer', (c) => adapter.autoId(c))
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
        // 'draft' or 'published'.
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        // Order in lists (the footer); 0 = by title.
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        // Every save adds one; a save of an older one is refused (nothing is overwritten unseen).
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('published_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .execute();
    },
  };
}
