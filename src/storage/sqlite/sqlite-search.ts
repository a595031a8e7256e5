import { sql, type Kysely, type Migration } from 'kysely';
import type { Database } from '../schema.js';
import { publicRule } from '../sql/public-read.js';

/** FTS5 over title, dek and body, kept in step with `articles` by triggers (external content table). */
export const sqliteSearchMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create virtual table article_search using fts5(
      title, dek, body_md,
      content = 'articles', content_rowid = 'id',
      tokenize = 'porter unicode61 remove_diacritics 2'
    )`.execute(db);
    await sql`create trigger articles_search_insert after insert on articles begin
      insert into article_search(rowid, title, dek, body_md) values (new.id, new.title, new.dek, new.body_md);
    end`.execute(db);
    await sql`create trigger articles_search_delete after delete on articles begin
      insert into article_search(article_search, rowid, title, dek, body_md) values ('delete', old.id, old.title, old.dek, old.body_md);
    end`.execute(db);
    await sql`create trigger articles_search_update after update of title, dek, body_md on articles begin
      insert into article_search(article_search, rowid, title, dek, body_md) values ('delete', old.id, old.title, old.dek, old.body_md);
      insert into article_search(rowid, title, dek, body_md) values (new.id, new.title, new.dek, new.body_md);
    end`.execute(db);
    await sql`insert into article_search(article_search) values ('rebuild')`.execute(db);
  },
};

/** Each term as an FTS5 string (double quotes doubled), all required: user text never reaches the query syntax. */
function matchExpression(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' AND ');
}

export async function sqliteSearchIds(
  db: Kysely<Database>,
  query: { terms: readonly string[]; now: Date; limit: number; offset: number },
): Promise<number[]> {
  const result = await sql<{ id: number }>`
    select a.id from article_search s join articles a on a.id = s.rowid
    where article_search match ${matchExpression(query.terms)}
      and ${publicRule('a', query.now)}
    order by bm25(article_search, 10.0, 4.0, 1.0), a.published_at desc, a.id desc
    limit ${query.limit} offset ${query.offset}`.execute(db);
  return result.rows.map((row) => row.id);
}
