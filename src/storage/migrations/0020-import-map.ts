import type { Kysely, Migration } from 'kysely';

/**
 * Which Newsdesk row each imported thing became (an export's post, author, category or tag), written in the
 * same transaction as the row: an import run again, or resumed after it was killed, skips what is already
 * here and creates the rest, so it never makes anything twice. `source` names the export's site
 * (`wordpress:https://example.com/`), so two sites' post 1 are different posts.
 */
export function importMap(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('import_map')
        .addColumn('source', 'varchar(400)', (c) => c.notNull())
        // 'post', 'author', 'category', 'tag', 'media'.
        .addColumn('kind', 'varchar(20)', (c) => c.notNull())
        .addColumn('source_id', 'varchar(400)', (c) => c.notNull())
        .addColumn('local_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('import_map_pk', ['source', 'kind', 'source_id'])
        .execute();
    },
  };
}
