import { sql, type Kysely, type Migration } from 'kysely';
import type { Database } from '../schema.js';
import { publicRule } from '../sql/public-read.js';

/** A generated tsvector (title A, dek B, body C) with a GIN index. */
export const postgresSearchMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`alter table articles add column search tsvector generated always as (
      setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
      setweight(to_tsvector('english', coalesce(dek, '')), 'B') ||
      setweight(to_tsvector('english', coalesce(body_md, '')), 'C')
    ) stored`.execute(db);
    await sql`create index articles_search_idx on articles using gin (search)`.execute(db);
  },
};

export async function postgresSearchIds(
  db: Kysely<Database>,
  query: { terms: readonly string[]; now: Date; limit: number; offset: number },
): Promise<number[]> {
  // plainto_tsquery ANDs the words and never throws on user input.
  const result = await sql<{ id: number }>`
    select a.id from articles a, plainto_tsquery('english', ${query.terms.join(' ')}) q
    where a.search @@ q and ${publicRule('a', query.now)}
    order by ts_rank_cd(a.search, q) desc, a.published_at desc, a.id desc
    limit ${query.limit} offset ${query.offset}`.execute(db);
  return result.rows.map((row) => row.id);
}
