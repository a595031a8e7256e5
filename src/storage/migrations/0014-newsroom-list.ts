import type { Kysely, Migration } from 'kysely';

/**
 * The newsroom's article list reads newest change first and pages on (updated_at, id): with this index each
 * page is a short walk from its cursor, however large the archive, instead of a sort of every article.
 */
export function newsroomList(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('articles_updated_idx').on('articles').columns(['updated_at desc', 'id desc']).execute();
    },
  };
}
