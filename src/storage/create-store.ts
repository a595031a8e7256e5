import { Kysely, Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Store } from '../core/ports.js';
import type { DatabaseConfig } from '../config/config.js';
import type { DialectAdapter } from './dialect-adapter.js';
import { migrations } from './migrations/migrations.js';
import { postgresAdapter } from './postgres/postgres-adapter.js';
import type { Database } from './schema.js';
import { sqliteAdapter } from './sqlite/sqlite-adapter.js';
import { createArticleStore } from './sql/article-store.js';
import { createCategoryStore, createTagStore } from './sql/taxonomy-stores.js';
import { createRedirectStore, createUserStore } from './sql/user-store.js';
import { createApiKeyStore } from './sql/api-key-store.js';
import { createOutboxStore } from './sql/outbox-store.js';
import { createAccountStore } from './sql/account-store.js';
import { createMediaStore } from './sql/media-store.js';

export interface StoreHandle extends Store {
  /** The query builder, for storage-level tools (bulk generators, EXPLAIN tests). */
  readonly db: Kysely<Database>;
}

/** Opens the database, checks it answers, and returns the stores. Call `migrate()` before first use. */
export interface StoreOptions {
  /** Sees every statement the store runs (diagnostics, EXPLAIN tests). */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
}

export async function createStore(
  config: DatabaseConfig,
  now: () => Date = () => new Date(),
  options: StoreOptions = {},
): Promise<StoreHandle> {
  const adapter =
    config.kind === 'sqlite'
      ? sqliteAdapter(config.file)
      : postgresAdapter({ connectionString: config.url, schema: config.schema, maxConnections: config.maxConnections });
  const onQuery = options.onQuery;
  const db = new Kysely<Database>({
    dialect: adapter.createDialect(),
    ...(onQuery ? { log: (event) => onQuery(event.query.sql, event.query.parameters) } : {}),
  });
  try {
    await adapter.checkConnection(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return bind(db, adapter, now, false);
}

function bind(db: Kysely<Database>, adapter: DialectAdapter, now: () => Date, inTransaction: boolean): StoreHandle {
  const transact = <T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> =>
    inTransaction ? work(db) : db.transaction().execute(work);
  return {
    dialect: adapter.name,
    db,
    articles: createArticleStore(db, transact, adapter),
    categories: createCategoryStore(db),
    tags: createTagStore(db),
    users: createUserStore(db, now),
    redirects: createRedirectStore(db),
    apiKeys: createApiKeyStore(db, now),
    outbox: createOutboxStore(db, adapter),
    accounts: createAccountStore(db),
    media: createMediaStore(db),
    transaction: (work) =>
      inTransaction ? work(bind(db, adapter, now, true)) : db.transaction().execute((trx) => work(bind(trx, adapter, now, true))),
    async migrate() {
      const all = migrations(adapter);
      const provider: MigrationProvider = { getMigrations: async (): Promise<Record<string, Migration>> => all };
      const { error, results } = await new Migrator({
        db,
        provider,
        ...(adapter.schema ? { migrationTableSchema: adapter.schema } : {}),
      }).migrateToLatest();
      if (error) {
        const failed = results?.find((result) => result.status === 'Error');
        throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${(error as Error).message}`);
      }
    },
    close: () => db.destroy(),
  };
}
