import { sql, type Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Database } from '../schema.js';

/**
 * Runs `work` on one connection inside a read-only snapshot of the whole database (the export's and the
 * WordPress export's view), then rolls back: what it reads is consistent however long it takes, and writers
 * are never held back. Give it a store of its own: on SQLite the connection is the store's only one.
 */
export function inReadSnapshot<T>(db: Kysely<Database>, adapter: DialectAdapter, work: (conn: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql.raw(adapter.beginReadSnapshot).execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql.raw('rollback').execute(conn);
    }
  });
}
