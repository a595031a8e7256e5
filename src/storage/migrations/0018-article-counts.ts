import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';

/**
 * How many articles there are in each stored status, kept by triggers in the same transaction as every
 * write that changes it (the adapter's `articleCountTriggers`), so the newsroom's list can say how many
 * articles it holds without counting the table. Filled once here from the rows already stored.
 */
export function articleCounts(adapter: DialectAdapter): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('article_counts')
        .addColumn('status', 'varchar(20)', (c) => c.primaryKey())
        .addColumn('n', 'integer', (c) => c.notNull())
        .execute();
      await sql`insert into article_counts (status, n) select status, count(*) from articles group by status`.execute(db);
      for (const statement of adapter.articleCountTriggers) await sql.raw(statement).execute(db);
    },
  };
}
