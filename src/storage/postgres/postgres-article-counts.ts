/**
 * PostgreSQL: statement triggers with transition tables keep `article_counts` in step inside the writing
 * transaction, once per statement however many rows it writes (a bulk insert of 1,000 articles is one
 * upsert, not 1,000). Concurrent writers serialise on the count rows they change, each taking them in status
 * order, so two transactions cannot wait on each other's rows in opposite orders; a statement that changes
 * no status (most updates) touches no count row at all.
 */
export const POSTGRES_ARTICLE_COUNT_TRIGGERS: readonly string[] = [
  // The search path the migration ran with is kept with the function: a write from a session whose path
  // differs (an operator's psql, a tool) must still find this schema's article_counts.
  `create function article_counts_apply() returns trigger language plpgsql set search_path from current as $$
   begin
     if tg_op = 'TRUNCATE' then
       update article_counts set n = 0;
     elsif tg_op = 'INSERT' then
       insert into article_counts (status, n)
       select status, count(*) from new_rows group by status order by status
       on conflict (status) do update set n = article_counts.n + excluded.n;
     elsif tg_op = 'DELETE' then
       insert into article_counts (status, n)
       select status, -count(*) from old_rows group by status order by status
       on conflict (status) do update set n = article_counts.n + excluded.n;
     else
       insert into article_counts (status, n)
       select status, sum(k) from (
         select status, -1 as k from old_rows
         union all
         select status, 1 as k from new_rows
       ) changes group by status having sum(k) <> 0 order by status
       on conflict (status) do update set n = article_counts.n + excluded.n;
     end if;
     return null;
   end $$`,
  `create trigger article_counts_insert after insert on articles referencing new table as new_rows
     for each statement execute function article_counts_apply()`,
  `create trigger article_counts_delete after delete on articles referencing old table as old_rows
     for each statement execute function article_counts_apply()`,
  `create trigger article_counts_update after update on articles referencing old table as old_rows new table as new_rows
     for each statement execute function article_counts_apply()`,
  `create trigger article_counts_truncate after truncate on articles
     for each statement execute function article_counts_apply()`,
];
