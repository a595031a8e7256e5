import type { Kysely, Selectable } from 'kysely';
import type { FeedSubscription, FeedSubscriptionStore } from '../../core/imports/feed-subscriptions.js';
import type { FeedImportReport } from '../../core/imports/import-report.js';
import type { Database, FeedSubscriptionsTable } from '../schema.js';
import { toDate } from './rows.js';

function toSubscription(row: Selectable<FeedSubscriptionsTable>): FeedSubscription {
  return {
    id: row.id,
    url: row.url,
    sectionId: row.section_id,
    everyMinutes: row.every_minutes,
    active: row.active === 1,
    generation: row.generation,
    lastPolledAt: row.last_polled_at === null ? null : toDate(row.last_polled_at),
    lastReport: row.last_report === null ? null : (JSON.parse(row.last_report) as FeedImportReport),
    lastError: row.last_error,
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
  };
}

export function createFeedSubscriptionStore(db: Kysely<Database>): FeedSubscriptionStore {
  const byId = async (id: number) => {
    const row = await db.selectFrom('feed_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSubscription(row) : undefined;
  };
  return {
    async upsert(input) {
      // A new generation either way: polls scheduled under the old settings find themselves stale.
      const row = await db
        .insertInto('feed_subscriptions')
        .values({ url: input.url, section_id: input.sectionId, every_minutes: input.everyMinutes, created_by: input.createdBy, created_at: input.at.toISOString(), last_report: null, last_error: null })
        .onConflict((oc) =>
          oc.column('url').doUpdateSet((eb) => ({
            section_id: eb.ref('excluded.section_id'),
            every_minutes: eb.ref('excluded.every_minutes'),
            active: 1,
            generation: eb(eb.ref('feed_subscriptions.generation'), '+', 1),
          })),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSubscription(row);
    },
    findById: byId,
    async list() {
      return (await db.selectFrom('feed_subscriptions').selectAll().orderBy('id').execute()).map(toSubscription);
    },
    async advance(id, generation, changes) {
      const result = await db
        .updateTable('feed_subscriptions')
        .set({ generation: generation + 1, ...(changes.active !== undefined ? { active: changes.active ? 1 : 0 } : {}) })
        .where('id', '=', id)
        .where('generation', '=', generation)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async recordPoll(id, result) {
      await db
        .updateTable('feed_subscriptions')
        .set({ last_polled_at: result.at.toISOString(), last_report: result.report ? JSON.stringify(result.report) : null, last_error: result.error ?? null })
        .where('id', '=', id)
        .execute();
    },
  };
}
