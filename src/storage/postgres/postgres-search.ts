import { sql, type Kysely, type Migration } from 'kysely';

/** Migration 0002 (replaced by 0017, see postgres-search-index.ts): a generated tsvector (title A, dek B, body C) with a GIN index. */
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
