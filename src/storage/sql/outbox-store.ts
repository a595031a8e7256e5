import type { Kysely } from 'kysely';
import type { OutboxStore } from '../../core/ports.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Database } from '../schema.js';

export function createOutboxStore(db: Kysely<Database>, adapter: DialectAdapter): OutboxStore {
  return {
    async enqueue(input) {
      await db
        .insertInto('outbox')
        .values({ kind: input.kind, payload: JSON.stringify(input.payload), available_at: input.availableAt.toISOString() })
        .execute();
    },

    async claim(input) {
      const now = input.now.toISOString();
      const due = db
        .selectFrom('outbox')
        .select('id')
        .where('done_at', 'is', null)
        .where('available_at', '<=', now)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
        .orderBy('id')
        .limit(input.limit);
      // One statement: pick and lock. On PostgreSQL rows another worker holds are skipped, not waited for.
      const rows = await db
        .updateTable('outbox')
        .set((eb) => ({ locked_until: input.lockUntil.toISOString(), attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', adapter.supportsSkipLocked ? due.forUpdate().skipLocked() : due)
        .returning(['id', 'kind', 'payload', 'attempts'])
        .execute();
      return rows
        .sort((a, b) => a.id - b.id)
        .map((row) => ({ id: row.id, kind: row.kind, payload: JSON.parse(row.payload) as unknown, attempts: row.attempts }));
    },

    async complete(id, at) {
      await db.updateTable('outbox').set({ done_at: at.toISOString(), locked_until: null }).where('id', '=', id).execute();
    },

    async retry(id, input) {
      await db
        .updateTable('outbox')
        .set({ locked_until: null, available_at: input.availableAt.toISOString(), last_error: input.error.slice(0, 2000) })
        .where('id', '=', id)
        .execute();
    },

    async pending(now) {
      const row = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('done_at', 'is', null)
        .where('available_at', '<=', now.toISOString())
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
