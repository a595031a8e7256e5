import type { Article, ArticleDraft, ArticleStatus } from '../articles/article.js';

// Writing articles and looking them up by id, whatever their status.

/** Fields of an article a write may change; absent means unchanged. */
export interface ArticleChanges {
  slug?: string;
  title?: string;
  dek?: string;
  bodyMd?: string;
  bodyHtml?: string;
  excerpt?: string;
  status?: ArticleStatus;
  publishedAt?: Date | null;
  firstPublishedAt?: Date | null;
  /** Absent for a save readers never see (a live article's working copy): its public "updated" time stays. */
  updatedAt?: Date;
  primaryCategoryId?: number | null;
  featuredMediaId?: number | null;
  seoTitle?: string | null;
  seoDescription?: string | null;
  canonicalUrl?: string | null;
  noindex?: boolean;
  authorIds?: readonly number[];
  tagIds?: readonly number[];
}

/** Creates and changes articles; every lookup here ignores visibility (the newsroom's and the API's view). */
export interface ArticleWrites {
  create(draft: ArticleDraft): Promise<Article>;
  findById(id: number): Promise<Article | undefined>;
  /**
   * Applies `changes` when the stored revision is still `revision`, and bumps it; throws STALE_REVISION
   * (nothing written) when someone saved in between, ARTICLE_NOT_FOUND when it is gone, SLUG_TAKEN on a clash.
   */
  update(id: number, revision: number, changes: ArticleChanges): Promise<Article>;
  /** Author ids (byline order) and tag ids of one article. */
  links(id: number): Promise<{ authorIds: number[]; tagIds: number[] }>;
  /** Whether an article or a static page has this slug (they share the site's root). */
  slugExists(slug: string): Promise<boolean>;
  count(): Promise<number>;
  /** True when there is no article at all: one indexed row lookup, whatever the archive's size. */
  isEmpty(): Promise<boolean>;
}
