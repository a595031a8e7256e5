import { Migrator, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/databases.js';
import { adapterFor, createStore, type StoreHandle } from '../create-store.js';
import { migrations } from './migrations.js';

for (const database of testDatabases()) {
  describe(`migration 0008 on ${database.name}`, () => {
    let store: StoreHandle;
    let drop: () => Promise<void>;
    const migrateThrough = async (all: Record<string, Migration>, config: Parameters<typeof adapterFor>[0]) => {
      const adapter = adapterFor(config);
      const { error } = await new Migrator({
        db: store.db,
        provider: { getMigrations: async () => all },
        ...(adapter.schema ? { migrationTableSchema: adapter.schema } : {}),
      }).migrateToLatest();
      if (error) throw error;
    };

    beforeAll(async () => {
      const created = await database.create();
      drop = created.drop;
      store = await createStore(created.config);
      const all = migrations(adapterFor(created.config));
      await migrateThrough(Object.fromEntries(Object.entries(all).filter(([name]) => name < '0008')), created.config);
      // Written by hand: [slug, status, published_at]; a year in the future stays in the future whenever this runs.
      const rows: Array<[string, string, string | null]> = [
        ['live', 'published', '2024-03-01T09:00:00.000Z'],
        ['archived', 'archived', '2023-06-01T09:00:00.000Z'],
        ['scheduled', 'published', `${new Date().getUTCFullYear() + 1}-01-01T09:00:00.000Z`],
        ['draft-with-date', 'draft', '2024-02-01T09:00:00.000Z'],
        ['draft', 'draft', null],
      ];
      for (const [slug, status, publishedAt] of rows) {
        await store.db
          .insertInto('articles')
          .values({ slug, title: slug, status, published_at: publishedAt, updated_at: '2024-03-01T09:00:00.000Z', created_at: '2024-01-01T09:00:00.000Z', primary_category_id: null, featured_media_id: null, seo_title: null, seo_description: null, canonical_url: null })
          .execute();
      }
      await migrateThrough(all, created.config);
    });
    afterAll(async () => {
      await store.close();
      await drop();
    });

    it('gives articles that are or were public their publication time as the first, and no others', async () => {
      const rows = await store.db.selectFrom('articles').select(['slug', 'first_published_at']).orderBy('slug').execute();
      const first = Object.fromEntries(rows.map((row) => [row.slug, row.first_published_at === null ? null : new Date(row.first_published_at).toISOString()]));
      expect(first).toEqual({
        live: '2024-03-01T09:00:00.000Z',
        archived: '2023-06-01T09:00:00.000Z',
        scheduled: null,
        'draft-with-date': null,
        draft: null,
      });
    });
  });
}
