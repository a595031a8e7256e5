import type { Kysely } from 'kysely';
import type { Media } from '../../core/images/image.js';
import type { DemoKind, DemoMarkStore, DemoRemoval } from '../../core/ports.js';
import type { Database } from '../schema.js';
import type { DialectAdapter } from '../dialect-adapter.js';

export function createDemoMarkStore(db: Kysely<Database>, adapter: DialectAdapter): DemoMarkStore {
  const markedIds = (kind: DemoKind) => db.selectFrom('demo_marks').select('row_id').where('kind', '=', kind);
  const unmark = async (kind: DemoKind, ids: readonly number[]) => {
    if (ids.length > 0) await db.deleteFrom('demo_marks').where('kind', '=', kind).where('row_id', 'in', ids).execute();
  };

  return {
    async mark(kind, ids) {
      if (ids.length === 0) return;
      await db
        .insertInto('demo_marks')
        .values(ids.map((id) => ({ kind, row_id: id })))
        .onConflict((oc) => oc.columns(['kind', 'row_id']).doNothing())
        .execute();
    },

    async marked(kind) {
      const table = ({ article: 'articles', user: 'users', category: 'categories', tag: 'tags', media: 'media' } as const)[kind];
      const rows = await db.selectFrom(table).select('id').where('id', 'in', markedIds(kind)).orderBy('id').execute();
      return rows.map((row) => row.id);
    },

    async removeUnused(): Promise<DemoRemoval> {
      // Articles first, with everything hanging off them: what they used may then be unused.
      const articleIds = (await db.selectFrom('articles').select('id').where('id', 'in', markedIds('article')).execute()).map((row) => row.id);
      if (articleIds.length > 0) {
        await adapter.writeSearchDocs(db, articleIds, []);
        await db.deleteFrom('article_notes').where('article_id', 'in', articleIds).execute();
        await db.deleteFrom('revisions').where('article_id', 'in', articleIds).execute();
        await db.deleteFrom('article_authors').where('article_id', 'in', articleIds).execute();
        await db.deleteFrom('article_tags').where('article_id', 'in', articleIds).execute();
        await db.deleteFrom('articles').where('id', 'in', articleIds).execute();
      }
      await unmark('article', articleIds);

      const media = await db
        .deleteFrom('media')
        .where('id', 'in', markedIds('media'))
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('articles').select('articles.id').whereRef('articles.featured_media_id', '=', 'media.id'))))
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('users').select('users.id').whereRef('users.avatar_media_id', '=', 'media.id'))))
        .returning(['id', 'key', 'variants', 'crops'])
        .execute();
      await unmark('media', media.map((row) => row.id));

      // A person someone gave a password to, or who is in a byline the newsroom kept, is no longer the demo's.
      const users = await db
        .deleteFrom('users')
        .where('id', 'in', markedIds('user'))
        .where('password_hash', 'is', null)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('article_authors').select('article_authors.user_id').whereRef('article_authors.user_id', '=', 'users.id'))))
        .returning('id')
        .execute();
      await unmark('user', users.map((row) => row.id));

      // Child sections before their parents: a parent goes only once no section below it is left.
      const categoryIds: number[] = [];
      for (;;) {
        const removed = await db
          .deleteFrom('categories')
          .where('id', 'in', markedIds('category'))
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('articles').select('articles.id').whereRef('articles.primary_category_id', '=', 'categories.id'))))
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom('categories as child').select('child.id').whereRef('child.parent_id', '=', 'categories.id'))),
          )
          .returning('id')
          .execute();
        if (removed.length === 0) break;
        categoryIds.push(...removed.map((row) => row.id));
      }
      await unmark('category', categoryIds);

      const tags = await db
        .deleteFrom('tags')
        .where('id', 'in', markedIds('tag'))
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('article_tags').select('article_tags.tag_id').whereRef('article_tags.tag_id', '=', 'tags.id'))))
        .returning('id')
        .execute();
      await unmark('tag', tags.map((row) => row.id));

      return {
        articleIds,
        userIds: users.map((row) => row.id),
        categoryIds,
        tagIds: tags.map((row) => row.id),
        media: media.map((row) => ({ id: row.id, key: row.key, variants: JSON.parse(row.variants) as Media['variants'], crops: JSON.parse(row.crops) as Media['crops'] })),
      };
    },
  };
}
