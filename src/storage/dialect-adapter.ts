import type { ColumnDefinitionBuilder, Dialect, Kysely, Migration } from 'kysely';
import type { Database } from './schema.js';

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
  /** Creates the full-text index over articles (FTS5 on SQLite, a weighted tsvector + GIN on PostgreSQL). */
  readonly searchMigration: Migration;
  /**
   * Public articles matching the reader's words, best first (ties: newest first), as article ids.
   * `terms` are plain words already cleaned by the caller; every term must match.
   */
  searchIds(db: Kysely<Database>, query: { terms: readonly string[]; now: Date; limit: number; offset: number }): Promise<number[]>;
  /** Statements creating the triggers that keep `article_counts` in step with every write to articles. */
  readonly articleCountTriggers: readonly string[];
  /** PostgreSQL can skip rows another transaction has locked; SQLite has one writer at a time anyway. */
  readonly supportsSkipLocked: boolean;
  /** Throws a StorageError with a clear message when the database cannot be reached. */
  checkConnection(db: Kysely<Database>): Promise<void>;
}

/** The database could not be opened or reached; the message is meant for an operator. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
}
