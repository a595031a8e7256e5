import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../src/config/config.js';
import { createStore, type StoreHandle } from '../../src/storage/create-store.js';
import { inCi, missingToolMessage } from './required-tools.js';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty database (a temp SQLite file, or a new PostgreSQL schema) and a way to drop it. */
  create(): Promise<{ config: DatabaseConfig; drop(): Promise<void> }>;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-test-'));
    return {
      config: { kind: 'sqlite', file: join(dir, 'test.sqlite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

function postgres(url: string): TestDatabase {
  return {
    name: 'postgres',
    async create() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      return {
        config: { kind: 'postgres', url, schema, maxConnections: 4 },
        async drop() {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            await client.query(`drop schema if exists ${schema} cascade`);
          } finally {
            await client.end();
          }
        },
      };
    },
  };
}

/** Stands for PostgreSQL in CI when TEST_DATABASE_URL is missing: every test on it fails, saying why. */
const missingPostgres: TestDatabase = {
  name: 'postgres',
  async create() {
    throw new Error(missingToolMessage('postgresql'));
  },
};

/**
 * SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. Under CI=true PostgreSQL is never left out:
 * without the variable its tests fail, and an unreachable server fails them when they connect.
 */
export function testDatabases(): TestDatabase[] {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return [sqlite, postgres(url)];
  return inCi ? [sqlite, missingPostgres] : [sqlite];
}

/** A migrated store on a fresh database; `close()` also drops the database. */
export async function openTestStore(
  database: TestDatabase,
  now?: () => Date,
): Promise<StoreHandle & { dispose(): Promise<void> }> {
  const { config, drop } = await database.create();
  const store = await createStore(config, now);
  await store.migrate();
  return Object.assign(store, {
    async dispose() {
      await store.close();
      await drop();
    },
  });
}
