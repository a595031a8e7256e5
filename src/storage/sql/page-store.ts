import type { Kysely, Selectable } from 'kysely';
import { DomainError } from '../../core/errors.js';
import type { PageFields, PageStatus, PageStore, StaticPage } from '../../core/pages/page.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Database, PagesTable } from '../schema.js';
import { assertRootSlugFree } from './root-slugs.js';
import { isUniqueViolation, toDate } from './rows.js';

function toPage(row: Selectable<PagesTable>): StaticPage {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    bodyMd: row.body_md,
    bodyHtml: row.body_html,
    status: row.status as PageStatus,
    position: row.position,
    revision: row.revision,
    publishedAt: row.published_at === null ? null : toDate(row.published_at),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** The columns a save writes from the page's fields. */
const fieldColumns = (input: PageFields) => ({
  slug: input.slug,
  title: input.title,
  description: input.description,
  body_md: input.bodyMd,
  body_html: input.bodyHtml,
  status: input.status,
  position: input.position,
});

const taken = (slug: string) => new DomainError('SLUG_TAKEN', `The address /${slug} is already used by another page.`, { slug });

export function createPageStore(db: Kysely<Database>, adapter: DialectAdapter, transact: <T>(work: (db: Kysely<Database>) => Promise<T>) => Promise<T>): PageStore {
  // Lists: by position (0 = unplaced, after the placed ones), then title, then id.
  const ordered = () =>
    db
      .selectFrom('pages')
      .selectAll()
      .orderBy((eb) => eb.case().when('position', '=', 0).then(1).else(0).end())
      .orderBy('position')
      .orderBy('title')
      .orderBy('id');
  return {
    async create(input) {
      try {
        return await transact(async (trx) => {
          await assertRootSlugFree(trx, adapter, input.slug, {});
          const at = input.at.toISOString();
          const row = await trx
            .insertInto('pages')
            .values({
              ...fieldColumns(input),
              published_at: input.status === 'published' ? at : null,
              created_at: at,
              updated_at: at,
              updated_by: input.actorId,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          return toPage(row);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw taken(input.slug);
        throw error;
      }
    },
    async update(id, revision, input) {
      try {
        return await transact(async (trx) => {
          await assertRootSlugFree(trx, adapter, input.slug, { page: id });
          const current = await trx.selectFrom('pages').select(['revision', 'published_at']).where('id', '=', id).executeTakeFirst();
          if (!current) throw new DomainError('NOT_FOUND', `There is no page ${id}.`);
          if (current.revision !== revision) {
            throw new DomainError('STALE_REVISION', `This page was saved by someone else (revision ${current.revision}) after the revision ${revision} you edited; nothing was overwritten. Reload it and make your change again.`, {
              id,
              revision,
              currentRevision: current.revision,
            });
          }
          const at = input.at.toISOString();
          const row = await trx
            .updateTable('pages')
            .set({
              ...fieldColumns(input),
              // First published when it first goes live; kept while it stays live.
              published_at: input.status === 'published' ? (current.published_at === null ? at : toDate(current.published_at).toISOString()) : null,
              updated_at: at,
              updated_by: input.actorId,
              revision: revision + 1,
            })
            .where('id', '=', id)
            .where('revision', '=', revision)
            .returningAll()
            .executeTakeFirst();
          if (!row) throw new DomainError('STALE_REVISION', 'This page was saved by someone else at the same moment; nothing was overwritten. Reload it.', { id, revision });
          return toPage(row);
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw taken(input.slug);
        throw error;
      }
    },
    async remove(id) {
      const row = await db.deleteFrom('pages').where('id', '=', id).returningAll().executeTakeFirst();
      return row ? toPage(row) : undefined;
    },
    async findById(id) {
      const row = await db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toPage(row) : undefined;
    },
    async findPublicBySlug(slug) {
      const row = await db.selectFrom('pages').selectAll().where('slug', '=', slug).where('status', '=', 'published').executeTakeFirst();
      return row ? toPage(row) : undefined;
    },
    async list() {
      return (await ordered().execute()).map(toPage);
    },
    async listPublished() {
      return (await ordered().where('status', '=', 'published').execute()).map(toPage);
    },
  };
}
