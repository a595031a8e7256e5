import type { ArticleSummary, Byline, PublicArticle } from '../articles/article.js';
import type { Tag } from '../taxonomy/taxonomy.js';
import type { Cursor } from '../articles/cursor.js';

// What readers see: public articles only (the read rule in `publishing/visibility.ts`).

/** Which published articles a listing shows. Every list is newest first, ties broken by id. */
export interface ArticleListQuery {
  now: Date;
  limit: number;
  before?: Cursor;
  /** Articles whose primary category is one of these (a section and its subsections: see `descendantIds`). */
  categoryIds?: readonly number[];
  tagId?: number;
  authorId?: number;
  excludeIds?: readonly number[];
}

/** The reading site's and the feeds' view of articles. */
export interface PublicArticleReads {
  /** Public lookup: only a visible article (published, `published_at <= now`). */
  findPublicBySlug(slug: string, now: Date): Promise<PublicArticle | undefined>;
  listPublic(query: ArticleListQuery): Promise<ArticleSummary[]>;
  /** Authors of each article, in byline order. */
  bylines(articleIds: readonly number[]): Promise<Map<number, Byline[]>>;
  tags(articleIds: readonly number[]): Promise<Map<number, Tag[]>>;
  /** Body HTML of each article, for feeds. */
  bodies(articleIds: readonly number[]): Promise<Map<number, string>>;
  /** The earliest `published_at` after `now` of a published article: when listings next change by themselves. */
  nextScheduledAt(now: Date): Promise<Date | undefined>;
}
