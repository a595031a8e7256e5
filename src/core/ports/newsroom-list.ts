import type { ArticleStatus, ArticleSummary } from '../articles/article.js';
import type { DeskStatus } from '../articles/desk-status.js';

// The newsroom's list of articles, every status.

export type ArticleSummaryWithStatus = Omit<ArticleSummary, 'publishedAt'> & {
  publishedAt: Date | null;
  status: ArticleStatus;
  revision: number;
};

export interface NewsroomList {
  /**
   * Any status, newest change first, filtered; `titleContains` matches case-insensitively. The status is the
   * desk's (`core/articles/desk-status.ts`) at `now`: `published` is only what readers can see, and `scheduled`
   * lists published articles whose time has not come, the latest publication time first.
   */
  adminList(query: {
    status?: DeskStatus;
    now: Date;
    authorId?: number;
    categoryId?: number;
    titleContains?: string;
    limit: number;
  }): Promise<Array<ArticleSummaryWithStatus>>;
}
