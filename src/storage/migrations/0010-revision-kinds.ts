import type { Kysely, Migration } from 'kysely';

/**
 * Each revision says what made it (autosave, save, submitted, published, restored, API…), so the history can
 * be read as one. Rows saved before this have none; they read as a plain save.
 */
export function revisionKinds(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('revisions').addColumn('kind', 'varchar(20)').execute();
    },
  };
}
