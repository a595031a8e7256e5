import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';

/** Users, articles with ordered authors and tags, hierarchical categories, redirects. */
export function initial(adapter: DialectAdapter): Migration {
  const ts = adapter.timestampType;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'integer', (c) => adapter.autoId(c))
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('avatar_media_id', 'integer')
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'editor', 'author', 'contributor')`))
        .addColumn('password_hash', 'text')
        .addColumn('disabled_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('categories')
        .addColumn('id', 'integer', (c) => adapter.autoId(c))
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('parent_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
        .execute();

      await db.schema
        .createTable('tags')
        .addColumn('id', 'integer', (c) => adapter.autoId(c))
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('articles')
        .addColumn('id', 'integer', (c) => adapter.autoId(c))
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('dek', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('excerpt', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('draft', 'in_review', 'published', 'archived')`),
        )
        .addColumn('published_at', ts)
        .addColumn('updated_at', ts, (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('primary_category_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
        .addColumn('featured_media_id', 'integer')
        .addColumn('seo_title', 'text')
        .addColumn('seo_description', 'text')
        .addColumn('canonical_url', 'text')
        .addColumn('noindex', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('articles_public_idx')
        .on('articles')
        .columns(['status', 'published_at desc', 'id desc'])
        .execute();
      await db.schema
        .createIndex('articles_category_idx')
        .on('articles')
        .columns(['primary_category_id', 'status', 'published_at desc', 'id desc'])
        .execute();

      await db.schema
        .createTable('article_authors')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'position'])
        .addUniqueConstraint('article_authors_unique_user', ['article_id', 'user_id'])
        .execute();
      await db.schema.createIndex('article_authors_user_idx').on('article_authors').columns(['user_id', 'article_id']).execute();

      await db.schema
        .createTable('article_tags')
        .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
        .execute();
      await db.schema.createIndex('article_tags_tag_idx').on('article_tags').columns(['tag_id', 'article_id']).execute();

      await db.schema
        .createTable('redirects')
        .addColumn('id', 'integer', (c) => adapter.autoId(c))
        .addColumn('from_path', 'text', (c) => c.notNull().unique())
        .addColumn('to_path', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull().defaultTo(301).check(sql`status in (301, 302, 308)`))
        .execute();
    },
  };
}
