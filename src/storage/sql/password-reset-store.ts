import type { Kysely } from 'kysely';
import type { PasswordResetStore } from '../../core/accounts/security-ports.js';
import type { Database } from '../schema.js';

export function createPasswordResetStore(db: Kysely<Database>): PasswordResetStore {
  return {
    async holdAccount(userId) {
      // A write that changes nothing takes the row's lock on PostgreSQL (SQLite has one writer anyway).
      await db.updateTable('users').set((eb) => ({ id: eb.ref('id') })).where('id', '=', userId).execute();
    },

    async create(input) {
      // Links a day past their expiry are no longer counted for anything.
      await db.deleteFrom('password_resets').where('expires_at', '<', new Date(input.createdAt.getTime() - 86_400_000).toISOString()).execute();
      await db
        .insertInto('password_resets')
        .values({
          token_hash: input.tokenHash,
          user_id: input.userId,
          ip: input.ip,
          created_at: input.createdAt.toISOString(),
          expires_at: input.expiresAt.toISOString(),
          used_at: null,
        })
        .execute();
    },

    async recentCount({ userId, ip, since }) {
      const after = since.toISOString();
      const count = (column: 'user_id' | 'ip', value: number | string | null) =>
        db
          .selectFrom('password_resets')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where(column, value === null ? 'is' : '=', value)
          .where('created_at', '>', after)
          .executeTakeFirstOrThrow();
      const [forUser, fromAddress] = await Promise.all([count('user_id', userId), count('ip', ip)]);
      return { forUser: Number(forUser.n), fromAddress: Number(fromAddress.n) };
    },

    async findLive(tokenHash, now) {
      const row = await db
        .selectFrom('password_resets')
        .select('user_id')
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now.toISOString())
        .executeTakeFirst();
      return row?.user_id ?? undefined;
    },

    async consume(tokenHash, now) {
      const at = now.toISOString();
      const row = await db
        .updateTable('password_resets')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .where('user_id', 'is not', null)
        .returning('user_id')
        .executeTakeFirst();
      return row?.user_id ?? undefined;
    },
  };
}
