import { sql, type Kysely, type Migration } from 'kysely';

/** Migration 0002 (replaced by 0017, see sqlite-search-index.ts): FTS5 over title, dek and body, kept in step with `articles` by triggers (external content table). */
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
