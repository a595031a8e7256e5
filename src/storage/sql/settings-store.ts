import type { Kysely } from 'kysely';
import type { SettingsStore } from '../../core/accounts/security-ports.js';
import type { Database } from '../schema.js';

export function createSettingsStore(db: Kysely<Database>): SettingsStore {
  return {
    async getOrCreate(name, candidate) {
      // The first process to get here writes its candidate; every other one (now or later) reads that one.
      await db.insertInto('settings').values({ name, value: candidate }).onConflict((oc) => oc.column('name').doNothing()).execute();
      const row = await db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirstOrThrow();
      return row.value;
    },
    async hold(name) {
      await db.insertInto('settings').values({ name, value: '' }).onConflict((oc) => oc.column('name').doNothing()).execute();
      // A write that changes nothing takes the row's lock on PostgreSQL (SQLite has one writer anyway).
      await db.updateTable('settings').set((eb) => ({ value: eb.ref('value') })).where('name', '=', name).execute();
    },
  };
}
