import { sql, type Kysely } from 'kysely';
import { hasPublicLink, linkPublicRule } from './public-read.js';
import type { Category } from '../../core/taxonomy/taxonomy.js';
import type { CategoryStore, TagStore } from '../../core/ports.js';
import type { Database } from '../schema.js';
import { isUniqueViolation, toCategory, toTag } from './rows.js';
import { DomainError } from '../../core/errors.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import { reindexArticles } from './search-index.js';

export function createCategoryStore(db: Kysely<Database>, adapter: DialectAdapter): CategoryStore {
  return {
    async create(input) {
      try {
        const row = await db
          .insertInto('categories')
          .values({
            slug: input.slug,
            name: input.name,
            description: input.description ?? '',
            parent_id: input.parentId ?? null,
            position: input.position ?? 0,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toCategory(row);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DomainError('SLUG_TAKEN', `A category with the slug "${input.slug}" already exists.`, { slug: input.slug });
        }
        throw error;
      }
    },
    async findBySlug(slug) {
      const row = await db.selectFrom('categories').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && toCategory(row);
    },
    async update(id, changes) {
      try {
        const row = await db
          .updateTable('categories')
          .set({
            name: changes.name,
            slug: changes.slug,
            description: changes.description,
            parent_id: changes.parentId,
            ...(changes.position === undefined ? {} : { position: changes.position }),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw new DomainError('CATEGORY_NOT_FOUND', `There is no section ${id}.`);
        return toCategory(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('SLUG_TAKEN', `A section with the slug "${changes.slug}" already exists.`);
        throw error;
      }
    },
    async findByIds(ids) {
      const result = new Map<number, Category>();
      if (ids.length === 0) return result;
      const rows = await db.selectFrom('categories').selectAll().where('id', 'in', [...ids]).orderBy('id').execute();
      for (const row of rows) result.set(row.id, toCategory(row));
      return result;
    },
    async list() {
      const rows = await db.selectFrom('categories').selectAll().orderBy('position').orderBy('name').orderBy('id').execute();
      return rows.map(toCategory);
    },
    async setPositions(positions) {
      for (const { id, position } of positions) await db.updateTable('categories').set({ position }).where('id', '=', id).execute();
    },
    async articleCount(id) {
      const row = await db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('primary_category_id', '=', id)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async moveArticles(fromId, toId) {
      const moved = await db.updateTable('articles').set({ primary_category_id: toId }).where('primary_category_id', '=', fromId).returning('id').execute();
      // The section is a search filter word.
      await reindexArticles(db, adapter, moved.map((row) => row.id));
      return moved.length;
    },
    async reparentChildren(id, parentId) {
      await db.updateTable('categories').set({ parent_id: parentId }).where('parent_id', '=', id).execute();
    },
    async remove(id) {
      await db.deleteFrom('categories').where('id', '=', id).execute();
    },
  };
}

export function createTagStore(db: Kysely<Database>, adapter: DialectAdapter): TagStore {
  const carriers = async (tagId: number) =>
    (await db.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId).execute()).map((row) => row.article_id);
  return {
    async ensure(input) {
      const existing = await db.selectFrom('tags').selectAll().where('slug', '=', input.slug).executeTakeFirst();
      if (existing) return toTag(existing);
      const row = await db
        .insertInto('tags')
        .values({ slug: input.slug, name: input.name })
        .onConflict((oc) => oc.column('slug').doUpdateSet({ slug: input.slug }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toTag(row);
    },
    async findBySlug(slug) {
      const row = await db.selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && toTag(row);
    },
    async list(limit) {
      const rows = await db.selectFrom('tags').selectAll().orderBy('name').orderBy('id').limit(limit).execute();
      return rows.map(toTag);
    },
    async rename(id, name) {
      await db.updateTable('tags').set({ name }).where('id', '=', id).execute();
      // Tag names are searched.
      await reindexArticles(db, adapter, await carriers(id));
    },
    async listInUse(query) {
      const rows = await inUse(db, query.now)
        .selectAll('tags')
        .orderBy('tags.id')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      return rows.map(toTag);
    },
    async countInUse(now) {
      const row = await inUse(db, now).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    isInUse: (id, now) => hasPublicLink(db, { table: 'article_tags', tagId: id }, now),
    async findById(id) {
      const row = await db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toTag(row);
    },
    async listWithCounts(input) {
      let query = db
        .selectFrom('tags')
        .leftJoin('article_tags', 'article_tags.tag_id', 'tags.id')
        .select(['tags.id', 'tags.slug', 'tags.name', (eb) => eb.fn.count<number>('article_tags.article_id').as('articles')])
        .groupBy(['tags.id', 'tags.slug', 'tags.name']);
      if (input.ids) query = query.where('tags.id', 'in', input.ids.length > 0 ? [...input.ids] : [0]);
      if (input.query) query = query.where(sql<boolean>`lower(tags.name) like ${containsPattern(input.query)} escape '\\'`);
      const rows = await query.orderBy('tags.name').orderBy('tags.id').limit(input.limit).execute();
      return rows.map((row) => ({ ...toTag(row), articles: Number(row.articles) }));
    },
    async remove(id) {
      const carried = await carriers(id);
      await db.deleteFrom('tags').where('id', '=', id).execute();
      await reindexArticles(db, adapter, carried);
    },
    async merge(fromId, intoId) {
      const carried = await db.selectFrom('article_tags').select('article_id').where('tag_id', '=', fromId).orderBy('article_id').execute();
      // Articles that already carry both keep one link (the one to `intoId`); the rest are moved over, public_at and all.
      await db
        .updateTable('article_tags')
        .set({ tag_id: intoId })
        .where('tag_id', '=', fromId)
        .where('article_id', 'not in', db.selectFrom('article_tags as already').select('already.article_id').where('already.tag_id', '=', intoId))
        .execute();
      await db.deleteFrom('tags').where('id', '=', fromId).execute();
      await reindexArticles(db, adapter, carried.map((row) => row.article_id));
      return carried.map((row) => row.article_id);
    },
  };
}

/** A LIKE pattern for names containing `text` in any case, with LIKE's own wildcards escaped. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Tags carried by at least one public article (the read rule on the link table: see public-read.ts). */
function inUse(db: Kysely<Database>, now: Date) {
  return db.selectFrom('tags').where(({ exists, selectFrom }) =>
    exists(
      selectFrom('article_tags')
        .select('article_tags.article_id')
        .whereRef('article_tags.tag_id', '=', 'tags.id')
        .where(linkPublicRule('article_tags', now)),
    ),
  );
}
