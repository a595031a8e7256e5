import type { Kysely, Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';

/**
 * Account security: sign-in attempts counted atomically (per account and per address), settings shared by
 * every process (the session-cookie signing key), password-reset links, and two-step sign-in (TOTP secret,
 * recovery codes, the pending state between the password and the code). Replaces 0004's login_failures,
 * which was read and written in separate steps.
 */
export function accountSecurity(adapter: DialectAdapter): Migration {
  const ts = adapter.timestampType;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.dropTable('login_failures').execute();

      await db.schema
        .createTable('sign_in_attempts')
        .addColumn('id', 'integer', (c) => adapter.autoId(c))
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_in_attempts_ip_idx').on('sign_in_attempts').columns(['ip', 'at']).execute();
      await db.schema.createIndex('sign_in_attempts_at_idx').on('sign_in_attempts').column('at').execute();

      await db.schema
        .createTable('account_throttle')
        .addColumn('email', 'text', (c) => c.primaryKey())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', ts)
        .addColumn('last_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('account_throttle_last_idx').on('account_throttle').column('last_at').execute();

      await db.schema
        .createTable('settings')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('password_resets')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        // Null for a request naming no account: both cases write the same row, so they take the same path.
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('expires_at', ts, (c) => c.notNull())
        .addColumn('used_at', ts)
        .execute();
      await db.schema.createIndex('password_resets_user_idx').on('password_resets').columns(['user_id', 'created_at']).execute();
      await db.schema.createIndex('password_resets_ip_idx').on('password_resets').columns(['ip', 'created_at']).execute();

      // One column per statement: SQLite adds them one at a time.
      await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
      await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
      await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();

      await db.schema
        .createTable('recovery_codes')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('used_at', ts)
        .addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'code_hash'])
        .execute();

      await db.schema
        .createTable('pending_sign_ins')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('expires_at', ts, (c) => c.notNull())
        .execute();
    },
  };
}
