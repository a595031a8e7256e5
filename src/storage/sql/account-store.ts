import type { Kysely } from 'kysely';
import type { AccountStore } from '../../core/ports.js';
import type { Database } from '../schema.js';
import { isUniqueViolation, toAuthor, toDate } from './rows.js';
import { DomainError } from '../../core/errors.js';

type Transact = <T>(work: (db: Kysely<Database>) => Promise<T>) => Promise<T>;

export function createAccountStore(db: Kysely<Database>, transact: Transact): AccountStore {
  return {
    async credentials(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      return row && { user: toAuthor(row), passwordHash: row.password_hash, disabledAt: row.disabled_at ? toDate(row.disabled_at) : null };
    },
    async hasSignInUsers() {
      const row = await db.selectFrom('users').select('id').where('password_hash', 'is not', null).limit(1).executeTakeFirst();
      return row !== undefined;
    },
    async setPassword(userId, passwordHash) {
      await transact(async (trx) => {
        await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
        await trx.deleteFrom('password_resets').where('user_id', '=', userId).where('used_at', 'is', null).execute();
      });
    },
    async setRole(userId, role) {
      await db.updateTable('users').set({ role }).where('id', '=', userId).execute();
    },
    async setDisabled(userId, at) {
      await transact(async (trx) => {
        await trx.updateTable('users').set({ disabled_at: at?.toISOString() ?? null }).where('id', '=', userId).execute();
        if (at) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      });
    },
    async createSession(input) {
      await db
        .insertInto('sessions')
        .values({
          id: input.id,
          user_id: input.userId,
          csrf_token: input.csrfToken,
          created_at: input.createdAt.toISOString(),
          expires_at: input.expiresAt.toISOString(),
        })
        .execute();
    },
    async findSession(id, now) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .selectAll('users')
        .select(['sessions.csrf_token', 'sessions.expires_at'])
        .where('sessions.id', '=', id)
        .where('sessions.expires_at', '>', now.toISOString())
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
      return row && { user: toAuthor(row), csrfToken: row.csrf_token, expiresAt: toDate(row.expires_at) };
    },
    async deleteSession(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteOtherSessions(userId, keepId) {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepId !== undefined) q = q.where('id', '!=', keepId);
      await q.execute();
    },
    async audit(entry) {
      await db
        .insertInto('audit_log')
        .values({
          at: entry.at.toISOString(),
          actor_id: entry.actorId,
          api_key_id: entry.apiKeyId ?? null,
          action: entry.action,
          subject: entry.subject ?? '',
          detail: JSON.stringify(entry.detail ?? {}),
          ip: entry.ip ?? '',
        })
        .execute();
    },
    async auditLog(limit) {
      const rows = await db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_id')
        .leftJoin('api_keys', 'api_keys.id', 'audit_log.api_key_id')
        .select([
          'audit_log.id', 'audit_log.at', 'audit_log.actor_id', 'audit_log.action', 'audit_log.subject',
          'audit_log.detail', 'audit_log.ip', 'users.display_name', 'api_keys.name as api_key_name',
        ])
        .orderBy('audit_log.at', 'desc')
        .orderBy('audit_log.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        at: toDate(row.at),
        actorId: row.actor_id,
        actorName: row.display_name,
        apiKeyName: row.api_key_name,
        action: row.action,
        subject: row.subject,
        detail: JSON.parse(row.detail) as Record<string, unknown>,
        ip: row.ip,
      }));
    },
    async listUsers() {
      const rows = await db.selectFrom('users').selectAll().orderBy('display_name').orderBy('id').execute();
      return rows.map((row) => ({ ...toAuthor(row), disabled: row.disabled_at !== null, canSignIn: row.password_hash !== null }));
    },
    async setProfile(userId, profile) {
      try {
        await db
          .updateTable('users')
          .set({ display_name: profile.displayName, bio: profile.bio, slug: profile.slug })
          .where('id', '=', userId)
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('SLUG_TAKEN', `Another person already has the address /author/${profile.slug}.`);
        throw error;
      }
    },
    async setAvatar(userId, mediaId) {
      // Compare and set: portraits uploaded at once each learn exactly which one they replaced.
      for (;;) {
        const row = await db.selectFrom('users').select('avatar_media_id').where('id', '=', userId).executeTakeFirst();
        if (!row) return null;
        const previous = row.avatar_media_id;
        const result = await db
          .updateTable('users')
          .set({ avatar_media_id: mediaId })
          .where('id', '=', userId)
          .where('avatar_media_id', previous === null ? 'is' : '=', previous)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 1) return previous;
      }
    },
    async findUserById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toAuthor(row);
    },
  };
}
