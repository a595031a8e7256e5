import { createRequire } from 'node:module';
import type pg from 'pg';
import { PostgresDialect, sql } from 'kysely';
import { StorageError, type DialectAdapter } from '../dialect-adapter.js';
import { postgresSearchMigration } from './postgres-search.js';
import { bulkPostgresSearchLoad, createPostgresSearchIndex, lockPostgresArticles, POSTGRES_SEARCH_ROUTINES, postgresSearchAll, writePostgresSearchDocs } from './postgres-search-index.js';
import { POSTGRES_ARTICLE_COUNT_TRIGGERS } from './postgres-article-counts.js';
import { createGate } from './search-gate.js';

const require = createRequire(import.meta.url);

/** pg, loaded when a PostgreSQL store is first opened: a process on SQLite never loads it (ADR 0011). */
function loadPg(): typeof pg {
  const module = require('pg') as typeof pg;
  // COUNT(*) and other bigints arrive as strings by default; our counts fit in a double.
  module.types.setTypeParser(module.types.builtins.INT8, (value) => Number(value));
  return module;
}

export interface PostgresOptions {
  connectionString: string;
  /** A schema to use instead of `public`; created when missing. Tests use one each. */
  schema?: string;
  maxConnections?: number;
}

/** PostgreSQL through a pg pool. */
export function postgresAdapter(options: PostgresOptions): DialectAdapter {
  const where = describe(options.connectionString);
  // One search at a time per process, each one statement on one backend: a burst of searches queues here and
  // keeps at most one of the database's cores and one pooled connection, leaving the rest to pages.
  const searchGate = createGate(1);
  return {
    name: 'postgres',
    timestampType: 'timestamptz',
    ...(options.schema ? { schema: options.schema } : {}),
    createDialect() {
      const pool = new (loadPg().Pool)({
        connectionString: options.connectionString,
        max: options.maxConnections ?? 10,
        connectionTimeoutMillis: 5000,
        ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
      });
      // A server restart, fail-over or pg_terminate_backend ends connections at any moment. pg reports it as an
      // 'error' event: on the pool for idle clients, on the client itself while it is checked out (a query
      // or a Kysely transaction in progress). Unheard, either ends the process. The query that was running
      // fails on its own (and becomes a 503); the pool drops the dead client when it is released.
      pool.on('error', () => undefined);
      pool.on('connect', (client) => client.on('error', () => undefined));
      return new PostgresDialect({ pool });
    },
    autoId: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
    beginReadSnapshot: 'begin isolation level repeatable read read only',
    lockSlugSpace: async (db) => {
      // One fixed key for "slugs at the root": any number well away from others we might take.
      await sql`select pg_advisory_xact_lock(740215001)`.execute(db);
    },
    searchMigration: postgresSearchMigration,
    supportsSkipLocked: true,
    createSearchIndex: createPostgresSearchIndex,
    writeSearchDocs: writePostgresSearchDocs,
    lockForSearchIndex: lockPostgresArticles,
    bulkSearchLoad: bulkPostgresSearchLoad,
    searchKeys: (db, matches) => searchGate(() => postgresSearchAll(db, matches)),
    articleCountTriggers: POSTGRES_ARTICLE_COUNT_TRIGGERS,
    searchRoutines: POSTGRES_SEARCH_ROUTINES,
    // Autovacuum gets round to a table a while after it changes; until then a freshly filled articles table
    // looks empty to the planner, and `id in (…) and status = … and published_at <= …` walked 100,000 index
    // entries (0.8 s). Vacuum also sets the new rows' hint bits and visibility, which every first read would.
    refreshStatistics: async (db, tables) => {
      if (tables.length > 0) await sql.raw(`vacuum (analyze) ${tables.map((table) => `"${table}"`).join(', ')}`).execute(db);
    },
    async checkConnection(db) {
      try {
        if (options.schema) await sql`create schema if not exists ${sql.id(options.schema)}`.execute(db);
        await sql`select 1`.execute(db);
      } catch (error) {
        const reason = (error as { code?: string; message?: string }).code ?? (error as Error).message;
        throw new StorageError(`Cannot connect to PostgreSQL at ${where} (${reason}). Is it running, and is DATABASE_URL right?`);
      }
    },
  };
}

/** host:port/database of a connection string, without credentials, for messages. */
function describe(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'the configured address';
  }
}
