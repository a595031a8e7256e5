import type { ArticleStatus, ArticleSummary } from '../articles/article.js';

// The newsroom's list of articles, every status.

export type ArticleSummaryWithStatus = Omit<ArticleSummary, 'publishedAt'> & {
  publishedAt: Date | null;
  status: ArticleStatus;
  revision: number;
};

export interface NewsroomList {
  /** Any status, newest change first, filtered; `titleContains` matches case-insensitively. */
  adminList(query: {
    status?: ArticleStatus;
    authorId?: number;
    categoryId?: number;
    titleContains?: string;
    limit: number;
  }): Promise<Array<ArticleSummaryWithStatus>>;
}
