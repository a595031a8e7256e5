/**
 * SQLite: one trigger per kind of write keeps `article_counts` in step inside the writing statement's own
 * transaction (SQLite has one writer at a time, so row triggers cannot race). The delete trigger runs for
 * every deleted row: SQLite skips its truncate shortcut on a table with triggers.
 */
export const SQLITE_ARTICLE_COUNT_TRIGGERS: readonly string[] = [
  `create trigger article_counts_insert after insert on articles begin
     insert into article_counts (status, n) values (new.status, 1) on conflict (status) do update set n = n + 1;
   end`,
  `create trigger article_counts_delete after delete on articles begin
     update article_counts set n = n - 1 where status = old.status;
   end`,
  `create trigger article_counts_update after update of status on articles when old.status <> new.status begin
     update article_counts set n = n - 1 where status = old.status;
     insert into article_counts (status, n) values (new.status, 1) on conflict (status) do update set n = n + 1;
   end`,
];
