import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { sql, type Kysely } from 'kysely';
import type { SearchField, SearchMatch } from '../../core/ports/article-search.js';
import type { SearchDocument } from '../../core/fulltext/document.js';
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
    content = '', contentless_delete = 1,
    tokenize = 'ascii', prefix = '2 3 4'
  )`.execute(db);
  await sql`create table search_keys (article_id integer primary key, key integer not null)`.execute(db);
}

export async function writeSqliteSearchDocs(db: Kysely<Database>, articleIds: readonly number[], docs: readonly SearchDocument[]): Promise<void> {
  if (articleIds.length === 0) return;
  const ids = sql.join(articleIds.map((id) => sql`${id}`));
  await sql`delete from search_index where rowid in (select key from search_keys where article_id in (${ids}))`.execute(db);
  await sql`delete from search_keys where article_id in (${ids})`.execute(db);
  for (const doc of docs) {
    await sql`insert into search_index (rowid, title, dek, tags, body, facets)
      values (${doc.key}, ${doc.title.join(' ')}, ${doc.dek.join(' ')}, ${doc.tags.join(' ')}, ${doc.body.join(' ')}, ${doc.facets.join(' ')})`.execute(db);
    await sql`insert into search_keys (article_id, key) values (${doc.articleId}, ${doc.key})`.execute(db);
  }
}

const COLUMNS: Record<SearchField, string> = { any: '{title dek tags body}', title: '{title}', dek: '{dek}', tags: '{tags}' };

/** A word as an FTS5 string: words.ts makes only letters and digits, but quoting keeps that a promise, not a hope. */
const quote = (word: string) => `"${word.replace(/"/g, '""')}"`;

function clauseExpression(clause: Clause): string {
  if (clause.kind === 'word') return quote(clause.word);
  if (clause.kind === 'prefix') return `${quote(clause.prefix)}*`;
  return quote(clause.words.join(' '));
}

/** The FTS5 MATCH expression for one question. */
export function ftsExpression(match: SearchMatch): string {
  const parts = [`${COLUMNS[match.field]} : (${match.must.map(clauseExpression).join(' AND ')})`];
  if (match.sectionIds) parts.push(`{facets} : (${match.sectionIds.map((id) => quote(`s${id}`)).join(' OR ') || quote('s0')})`);
  if (match.authorId !== undefined) parts.push(`{facets} : ${quote(`a${match.authorId}`)}`);
  if (match.tagId !== undefined) parts.push(`{facets} : ${quote(`t${match.tagId}`)}`);
  const positive = parts.map((part) => `(${part})`).join(' AND ');
  if (match.not.length === 0) return positive;
  return `(${positive}) NOT (${COLUMNS.any} : (${match.not.map(clauseExpression).join(' OR ')}))`;
}

const SEARCH_SQL =
  'select rowid from search_index where search_index match ? and rowid <= ? and rowid >= ? order by rowid desc limit ?';

function statementParameters(match: SearchMatch): [string, number, number, number] {
  return [ftsExpression(match), match.maxKey, match.minKey ?? Number.MIN_SAFE_INTEGER, match.limit];
}

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

  search(matches: readonly SearchMatch[]): Promise<number[][]> {
    const worker = this.worker ?? this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, queries: matches.map(statementParameters) });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    // Plain CommonJS evaluated in the worker: the same text runs from dist/, under tsx and under Vitest.
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: this.file, sql: SEARCH_SQL } });
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
db.pragma('busy_timeout = 5000');
const statement = db.prepare(workerData.sql).pluck();
parentPort.on('message', ({ id, queries }) => {
  try {
    parentPort.postMessage({ id, rows: queries.map((parameters) => statement.all(...parameters)) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message) });
  }
});
`;

/** The same searches on the main connection: for an in-memory database, which a worker cannot open. */
export async function sqliteSearchInline(db: Kysely<Database>, matches: readonly SearchMatch[]): Promise<number[][]> {
  const results: number[][] = [];
  for (const match of matches) {
    const [expression, maxKey, minKey, limit] = statementParameters(match);
    const result = await sql<{ rowid: number }>`select rowid from search_index where search_index match ${expression}
      and rowid <= ${maxKey} and rowid >= ${minKey} order by rowid desc limit ${limit}`.execute(db);
    results.push(result.rows.map((row) => row.rowid));
  }
  return results;
}
