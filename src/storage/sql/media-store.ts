import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { ArticleStatus } from '../../core/articles/article.js';
import type { Media } from '../../core/images/image.js';
import { bodyReferences } from '../../core/images/media-library.js';
import type { MediaStore } from '../../core/ports.js';
import type { Database, MediaTable } from '../schema.js';
import { toDate } from './rows.js';

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
    caption: row.caption,
    credit: row.credit,
    focal: row.focal_x === null || row.focal_y === null ? null : { x: Number(row.focal_x), y: Number(row.focal_y) },
    uploadedBy: row.uploaded_by,
    createdAt: toDate(row.created_at as Date | string),
  };
}

/** `LIKE` text matching `text` anywhere, its wildcards escaped (with `escape '\'`). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** True when an article's Markdown names one of the picture's addresses. */
function bodyShows(picture: Pick<Media, 'id' | 'key' | 'crops'>): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.join(
    bodyReferences(picture).map((reference) => sql`articles.body_md like ${containing(reference)} escape '\\'`),
    sql` or `,
  )})`;
}

type Uses = Awaited<ReturnType<MediaStore['uses']>>;

/**
 * Where each picture is used, in three queries whatever their number: the articles that feature one or
 * name one in their Markdown (one pass over the bodies: there is no index of body references), their
 * bylines, and the people they are the portraits of.
 */
async function usesOf(db: Kysely<Database>, pictures: ReadonlyArray<Pick<Media, 'id' | 'key' | 'crops'>>): Promise<Map<number, Uses>> {
  const result = new Map<number, Uses>(pictures.map((picture) => [picture.id, { articles: [], portraits: [] }]));
  if (pictures.length === 0) return result;
  const ids = pictures.map((picture) => picture.id);
  const [articles, portraits] = await Promise.all([
    db
      .selectFrom('articles')
      .select(['articles.id', 'articles.title', 'articles.status', 'articles.published_at', 'articles.featured_media_id', 'articles.body_md'])
      .where(({ or, eb }) => or([eb('articles.featured_media_id', 'in', ids), ...pictures.map(bodyShows)]))
      .orderBy('articles.updated_at', 'desc')
      .orderBy('articles.id', 'desc')
      .execute(),
    db.selectFrom('users').select(['users.id', 'users.display_name', 'users.avatar_media_id']).where('users.avatar_media_id', 'in', ids).orderBy('users.id').execute(),
  ]);
  const authors = articles.length === 0
    ? []
    : await db.selectFrom('article_authors').select(['article_id', 'user_id']).where('article_id', 'in', articles.map((row) => row.id)).orderBy('position').execute();
  for (const picture of pictures) {
    const references = bodyReferences(picture);
    const uses = result.get(picture.id)!;
    for (const row of articles) {
      const featured = row.featured_media_id === picture.id;
      const inBody = references.some((reference) => row.body_md.includes(reference));
      if (!featured && !inBody) continue;
      uses.articles.push({
        article: { id: row.id, title: row.title, status: row.status as ArticleStatus, publishedAt: row.published_at === null ? null : toDate(row.published_at as Date | string) },
        authorIds: authors.filter((link) => link.article_id === row.id).map((link) => link.user_id),
        featured,
        inBody,
      });
    }
    for (const row of portraits) if (row.avatar_media_id === picture.id) uses.portraits.push({ id: row.id, displayName: row.display_name });
  }
  return result;
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
      const current = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
      if (!current) return undefined;
      // One statement, so a save that starts using the picture meanwhile either sees it or keeps it.
      const row = await db
        .deleteFrom('media')
        .where('id', '=', id)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('articles').select('articles.id').where('articles.featured_media_id', '=', id))),
        )
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('articles').select('articles.id').where(bodyShows(toMedia(current))))))
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('users').select('users.id').where('users.avatar_media_id', '=', id))))
        // A live story's working copy (unpublished changes) may feature it or show it in its body too.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('article_pending')
                .select('article_pending.article_id')
                .where(
                  sql<SqlBool>`(${sql.join(
                    [`"featuredMediaId":${id},`, `"featuredMediaId":${id}}`, ...bodyReferences(toMedia(current))].map((text) => sql`article_pending.fields like ${containing(text)} escape '\\'`),
                    sql` or `,
                  )})`,
                ),
            ),
          ),
        )
        .returningAll()
        .executeTakeFirst();
      return row && toMedia(row);
    },
    async list({ query, limit, offset }) {
      const words = (query ?? '').toLowerCase().split(/\s+/).filter((word) => word !== '').slice(0, 8);
      const matching = db.selectFrom('media').$if(words.length > 0, (q) =>
        q.where(({ and }) =>
          and(
            words.map(
              (word) =>
                sql<SqlBool>`lower(media.alt || ' ' || media.caption || ' ' || media.credit || ' ' || media.original_name) like ${containing(word)} escape '\\'`,
            ),
          ),
        ),
      );
      const [rows, count] = await Promise.all([
        matching.selectAll().orderBy('media.created_at', 'desc').orderBy('media.id', 'desc').limit(limit).offset(offset).execute(),
        matching.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toMedia), total: Number(count.n) };
    },
    async updateDetails(id, details) {
      const row = await db
        .updateTable('media')
        .set({ alt: details.alt, caption: details.caption, credit: details.credit })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row && toMedia(row);
    },
    async replaceFiles(id, files) {
      const before = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) return undefined;
      // Compare and set: the crops name files of one generation, so a change that came between is not lost.
      const changed = await db
        .updateTable('media')
        .set({
          ...(files.key !== undefined ? { key: files.key } : {}),
          ...(files.width !== undefined ? { width: files.width } : {}),
          ...(files.height !== undefined ? { height: files.height } : {}),
          ...(files.variants !== undefined ? { variants: JSON.stringify(files.variants) } : {}),
          ...(files.originalName !== undefined ? { original_name: files.originalName } : {}),
          crops: JSON.stringify(files.crops),
          focal_x: files.focal?.x ?? null,
          focal_y: files.focal?.y ?? null,
        })
        .where('id', '=', id)
        .where('crops', '=', before.crops)
        .returning('id')
        .executeTakeFirst();
      return changed ? toMedia(before) : undefined;
    },
    async uses(picture) {
      return (await usesOf(db, [picture])).get(picture.id) ?? { articles: [], portraits: [] };
    },
    async usesMany(pictures) {
      return usesOf(db, pictures);
    },
    async referencedFiles() {
      const rows = await db.selectFrom('media').select(['variants', 'crops']).execute();
      const files = new Set<string>();
      for (const row of rows) {
        for (const variant of JSON.parse(row.variants) as Media['variants']) files.add(variant.file);
        for (const file of Object.values(JSON.parse(row.crops) as Media['crops'])) files.add(file);
      }
      return files;
    },
  };
}
