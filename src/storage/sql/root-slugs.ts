import type { Kysely } from 'kysely';
import { DomainError } from '../../core/errors.js';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Database } from '../schema.js';

/**
 * The one check that a slug at the site's root is free: articles and static pages share /<slug>. Call it
 * inside the transaction that writes the slug; it takes the slug-space lock first, so two writers (an article
 * and a page wanting "about" at the same moment) cannot both see it free. Each table's own unique index
 * covers two writers of the same kind.
 */
export async function assertRootSlugFree(
  db: Kysely<Database>,
  adapter: DialectAdapter,
  slug: string,
  owner: { article?: number; page?: number },
): Promise<void> {
  await adapter.lockSlugSpace(db);
  let article = db.selectFrom('articles').select('id').where('slug', '=', slug);
  if (owner.article !== undefined) article = article.where('id', '<>', owner.article);
  if (await article.executeTakeFirst()) {
    throw new DomainError('SLUG_TAKEN', `The address /${slug} is already used by an article.`, { slug });
  }
  let page = db.selectFrom('pages').select('id').where('slug', '=', slug);
  if (owner.page !== undefined) page = page.where('id', '<>', owner.page);
  if (await page.executeTakeFirst()) {
    throw new DomainError('SLUG_TAKEN', `The address /${slug} is already used by a page.`, { slug });
  }
}

/** Whether an article or a page has the slug (a look, without the lock: for choosing a free slug to try). */
export async function rootSlugTaken(db: Kysely<Database>, slug: string): Promise<boolean> {
  const article = await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst();
  if (article) return true;
  return (await db.selectFrom('pages').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}
