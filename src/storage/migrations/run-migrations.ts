import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Database } from '../schema.js';

/** Kysely's default name for the table that records applied migrations. */
const MIGRATION_TABLE = 'kysely_migration';

/**
 * Applies every pending migration of `all`, in order, in one transaction on both databases (the dialects
 * report transactional DDL), so a migration that fails leaves the schema exactly as it was.
 */
export async function runMigrations(db: Kysely<Database>, adapter: DialectAdapter, all: Record<string, Migration>): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => all };
  const migrate = () =>
    new Migrator({
      db,
      provider,
      ...(adapter.schema ? { migrationTableSchema: adapter.schema } : {}),
    }).migrateToLatest();
  let { error, results } = await migrate();
  // Kysely looks for its migration table by listing the tables and columns of every schema. On PostgreSQL,
  // a schema dropped or altered meanwhile by someone else (tests do it all day) can make that listing fail
  // with "schema … does not exist" or "column … does not exist". Nothing was applied (one transaction), so
  // the run is simply made again.
  for (let retry = 0; error && retry < 3 && isVanishedObject(error) && !results?.some((result) => result.status === 'Error'); retry++) {
    ({ error, results } = await migrate());
  }
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(
      `Migration ${failed?.migrationName ?? '(unknown)'} failed, and no pending migration was applied: ${(error as Error).message}`,
    );
  }
}

/**
 * Names in `all` not yet applied to the database, with one cheap query. Throws when the database cannot be
 * reached; a database never migrated has every name pending.
 */
export async function pendingMigrations(db: Kysely<Database>, adapter: DialectAdapter, all: Record<string, Migration>): Promise<string[]> {
  const table = adapter.schema ? sql.table(`${adapter.schema}.${MIGRATION_TABLE}`) : sql.table(MIGRATION_TABLE);
  let applied: Set<string>;
  try {
    const result = await sql<{ name: string }>`select name from ${table}`.execute(db);
    applied = new Set(result.rows.map((row) => row.name));
  } catch (error) {
    if (await tableMissing(db, adapter)) return Object.keys(all);
    throw error;
  }
  return Object.keys(all).filter((name) => !applied.has(name));
}

async function tableMissing(db: Kysely<Database>, adapter: DialectAdapter): Promise<boolean> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  return !tables.some((table) => table.name === MIGRATION_TABLE && (!adapter.schema || table.schema === adapter.schema));
}

/** PostgreSQL's "no such schema, table or column" errors (SQLSTATE 3F000, 42P01, 42703). */
function isVanishedObject(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '3F000' || code === '42P01' || code === '42703';
}
