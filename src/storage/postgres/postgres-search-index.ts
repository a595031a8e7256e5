import { sql, type Kysely } from 'kysely';
import type { SearchField, SearchMatch } from '../../core/ports/article-search.js';
import { adjacentPairs, minKeyFrom, publishedAtOfKey, type SearchDocument } from '../../core/fulltext/document.js';
import type { Clause } from '../../core/fulltext/query.js';
import type { Database } from '../schema.js';

/**
 * The search index on PostgreSQL (migration 0017): one narrow row per readable article, its words as a
 * tsvector made by our own code (core/fulltext/words.ts) and cast, never parsed by a text-search configuration,
 * so PostgreSQL and SQLite index exactly the same words. Besides each word (with its position, for phrases)
 * the vector holds:
 * - the words of the headline, standfirst and tags again with a mark (`^`, `>`, `#`) for the ranking tiers;
 * - filter words (`~s12` section, `~a5` author, `~t33` tag);
 * - the publication day and month (`~d2026-11-29`, `~m2026-11`), so a search can ask GIN for the newest
 *   matches only: a GIN index cannot return rows in key order, and sorting every match of a common word is
 *   what made search slow. See docs/adr/0010-search.md.
 */
export async function createPostgresSearchIndex(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists articles_search_idx`.execute(db);
  await sql`alter table articles drop column if exists search`.execute(db);
  await sql`create table search_docs (
    key bigint primary key,
    article_id integer not null unique,
    doc tsvector not null
  )`.execute(db);
  await sql`create index search_docs_doc_idx on search_docs using gin (doc)`.execute(db);
  // Code-point order, as SQLite compares text: prefixes expand to the same words on both databases.
  await sql`create table search_words (word text collate "C" primary key, docs integer not null)`.execute(db);
}

const lexeme = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const utcMonth = (at: Date) => at.toISOString().slice(0, 7);

/** The tsvector literal of a document: lexemes only, no positions (phrases are word pairs), no weights. */
export function tsvectorLiteral(doc: SearchDocument): string {
  const lexemes = new Set<string>();
  const fields: Array<[string[], string]> = [
    [doc.title, '^'],
    [doc.dek, '>'],
    [doc.tags, '#'],
    [doc.body, ''],
  ];
  for (const [tokens, mark] of fields) {
    for (const token of tokens) {
      lexemes.add(token);
      if (mark) lexemes.add(mark + token);
    }
  }
  for (const facetWord of doc.facets) lexemes.add(`~${facetWord}`);
  const at = publishedAtOfKey(doc.key);
  lexemes.add(`~d${utcDay(at)}`);
  lexemes.add(`~m${utcMonth(at)}`);
  return [...lexemes].map(lexeme).join(' ');
}

export async function bulkPostgresSearchLoad<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  await sql`drop index if exists search_docs_doc_idx`.execute(db);
  try {
    return await work();
  } finally {
    // Building GIN over a million vectors with the default 64 MB of maintenance memory took over half an hour.
    await db.transaction().execute(async (trx) => {
      await sql`set local maintenance_work_mem = '512MB'`.execute(trx);
      await sql`create index if not exists search_docs_doc_idx on search_docs using gin (doc)`.execute(trx);
    });
  }
}

/**
 * Two transactions re-filing the same articles (two tag renames at once) must take turns: otherwise the second
 * reads a tag name the first has not committed, files it after the first commits (losing the first's change),
 * and its delete cannot see the first's insert, so its insert collides. Locking the article rows in id order
 * before reading makes the second wait, then read and file what the first committed.
 */
export async function lockPostgresArticles(db: Kysely<Database>, articleIds: readonly number[]): Promise<void> {
  if (articleIds.length === 0) return;
  await sql`select id from articles where id = any(${[...articleIds]}::int[]) order by id for update`.execute(db);
}

export async function writePostgresSearchDocs(db: Kysely<Database>, articleIds: readonly number[], docs: readonly SearchDocument[]): Promise<void> {
  if (articleIds.length === 0) return;
  await sql`delete from search_docs where article_id = any(${[...articleIds]}::int[])`.execute(db);
  for (let start = 0; start < docs.length; start += 200) {
    const rows = docs.slice(start, start + 200).map((doc) => sql`(${doc.key}, ${doc.articleId}, ${tsvectorLiteral(doc)}::tsvector)`);
    await sql`insert into search_docs (key, article_id, doc) values ${sql.join(rows)}`.execute(db);
  }
}

const MARK: Record<SearchField, string> = { any: '', title: '^', dek: '>', tags: '#' };

/** One clause as tsquery text; a phrase is its adjacent word pairs (see core/fulltext/document.ts). */
function clauseQuery(clause: Clause, mark: string): string {
  if (clause.kind === 'word') return lexeme(mark + clause.word);
  if (clause.kind === 'prefix') return `(${(clause.words ?? []).map((word) => lexeme(mark + word)).join(' | ')})`;
  return `(${adjacentPairs(clause.words).map((pair) => lexeme(mark + pair)).join(' & ')})`;
}

/** The tsquery of one question, without its time window. */
export function tsqueryText(match: SearchMatch): string {
  const parts = match.must.map((clause) => clauseQuery(clause, MARK[match.field]));
  if (match.sectionIds) parts.push(`(${match.sectionIds.map((id) => lexeme(`~s${id}`)).join(' | ') || lexeme('~s0')})`);
  if (match.authorId !== undefined) parts.push(lexeme(`~a${match.authorId}`));
  if (match.tagId !== undefined) parts.push(lexeme(`~t${match.tagId}`));
  if (match.not.length > 0) parts.push(`!(${match.not.map((clause) => clauseQuery(clause, '')).join(' | ')})`);
  return parts.join(' & ');
}

const DAY_MS = 86_400_000;

/**
 * Ever wider windows of time ending at the newest key asked for, as day or month words: the newest matches
 * are found inside a window that holds at least `limit` of them, so a common word costs what its last day
 * or two of matches cost, and a rare word falls through to the whole index, where it has few matches anyway.
 */
function timeWindows(maxKey: number, minKey: number | undefined): Array<{ words: string[]; startKey: number; reachesMin: boolean }> {
  const end = publishedAtOfKey(maxKey);
  const from = minKey === undefined ? undefined : publishedAtOfKey(minKey);
  const windows: Array<{ words: string[]; start: Date }> = [];
  for (const days of [2, 8]) {
    const words = Array.from({ length: days }, (_, i) => `~d${utcDay(new Date(end.getTime() - i * DAY_MS))}`);
    windows.push({ words, start: new Date(Date.parse(`${utcDay(new Date(end.getTime() - (days - 1) * DAY_MS))}T00:00:00Z`)) });
  }
  for (const months of [2, 6, 24]) {
    const words: string[] = [];
    let start = end;
    for (let i = 0; i < months; i++) {
      start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - i, 1));
      words.push(`~m${utcMonth(start)}`);
    }
    windows.push({ words, start });
  }
  const result: Array<{ words: string[]; startKey: number; reachesMin: boolean }> = [];
  for (const window of windows) {
    const reachesMin = from !== undefined && window.start.getTime() <= from.getTime();
    result.push({ words: window.words, startKey: minKeyFrom(window.start), reachesMin });
    if (reachesMin) break;
  }
  return result;
}

/** Up to this many matches (counted or expected), the whole index is asked at once, without time windows. */
const FEW_MATCHES = 3000;

/**
 * Words each of which every match must hold (the words of required words and phrases; a prefix's words are
 * alternatives, so they bound nothing alone): the fewest documents any of them is in bounds the matches.
 */
function boundingWords(match: SearchMatch): string[] {
  return [...new Set(match.must.flatMap((clause) => (clause.kind === 'word' ? [clause.word] : clause.kind === 'phrase' ? clause.words : [])))];
}

interface Windows {
  /** Each window's day or month words as a tsquery; null for the whole index (from `minKey`). */
  queries: Array<string | null>;
  /** The key each window starts at. */
  startKeys: number[];
}

/**
 * The windows to try, in order, ending with the whole index unless a window already reaches back to
 * `minKey`. All questions of one search share them.
 */
function windowsFor(maxKey: number, minKey: number | undefined): Windows {
  const windows = timeWindows(maxKey, minKey);
  const result: Windows = {
    queries: windows.map((window) => window.words.map(lexeme).join(' | ')),
    startKeys: windows.map((window) => window.startKey),
  };
  if (!windows.at(-1)?.reachesMin) {
    result.queries.push(null);
    result.startKeys.push(minKey ?? Number.MIN_SAFE_INTEGER);
  }
  return result;
}

/** The newest keys of one question; tests walk every window of a small corpus with `fewMatches` 0. */
export async function postgresSearchKeys(db: Kysely<Database>, match: SearchMatch, fewMatches = FEW_MATCHES): Promise<number[]> {
  const [keys] = await postgresSearchAll(db, [match], fewMatches);
  return keys ?? [];
}

/**
 * The questions of one search (the match anywhere and the ranking tiers), which share their bounds and time
 * windows, in one statement on one connection: one round trip and one backend, so a search keeps at most one
 * of the database's cores busy. Keys come back as text (`1,2,3`): splitting one string costs far less than
 * parsing an array of 64-bit integers element by element.
 *
 * Always through the GIN index: the planner, guessing how common an OR of many rare words is (a prefix), chose
 * to walk the primary key newest first and test every row's vector, which read the whole table (14 s at
 * 100,000 articles). A GIN bitmap's cost is bounded by the matches, so `search_newest` switches the other
 * plans off for its own statements.
 */
export async function postgresSearchAll(db: Kysely<Database>, matches: readonly SearchMatch[], fewMatches = FEW_MATCHES): Promise<number[][]> {
  const first = matches[0];
  if (!first) return [];
  if (matches.some((match) => match.maxKey !== first.maxKey || match.minKey !== first.minKey)) {
    throw new RangeError('The questions of one search share their time bounds.');
  }
  const windows = windowsFor(first.maxKey, first.minKey);
  const calls = matches.map(
    (match, i) =>
      sql`array_to_string(search_newest(${tsqueryText(match)}::tsquery, w.queries, w.start_keys, ${boundingWords(match)}::text[],
        ${match.maxKey}, ${match.minKey ?? Number.MIN_SAFE_INTEGER}, ${match.limit}, w.oldest_key, ${fewMatches}), ',') as ${sql.raw(`k${i}`)}`,
  );
  const result = await sql<Record<string, string | null>>`with w as (
      select ${windows.queries}::tsquery[] as queries, ${windows.startKeys}::bigint[] as start_keys,
        (select min(key) from search_docs) as oldest_key
    ) select ${sql.join(calls)} from w`.execute(db);
  const row = result.rows[0] ?? {};
  return matches.map((_, i) => {
    const text = row[`k${i}`] ?? '';
    return text === '' ? [] : text.split(',').map(Number);
  });
}

/**
 * Migration 0019: the window walk as one function, so a search costs one round trip and one statement, not
 * one per window inside a transaction. It asks for `base` within each window in turn (a null window: the
 * whole index from `min_key`) and returns the first answer that holds `lim` keys, or the last one's.
 * What each query costs is its words' GIN lists, its window's day or month lists (a month of a million
 * articles lists 36,000) and a heap visit per match, so it skips windows it can tell are wasted:
 * - `search_words` counts (they never shrink, so they bound the matches from above): a query whose words are
 *   in few documents goes straight to the last query, sorting a few thousand keys at most;
 * - the rate of matches a window found: it goes straight to the last query when that rate over the whole span
 *   promises few matches (a window that found fewer than 3 counts as finding 3, so a headline tier with no match in
 *   the last days does not read every month's list), and otherwise to the first window wide enough to hold
 *   `lim` at that rate.
 * The counts and rates choose the plan only, never the answer. "Few" is `few` (FEW_MATCHES). `oldest_key` is
 * the index's first key, read by the calling statement, whose planner may walk the primary key for it. Key
 * differences measure time (keys grow with the publication minute; see core/fulltext/document.ts). The
 * planner settings hold for the function's duration; each query is planned with its own values
 * (EXECUTE … USING), as a GIN bitmap bounded by its matches, and without parallel workers: guessing a
 * prefix's 40 words common, the planner started two, which took 35–50 ms to return no row at a million.
 */
export const POSTGRES_SEARCH_ROUTINES: readonly string[] = [
  `create function search_newest(base tsquery, windows tsquery[], start_keys bigint[], bound_words text[], max_key bigint, min_key bigint, lim integer, oldest_key bigint, few integer)
   returns bigint[] language plpgsql stable
   set search_path from current set enable_seqscan = off set enable_indexscan = off
   set max_parallel_workers_per_gather = 0 as $$
   declare
     last constant integer := cardinality(windows);
     i integer := 1;
     found bigint[];
     bound bigint;
     wanted_start float8;
   begin
     if cardinality(bound_words) > 0 then
       select case when count(*) < cardinality(bound_words) then 0 else min(docs) end into bound
         from search_words where word = any(bound_words);
       if bound <= few then i := last; end if;
     end if;
     loop
       execute 'select coalesce(array_agg(key order by key desc), ''{}'') from (select key from search_docs
                where doc @@ $1 and key <= $2 and key >= $3 order by key desc limit $4) newest'
         into found using coalesce(base && windows[i], base), max_key, min_key, lim;
       exit when cardinality(found) >= lim or i = last;
       -- Fewer than 3 found count as 3, about the most a window can miss by chance when none is there.
       if greatest(cardinality(found), 3)::float8 * (max_key - greatest(oldest_key, start_keys[last])) / greatest(max_key - start_keys[i], 1) <= few then
         i := last;
       elsif cardinality(found) = 0 then
         i := i + 1;
       else
         wanted_start := max_key - (max_key - start_keys[i])::float8 * lim / cardinality(found);
         i := i + 1;
         while i < last and start_keys[i] > wanted_start loop i := i + 1; end loop;
       end if;
     end loop;
     return found;
   end $$`,
];
