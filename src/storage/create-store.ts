import { createPendingEditStore } from './sql/pending-edit-store.js';
import { Kysely } from 'kysely';
import type { Store } from '../core/ports.js';
import type { DatabaseConfig } from '../config/config.js';
import type { DialectAdapter } from './dialect-adapter.js';
import { migrations } from './migrations/migrations.js';
import { pendingMigrations, runMigrations } from './migrations/run-migrations.js';
import { postgresAdapter } from './postgres/postgres-adapter.js';
import type { Database } from './schema.js';
import { sqliteAdapter } from './sqlite/sqlite-adapter.js';
import { createArticleStore } from './sql/article-store.js';
import { createCategoryStore, createTagStore } from './sql/taxonomy-stores.js';
import { createRedirectStore, createUserStore } from './sql/user-store.js';
import { createImportMapStore } from './sql/import-map-store.js';
import { createImportRunStore } from './sql/import-run-store.js';
import { createPageStore } from './sql/page-store.js';
import { createFeedSubscriptionStore } from './sql/feed-subscription-store.js';
import { createApiKeyStore } from './sql/api-key-store.js';
import { createOutboxStore } from './sql/outbox-store.js';
import { createAccountStore } from './sql/account-store.js';
import { createMediaStore } from './sql/media-store.js';
import { createSignInThrottleStore } from './sql/sign-in-throttle-store.js';
import { createSettingsStore } from './sql/settings-store.js';
import { createPasswordResetStore } from './sql/password-reset-store.js';
import { createTwoFactorStore } from './sql/two-factor-store.js';
import { createArticleNoteStore } from './sql/article-note-store.js';
import { createDemoMarkStore } from './sql/demo-mark-store.js';

export interface StoreHandle extends Store {
  /** The query builder, for storage-level tools (bulk generators, EXPLAIN tests). */
  readonly db: Kysely<Database>;
  /** The database's dialect seam, for storage-level tools that write through `db` (bulk generators). */
  readonly adapter: DialectAdapter;
  /**
   * Why the database cannot serve yet (every migration applied, checked with one cheap query), or
   * undefined when it can. Throws when the database does not answer.
   */
  readiness(): Promise<string | undefined>;
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
  const adapter = adapterFor(config);
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

/** The dialect adapter a database configuration names. */
export function adapterFor(config: DatabaseConfig): DialectAdapter {
  return config.kind === 'sqlite'
    ? sqliteAdapter(config.file)
    : postgresAdapter({ connectionString: config.url, schema: config.schema, maxConnections: config.maxConnections });
}

function bind(db: Kysely<Database>, adapter: DialectAdapter, now: () => Date, inTransaction: boolean): StoreHandle {
  const transact = <T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> =>
    inTransaction ? work(db) : db.transaction().execute(work);
  return {
    dialect: adapter.name,
    db,
    adapter,
    articles: createArticleStore(db, transact, adapter),
    categories: createCategoryStore(db, adapter),
    tags: createTagStore(db, adapter),
    users: createUserStore(db, now),
    redirects: createRedirectStore(db),
    imports: createImportMapStore(db),
    importRuns: createImportRunStore(db),
    pages: createPageStore(db, adapter, transact),
    feeds: createFeedSubscriptionStore(db),
    apiKeys: createApiKeyStore(db, now),
    outbox: createOutboxStore(db, adapter),
    accounts: createAccountStore(db, transact),
    media: createMediaStore(db),
    pending: createPendingEditStore(db),
    signInThrottle: createSignInThrottleStore(db),
    settings: createSettingsStore(db),
    passwordResets: createPasswordResetStore(db),
    twoFactor: createTwoFactorStore(db, transact),
    notes: createArticleNoteStore(db),
    demo: createDemoMarkStore(db, adapter),
    transaction: (work) =>
      inTransaction ? work(bind(db, adapter, now, true)) : db.transaction().execute((trx) => work(bind(trx, adapter, now, true))),
    migrate: () => runMigrations(db, adapter, migrations(adapter)),
    async readiness() {
      const pending = await pendingMigrations(db, adapter, migrations(adapter));
      return pending.length === 0 ? undefined : `migrations not applied: ${pending.join(', ')}`;
    },
    close: () => db.destroy(),
  };
}
