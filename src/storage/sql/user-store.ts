import type { Kysely } from 'kysely';
import { hasPublicLink, linkPublicRule } from './public-read.js';
import { DomainError } from '../../core/errors.js';
import type { RedirectStore, UserStore } from '../../core/ports.js';
import type { Database } from '../schema.js';
import { isUniqueViolation, toAuthor } from './rows.js';

export function createUserStore(db: Kysely<Database>, now: () => Date): UserStore {
  return {
    async create(user) {
      try {
        const row = await db
          .insertInto('users')
          .values({
            email: user.email.toLowerCase(),
            display_name: user.displayName,
            slug: user.slug,
            bio: user.bio ?? '',
            role: user.role,
            password_hash: user.passwordHash ?? null,
            created_at: now().toISOString(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toAuthor(row);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new DomainError('SLUG_TAKEN', `A user with the e-mail ${user.email} or the slug "${user.slug}" already exists.`, {
            slug: user.slug,
          });
        }
        throw error;
      }
    },
    async findBySlug(slug) {
      const row = await db.selectFrom('users').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && toAuthor(row);
    },
    async findByEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return row && toAuthor(row);
    },
    async list() {
      const rows = await db.selectFrom('users').selectAll().orderBy('display_name').orderBy('id').execute();
      return rows.map(toAuthor);
    },
    async listBylined(at) {
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('article_authors')
              .select('article_authors.article_id')
              .whereRef('article_authors.user_id', '=', 'users.id')
              .where(linkPublicRule('article_authors', at)),
          ),
        )
        .orderBy('id')
        .execute();
      return rows.map(toAuthor);
    },
    isBylined: (id, at) => hasPublicLink(db, { table: 'article_authors', userId: id }, at),
  };
}

export function createRedirectStore(db: Kysely<Database>): RedirectStore {
  return {
    async add(input) {
      await db
        .insertInto('redirects')
        .values({ from_path: input.fromPath, to_path: input.toPath, status: input.status ?? 301 })
        .onConflict((oc) => oc.column('from_path').doUpdateSet({ to_path: input.toPath, status: input.status ?? 301 }))
        .execute();
    },
    async retarget(oldTo, newTo) {
      await db.updateTable('redirects').set({ to_path: newTo }).where('to_path', '=', oldTo).execute();
      await db.deleteFrom('redirects').where('from_path', '=', newTo).where('to_path', '=', newTo).execute();
    },
    async find(fromPath) {
      const row = await db
        .selectFrom('redirects')
        .select(['to_path', 'status'])
        .where('from_path', '=', fromPath)
        .executeTakeFirst();
      return row && { toPath: row.to_path, status: row.status };
    },
  };
}
