import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';

/**
 * The routines search calls inside the database: on PostgreSQL, `search_newest`, which walks the time windows
 * of one question in one statement (storage/postgres/postgres-search-index.ts). Nothing on SQLite, whose
 * search runs in-process.
 */
export function searchRoutines(adapter: DialectAdapter): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const statement of adapter.searchRoutines) await sql.raw(statement).execute(db);
    },
  };
}
