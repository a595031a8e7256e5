import type { ColumnDefinitionBuilder, Dialect, Kysely, Migration } from 'kysely';
import type { Database } from './schema.js';
import type { SearchMatch } from '../core/ports/article-search.js';
import type { SearchDocument } from '../core/fulltext/document.js';

/** What differs between the databases, kept to this one seam (DESIGN.md §4). */
export interface DialectAdapter {
  readonly name: 'sqlite' | 'postgres';
  /** Creates the Kysely dialect (and its connection pool). */
  createDialect(): Dialect;
  /** Column type for an instant in time: ISO text in SQLite, timestamptz in PostgreSQL. */
  readonly timestampType: 'text' | 'timestamptz';
  /** Makes `column` an auto-numbered integer primary key. */
  autoId(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** The schema our tables live in, when not the database's default; Kysely's migrator must be told. */
  readonly schema?: string;
  /** Migration 0002's first full-text index (kept so the history replays; 0017 replaces it). */
  readonly searchMigration: Migration;
  /** Creates the search index of migration 0017 (FTS5 on SQLite, a tsvector table with GIN on PostgreSQL). */
  createSearchIndex(db: Kysely<unknown>): Promise<void>;
  /** Locks these articles' rows, in id order, before their search documents are read and written (see the adapters). */
  lockForSearchIndex(db: Kysely<Database>, articleIds: readonly number[]): Promise<void>;
  /** Replaces the index entries of these articles with these documents (articles without one are removed). */
  writeSearchDocs(db: Kysely<Database>, articleIds: readonly number[], docs: readonly SearchDocument[]): Promise<void>;
  /**
   * Runs a bulk load of many articles (bench-data) with the search index's costliest part set aside and
   * rebuilt once at the end: PostgreSQL's GIN index, which builds far faster at once than row by row.
   * A run killed half-way leaves the index to be rebuilt by the next bulk load; searches stay correct.
   */
  bulkSearchLoad<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T>;
  /**
   * After a bulk load: refreshes the planner's statistics of these tables, so the next queries are planned for
   * the rows now there, not for the empty tables of before (see the adapters).
   */
  refreshStatistics(db: Kysely<Database>, tables: readonly string[]): Promise<void>;
  /** For each question, the newest `limit` matching index keys, newest first. */
  searchKeys(db: Kysely<Database>, matches: readonly SearchMatch[]): Promise<number[][]>;
  /** Statements creating the triggers that keep `article_counts` in step with every write to articles. */
  readonly articleCountTriggers: readonly string[];
  /** Statements creating the database routines search calls (migration 0019; none on SQLite). */
  readonly searchRoutines: readonly string[];
  /**
   * Serialises, until the transaction ends, the writes that give out slugs at the site's root (articles and
   * static pages share that space): a transaction-level advisory lock on PostgreSQL; nothing on SQLite,
   * where a writing transaction already holds the database's one write lock from its start.
   */
  lockSlugSpace(db: Kysely<Database>): Promise<void>;
  /**
   * The statement that opens a read-only transaction seeing one consistent snapshot for as long as it lasts,
   * without holding writers back: a plain deferred `begin` on SQLite (WAL keeps what it first read), repeatable
   * read on PostgreSQL.
   */
  readonly beginReadSnapshot: string;
  /** PostgreSQL can skip rows another transaction has locked; SQLite has one writer at a time anyway. */
  readonly supportsSkipLocked: boolean;
  /** Throws a StorageError with a clear message when the database cannot be reached. */
  checkConnection(db: Kysely<Database>): Promise<void>;
}

/** The database could not be opened or reached; the message is meant for an operator. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
}
