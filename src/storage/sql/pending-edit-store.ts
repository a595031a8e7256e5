import type { Kysely } from 'kysely';
import type { EditableFields } from '../../core/articles/editable-fields.js';
import type { PendingEditStore } from '../../core/ports.js';
import type { Database } from '../schema.js';
import { toDate } from './rows.js';

/** Working copies of live articles (one per article) and edits kept aside for merging. */
export function createPendingEditStore(db: Kysely<Database>): PendingEditStore {
  return {
    async find(articleId) {
      const row = await db.selectFrom('article_pending').selectAll().where('article_id', '=', articleId).executeTakeFirst();
      return (
        row && {
          articleId: row.article_id,
          baseRevision: row.base_revision,
          fields: JSON.parse(row.fields) as EditableFields,
          savedBy: row.saved_by,
          savedAt: toDate(row.saved_at),
          applyAt: row.apply_at === null ? null : toDate(row.apply_at),
          applyRevision: row.apply_revision,
        }
      );
    },

    async put(edit) {
      const values = {
        base_revision: edit.baseRevision,
        fields: JSON.stringify(edit.fields),
        saved_by: edit.savedBy,
        saved_at: edit.savedAt.toISOString(),
        apply_at: edit.applyAt?.toISOString() ?? null,
        apply_revision: edit.applyRevision,
      };
      await db
        .insertInto('article_pending')
        .values({ article_id: edit.articleId, ...values })
        .onConflict((conflict) => conflict.column('article_id').doUpdateSet(values))
        .execute();
    },

    async clear(articleId) {
      await db.deleteFrom('article_pending').where('article_id', '=', articleId).execute();
    },

    async withPending(articleIds) {
      if (articleIds.length === 0) return new Set();
      const rows = await db.selectFrom('article_pending').select('article_id').where('article_id', 'in', [...articleIds]).execute();
      return new Set(rows.map((row) => row.article_id));
    },

    async keepUnmerged(input) {
      const row = await db
        .insertInto('article_unmerged')
        .values({
          article_id: input.articleId,
          user_id: input.userId,
          base_revision: input.baseRevision,
          fields: JSON.stringify(input.fields),
          against: input.against,
          created_at: input.createdAt.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async findUnmerged(id) {
      const row = await db.selectFrom('article_unmerged').selectAll().where('id', '=', id).executeTakeFirst();
      return (
        row && {
          id: row.id,
          articleId: row.article_id,
          userId: row.user_id,
          baseRevision: row.base_revision,
          fields: JSON.parse(row.fields) as EditableFields,
          against: row.against === 'live' ? 'live' : 'working',
          createdAt: toDate(row.created_at),
        }
      );
    },

    async dropUnmerged(id) {
      await db.deleteFrom('article_unmerged').where('id', '=', id).execute();
    },
  };
}
