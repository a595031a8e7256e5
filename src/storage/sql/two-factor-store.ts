import type { Kysely } from 'kysely';
import type { TwoFactorStore } from '../../core/accounts/security-ports.js';
import type { Database } from '../schema.js';

type Transact = <T>(work: (db: Kysely<Database>) => Promise<T>) => Promise<T>;

export function createTwoFactorStore(db: Kysely<Database>, transact: Transact): TwoFactorStore {
  return {
    async state(userId) {
      const row = await db
        .selectFrom('users')
        .select(['totp_secret', 'totp_pending_secret', 'totp_last_step'])
        .where('id', '=', userId)
        .executeTakeFirst();
      return { secret: row?.totp_secret ?? null, pendingSecret: row?.totp_pending_secret ?? null, lastStep: row?.totp_last_step ?? null };
    },

    async setPendingSecret(userId, secret) {
      await db.updateTable('users').set({ totp_pending_secret: secret }).where('id', '=', userId).execute();
    },

    async enable({ userId, secret, step, recoveryCodeHashes }) {
      return transact(async (trx) => {
        const switched = await trx
          .updateTable('users')
          .set({ totp_secret: secret, totp_pending_secret: null, totp_last_step: step })
          .where('id', '=', userId)
          .where('totp_secret', 'is', null)
          .where('totp_pending_secret', '=', secret)
          .executeTakeFirst();
        if (Number(switched.numUpdatedRows) !== 1) return false;
        await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
        await trx
          .insertInto('recovery_codes')
          .values(recoveryCodeHashes.map((codeHash) => ({ user_id: userId, code_hash: codeHash, used_at: null })))
          .execute();
        return true;
      });
    },

    async disable(userId) {
      await transact(async (trx) => {
        await trx.updateTable('users').set({ totp_secret: null, totp_pending_secret: null, totp_last_step: null }).where('id', '=', userId).execute();
        await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
        await trx.deleteFrom('pending_sign_ins').where('user_id', '=', userId).execute();
      });
    },

    async useStep(userId, step) {
      const result = await db
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async useRecoveryCode(userId, codeHash, at) {
      const result = await db
        .updateTable('recovery_codes')
        .set({ used_at: at.toISOString() })
        .where('user_id', '=', userId)
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async unusedRecoveryCodes(userId) {
      const row = await db
        .selectFrom('recovery_codes')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async createPending({ id, userId, expiresAt }) {
      // One pending sign-in per person: a new password step replaces the last, so the table stays small.
      await db.deleteFrom('pending_sign_ins').where('user_id', '=', userId).execute();
      await db.insertInto('pending_sign_ins').values({ id, user_id: userId, expires_at: expiresAt.toISOString() }).execute();
    },

    async findPending(id, now) {
      const row = await db
        .selectFrom('pending_sign_ins')
        .select('user_id')
        .where('id', '=', id)
        .where('expires_at', '>', now.toISOString())
        .executeTakeFirst();
      return row?.user_id;
    },

    async consumePending(id) {
      const result = await db.deleteFrom('pending_sign_ins').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}
