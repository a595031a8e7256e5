import { Kysely, sql, type Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../src/storage/create-store.js';
import type { DialectAdapter } from '../../src/storage/dialect-adapter.js';
import { migrations } from '../../src/storage/migrations/migrations.js';
import { pendingMigrations, runMigrations } from '../../src/storage/migrations/run-migrations.js';
import type { Database } from '../../src/storage/schema.js';
import { testDatabases } from '../support/databases.js';

/** Every table of ours with its columns, sorted: the schema as a value to compare. */
async function schemaOf(db: Kysely<Database>, adapter: DialectAdapter): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables
    .filter((table) => !adapter.schema || table.schema === adapter.schema)
    .map((table) => `${table.name}(${table.columns.map((column) => column.name).sort().join(',')})`)
    .sort();
}

/** Does real work in the database, then runs a statement the database refuses (the column already exists). */
const brokenMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createTable('wire_feeds').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('url', 'text').execute();
    await db.schema.alterTable('articles').addColumn('wire_feed_id', 'integer').execute();
    await db.schema.createIndex('articles_wire_feed_idx').on('articles').column('wire_feed_id').execute();
    await db.schema.alterTable('articles').addColumn('slug', 'text').execute();
  },
};

for (const database of testDatabases()) {
  describe(`a migration that fails on ${database.name}`, () => {
    async function open() {
      const { config, drop } = await database.create();
      const adapter = adapterFor(config);
      const db = new Kysely<Database>({ dialect: adapter.createDialect() });
      await adapter.checkConnection(db);
      return {
        db,
        adapter,
        async dispose() {
          await db.destroy();
          await drop();
        },
      };
    }

    it('leaves the schema and the data of the last good migration, and says which one failed', async () => {
      const { db, adapter, dispose } = await open();
      try {
        const good = migrations(adapter);
        await runMigrations(db, adapter, good);
        await db.insertInto('tags').values({ slug: 'budget', name: 'Budget' }).execute();
        const before = await schemaOf(db, adapter);
        expect(before.some((table) => table.startsWith('articles('))).toBe(true);

        await expect(runMigrations(db, adapter, { ...good, '9001-wire-feeds': brokenMigration })).rejects.toThrow(/9001-wire-feeds failed/);

        expect(await schemaOf(db, adapter)).toEqual(before);
        expect(await pendingMigrations(db, adapter, { ...good, '9001-wire-feeds': brokenMigration })).toEqual(['9001-wire-feeds']);
        expect(await db.selectFrom('tags').select('slug').execute()).toEqual([{ slug: 'budget' }]);
        // The database still takes writes and later migrations.
        await db.insertInto('tags').values({ slug: 'trade', name: 'Trade' }).execute();
        const fixed: Migration = {
          async up(db: Kysely<unknown>) {
            await db.schema.createTable('wire_feeds').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
          },
        };
        await runMigrations(db, adapter, { ...good, '9001-wire-feeds': fixed });
        expect(await pendingMigrations(db, adapter, { ...good, '9001-wire-feeds': fixed })).toEqual([]);
      } finally {
        await dispose();
      }
    });

    it('applies pending migrations all or nothing: a new database stays empty when the last one fails', async () => {
      const { db, adapter, dispose } = await open();
      try {
        const all = { ...migrations(adapter), '9001-wire-feeds': brokenMigration };
        await expect(runMigrations(db, adapter, all)).rejects.toThrow(/9001-wire-feeds failed/);
        const tables = await schemaOf(db, adapter);
        expect(tables.filter((table) => !table.startsWith('kysely_'))).toEqual([]);
        expect(await pendingMigrations(db, adapter, all)).toEqual(Object.keys(all));
        await expect(sql`select count(*) from articles`.execute(db)).rejects.toThrow();
      } finally {
        await dispose();
      }
    });
  });
}
