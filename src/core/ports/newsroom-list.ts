import type { ArticleStatus, ArticleSummary } from '../articles/article.js';
import type { Cursor } from '../articles/cursor.js';
import type { DeskStatus } from '../articles/desk-status.js';

// The newsroom's list of articles, every status.

export type ArticleSummaryWithStatus = Omit<ArticleSummary, 'publishedAt'> & {
  publishedAt: Date | null;
  status: ArticleStatus;
  revision: number;
};

/** Which articles the newsroom's list shows: every field narrows it; none lists everything. */
export interface NewsroomFilter {
  /** The desk's status (`core/articles/desk-status.ts`) at `now`. */
  status?: DeskStatus;
  now: Date;
  authorId?: number;
  categoryId?: number;
  /** Matches the headline case-insensitively. */
  titleContains?: string;
  /** Only live (published or scheduled) articles with a working copy: changes readers do not see yet. */
  pendingChanges?: boolean;
}

/**
 * The order of a newsroom listing, on a key of its own plus the id:
 * - `changed`: the last change, newest first (the default; `scheduled` defaults to `publication-latest`);
 * - `publication-latest` / `publication-soonest`: the publication time, for `published` and `scheduled` only.
 */
export type NewsroomOrder = 'changed' | 'publication-latest' | 'publication-soonest';

export interface NewsroomList {
  /**
   * Any status, filtered, in `order`. `published` is only what readers can see, and `scheduled` lists
   * published articles whose time has not come. Keyset paging: `before` is the last row already shown
   * (the next page starts after it); `after` is the first row shown (the previous page, still returned in
   * list order). A cursor's time is the order's key (the last change, or the publication time).
   */
  adminList(query: NewsroomFilter & { order?: NewsroomOrder; before?: Cursor; after?: Cursor; limit: number }): Promise<Array<ArticleSummaryWithStatus>>;
  /** How many articles `adminList` would list with this filter, all pages together. */
  adminCount(filter: NewsroomFilter): Promise<number>;
}
