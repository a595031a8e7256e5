import pg from 'pg';
import { PostgresDialect, sql } from 'kysely';
import { StorageError, type DialectAdapter } from '../dialect-adapter.js';
import { postgresSearchIds, postgresSearchMigration } from './postgres-search.js';

// COUNT(*) and other bigints arrive as strings by default; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface PostgresOptions {
  connectionString: string;
  /** A schema to use instead of `public`; created when missing. Tests use one each. */
  schema?: string;
  maxConnections?: number;
}

/** PostgreSQL through a pg pool. */
export function postgresAdapter(options: PostgresOptions): DialectAdapter {
  const where = describe(options.connectionString);
  return {
    name: 'postgres',
    timestampType: 'timestamptz',
    ...(options.schema ? { schema: options.schema } : {}),
    createDialect() {
      const pool = new pg.Pool({
        connectionString: options.connectionString,
        max: options.maxConnections ?? 10,
        connectionTimeoutMillis: 5000,
        ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
      });
      // An idle client that loses its server must not crash the process.
      pool.on('error', () => undefined);
      return new PostgresDialect({ pool });
    },
    autoId: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
    monthOf: (column) => sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM')`,
    searchMigration: postgresSearchMigration,
    supportsSkipLocked: true,
    searchIds: postgresSearchIds,
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
