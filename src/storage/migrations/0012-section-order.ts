import type { Kysely, Migration } from 'kysely';

/**
 * Sections are ordered by hand for the navigation: `position` among their siblings (same parent), lowest
 * first. 0 means "not placed by hand": siblings that all have 0 keep their alphabetical order, which is how
 * every section stood before this, so nothing moves until the desk orders a group.
 */
export function sectionOrder(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('categories').addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  };
}
