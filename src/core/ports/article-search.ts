import type { ArticleSummary } from '../articles/article.js';

// Full-text search over public articles.

/** Full-text search; see `searchTerms` for how a query becomes terms. */
export interface ArticleSearch {
  /** Public articles matching every term, best match first (ties newest first). */
  search(query: { terms: readonly string[]; now: Date; limit: number; offset: number }): Promise<ArticleSummary[]>;
}
