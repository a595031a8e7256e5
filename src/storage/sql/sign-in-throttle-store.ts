import type { Kysely } from 'kysely';
import type { SignInThrottleStore } from '../../core/accounts/security-ports.js';
import type { Database } from '../schema.js';
import { toDate } from './rows.js';

/**
 * Sign-in counting in single statements. A conditional UPDATE re-checks its WHERE on the row it locks
 * (PostgreSQL re-reads the latest version; SQLite has one writer at a time), so "take a slot if one is free"
 * cannot be split by another request or process.
 */
export function createSignInThrottleStore(db: Kysely<Database>): SignInThrottleStore {
  return {
    async reserveAddress({ ip, email, at, since }) {
      const { id } = await db.insertInto('sign_in_attempts').values({ ip, email, at: at.toISOString() }).returning('id').executeTakeFirstOrThrow();
      const row = await db
        .selectFrom('sign_in_attempts')
        .select((eb) => eb.fn.count<number | string>('email').distinct().as('n'))
        .where('ip', '=', ip)
        .where('at', '>', since.toISOString())
        .where('id', '!=', id)
        .executeTakeFirstOrThrow();
      return { id, otherAccounts: Number(row.n) };
    },

    async releaseAddress(id) {
      await db.deleteFrom('sign_in_attempts').where('id', '=', id).execute();
    },

    async reserveAccount({ email, now, limit, streakStart, forgetLocksBefore }) {
      const at = now.toISOString();
      await db
        .insertInto('account_throttle')
        .values({ email, attempts: 0, failures: 0, lockouts: 0, locked_until: null, last_at: at })
        .onConflict((oc) => oc.column('email').doNothing())
        .execute();
      // A quiet streak starts over; locks long past are forgotten with it. Racing requests may both reset,
      // which is harmless: neither has taken a slot yet, and a taken slot refreshes last_at.
      await db
        .updateTable('account_throttle')
        .set((eb) => ({
          attempts: 0,
          failures: 0,
          lockouts: eb.case().when('locked_until', '<', forgetLocksBefore.toISOString()).then(0).else(eb.ref('lockouts')).end(),
        }))
        .where('email', '=', email)
        .where('last_at', '<', streakStart.toISOString())
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
        .execute();
      const taken = await db
        .updateTable('account_throttle')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_at: at }))
        .where('email', '=', email)
        .where('attempts', '<', limit)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 1) return { granted: true };
      const row = await db.selectFrom('account_throttle').select(['locked_until', 'lockouts']).where('email', '=', email).executeTakeFirstOrThrow();
      const lockedUntil = row.locked_until ? toDate(row.locked_until) : null;
      return { granted: false, lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil : null, lockouts: row.lockouts };
    },

    async accountFailed(email) {
      const row = await db
        .updateTable('account_throttle')
        .set((eb) => ({ failures: eb('failures', '+', 1) }))
        .where('email', '=', email)
        .returning(['failures', 'lockouts'])
        .executeTakeFirstOrThrow();
      return { failures: row.failures, lockouts: row.lockouts };
    },

    async lockAccount({ email, until }) {
      await db
        .updateTable('account_throttle')
        .set((eb) => ({ locked_until: until.toISOString(), lockouts: eb('lockouts', '+', 1), attempts: 0, failures: 0 }))
        .where('email', '=', email)
        .execute();
    },

    async accountSucceeded(email) {
      // Slots still held by other requests stay taken; this request's slot and the failures go.
      await db
        .updateTable('account_throttle')
        .set((eb) => ({
          attempts: eb
            .case()
            .when(eb(eb('attempts', '-', eb.ref('failures')), '>', 1))
            .then(eb(eb('attempts', '-', eb.ref('failures')), '-', 1))
            .else(0)
            .end(),
          failures: 0,
          lockouts: 0,
        }))
        .where('email', '=', email)
        .execute();
    },

    async releaseAccount(email) {
      await db
        .updateTable('account_throttle')
        .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
        .where('email', '=', email)
        .whereRef('attempts', '>', 'failures')
        .execute();
    },

    async prune({ attemptsBefore, accountsBefore }) {
      const before = accountsBefore.toISOString();
      await db.deleteFrom('sign_in_attempts').where('at', '<', attemptsBefore.toISOString()).execute();
      await db
        .deleteFrom('account_throttle')
        .where('last_at', '<', before)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', before)]))
        .execute();
    },
  };
}
