import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { SearchField, SearchMatch } from '../../core/ports/article-search.js';
import { adjacentPairs, type SearchDocument } from '../../core/fulltext/document.js';
import type { Clause } from '../../core/fulltext/query.js';
import type { Database } from '../schema.js';

/**
 * The search index on SQLite (migration 0017): an FTS5 table without stored content whose rowid is the
 * search key (core/fulltext/document.ts), so FTS5 walks matches newest first and stops at the limit. Its
 * columns hold words already made by words.ts, split on spaces by the `ascii` tokenizer (which keeps every
 * non-ASCII byte inside a word); `search_keys` remembers each article's key, to delete its entry.
 */
export async function createSqliteSearchIndex(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists articles_search_insert`.execute(db);
  await sql`drop trigger if exists articles_search_delete`.execute(db);
  await sql`drop trigger if exists articles_search_update`.execute(db);
  await sql`drop table if exists article_search`.execute(db);
  await sql`create virtual table search_index using fts5(
    title, dek, tags, body, facets,
    content = '', contentless_delete = 1, tokenize = 'ascii', detail = column
  )`.execute(db);
  // The headline, standfirst and tags again, alone: the ranking tiers ask "all of it in the headline", and
  // walking short lists of headline words is far cheaper than checking where in each whole article they are.
  await sql`create virtual table search_heads using fts5(
    title, dek, tags, facets,
    content = '', contentless_delete = 1, tokenize = 'ascii', detail = column
  )`.execute(db);
  await sql`create table search_keys (article_id integer primary key, key integer not null)`.execute(db);
  await sql`create table search_words (word text primary key, docs integer not null) without rowid`.execute(db);
}

export async function writeSqliteSearchDocs(db: Kysely<Database>, articleIds: readonly number[], docs: readonly SearchDocument[]): Promise<void> {
  if (articleIds.length === 0) return;
  const ids = sql.join(articleIds.map((id) => sql`${id}`));
  const old = sql`select key from search_keys where article_id in (${ids})`;
  await sql`delete from search_index where rowid in (${old})`.execute(db);
  await sql`delete from search_heads where rowid in (${old})`.execute(db);
  await sql`delete from search_keys where article_id in (${ids})`.execute(db);
  for (const doc of docs) {
    const [title, dek, tags, facets] = [doc.title.join(' '), doc.dek.join(' '), doc.tags.join(' '), doc.facets.join(' ')];
    await sql`insert into search_index (rowid, title, dek, tags, body, facets)
      values (${doc.key}, ${title}, ${dek}, ${tags}, ${doc.body.join(' ')}, ${facets})`.execute(db);
    await sql`insert into search_heads (rowid, title, dek, tags, facets) values (${doc.key}, ${title}, ${dek}, ${tags}, ${facets})`.execute(db);
    await sql`insert into search_keys (article_id, key) values (${doc.articleId}, ${doc.key})`.execute(db);
  }
}

const COLUMNS: Record<SearchField, string> = { any: '{title dek tags body}', title: '{title}', dek: '{dek}', tags: '{tags}' };

/** A word as an FTS5 string: words.ts makes only letters and digits, but quoting keeps that a promise, not a hope. */
const quote = (word: string) => `"${word.replace(/"/g, '""')}"`;

/** One clause in FTS5 syntax; a phrase is its adjacent word pairs (see core/fulltext/document.ts). */
function clauseExpression(clause: Clause, columns: string): string {
  if (clause.kind === 'word') return `${columns} : ${quote(clause.word)}`;
  if (clause.kind === 'prefix') return `${columns} : (${(clause.words ?? []).map(quote).join(' OR ')})`;
  return `${columns} : (${adjacentPairs(clause.words).map(quote).join(' AND ')})`;
}

const anyOf = (clauses: readonly Clause[]) => clauses.map((clause) => `(${clauseExpression(clause, COLUMNS.any)})`).join(' OR ');

/** The FTS5 MATCH expression for one question (on search_index for `any`, search_heads for the tiers). */
export function ftsExpression(match: SearchMatch, withExclusions: boolean): string {
  const parts = match.must.map((clause) => clauseExpression(clause, COLUMNS[match.field]));
  if (match.sectionIds) parts.push(`{facets} : (${match.sectionIds.map((id) => quote(`s${id}`)).join(' OR ') || quote('s0')})`);
  if (match.authorId !== undefined) parts.push(`{facets} : ${quote(`a${match.authorId}`)}`);
  if (match.tagId !== undefined) parts.push(`{facets} : ${quote(`t${match.tagId}`)}`);
  const positive = parts.map((part) => `(${part})`).join(' AND ');
  if (!withExclusions || match.not.length === 0) return positive;
  return `(${positive}) NOT (${anyOf(match.not)})`;
}

const LIMITS = 'rowid <= ? and rowid >= ? order by rowid desc limit ?';

/** One SQL statement for the search runner (the worker thread or the main connection). */
export interface SearchStatement {
  sql: string;
  parameters: Array<string | number>;
}

/** Runs statements in order and returns each one's rowids. */
export type RunStatements = (statements: readonly SearchStatement[]) => Promise<number[][]>;

/** The statement of one question: the whole index for `any`, the headline-only table for the tiers. */
function statement(match: SearchMatch): SearchStatement {
  const bounds = [match.maxKey, match.minKey ?? Number.MIN_SAFE_INTEGER, match.limit];
  if (match.field === 'any') {
    return { sql: `select rowid from search_index where search_index match ? and ${LIMITS}`, parameters: [ftsExpression(match, true), ...bounds] };
  }
  if (match.not.length === 0) {
    return { sql: `select rowid from search_heads where search_heads match ? and ${LIMITS}`, parameters: [ftsExpression(match, false), ...bounds] };
  }
  // Exclusions reach the whole article, which search_heads does not hold: each candidate is looked up in the
  // full index. Correct but slow; the search itself never asks this (see core/fulltext/search.ts).
  return {
    sql: `select rowid from search_heads where search_heads match ? and not exists (
      select 1 from search_index where search_index match ? and search_index.rowid = search_heads.rowid) and ${LIMITS}`,
    parameters: [ftsExpression(match, false), anyOf(match.not), ...bounds],
  };
}

/** Answers the questions of one search in one trip. */
export function searchKeysWith(run: RunStatements, matches: readonly SearchMatch[]): Promise<number[][]> {
  return run(matches.map(statement));
}

/** The search thread's nice value (0 normal, 19 lowest): under contention page rendering gets most of the CPU. */
const SEARCH_THREAD_NICE = 10;

/**
 * Runs searches on a worker thread with its own read-only connection, so a search that walks a long list of
 * matches never holds the event loop that serves every other page. Each batch is one message each way.
 * SQLite in WAL mode lets the worker read while the main connection writes; it sees each committed write.
 */
export class SqliteSearchWorker {
  private worker: Worker | undefined;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (rows: number[][]) => void; reject: (error: Error) => void }>();

  constructor(private readonly file: string) {}

  readonly run: RunStatements = (statements) => {
    const worker = this.worker ?? this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, queries: statements });
    });
  };

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // Plain CommonJS evaluated in the worker: the same text runs from dist/, under tsx and under Vitest.
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: this.file, nice: SEARCH_THREAD_NICE } });
    worker.unref();
    worker.on('message', (message: { id: number; rows?: number[][]; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.rows) waiting.resolve(message.rows);
      else waiting.reject(new Error(message.error ?? 'The search worker failed.'));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The search worker stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
// Searches yield the CPU to page rendering: on Linux a thread has its own nice value, set through its thread
// id. Elsewhere, or where it is refused, the worker keeps the process's priority.
try {
  const threadId = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(threadId, workerData.nice);
} catch {}
db.pragma('busy_timeout = 5000');
const statements = new Map();
const prepared = (sql) => {
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql).pluck()));
  return statement;
};
parentPort.on('message', ({ id, queries }) => {
  try {
    parentPort.postMessage({ id, rows: queries.map((query) => prepared(query.sql).all(...query.parameters)) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message) });
  }
});
`;

/** The same statements on the main connection: for an in-memory database, which a worker cannot open. */
export function runInline(db: Kysely<Database>): RunStatements {
  return async (statements) => {
    const results: number[][] = [];
    for (const { sql: text, parameters } of statements) {
      const result = await db.executeQuery<{ rowid: number }>(CompiledQuery.raw(text, parameters));
      results.push(result.rows.map((row) => row.rowid));
    }
    return results;
  };
}
