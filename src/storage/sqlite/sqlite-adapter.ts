import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type DialectAdapter as KyselyDialectAdapter,
  type Driver,
} from 'kysely';
import { StorageError, type DialectAdapter } from '../dialect-adapter.js';
import { sqliteSearchMigration } from './sqlite-search.js';
import { createSqliteSearchIndex, runInline, searchKeysWith, SqliteSearchWorker, writeSqliteSearchDocs } from './sqlite-search-index.js';
import { SQLITE_ARTICLE_COUNT_TRIGGERS } from './sqlite-article-counts.js';

/** SQLite through better-sqlite3: one file, WAL, foreign keys on, a busy timeout for concurrent writers. */
export function sqliteAdapter(file: string): DialectAdapter {
  const searchWorker = file === ':memory:' ? undefined : new SqliteSearchWorker(file);
  return {
    name: 'sqlite',
    timestampType: 'text',
    createDialect() {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      let database: Database.Database;
      try {
        database = new Database(file);
      } catch (error) {
        throw new StorageError(`Cannot open the SQLite database at ${file}: ${(error as Error).message}`);
      }
      database.pragma('journal_mode = WAL');
      database.pragma('foreign_keys = ON');
      database.pragma('busy_timeout = 5000');
      database.pragma('synchronous = NORMAL');
      // better-sqlite3 builds SQLite with a 16 MB page cache per connection; pages also sit in the operating
      // system's file cache, so 4 MB is enough and keeps a reading process small (ADR 0011).
      database.pragma('cache_size = -4000');
      // Lets SQLite gather the statistics its planner needs, cheaply, as SQLite recommends at open.
      database.pragma('optimize = 0x10002');
      cachePreparedStatements(database);
      return new TransactionalSqliteDialect(database, () => searchWorker?.close());
    },
    autoId: (column) => column.primaryKey().autoIncrement(),
    beginReadSnapshot: 'begin',
    lockSlugSpace: async () => undefined,
    // Instants are stored as toISOString() text, so the month is its first seven characters.
    searchMigration: sqliteSearchMigration,
    supportsSkipLocked: false,
    createSearchIndex: createSqliteSearchIndex,
    writeSearchDocs: writeSqliteSearchDocs,
    // One writer at a time: a transaction re-filing articles already excludes every other.
    lockForSearchIndex: async () => undefined,
    // FTS5 merges its segments as it goes; nothing to set aside.
    bulkSearchLoad: (_db, work) => work(),
    searchKeys: (db, matches) => searchKeysWith(searchWorker ? searchWorker.run : runInline(db), matches),
    articleCountTriggers: SQLITE_ARTICLE_COUNT_TRIGGERS,
    searchRoutines: [],
    // Nothing: without sqlite_stat1, SQLite's planner takes primary keys and the narrowest index by rule, which
    // suits our queries; statistics gathered once would steer later plans by a snapshot nobody refreshes.
    refreshStatistics: async () => undefined,
    async checkConnection(db) {
      await sql`select 1`.execute(db);
    },
  };
}

/**
 * Kysely's SQLite dialect with two corrections:
 * - SQLite runs CREATE, ALTER and DROP inside transactions. Kysely's adapter does not claim it, so its
 *   migrator would apply each migration bare and a failure half-way would leave half a schema; saying so
 *   makes it apply pending migrations in one transaction, as on PostgreSQL.
 * - After SQLITE_FULL (and some I/O, memory and busy errors) SQLite has already rolled the transaction back
 *   itself. Kysely's ROLLBACK then fails with "no transaction is active", and that error would replace
 *   the one that says why.
 */
class TransactionalSqliteDialect extends SqliteDialect {
  constructor(
    private readonly database: Database.Database,
    private readonly onDestroy: () => Promise<void> | undefined,
  ) {
    super({ database });
  }

  override createAdapter(): KyselyDialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  override createDriver(): Driver {
    const database = this.database;
    const onDestroy = this.onDestroy;
    const lock = new FifoLock();
    return new (class extends SqliteDriver {
      override async destroy(): Promise<void> {
        await onDestroy();
        await super.destroy();
      }
      // Every transaction takes the write lock when it begins, waiting for it under busy_timeout. A deferred
      // one that read first and then wrote could not wait: when another process had written in between,
      // SQLite refused its upgrade at once ("database is locked"), which failed two imports run side by side.
      override async beginTransaction(connection: DatabaseConnection): Promise<void> {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      }
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (database.inTransaction) await super.rollbackTransaction(connection);
      }

      // Kysely's own mutex wakes every waiter on each release and lets whichever runs first take the
      // connection: under 50 concurrent page renders that cost CPU per query and starved unlucky requests
      // for up to a second (ADR 0011). Queries now take turns in arrival order; Kysely's mutex is then
      // always free when it is asked.
      override async acquireConnection(): Promise<DatabaseConnection> {
        await lock.acquire();
        return super.acquireConnection();
      }

      override async releaseConnection(): Promise<void> {
        await super.releaseConnection();
        lock.release();
      }
    })({ database });
  }
}

/** A lock handed to waiters in the order they asked for it. */
class FifoLock {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Passes the lock straight to the longest waiter, so nobody arriving later can take it first. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** Most statements differ only in parameters; keeping the prepared ones saves SQLite's parse and plan each time. */
const MAX_CACHED_STATEMENTS = 500;

/**
 * Makes `prepare` return the same statement for the same SQL text. Safe for how Kysely uses better-sqlite3
 * (`all`/`run` to completion); a query streamed with `iterate` must not run the same SQL twice at once.
 */
function cachePreparedStatements(database: Database.Database): void {
  const prepare = database.prepare.bind(database);
  const statements = new Map<string, Database.Statement>();
  database.prepare = ((source: string) => {
    let statement = statements.get(source);
    if (!statement) {
      if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
      statement = prepare(source);
      statements.set(source, statement);
    }
    return statement;
  }) as typeof database.prepare;
}
