import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';

/** API keys for the REST API, and the outbox of side effects (DESIGN.md §3). */
export function apiKeysAndOutbox(adapter: DialectAdapter): Migration {
  const ts = adapter.timestampType;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'integer', (c) => adapter.autoId(c))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'editor', 'author', 'contributor')`))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('revoked_at', ts)
        .execute();

      await db.schema
        .createTable('outbox')
        .addColumn('id', 'integer', (c) => adapter.autoId(c))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('available_at', ts, (c) => c.notNull())
        .addColumn('locked_until', ts)
        .addColumn('done_at', ts)
        .addColumn('last_error', 'text')
        .execute();
      await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['done_at', 'available_at', 'id']).execute();
    },
  };
}
