import type { Kysely, Migration } from 'kysely';

/**
 * API writes go through the newsroom's workflow: a key may belong to a person (whose articles are then its
 * "own"), and revisions and audit entries name the key that made them.
 */
export function apiWrites(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('api_keys').addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
      await db.schema.alterTable('revisions').addColumn('api_key_id', 'integer', (c) => c.references('api_keys.id').onDelete('set null')).execute();
      await db.schema.alterTable('audit_log').addColumn('api_key_id', 'integer', (c) => c.references('api_keys.id').onDelete('set null')).execute();
    },
  };
}
