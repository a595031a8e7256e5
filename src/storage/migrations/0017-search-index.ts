import type { Kysely, Migration } from 'kysely';
import type { DialectAdapter } from '../dialect-adapter.js';
import type { Database } from '../schema.js';
import { reindexAll } from '../sql/search-index.js';

/**
 * Replaces 0002's full-text index with one that both databases fill with the same words, made by our own
 * code (core/fulltext/words.ts), filed newest first under a key (core/fulltext/document.ts), holding only what
 * readers may find, with filter words for section, author and tag. Existing articles are indexed here, in
 * the migration's transaction. See docs/adr/0010-search.md.
 */
export function searchIndex(adapter: DialectAdapter): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await adapter.createSearchIndex(db);
      await reindexAll(db as Kysely<Database>, adapter);
    },
  };
}
