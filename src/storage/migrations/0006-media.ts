import type { Kysely, Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';

/** Uploaded pictures: random file stem, size, alt text, variants and crops (JSON). */
export function media(adapter: DialectAdapter): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('media')
        .addColumn('id', 'integer', (c) => adapter.autoId(c))
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('alt', 'text', (c) => c.notNull())
        .addColumn('variants', 'text', (c) => c.notNull())
        .addColumn('crops', 'text', (c) => c.notNull())
        .addColumn('original_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', adapter.timestampType, (c) => c.notNull())
        .execute();
    },
  };
}
