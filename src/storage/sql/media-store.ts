import type { Kysely, Selectable } from 'kysely';
import type { Media } from '../../core/images/image.js';
import type { MediaStore } from '../../core/ports.js';
import type { Database, MediaTable } from '../schema.js';

function toMedia(row: Selectable<MediaTable>): Media {
  return {
    id: row.id,
    key: row.key,
    width: row.width,
    height: row.height,
    alt: row.alt,
    variants: JSON.parse(row.variants) as Media['variants'],
    crops: JSON.parse(row.crops) as Media['crops'],
    originalName: row.original_name,
  };
}

export function createMediaStore(db: Kysely<Database>): MediaStore {
  return {
    async create(input) {
      const row = await db
        .insertInto('media')
        .values({
          key: input.key,
          width: input.width,
          height: input.height,
          alt: input.alt,
          variants: JSON.stringify(input.variants),
          crops: JSON.stringify(input.crops),
          original_name: input.originalName,
          uploaded_by: input.uploadedBy,
          created_at: input.at.toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toMedia(row);
    },
    async findById(id) {
      const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toMedia(row);
    },
    async deleteIfUnused(id) {
      // One statement, so a save that starts using the picture meanwhile either sees it or keeps it.
      const row = await db
        .deleteFrom('media')
        .where('id', '=', id)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('articles').select('articles.id').where('articles.featured_media_id', '=', id))),
        )
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('users').select('users.id').where('users.avatar_media_id', '=', id))))
        .returningAll()
        .executeTakeFirst();
      return row && toMedia(row);
    },
  };
}
