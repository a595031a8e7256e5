import type { Kysely } from 'kysely';
import type { ImportedKind, ImportMapStore } from '../../core/ports/taxonomy-stores.js';
import type { Database } from '../schema.js';

export function createImportMapStore(db: Kysely<Database>): ImportMapStore {
  return {
    async find(source, kind, sourceId) {
      const row = await db
        .selectFrom('import_map')
        .select('local_id')
        .where('source', '=', source)
        .where('kind', '=', kind)
        .where('source_id', '=', sourceId)
        .executeTakeFirst();
      return row?.local_id;
    },
    async add(source, kind, sourceId, localId) {
      await db.insertInto('import_map').values({ source, kind, source_id: sourceId, local_id: localId }).execute();
    },
    async counts(source) {
      const rows = await db
        .selectFrom('import_map')
        .select(['kind', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('source', '=', source)
        .groupBy('kind')
        .execute();
      const counts: Record<ImportedKind, number> = { post: 0, page: 0, author: 0, category: 0, tag: 0, media: 0 };
      for (const row of rows) counts[row.kind as ImportedKind] = Number(row.n);
      return counts;
    },
  };
}
