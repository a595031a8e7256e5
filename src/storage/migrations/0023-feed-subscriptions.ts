import type { Kysely, Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';

/**
 * Wire and partner feeds the outbox worker polls on a schedule (migration 0023). Each poll is an outbox job
 * carrying the subscription's `generation`; the poll that finds its generation current schedules the next one
 * and moves the generation on in the same transaction, so a changed, stopped or restarted subscription never
 * runs two chains of polls.
 */
export function feedSubscriptions(adapter: DialectAdapter): Migration {
  const ts = adapter.timestampType;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('feed_subscriptions')
        .addColumn('id', 'integer', (c) => adapter.autoId(c))
        .addColumn('url', 'text', (c) => c.notNull().unique())
        .addColumn('section_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
        .addColumn('every_minutes', 'integer', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_polled_at', ts)
        // JSON of the last FeedImportReport.
        .addColumn('last_report', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
    },
  };
}
