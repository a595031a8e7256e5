import type { Kysely, Migration } from 'kysely';

/**
 * The media library: a caption and a credit for every picture (empty on older rows), and the focal point
 * its 16:9, 4:3 and 1:1 crops are cut around (null: the crops were chosen by sharp's attention strategy).
 */
export function mediaLibrary(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('media').addColumn('caption', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('media').addColumn('credit', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('media').addColumn('focal_x', 'double precision').execute();
      await db.schema.alterTable('media').addColumn('focal_y', 'double precision').execute();
    },
  };
}
