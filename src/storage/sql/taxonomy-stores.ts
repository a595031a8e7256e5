import type { Kysely } from 'kysely';
import { hasPublicLink, linkPublicRule } from './public-read.js';
import type { Category } from '../../core/taxonomy/taxonomy.js';
import type { CategoryStore, TagStore } from '../../core/ports.js';
import type { Database } from '../schema.js';
import { isUniqueViolation, toCategory, toTag } from './rows.js';
import { DomainError } from '../../core/errors.js';

export function createCategoryStore(db: Kysely<Database>): CategoryStore {
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
          .set({ name: changes.name, slug: changes.slug, description: changes.description, parent_id: changes.parentId })
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
      const rows = await db.selectFrom('categories').selectAll().orderBy('name').orderBy('id').execute();
      return rows.map(toCategory);
    },
  };
}

export function createTagStore(db: Kysely<Database>): TagStore {
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
  };
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
