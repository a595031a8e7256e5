import type { Kysely, Migration } from 'kysely';

/**
 * The sitemap index counts indexable public articles per month and takes each month's newest change. This
 * index holds every column that query reads (status and noindex to filter, published_at for the month and the
 * "already public" bound, updated_at for the last change), so the count walks the index alone instead of
 * visiting each article's row. Nothing is kept by hand: publishing, withdrawing, re-dating or deleting an
 * article updates the index as part of the same write.
 */
export function sitemapIndex(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('articles_sitemap_idx').on('articles').columns(['status', 'noindex', 'published_at', 'updated_at']).execute();
    },
  };
}
